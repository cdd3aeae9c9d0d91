-- Partners push activity files (ADR 0041): each partner signs its pushes with a push secret of its
-- own (sealed like the endpoints' signing secrets; the current one has no expiry, after a rotation
-- the previous one verifies too until expires_at), and every accepted push is kept 30 days so a
-- repeated request (same webhook-id) or a repeated activity (same external id) answers the first.
create table push_secret (
    secret_id  uuid primary key,
    partner_id uuid        not null references partner (partner_id) on delete cascade,
    sealed     text        not null,
    created_at timestamptz not null,
    expires_at timestamptz
);
create index push_secret_by_partner on push_secret (partner_id);
create unique index one_current_push_secret on push_secret (partner_id) where expires_at is null;

-- One pushed activity; push_id is the import's id in workout-service, whose ImportCompleted or
-- ImportFailed of that id finishes it. body_sha256: of the signed request body, to tell a retry of
-- the same request (answered the same) from another request reusing its webhook-id (409).
create table partner_push (
    push_id     uuid primary key,
    partner_id  uuid        not null references partner (partner_id) on delete cascade,
    webhook_id  text        not null check (length(webhook_id) between 1 and 200),
    body_sha256 text        not null,
    user_id     uuid        not null,
    external_id text        not null check (length(external_id) between 1 and 100),
    file_name   text check (length(file_name) <= 255),
    status      text        not null check (status in ('accepted', 'done', 'duplicate', 'failed')),
    reason      text check (length(reason) <= 500),
    workout_id  uuid,
    received_at timestamptz not null,
    finished_at timestamptz,
    unique (partner_id, webhook_id),
    unique (partner_id, user_id, external_id)
);
create index partner_push_by_user on partner_push (user_id);
create index partner_push_by_age on partner_push (received_at);
