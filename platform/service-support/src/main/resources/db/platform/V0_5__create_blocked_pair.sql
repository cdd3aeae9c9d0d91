-- Who blocked whom, as social-service's Blocked and Unblocked events say (ADR 0026): a service
-- that shows people or their content to people hides each of a blocked pair from the other.
-- The row stays after an unblock (blocked = false) with the version of the last event applied, so
-- a replayed older event never brings a block back or lifts a newer one. Empty in services that
-- do not consume stride.social.graph.
create table blocked_pair (
    blocker_id uuid    not null,
    blocked_id uuid    not null,
    blocked    boolean not null,
    version    bigint  not null,
    primary key (blocker_id, blocked_id)
);
create index blocked_pair_blocked on blocked_pair (blocked_id, blocker_id) where blocked;
