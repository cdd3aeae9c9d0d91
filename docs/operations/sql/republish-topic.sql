-- Rebuilds a lost or damaged Kafka topic from the outbox of the service that owns it (ADR 0022,
-- docs/operations/rebuild-a-topic.md). Every event of the topic published since a moment is marked
-- pending again; the service's relay sends them again in their original order (outbox seq), and
-- consumers, which keep the id of every event they applied (processed_event), skip the ones they
-- already have. Published rows are kept 7 days (stride.outbox.retention), as long as a topic keeps
-- its records by default, so the outbox holds everything the topic could still have held.
--   psql "<the owning service's database URL>" -v schema=workout \
--     -v topic=stride.workout.workouts -v since='2026-12-01 00:00+00' -f republish-topic.sql
\set ON_ERROR_STOP on
begin;
set local search_path to :"schema";
select count(*) as events_to_send_again, min(created_at) as oldest, max(created_at) as newest
  from outbox_event
 where topic = :'topic' and status = 'PUBLISHED' and created_at >= :'since';
update outbox_event
   set status = 'PENDING', published_at = null, attempts = 0, next_attempt_at = now(),
       last_error = null
 where topic = :'topic' and status = 'PUBLISHED' and created_at >= :'since';
commit;
