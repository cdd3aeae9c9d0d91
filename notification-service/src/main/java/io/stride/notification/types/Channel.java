package io.stride.notification.types;

import java.util.Locale;

/** Where a notification can reach a person. */
public enum Channel {
  IN_APP,
  EMAIL,
  PUSH;

  /** As stored and as in the settings API: {@code in_app}, {@code email}, {@code push}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether {@code key} names a channel. */
  public static boolean isKey(String key) {
    for (Channel channel : values()) {
      if (channel.key().equals(key)) {
        return true;
      }
    }
    return false;
  }

  public static Channel ofKey(String key) {
    return valueOf(key.toUpperCase(Locale.ROOT));
  }
}
