-- Email verification: whether the owner proved the address, and the version of the account's
-- contact data that AccountContactChanged carries (it grows with every change; consumers keep the
-- highest). 0 = never announced: only an account created by an instance older than this migration
-- (a rolling update) can have it; its next contact change announces it as version 1.
alter table account
    add column email_verified  boolean not null default false,
    add column contact_version bigint  not null default 0 check (contact_version >= 0);

-- Verification links, kept like password reset links: only the SHA-256 of each token; a link
-- works once, for 24 hours.
create table email_verification (
    token_hash varchar(64) primary key,
    account_id uuid not null references account (id) on delete cascade,
    created_at timestamptz not null,
    expires_at timestamptz not null,
    used_at timestamptz
);
create index email_verification_account on email_verification (account_id, created_at);

-- notification-service learns the address of every account that exists already: one
-- AccountContactChanged (not verified, version 1) each, written to the outbox exactly as the
-- platform's EventPublisher writes one (the envelope of io.stride.contracts.EventEnvelope; no trace,
-- as no request caused it), oldest account first. The relay sends them after the service starts.
update account set contact_version = 1;

insert into outbox_event (id, topic, message_key, event_type, envelope, headers)
select event_id,
       'stride.auth.account-emails',
       account_id::text,
       'AccountContactChanged',
       jsonb_build_object(
           'id', event_id,
           'type', 'AccountContactChanged',
           'source', 'auth-service',
           'time', to_char(now() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
           'subject', account_id::text,
           'schemaVersion', 1,
           'trace', '{}'::jsonb,
           'payload', jsonb_build_object(
               'userId', account_id,
               'email', email,
               'emailVerified', false,
               'version', 1)),
       '{}'::jsonb
-- a volatile function in the select list keeps the subquery apart: one new id per account
from (select gen_random_uuid() as event_id, id as account_id, email, created_at from account) accounts
order by created_at, account_id;
