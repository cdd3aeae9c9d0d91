package io.stride.platform.events;

import io.stride.contracts.EventEnvelope;
import io.stride.contracts.StrideEvent;
import java.util.function.Consumer;

/**
 * A bean that asks for a state topic to be read whole in this replica and then followed (ADR 0024):
 * {@code apply} gets every event on it, oldest first, from the start of the topic; it must keep,
 * per key, the newest state (events carry a revision for that), since the same event may come again
 * after a reconnect.
 *
 * @param eventType the event type of the state topic, which also names the topic
 * @param apply runs on the follower's own thread, one event at a time
 */
public record StateSubscription<E extends StrideEvent>(
    Class<E> eventType, Consumer<EventEnvelope<E>> apply) {}
