-- gamification-service (ADR 0028). Copies of other services' facts first, then what is derived
-- from them; the derived tables are a pure function of the copies (a replay rebuilds them exactly),
-- so they hold no wall-clock times.

-- The profile fields the rules need: the athlete's own zone (local days, early bird, night owl),
-- region (holidays, first day of the week) and account privacy. Fed by ProfileUpdated.
create table athlete (
    user_id          uuid        primary key,
    time_zone        varchar(64) not null default 'UTC',
    region           varchar(10),
    account_private  boolean     not null default false,
    profile_version  bigint      not null
);

-- Workouts as workout-service last described them (WorkoutRecorded = version 0, WorkoutUpdated
-- carries its version). A deleted workout stays as a tombstone (deleted = true, facts cleared) so an
-- event of it arriving late cannot bring it back.
create table workout (
    workout_id        uuid             primary key,
    owner_id          uuid             not null,
    version           bigint           not null,
    deleted           boolean          not null default false,
    sport             varchar(32),
    start_time        timestamptz,
    elapsed_seconds   bigint,
    moving_seconds    bigint,
    distance_meters   double precision,
    elevation_gain    double precision,
    average_heart_rate integer,
    max_heart_rate    integer,
    max_speed         double precision,
    gps_jumps         integer,
    visibility        varchar(16),
    source            varchar(16)
);
create index workout_owner on workout (owner_id, start_time) where not deleted;

-- Personal records workout-service announced, by the workout that set them.
create table personal_record (
    workout_id  uuid        not null,
    effort      varchar(32) not null,
    owner_id    uuid        not null,
    primary key (workout_id, effort)
);
create index personal_record_owner on personal_record (owner_id);

-- Derived: each workout's score. status COUNTED (points awarded, capped per local day) or REVIEW
-- (implausible: no points, reasons say why).
create table workout_score (
    workout_id   uuid         primary key,
    owner_id     uuid         not null,
    local_date   date         not null,
    base_points  integer      not null check (base_points >= 0),
    points       integer      not null check (points >= 0),
    status       varchar(8)   not null check (status in ('COUNTED', 'REVIEW')),
    reasons      varchar(200) not null default ''
);
create index workout_score_owner on workout_score (owner_id, local_date);

-- Derived: an athlete's totals and streaks (days in the athlete's zone; weeks by their first day).
create table progress (
    user_id              uuid     primary key,
    points               bigint   not null,
    level                integer  not null,
    workouts_counted     integer  not null,
    daily_length         integer  not null,
    daily_start          date,
    daily_last           date,
    daily_longest        integer  not null,
    freeze_tokens        integer  not null,
    weekly_length        integer  not null,
    weekly_start         date,
    weekly_last          date,
    weekly_longest       integer  not null
);

-- Derived: the badges an athlete holds, one row per badge and tier, with what earned it.
create table badge (
    user_id     uuid        not null,
    badge       varchar(40) not null,
    tier        integer     not null,
    title       varchar(80) not null,
    workout_id  uuid,
    earned_at   timestamptz not null,
    primary key (user_id, badge, tier)
);

-- What the athlete has been told (BadgeAwarded, LevelReached, StreakExtended): never twice, even
-- when a badge is lost and earned again or a rebuild derives everything anew. Not derived state.
create table announcement (
    user_id   uuid        not null,
    kind      varchar(16) not null,
    subject   varchar(80) not null,
    primary key (user_id, kind, subject)
);
