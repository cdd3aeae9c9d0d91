-- Gear: an athlete's shoes, bikes and other equipment (ADR 0032). Each workout may name one; its
-- distance and time are the sums over those workouts, so they are always true (no counters to
-- drift after an edit, a reprocess or a delete).
create table gear (
    id              uuid primary key,
    owner_id        uuid         not null,
    kind            varchar(8)   not null check (kind in ('shoes', 'bike', 'other')),
    name            varchar(100) not null check (length(trim(name)) > 0),
    brand           varchar(100),
    model           varchar(100),
    retired_on      date,
    -- remind the athlete (a notification) when the gear's distance reaches this
    reminder_m      double precision check (reminder_m > 0),
    -- when that reminder went out; null again when the athlete sets a new distance
    reminded_at     timestamptz,
    created_at      timestamptz  not null,
    updated_at      timestamptz  not null
);
create index gear_owner_created on gear (owner_id, created_at, id);

-- the gear a new workout of a sport gets when it names none: one per athlete and sport
create table gear_default (
    owner_id  uuid        not null,
    sport     varchar(24) not null,
    gear_id   uuid        not null references gear (id) on delete cascade,
    primary key (owner_id, sport)
);
create index gear_default_gear on gear_default (gear_id);

alter table workout add column gear_id uuid references gear (id) on delete set null;
create index workout_gear on workout (gear_id) where gear_id is not null;
