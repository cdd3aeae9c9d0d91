-- Kudos and comments on workouts (issue #12). Both go with their workout: a deleted workout's
-- are deleted (WorkoutDeleted); a hidden one's are seen by nobody who cannot see the workout.

-- One kudos per person and workout.
create table kudos (
    workout_id uuid        not null,
    giver_id   uuid        not null,
    given_at   timestamptz not null,
    primary key (workout_id, giver_id)
);
create index kudos_giver on kudos (giver_id);
create index kudos_list on kudos (workout_id, given_at desc, giver_id);

-- Plain text, never rendered as HTML by us; 1 to 2,000 characters.
create table comment (
    comment_id uuid          primary key,
    workout_id uuid          not null,
    author_id  uuid          not null,
    text       varchar(2000) not null check (char_length(text) between 1 and 2000),
    created_at timestamptz   not null,
    edited_at  timestamptz
);
create index comment_workout on comment (workout_id, created_at, comment_id);
create index comment_author on comment (author_id, created_at);

-- The athletes a comment mentions whom its author may see.
create table comment_mention (
    comment_id uuid not null references comment on delete cascade,
    athlete_id uuid not null,
    primary key (comment_id, athlete_id)
);
create index comment_mention_athlete on comment_mention (athlete_id);

-- Counts shown with each feed item, kept with every kudos and comment.
alter table workout add column kudos bigint not null default 0;
alter table workout add column comments bigint not null default 0;
