-- The resting heart rate and steps of each day, from workout-service's DailyReadingsSummarized
-- (the latest summary per day kept): readiness compares today's resting heart rate with the
-- athlete's 28-day baseline (docs/analytics.md).
create table daily_reading (
    user_id            uuid        not null,
    day                date        not null,
    resting_heart_rate integer,
    steps              bigint,
    summarized_at      timestamptz not null,
    primary key (user_id, day)
);
