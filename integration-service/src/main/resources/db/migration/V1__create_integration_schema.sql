-- integration-service (ADR 0037): partners, their webhook endpoints and signing secrets, the
-- athletes who connected a partner's client, and the outbound delivery queue with its log.

-- A partner app: the company's own or a third party. client_id links its OAuth client in
-- auth-service (created there by a later step; for now an administrator links an existing one).
create table partner (
    partner_id    uuid primary key,
    name          text        not null check (length(name) between 1 and 100),
    contact_email text        not null check (length(contact_email) between 3 and 254),
    kind          text        not null check (kind in ('company', 'third-party')),
    scopes        text[]      not null,
    client_id     text        unique check (client_id ~ '^[A-Za-z0-9][A-Za-z0-9._-]{2,99}$'),
    created_at    timestamptz not null,
    updated_at    timestamptz not null
);
create index partner_by_creation on partner (created_at desc, partner_id desc);

-- Where a partner wants events. failing_since: the first failed attempt of an unbroken run of
-- failures (null after a success); three days of it disables the endpoint.
create table webhook_endpoint (
    endpoint_id   uuid primary key,
    partner_id    uuid        not null references partner (partner_id),
    url           text        not null check (length(url) between 8 and 2000),
    event_types   text[]      not null check (cardinality(event_types) between 1 and 4),
    enabled       boolean     not null,
    failing_since timestamptz,
    disabled_at   timestamptz,
    created_at    timestamptz not null,
    updated_at    timestamptz not null
);
create index webhook_endpoint_by_partner on webhook_endpoint (partner_id, created_at desc, endpoint_id desc);

-- Signing secrets, AES-256-GCM sealed under STRIDE_INTEGRATION_SECRET_KEY. The current one has no
-- expiry; after a rotation the previous one signs too until expires_at.
create table signing_secret (
    secret_id   uuid primary key,
    endpoint_id uuid        not null references webhook_endpoint (endpoint_id) on delete cascade,
    sealed      text        not null,
    created_at  timestamptz not null,
    expires_at  timestamptz
);
create index signing_secret_by_endpoint on signing_secret (endpoint_id);
create unique index one_current_secret on signing_secret (endpoint_id) where expires_at is null;

-- An athlete approved an OAuth client (auth-service's DeviceLinked). Kept by client id whether or
-- not a partner holds that client yet, so a partner linked later knows who connected it.
create table connection (
    client_id    text        not null,
    user_id      uuid        not null,
    connected_at timestamptz not null,
    primary key (client_id, user_id)
);
create index connection_by_user on connection (user_id);

-- One message to one endpoint, made in the transaction that consumed its source event: the
-- (endpoint, source event) pair is unique, so a redelivered event makes no second delivery, and
-- webhook_id (derived from both) stays the same across retries and replays. body is exactly what
-- is signed and sent.
create table delivery (
    delivery_id      uuid primary key,
    webhook_id       text        not null unique,
    endpoint_id      uuid        not null references webhook_endpoint (endpoint_id) on delete cascade,
    source_event_id  uuid        not null,
    user_id          uuid        not null,
    event_type       text        not null,
    body             text        not null,
    status           text        not null check (status in ('pending', 'delivered', 'failed')),
    attempts         integer     not null default 0,
    created_at       timestamptz not null,
    next_attempt_at  timestamptz not null,
    first_attempt_at timestamptz,
    last_attempt_at  timestamptz,
    delivered_at     timestamptz,
    unique (endpoint_id, source_event_id)
);
-- the worker walks an endpoint's pending deliveries oldest first; the dispatcher looks for any due
create index delivery_pending on delivery (endpoint_id, created_at, delivery_id)
    include (next_attempt_at) where status = 'pending';
create index delivery_due on delivery (next_attempt_at) where status = 'pending';
create index delivery_by_endpoint on delivery (endpoint_id, created_at desc, delivery_id desc);
create index delivery_by_user on delivery (user_id);

-- Every attempt: when, how long, what came back. Never the response body.
create table delivery_attempt (
    attempt_id   bigserial primary key,
    delivery_id  uuid        not null references delivery (delivery_id) on delete cascade,
    attempted_at timestamptz not null,
    outcome      text        not null,
    status_code  integer,
    duration_ms  integer     not null,
    error        text check (length(error) <= 300)
);
create index delivery_attempt_by_delivery on delivery_attempt (delivery_id, attempt_id desc);
