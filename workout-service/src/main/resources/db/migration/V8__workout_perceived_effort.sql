-- The athlete's rating of a session (session RPE, Borg CR-10: 1 very light … 10 maximal), set when
-- entering or editing a workout; analytics-service's training load falls back to it without heart
-- rate (docs/analytics.md).
alter table workout add column perceived_effort smallint
    constraint workout_perceived_effort_range check (perceived_effort between 1 and 10);
