-- Which version of the metrics an imported workout was computed with (WorkoutMetrics.VERSION);
-- workout-service recomputes older ones from their original files in the background.
alter table workout add column metrics_version smallint not null default 0;
create index workout_metrics_outdated on workout (metrics_version) where import_id is not null;
