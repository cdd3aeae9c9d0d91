package io.stride.platform.events;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a bean method that applies one event type. Its one parameter is the event record (e.g.
 * {@code void on(UserRegistered event)}) or its envelope ({@code EventEnvelope<UserRegistered>});
 * the topic comes from the contracts, the dispatch from the envelope's declared type name. The
 * method runs exactly once per event id, in the transaction that records the id; a throw rolls both
 * back and the event is retried, then parked on the service's dead-letter topic.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface EventHandler {}
