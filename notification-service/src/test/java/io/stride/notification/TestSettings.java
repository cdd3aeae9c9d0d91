package io.stride.notification;

import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Reads one notification type out of a settings answer (GET /api/v1/notifications/settings). */
public final class TestSettings {

  private TestSettings() {}

  /** The entry for {@code name} in the answer's types; fails the test when there is none. */
  public static JsonNode type(JsonNode settings, String name) {
    for (JsonNode type : settings.get("types")) {
      if (type.get("type").asString().equals(name)) {
        return type;
      }
    }
    throw new AssertionError("no type " + name + " in the settings");
  }

  /** Whether {@code channel} (in_app, push, email) is on for the type {@code name}. */
  public static boolean channel(JsonNode settings, String name, String channel) {
    return type(settings, name).get("channels").get(channel).asBoolean();
  }

  /** The type's three channels, in_app, push and email, with whether each is on. */
  public static Map<String, Boolean> channels(JsonNode settings, String name) {
    return Map.of(
        "in_app", channel(settings, name, "in_app"),
        "push", channel(settings, name, "push"),
        "email", channel(settings, name, "email"));
  }
}
