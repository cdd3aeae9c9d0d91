-- The fitness model carried forward per athlete (docs/analytics.md, "Fitness, fatigue and form"):
-- fitness, fatigue, acute and chronic load at the end of the day before anchor_day, and the load of
-- anchor_day (never before the athlete's last day with training). A workout event moves it by the
-- load it changed (the averages are linear in the daily loads) instead of reading the history; the
-- series the API answers is still run from the workouts per request. Without a row (an athlete
-- from before this table), the next change computes it from the workouts.
create table training_state (
    user_id     uuid             primary key,
    anchor_day  date             not null,
    anchor_load double precision not null,
    fitness     double precision not null,
    fatigue     double precision not null,
    acute       double precision not null,
    chronic     double precision not null
);
