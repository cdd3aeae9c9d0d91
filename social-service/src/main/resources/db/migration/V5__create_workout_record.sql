-- The personal records a workout set (PersonalRecordSet from workout-service), shown with the
-- workout wherever it is shown: a record belongs to its workout and is seen as the workout is.
-- It stays when a later workout beats it (it was the athlete's best when it was set, as Strava's
-- badges stay) and goes with the workout.
create table workout_record (
    workout_id       uuid             not null,
    owner_id         uuid             not null,
    effort           varchar(32)      not null,
    distance_m       double precision not null,
    elapsed_seconds  double precision not null,
    previous_seconds double precision,
    primary key (workout_id, effort)
);
create index workout_record_owner on workout_record (owner_id);
