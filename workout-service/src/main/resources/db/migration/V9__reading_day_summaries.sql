-- Daily summaries of tracker readings for other services (DailyReadingsSummarized, ADR 0033).
-- Each stored batch marks the local days it touched as due a minute later; ReadingSummaries
-- summarizes the due days and publishes those whose figures changed, so a tracker posting every
-- few seconds makes one event per day and minute at most, not one per batch.
create table reading_day_due (
    user_id  uuid        not null,
    day      date        not null,
    due_at   timestamptz not null,
    primary key (user_id, day)
);
create index reading_day_due_at on reading_day_due (due_at);

-- What was last published per day, so an unchanged summary is not sent again.
create table reading_day_summary (
    user_id            uuid    not null,
    day                date    not null,
    steps              bigint,
    resting_heart_rate integer,
    primary key (user_id, day)
);
