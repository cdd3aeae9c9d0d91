-- Import connectors (ADR 0042): athletes link an account on another platform (Strava) and its
-- activities are pulled in as files for workout-service to import.

-- A pending link: the state sent to the platform's consent page, stored as its SHA-256, used once
-- and only by the athlete who asked for it, within 10 minutes.
create table connector_authorization (
    state_sha256 text primary key,
    user_id      uuid        not null,
    source       text        not null,
    redirect_uri text        not null,
    expires_at   timestamptz not null
);
create index connector_authorization_by_user on connector_authorization (user_id);

-- A linked account: its tokens sealed like the signing secrets (STRIDE_INTEGRATION_SECRET_KEY);
-- imported_after: the start time of the newest activity handed over (the next pull asks for later
-- ones); next_sync_at: when the next pull is due; leased_until: a pull is running until then
-- (asking for a pull or linking again moves next_sync_at only, never a running pull's lease).
create table connector_account (
    user_id          uuid        not null,
    source           text        not null,
    remote_id        text        not null,
    remote_name      text,
    scopes           text[]      not null,
    access_token     text        not null,
    refresh_token    text        not null,
    expires_at       timestamptz not null,
    status           text        not null check (status in ('active', 'reauthorize')),
    imported_after   timestamptz not null,
    next_sync_at     timestamptz not null,
    leased_until     timestamptz,
    last_synced_at   timestamptz,
    last_error       text check (length(last_error) <= 500),
    connected_at     timestamptz not null,
    primary key (user_id, source),
    unique (source, remote_id)
);
create index connector_account_due on connector_account (next_sync_at) where status = 'active';

-- One remote activity: handed over once (import_id is the import's id in workout-service), or
-- skipped with the reason (nothing recorded to import).
create table connector_activity (
    import_id   uuid primary key,
    user_id     uuid        not null,
    source      text        not null,
    external_id text        not null,
    name        text check (length(name) <= 255),
    start_time  timestamptz not null,
    status      text        not null check (status in ('accepted', 'done', 'duplicate', 'failed', 'skipped')),
    workout_id  uuid,
    reason      text check (length(reason) <= 500),
    received_at timestamptz not null,
    finished_at timestamptz,
    unique (user_id, source, external_id)
);
create index connector_activity_newest on connector_activity (user_id, source, start_time desc);

-- The platform's rate limits, counted per window across every replica: a request is made only
-- after it was counted in both windows; the platform's own usage headers raise the count.
create table connector_quota (
    source       text        not null,
    window_kind  text        not null check (window_kind in ('short', 'daily')),
    window_start timestamptz not null,
    used         integer     not null,
    allowed      integer     not null,
    primary key (source, window_kind, window_start)
);
