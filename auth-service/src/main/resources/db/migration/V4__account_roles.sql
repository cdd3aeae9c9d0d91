-- What a person may do beyond their own data (ADR 0030). Only ADMIN exists; operators grant it
-- with stride.auth.admins (STRIDE_AUTH_ADMINS), applied at every start and when a listed address
-- is verified. A row goes with its account.
create table account_role (
    account_id uuid        not null references account (id) on delete cascade,
    role       varchar(32) not null check (role in ('ADMIN')),
    granted_at timestamptz not null,
    primary key (account_id, role)
);
