package io.stride.contracts;

/** Reads the {@link EventType} declaration of an event class. */
public final class EventTypes {

  private EventTypes() {}

  /** The declared type name; fails for a class without {@link EventType}. */
  public static String nameOf(Class<? extends StrideEvent> type) {
    return declaration(type).name();
  }

  /** The declared schema version. */
  public static int versionOf(Class<? extends StrideEvent> type) {
    return declaration(type).version();
  }

  static EventType declaration(Class<? extends StrideEvent> type) {
    EventType declared = type.getAnnotation(EventType.class);
    if (declared == null) {
      throw new IllegalArgumentException(
          type.getName() + " declares no @EventType (its name and schema version on the wire)");
    }
    if (declared.name().isBlank() || declared.version() < 1) {
      throw new IllegalArgumentException(
          type.getName() + ": @EventType needs a name and a version of 1 or more");
    }
    return declared;
  }
}
