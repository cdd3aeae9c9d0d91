-- Idempotency keys now live in the platform's idempotency_record (platform migration V0_2, same
-- shape; io.stride.platform.idempotency.IdempotencyKeys). The keys stored so far move there, so a
-- retry of a request made before this release still finds its resource. idempotency_key stays as
-- it is (nothing is dropped here): a later migration copies once more what old instances wrote
-- during the rollout, then drops it (docs/adr/0011-platform-migrations-and-paging.md).
insert into idempotency_record (owner_id, scope, key, request_hash, resource_id, created_at)
select owner_id, scope, key, request_hash, resource_id, created_at
from idempotency_key
on conflict do nothing;
