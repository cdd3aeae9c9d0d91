-- Users this service has erased (account deletion, ADR 0012): a late event about one of them,
-- arriving on another topic after UserDeleted, must not bring a copy of their data back.
create table erased_user (
    user_id uuid primary key,
    erased_at timestamptz not null default now()
);
