-- Platform tables every service gets in its own schema (see platform/service-support).

-- Transactional outbox: events are written here in the business transaction and relayed to
-- Kafka after commit. A row is PUBLISHED only after the broker acknowledged it.
create table outbox_event (
    seq             bigserial primary key,
    id              uuid         not null unique,
    topic           varchar(200) not null,
    message_key     varchar(200) not null,
    event_type      varchar(200) not null,
    envelope        jsonb        not null,
    headers         jsonb        not null default '{}'::jsonb,
    status          varchar(16)  not null default 'PENDING' check (status in ('PENDING', 'PUBLISHED')),
    attempts        integer      not null default 0 check (attempts >= 0),
    created_at      timestamptz  not null default now(),
    next_attempt_at timestamptz  not null default now(),
    published_at    timestamptz,
    last_error      text,
    check ((status = 'PUBLISHED') = (published_at is not null))
);
create index outbox_event_pending on outbox_event (seq) where status = 'PENDING';
create index outbox_event_published_at on outbox_event (published_at) where status = 'PUBLISHED';

-- Idempotent consumption: the id of every event a consumer applied, written in the same
-- transaction as its effect, so a redelivered event changes nothing twice.
create table processed_event (
    consumer     varchar(100) not null,
    event_id     uuid         not null,
    event_type   varchar(200) not null,
    processed_at timestamptz  not null default now(),
    primary key (consumer, event_id)
);
