-- The email digest (ADR 0027): what a person's digest collects from (digest_since) and when it is
-- next sent (next_digest_at: the next 08:00 in their time zone, Mondays for the weekly one); both
-- null while emails come one by one. The digest job claims due rows with skip locked, so each
-- digest is made once however many replicas run.
alter table delivery_settings add column digest_since timestamptz;
alter table delivery_settings add column next_digest_at timestamptz;
alter table delivery_settings add check ((email_digest = 'off') = (next_digest_at is null));
alter table delivery_settings add check ((email_digest = 'off') = (digest_since is null));
create index delivery_settings_digest_due on delivery_settings (next_digest_at)
    where next_digest_at is not null;

-- When this service last made or changed a notification (created_at and updated_at are the
-- event's own times): a digest takes what changed here in its period, so an event that arrives
-- late, or is replayed after a period closed, still goes into the next digest.
alter table notification add column noticed_at timestamptz;
update notification set noticed_at = updated_at;
alter table notification alter column noticed_at set not null;
create index notification_noticed on notification (user_id, noticed_at) where read_at is null;
