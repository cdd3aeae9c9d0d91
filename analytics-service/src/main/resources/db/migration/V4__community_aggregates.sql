-- Aggregates shown to other people (ADR 0033): only public workouts of public accounts count, and
-- only groups of at least 10 athletes are shown.
alter table athlete add column account_private boolean not null default false;
create index workout_public_day on workout (local_day, sport)
    where not deleted and visibility = 'public';
