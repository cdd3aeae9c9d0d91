-- auth-service schema: accounts, login throttling, signing keys, and the tables of
-- Spring Authorization Server (adapted for PostgreSQL: blob -> text, timestamp -> timestamptz).

create table account (
    id               uuid primary key,
    email            varchar(320) not null,
    email_normalized varchar(320) not null unique,
    password_hash    varchar(200) not null,
    display_name     varchar(80)  not null,
    enabled          boolean      not null default true,
    created_at       timestamptz  not null
);

-- One row per failed login; the throttle counts rows in a sliding window.
create table login_failure (
    id          bigserial primary key,
    account_key varchar(320) not null,
    client_ip   varchar(64)  not null,
    failed_at   timestamptz  not null default now()
);
create index login_failure_account on login_failure (account_key, failed_at);
create index login_failure_ip on login_failure (client_ip, failed_at);

-- Token signing keys; the private key is encrypted (AES-GCM) with a key from the environment.
create table signing_key (
    kid                   varchar(64) primary key,
    public_key            text        not null,
    encrypted_private_key text        not null,
    created_at            timestamptz not null,
    retired_at            timestamptz
);

-- Rotated refresh tokens (SHA-256 of the value): presenting one again is token theft.
create table rotated_refresh_token (
    token_hash       char(64) primary key,
    authorization_id varchar(100) not null,
    rotated_at       timestamptz  not null default now()
);

-- Device flow polling (RFC 8628 slow_down) and wrong user-code throttling.
create table device_poll (
    device_code_hash char(64) primary key,
    last_poll_at     timestamptz not null,
    interval_seconds integer     not null
);
create table user_code_failure (
    id        bigserial primary key,
    client_ip varchar(64) not null,
    failed_at timestamptz not null default now()
);
create index user_code_failure_ip on user_code_failure (client_ip, failed_at);

CREATE TABLE oauth2_authorization (
    id varchar(100) NOT NULL,
    registered_client_id varchar(100) NOT NULL,
    principal_name varchar(200) NOT NULL,
    authorization_grant_type varchar(100) NOT NULL,
    authorized_scopes varchar(1000) DEFAULT NULL,
    attributes text DEFAULT NULL,
    state varchar(500) DEFAULT NULL,
    authorization_code_value text DEFAULT NULL,
    authorization_code_issued_at timestamptz DEFAULT NULL,
    authorization_code_expires_at timestamptz DEFAULT NULL,
    authorization_code_metadata text DEFAULT NULL,
    access_token_value text DEFAULT NULL,
    access_token_issued_at timestamptz DEFAULT NULL,
    access_token_expires_at timestamptz DEFAULT NULL,
    access_token_metadata text DEFAULT NULL,
    access_token_type varchar(100) DEFAULT NULL,
    access_token_scopes varchar(1000) DEFAULT NULL,
    oidc_id_token_value text DEFAULT NULL,
    oidc_id_token_issued_at timestamptz DEFAULT NULL,
    oidc_id_token_expires_at timestamptz DEFAULT NULL,
    oidc_id_token_metadata text DEFAULT NULL,
    refresh_token_value text DEFAULT NULL,
    refresh_token_issued_at timestamptz DEFAULT NULL,
    refresh_token_expires_at timestamptz DEFAULT NULL,
    refresh_token_metadata text DEFAULT NULL,
    user_code_value text DEFAULT NULL,
    user_code_issued_at timestamptz DEFAULT NULL,
    user_code_expires_at timestamptz DEFAULT NULL,
    user_code_metadata text DEFAULT NULL,
    device_code_value text DEFAULT NULL,
    device_code_issued_at timestamptz DEFAULT NULL,
    device_code_expires_at timestamptz DEFAULT NULL,
    device_code_metadata text DEFAULT NULL,
    PRIMARY KEY (id)
);

CREATE TABLE oauth2_authorization_consent (
    registered_client_id varchar(100) NOT NULL,
    principal_name varchar(200) NOT NULL,
    authorities varchar(1000) NOT NULL,
    PRIMARY KEY (registered_client_id, principal_name)
);

CREATE TABLE oauth2_registered_client (
    id varchar(100) NOT NULL,
    client_id varchar(100) NOT NULL,
    client_id_issued_at timestamptz DEFAULT CURRENT_TIMESTAMP NOT NULL,
    client_secret varchar(200) DEFAULT NULL,
    client_secret_expires_at timestamptz DEFAULT NULL,
    client_name varchar(200) NOT NULL,
    client_authentication_methods varchar(1000) NOT NULL,
    authorization_grant_types varchar(1000) NOT NULL,
    redirect_uris varchar(1000) DEFAULT NULL,
    post_logout_redirect_uris varchar(1000) DEFAULT NULL,
    scopes varchar(1000) NOT NULL,
    client_settings varchar(2000) NOT NULL,
    token_settings varchar(2000) NOT NULL,
    PRIMARY KEY (id)
);

-- token lookups (hash indexes: JWT values can exceed a btree entry)
create index oauth2_authorization_state on oauth2_authorization using hash (state);
create index oauth2_authorization_code on oauth2_authorization using hash (authorization_code_value);
create index oauth2_authorization_access_token on oauth2_authorization using hash (access_token_value);
create index oauth2_authorization_refresh_token on oauth2_authorization using hash (refresh_token_value);
create index oauth2_authorization_user_code on oauth2_authorization using hash (user_code_value);
create index oauth2_authorization_device_code on oauth2_authorization using hash (device_code_value);
create index oauth2_authorization_access_expiry on oauth2_authorization (access_token_expires_at);
create unique index oauth2_registered_client_client_id on oauth2_registered_client (client_id);
