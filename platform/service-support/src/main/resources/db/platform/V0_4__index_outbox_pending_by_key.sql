-- The relay sends a row only when no earlier row of the same key is still pending (ADR 0024): with
-- several replicas relaying, or after a failed send, a later event of an aggregate must not reach
-- Kafka before an earlier one. This index answers that check.
create index outbox_event_pending_key on outbox_event (topic, message_key, seq)
    where status = 'PENDING';
