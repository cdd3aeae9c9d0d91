-- Challenges and leaderboards (ADR 0029).

-- The athlete's name, shown on leaderboards. Fed by ProfileUpdated like the rest of the copy.
alter table athlete add column display_name varchar(100);
alter table athlete add column avatar_url   varchar(500);

-- Copies of social-service's facts: club memberships with their roles (who may create a club's
-- challenges, who sees its boards) and follows (a private account is seen by its followers; blocks
-- are the platform's blocked_pair). A follow keeps its pair's version and stays as an inactive row
-- once ended, so an older event arriving late cannot bring it back.
create table club_member (
    club_id     uuid        not null,
    athlete_id  uuid        not null,
    role        varchar(16) not null,
    primary key (club_id, athlete_id)
);
create index club_member_athlete on club_member (athlete_id);

create table follow (
    follower_id  uuid    not null,
    user_id      uuid    not null,
    active       boolean not null,
    version      bigint  not null,
    primary key (follower_id, user_id)
);


-- A challenge: a goal (distance in meters, moving time in seconds, a count of workouts, meters
-- climbed) for workouts of one sport or any, between two local dates (inclusive) in a time zone,
-- open to everyone, a region's athletes or a club's members. Written by admins (club admins for
-- their club's); not derived.
create table challenge (
    challenge_id  uuid          primary key,
    title         varchar(120)  not null,
    description   varchar(2000) not null default '',
    goal          varchar(16)   not null check (goal in ('distance', 'moving_time', 'count', 'elevation')),
    target        bigint        not null check (target > 0),
    sport         varchar(32),
    time_zone     varchar(64)   not null,
    starts_on     date          not null,
    ends_on       date          not null,
    starts_at     timestamptz   not null,
    ends_at       timestamptz   not null,
    scope         varchar(8)    not null check (scope in ('everyone', 'region', 'club')),
    region        varchar(10),
    club_id       uuid,
    sponsored     boolean       not null default false,
    campaign_id   varchar(64),
    created_by    uuid          not null,
    created_at    timestamptz   not null,
    participants  integer       not null default 0 check (participants >= 0),
    check (ends_on >= starts_on),
    check ((scope = 'region') = (region is not null)),
    check ((scope = 'club') = (club_id is not null)),
    check (sponsored or campaign_id is null)
);
create index challenge_window on challenge (ends_at, starts_at);
create index challenge_club on challenge (club_id) where club_id is not null;

-- Who joined a challenge (the athlete's own act, not derived) and their progress (derived: a
-- function of their workouts in the window). completed_* name the workout that reached the goal.
create table challenge_participant (
    challenge_id       uuid        not null references challenge on delete cascade,
    athlete_id         uuid        not null,
    joined_at          timestamptz not null,
    progress           bigint      not null default 0,
    workouts           integer     not null default 0,
    completed_workout  uuid,
    completed_at       timestamptz,
    primary key (challenge_id, athlete_id)
);
create index challenge_participant_athlete on challenge_participant (athlete_id);

-- Derived: every athlete's score on every board they are on. Boards are named:
--   challenge:<id>                          a challenge's participants, by progress
--   weekly:<sport>:<monday>                 everyone's distance in meters in an ISO week
--   weekly:<sport>:<monday>:region:<code>   the same, for one region's athletes
--   weekly:<sport>:<monday>:club:<id>       the same, for one club's members
-- Only workouts everyone may see count here (ADR 0029).
create table board_entry (
    board       varchar(120) not null,
    athlete_id  uuid         not null,
    score       bigint       not null check (score >= 0),
    primary key (board, athlete_id)
);
create index board_entry_rank on board_entry (board, score, athlete_id);
create index board_entry_athlete on board_entry (athlete_id);

-- Derived: how many entries of a board have a score in each bucket (floor(sqrt(score))), so a rank
-- among a million is a sum over a few hundred buckets plus a count inside one.
create table board_bucket (
    board     varchar(120) not null,
    bucket    integer      not null,
    athletes  integer      not null check (athletes >= 0),
    primary key (board, bucket)
);
