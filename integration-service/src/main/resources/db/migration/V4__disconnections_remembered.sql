-- When an athlete last disconnected a client (ADR 0038): a DeviceLinked older than that (a late or
-- replayed event) connects nothing again. Gone with the athlete's erasure.
create table disconnection (
    client_id       text        not null,
    user_id         uuid        not null,
    disconnected_at timestamptz not null,
    primary key (client_id, user_id)
);
create index disconnection_by_user on disconnection (user_id);
