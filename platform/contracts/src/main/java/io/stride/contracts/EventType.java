package io.stride.contracts;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names an event type on the wire. Consumers dispatch on {@link #name()}, never on the Java class
 * name, so renaming or moving a record cannot silently drop events. Both values are part of the
 * contract: the name never changes, the version grows only with additive changes (each version has
 * a golden sample under {@code src/test/resources/golden/<name>/v<version>.json}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EventType {

  /** The type name carried in {@link EventEnvelope#type()}, e.g. {@code UserRegistered}. */
  String name();

  /** The payload's schema version, from 1. */
  int version() default 1;
}
