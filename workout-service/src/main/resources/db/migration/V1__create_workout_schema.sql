-- What workout-service needs to know about each athlete, copied from profile-service's
-- ProfileUpdated events (profile-service owns the data; this is a read-only local copy).
create table athlete (
    user_id            uuid primary key,
    default_visibility varchar(16) not null check (default_visibility in ('PUBLIC', 'FOLLOWERS', 'PRIVATE')),
    account_private    boolean     not null,
    time_zone          varchar(64) not null,
    birth_date         date,
    weight_kg          numeric(5, 1),
    max_heart_rate     integer,
    resting_heart_rate integer,
    profile_version    bigint      not null
);

-- Who follows whom, for FOLLOWERS visibility. Filled from social-service's events once that
-- service exists; until then nobody follows anybody and FOLLOWERS workouts are seen by their
-- owner only.
create table follower (
    owner_id    uuid not null,
    follower_id uuid not null,
    primary key (owner_id, follower_id)
);

create table workout (
    id                 uuid primary key,
    owner_id           uuid         not null,
    sport              varchar(24)  not null check (sport in ('RUN', 'TRAIL_RUN', 'WALK', 'HIKE', 'RIDE',
                           'MOUNTAIN_BIKE', 'INDOOR_RIDE', 'SWIM', 'ROWING', 'STRENGTH', 'YOGA', 'OTHER')),
    title              varchar(200) not null check (length(trim(title)) > 0),
    notes              varchar(10000),
    visibility         varchar(16)  not null check (visibility in ('PUBLIC', 'FOLLOWERS', 'PRIVATE')),
    start_time         timestamptz  not null,
    elapsed_seconds    integer      not null check (elapsed_seconds between 0 and 2592000),
    moving_seconds     integer      check (moving_seconds between 0 and elapsed_seconds),
    distance_m         double precision check (distance_m >= 0),
    elevation_gain_m   double precision check (elevation_gain_m >= 0),
    elevation_loss_m   double precision check (elevation_loss_m >= 0),
    calories           integer      check (calories >= 0),
    calories_source    varchar(16)  check (calories_source in ('DEVICE', 'ESTIMATED', 'MANUAL')),
    average_heart_rate integer      check (average_heart_rate between 20 and 260),
    max_heart_rate     integer      check (max_heart_rate between 20 and 260),
    source             varchar(16)  not null check (source in ('MANUAL', 'FILE', 'LIVE')),
    device             varchar(200),
    import_id          uuid,
    metrics            jsonb,
    device_totals      jsonb,
    laps               jsonb,
    created_at         timestamptz  not null,
    updated_at         timestamptz  not null,
    version            bigint       not null,
    check ((calories is null) = (calories_source is null))
);
-- the list: an athlete's workouts newest first, cursor = (start_time, id)
create index workout_owner_start on workout (owner_id, start_time desc, id desc);
create index workout_owner_sport_start on workout (owner_id, sport, start_time desc, id desc);

-- Sample streams of a workout, one row per channel: values packed and compressed, written and
-- read in bulk (a workout of 10,000 points is ~10 rows, not 100,000).
create table workout_stream (
    workout_id  uuid        not null references workout (id) on delete cascade,
    type        varchar(16) not null,
    point_count integer     not null check (point_count > 0),
    data        bytea       not null,
    primary key (workout_id, type)
);

-- Best efforts found inside each workout; an athlete's personal record for an effort is the
-- fastest row of their family and effort.
create table best_effort (
    workout_id uuid             not null references workout (id) on delete cascade,
    owner_id   uuid             not null,
    family     varchar(16)      not null,
    effort     varchar(32)      not null,
    meters     double precision not null check (meters > 0),
    seconds    double precision not null check (seconds > 0),
    start_time timestamptz      not null,
    primary key (workout_id, effort)
);
create index best_effort_record on best_effort (owner_id, family, effort, seconds);

create table workout_import (
    id           uuid primary key,
    owner_id     uuid         not null,
    status       varchar(16)  not null check (status in ('QUEUED', 'PROCESSING', 'DONE', 'FAILED', 'DUPLICATE')),
    file_name    varchar(255),
    requested_sport varchar(24),
    format       varchar(8),
    size_bytes   integer      not null check (size_bytes > 0),
    sha256       varchar(64)  not null,
    reason       varchar(500),
    workout_id   uuid,
    attempts     integer      not null default 0,
    created_at   timestamptz  not null,
    started_at   timestamptz,
    finished_at  timestamptz,
    check (status not in ('DONE', 'DUPLICATE') or workout_id is not null),
    check (status <> 'FAILED' or reason is not null)
);
create index workout_import_owner_hash on workout_import (owner_id, sha256);
create index workout_import_waiting on workout_import (created_at) where status in ('QUEUED', 'PROCESSING');

-- The file as uploaded, kept so a workout can be processed again when an algorithm improves.
create table workout_import_file (
    import_id uuid primary key references workout_import (id) on delete cascade,
    content   bytea not null
);

-- Idempotency-Key on creating requests: the same key and body give the same resource.
create table idempotency_key (
    owner_id     uuid         not null,
    scope        varchar(32)  not null,
    key          varchar(255) not null,
    request_hash varchar(64)  not null,
    resource_id  uuid         not null,
    created_at   timestamptz  not null,
    primary key (owner_id, scope, key)
);

-- Tracker samples: one row per sample, written in bulk (one statement per batch) and read per
-- user, type and time range. The key makes each sample unique per device, so retries and
-- overlapping batches store it once.
create table reading (
    user_id   uuid             not null,
    device_id varchar(64)      not null,
    type      smallint         not null,
    time      timestamptz      not null,
    value     double precision,
    lat       double precision,
    lng       double precision,
    primary key (user_id, type, time, device_id)
);

-- Batch numbers each device has delivered, committed with the batch's samples.
create table reading_batch (
    user_id     uuid        not null,
    device_id   varchar(64) not null,
    batch       bigint      not null,
    samples     integer     not null,
    received_at timestamptz not null,
    primary key (user_id, device_id, batch)
);

-- A tracker recording right now; finishing turns its readings into a workout.
create table live_workout (
    id          uuid primary key,
    user_id     uuid        not null,
    device_id   varchar(64) not null,
    sport       varchar(24) not null,
    status      varchar(16) not null check (status in ('RECORDING', 'FINISHED')),
    started_at  timestamptz not null,
    finished_at timestamptz,
    workout_id  uuid,
    check ((status = 'FINISHED') = (workout_id is not null))
);
create index live_workout_user on live_workout (user_id, started_at desc);

-- Privacy zones: only workout-service knows them; no event ever carries them, and they are
-- applied when coordinates are read, so changes reach existing workouts at once.
create table privacy_zone (
    id         uuid primary key,
    owner_id   uuid             not null,
    lat        double precision not null check (lat between -90 and 90),
    lng        double precision not null check (lng between -180 and 180),
    radius_m   integer          not null check (radius_m between 200 and 1600),
    label      varchar(80),
    created_at timestamptz      not null
);
create index privacy_zone_owner on privacy_zone (owner_id);
