-- analytics-service (ADR 0033). Copies of other services' facts, and per workout the load computed
-- from them. Totals and the fitness series are computed per request from these rows (nothing else
-- is stored), so a late, edited or deleted workout is right in every answer at once.

-- The profile fields the models need: the zone (local days), region (first day of the week), sex,
-- birth date and heart rates (TRIMP). Fed by ProfileUpdated; only ever moving forward in version.
create table athlete (
    user_id            uuid        primary key,
    time_zone          varchar(64) not null default 'UTC',
    region             varchar(10),
    sex                varchar(16),
    birth_date         date,
    max_heart_rate     integer,
    resting_heart_rate integer,
    profile_version    bigint      not null
);

-- Workouts as workout-service last described them (WorkoutRecorded = version 0, WorkoutUpdated
-- carries its version), with the athlete's local day and the training load computed from them. A
-- deleted workout stays as a tombstone (deleted = true, facts cleared) so a late event of it
-- cannot bring it back.
create table workout (
    workout_id         uuid             primary key,
    owner_id           uuid             not null,
    version            bigint           not null,
    deleted            boolean          not null default false,
    sport              varchar(32),
    start_time         timestamptz,
    local_day          date,
    elapsed_seconds    bigint,
    moving_seconds     bigint,
    distance_meters    double precision,
    elevation_gain     double precision,
    calories           integer,
    average_heart_rate integer,
    zone_seconds       double precision[],
    perceived_effort   smallint,
    visibility         varchar(16),
    trimp              double precision,
    hr_tss             double precision,
    session_rpe        double precision,
    load               double precision,
    load_method        varchar(16)
);
-- totals and daily loads of one athlete read this index only
create index workout_owner_day on workout (owner_id, local_day)
    include (sport, distance_meters, moving_seconds, elevation_gain, calories, load)
    where not deleted;
