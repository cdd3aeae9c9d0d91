-- Running efforts race predictions are made from (docs/analytics.md, "Running estimates"): each
-- run's best efforts as workout-service found them (the fastest 1 km, 5 km … inside it) and the
-- run as a whole, on the athlete's local day; replaced with each state of the workout, removed
-- with it.
create table best_effort (
    workout_id       uuid             not null,
    name             varchar(32)      not null,
    owner_id         uuid             not null,
    local_day        date             not null,
    distance_meters  double precision not null,
    elapsed_seconds  double precision not null,
    primary key (workout_id, name)
);
create index best_effort_owner_day on best_effort (owner_id, local_day);
