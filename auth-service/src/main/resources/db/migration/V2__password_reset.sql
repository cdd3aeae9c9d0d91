-- Password reset links: only the SHA-256 of each token is kept; a link works once, for 30 minutes.
create table password_reset (
    token_hash varchar(64) primary key,
    account_id uuid not null references account (id) on delete cascade,
    created_at timestamptz not null,
    expires_at timestamptz not null,
    used_at timestamptz
);
create index password_reset_account on password_reset (account_id, created_at);
