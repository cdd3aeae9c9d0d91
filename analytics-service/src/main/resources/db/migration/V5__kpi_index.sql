-- The platform KPIs (active athletes in the last day, week and month) count distinct owners of
-- recent workouts every minute: an index by start time keeps that to the last 30 days' rows.
create index workout_start on workout (start_time) where not deleted;
