-- notification-service schema: who is told what, by which channel, and when (ADR 0027).

-- What notifications need about each person: the name and picture they show (ProfileUpdated,
-- only ever forward in profile_version; UserRegistered gives a first name), the time zone and
-- region that decide quiet hours and the language of emails, and the email address
-- (AccountContactChanged, forward in contact_version; nothing else in Stride holds it).
-- stream_seq numbers this person's live-stream events: raised under the row lock, so one
-- person's events commit in the order of their numbers.
create table person (
    user_id         uuid primary key,
    display_name    varchar(80),
    avatar_url      varchar(2048),
    time_zone       varchar(64),
    region          varchar(16),
    profile_version bigint      not null default -1,
    email           varchar(320),
    email_verified  boolean     not null default false,
    contact_version bigint      not null default -1,
    stream_seq      bigint      not null default 0
);

-- One notification in a person's inbox, one per group_key: what one fact makes twice (a replay, a
-- second follow by the same person) changes nothing, and for collapsing types ("Ada and 11 others
-- gave kudos") a new actor updates the row, raises updated_at and makes it unread again. actor_id is the latest actor, actor_count how many there are; subject_id the thing
-- it is about (a workout, an import); data what its text needs besides names. in_app false: the
-- person switched the type off in the inbox, and the row exists only for email or push.
create table notification (
    notification_id uuid primary key,
    user_id         uuid         not null,
    type            varchar(40)  not null,
    group_key       varchar(120) not null,
    actor_id        uuid,
    actor_count     integer      not null default 0,
    subject_id      uuid,
    data            jsonb        not null default '{}',
    created_at      timestamptz  not null,
    updated_at      timestamptz  not null,
    read_at         timestamptz,
    in_app          boolean      not null,
    unique (user_id, group_key)
);
create index notification_inbox on notification (user_id, updated_at desc, notification_id desc)
    where in_app;
create index notification_unread on notification (user_id) where read_at is null and in_app;

-- Everyone behind a collapsed notification, once each: a repeated kudos changes nothing, and a
-- block or an erasure takes the person out of the count.
create table notification_actor (
    notification_id uuid        not null references notification on delete cascade,
    actor_id        uuid        not null,
    acted_at        timestamptz not null,
    primary key (notification_id, actor_id)
);
create index notification_actor_by_actor on notification_actor (actor_id);

-- The live stream of each person's inbox changes, numbered by person.stream_seq: what a browser
-- that reconnects with Last-Event-ID has missed. Kept for a day.
create table stream_event (
    user_id         uuid        not null,
    seq             bigint      not null,
    kind            varchar(16) not null check (kind in ('notification', 'read', 'read-all', 'deleted')),
    notification_id uuid,
    at              timestamptz not null,
    primary key (user_id, seq)
);
create index stream_event_age on stream_event (at);

-- A notification type's channel switched away from its default (type × channel).
create table preference (
    user_id uuid        not null,
    type    varchar(40) not null,
    channel varchar(16) not null check (channel in ('in_app', 'email', 'push')),
    enabled boolean     not null,
    primary key (user_id, type, channel)
);

-- A person's delivery settings: quiet hours in their own time zone (push and email wait until they
-- end), the most pushes an hour, and emails one by one or as a daily or weekly digest.
create table delivery_settings (
    user_id       uuid primary key,
    quiet_start   time,
    quiet_end     time,
    push_per_hour integer     not null,
    email_digest  varchar(8)  not null check (email_digest in ('off', 'daily', 'weekly')),
    check ((quiet_start is null) = (quiet_end is null))
);

-- What is to be sent by email or push, and how it went. One row per notification and channel (a
-- collapsed notification is sent once, with the text it has when it goes), or per account email
-- (source_event_id: the event that asked for it, so a replay sends nothing twice). payload holds
-- what an account email needs (its link) until it is sent, then it is cleared. Due rows are
-- claimed with skip locked, retried with backoff until attempts run out, then GAVE_UP.
create table delivery (
    delivery_id     uuid primary key,
    user_id         uuid         not null,
    channel         varchar(16)  not null check (channel in ('email', 'push')),
    kind            varchar(40)  not null,
    notification_id uuid references notification on delete cascade,
    source_event_id uuid,
    payload         jsonb,
    status          varchar(16)  not null check (status in ('PENDING', 'SENT', 'GAVE_UP', 'SKIPPED')),
    attempts        integer      not null default 0,
    not_before      timestamptz  not null,
    last_error      varchar(500),
    created_at      timestamptz  not null,
    finished_at     timestamptz,
    unique (notification_id, channel),
    unique (source_event_id, channel)
);
create index delivery_due on delivery (not_before) where status = 'PENDING';
create index delivery_user on delivery (user_id, channel, finished_at);
