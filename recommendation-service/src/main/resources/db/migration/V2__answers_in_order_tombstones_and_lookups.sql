-- Joins and departures in the order they happened: a membership keeps when it began, so a late
-- or replayed ClubLeft/ChallengeLeft older than a rejoin ends nothing, and a replayed join older
-- than a departure does not bring the athlete back.
alter table club_member add column joined_at timestamptz not null default '-infinity';
alter table challenge_participant add column joined_at timestamptz not null default '-infinity';

-- Deleted workouts and challenges: a replayed or late WorkoutRecorded/ChallengeChanged of
-- something deleted stores nothing. Workout tombstones go after the workout window.
create table tombstone (
    kind        varchar(16) not null check (kind in ('workout', 'challenge')),
    target_id   uuid        not null,
    deleted_at  timestamptz not null,
    primary key (kind, target_id)
);

-- From now on a workout is "shown" (says what the athlete does to others) only when public:
-- followers-only workouts are not for the strangers people suggestions are made to.

-- Who has this athlete in their list (an account turning private, an erasure), who dismissed
-- them, and who follows them, without scanning.
create index suggestion_person_target on suggestion (target_id) where kind = 'person';
create index dismissal_person_target on dismissal (target_id) where kind = 'person';
create index follow_user on follow (user_id);
