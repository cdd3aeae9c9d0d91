-- The home feed (ADR 0026): a copy of each workout's summary, and one row per reader and
-- workout written when the workout is recorded (fan-out on write). Accounts with more followers
-- than stride.social.feed.fan-out-limit are not fanned out: their workouts are read from the
-- copy when a follower opens the feed (the pull path).

-- Each workout as workout-service last said (never backwards in version: WorkoutRecorded is
-- version 0, each WorkoutUpdated its own; a deleted workout stays as a tombstone so a late
-- update cannot bring it back). No coordinates: map previews come from workout-service.
create table workout (
    workout_id       uuid primary key,
    owner_id         uuid             not null,
    sport            varchar(32)      not null,
    title            varchar(200),
    start_time       timestamptz      not null,
    elapsed_seconds  bigint           not null,
    moving_seconds   bigint,
    distance_m       double precision,
    elevation_gain_m double precision,
    visibility       varchar(16)      not null,
    version          bigint           not null,
    deleted          boolean          not null default false
);
create index workout_owner on workout (owner_id, start_time desc, workout_id) where not deleted;

-- reader_id sees workout_id of owner_id in the home feed.
create table feed_item (
    reader_id  uuid        not null,
    workout_id uuid        not null,
    owner_id   uuid        not null,
    start_time timestamptz not null,
    primary key (reader_id, workout_id)
);
create index feed_item_page on feed_item (reader_id, start_time desc, workout_id);
create index feed_item_owner on feed_item (owner_id, reader_id);
create index feed_item_workout on feed_item (workout_id);

-- How many approved followers each athlete has: decides fan-out or pull.
alter table athlete add column followers bigint not null default 0;
