package io.stride.notification.types;

import java.util.List;
import java.util.Locale;

/**
 * The languages Stride's notifications are written in ({@code messages.properties} is English, the
 * others are {@code messages_<language>.properties}), and the pick for a reader: the first of their
 * {@code Accept-Language} ranges Stride has, else their own (profile) language.
 */
public final class Languages {

  public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.GERMAN);

  private Languages() {}

  public static Locale pick(String acceptLanguage, Locale fallback) {
    if (acceptLanguage != null && !acceptLanguage.isBlank()) {
      try {
        Locale chosen = Locale.lookup(Locale.LanguageRange.parse(acceptLanguage), SUPPORTED);
        if (chosen != null) {
          return chosen;
        }
      } catch (IllegalArgumentException ignored) {
        // a malformed header is as good as none
      }
    }
    return fallback;
  }
}
