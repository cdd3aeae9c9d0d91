-- Push (ADR 0027): the devices and browsers each person receives pushes on, and one delivery per
-- notification and subscription, so nothing is pushed twice to a device and one device's failure
-- (retried, or given up) never resends to the others.

-- A browser's Web Push subscription (RFC 8030: its endpoint, and the keys RFC 8291 encrypts to) or
-- a mobile app's FCM registration token. One row per endpoint or token whoever registered it: the
-- same one registered again is the same subscription, and registered by another person it moves
-- to them (a device changed hands). address_key, SHA-256 of "kind:address", makes long addresses
-- (tokens up to 4096 characters) indexable. A subscription the push service reports gone (404/410) is deleted.
create table push_subscription (
    subscription_id uuid primary key,
    user_id         uuid          not null,
    kind            varchar(16)   not null check (kind in ('webpush', 'fcm')),
    address         varchar(4096) not null,
    address_key     bytea         not null,
    p256dh          varchar(100),
    auth            varchar(30),
    label           varchar(80),
    created_at      timestamptz   not null,
    unique (address_key),
    check ((kind = 'webpush') = (p256dh is not null and auth is not null))
);
create index push_subscription_user on push_subscription (user_id, created_at);

-- A push delivery names its subscription; an email delivery names none. A subscription removed
-- before its pushes went leaves them without one (they end SKIPPED).
alter table delivery add column subscription_id uuid references push_subscription on delete set null;
alter table delivery drop constraint delivery_notification_id_channel_key;
create unique index delivery_email_once on delivery (notification_id) where channel = 'email';
create unique index delivery_push_once on delivery (notification_id, subscription_id)
    where channel = 'push';
-- the hourly cap counts a person's pushes sent in the last hour
create index delivery_push_sent on delivery (user_id, finished_at)
    where channel = 'push' and status = 'SENT';
