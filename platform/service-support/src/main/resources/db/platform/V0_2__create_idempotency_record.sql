-- Idempotency-Key for creating requests (io.stride.platform.idempotency.IdempotencyKeys): the key
-- a client sent, a hash of its request and the resource the first request created, per owner and
-- scope (e.g. 'workout', 'import'). The primary key is where two racing requests with one key meet.
-- The same shape as the idempotency_key table workout-service had (docs/adr/0011).
create table idempotency_record (
    owner_id     uuid         not null,
    scope        varchar(32)  not null,
    key          varchar(255) not null,
    request_hash varchar(64)  not null,
    resource_id  uuid         not null,
    created_at   timestamptz  not null,
    primary key (owner_id, scope, key)
);
