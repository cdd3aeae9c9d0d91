-- promo-service (ADR 0034, docs/promotions.md): campaigns, codes stored as keyed hashes, grants
-- counted exactly against caps and budgets, premium days, partner coupons, and the athlete copy the
-- eligibility rules read.

-- The athlete as the rules see it, fed by events (auth, profile, workout, gamification).
create table athlete (
    user_id              uuid primary key,
    registered_at        timestamptz,
    region               text,
    level                integer     not null default 1,
    workouts_recorded    integer     not null default 0,
    longest_daily_streak integer     not null default 0,
    profile_version      bigint      not null default 0
);

-- What the athlete has done, for has-done rules: sports recorded, challenges completed, badges.
create table athlete_fact (
    user_id uuid not null,
    kind    text not null check (kind in ('sport', 'challenge', 'badge')),
    ref     text not null,
    primary key (user_id, kind, ref)
);

create table campaign (
    id                 uuid primary key,
    name               json        not null,
    description        json        not null,  -- json, not jsonb: keeps the order (the first text is the fallback)
    starts_at          timestamptz not null,
    ends_at            timestamptz not null,
    time_zone          text        not null,
    regions            text[]      not null,
    budget_rewards     integer     not null check (budget_rewards > 0),
    budget_money       numeric(14, 2),
    currency           text,
    reward             jsonb       not null,
    reward_value       numeric(14, 2),
    rules              jsonb       not null,
    trigger_event      text,
    trigger            jsonb,
    per_athlete        integer     not null default 1,
    state              text        not null check (state in ('draft', 'published', 'paused', 'ended')),
    -- counted in the transaction of each grant, under the row's lock: never above the budget
    granted            integer     not null default 0 check (granted <= budget_rewards),
    spent              numeric(14, 2) not null default 0,
    created_at         timestamptz not null,
    updated_at         timestamptz not null,
    check (ends_at > starts_at),
    check (budget_money is null or spent <= budget_money)
);
create index campaign_triggered on campaign (trigger_event) where trigger_event is not null and state = 'published';
create index campaign_live on campaign (ends_at) where state = 'published';

-- Who changed a campaign, what and when; the change as JSON.
create table campaign_audit (
    id          bigserial primary key,
    campaign_id uuid        not null references campaign (id),
    actor_id    uuid,
    action      text        not null,
    detail      jsonb       not null,
    at          timestamptz not null
);
create index campaign_audit_by_campaign on campaign_audit (campaign_id, id);

create table code_batch (
    id          uuid primary key,
    campaign_id uuid        not null references campaign (id),
    kind        text        not null check (kind in ('single-use', 'shared')),
    count       integer     not null,
    created_at  timestamptz not null
);

-- A code is kept only as HMAC-SHA256(key, normalized code): a leak of this table names no code.
create table promo_code (
    hash        bytea primary key,
    campaign_id uuid    not null references campaign (id),
    batch_id    uuid    not null references code_batch (id),
    kind        text    not null check (kind in ('single-use', 'shared')),
    cap         integer not null check (cap > 0),
    per_athlete integer not null check (per_athlete > 0),
    redeemed    integer not null default 0 check (redeemed <= cap)
);
create index promo_code_by_batch on promo_code (batch_id);

-- Per athlete: uses of a code, and grants of a campaign (its per-athlete limit).
create table code_use (
    code_hash bytea   not null references promo_code (hash),
    user_id   uuid    not null,
    uses      integer not null,
    primary key (code_hash, user_id)
);
create table campaign_athlete (
    campaign_id uuid    not null references campaign (id),
    user_id     uuid    not null,
    grants      integer not null,
    primary key (campaign_id, user_id)
);

-- Partner coupons uploaded for a campaign; given out one per grant.
create table coupon (
    id          uuid primary key,
    campaign_id uuid        not null references campaign (id),
    code        text        not null,
    given       boolean     not null default false,
    user_id     uuid,
    unique (campaign_id, code)
);
create index coupon_free on coupon (campaign_id) where not given;

-- Every reward given: by a redeemed code (cause 'code') or by a trigger.
create table reward_grant (
    id           uuid primary key,
    campaign_id  uuid        not null references campaign (id),
    user_id      uuid        not null,
    cause        text        not null,
    code_hash    bytea,
    code_kind    text,
    reward       text        not null,
    premium_days integer,
    premium_until timestamptz,
    coupon_id    uuid references coupon (id),
    badge        text,
    granted_at   timestamptz not null
);
create index reward_grant_by_user on reward_grant (user_id, granted_at desc, id desc);
create index reward_grant_by_campaign on reward_grant (campaign_id);

-- The premium entitlement this service answers for.
create table premium (
    user_id uuid primary key,
    until   timestamptz not null
);

-- Wrong codes per athlete and per address in the current window (throttling guesses).
create table guess_window (
    subject      text primary key,
    window_start timestamptz not null,
    failures     integer     not null
);
