package io.stride.notification.delivery;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The emails Stride sends to a partner's contact (integration-service's events): the template
 * {@code mail/partner-email} with the words {@code mail.<key>.*} of each, always in English (a
 * partner has no language in Stride), to the address in the event. Their {@code fields} are the
 * words' arguments {0}, {1}, …; those in {@code times} are instants, written out in UTC.
 */
public enum PartnerEmail {
  WEBHOOK_DISABLED(
      List.of("partnerName", "host", "failingSince", "disabledAt"),
      Set.of("failingSince", "disabledAt"));

  private final List<String> fields;
  private final Set<String> times;

  PartnerEmail(List<String> fields, Set<String> times) {
    this.fields = fields;
    this.times = times;
  }

  public String key() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  List<String> fields() {
    return fields;
  }

  boolean isTime(String field) {
    return times.contains(field);
  }

  static PartnerEmail ofKey(String key) {
    return valueOf(key.toUpperCase(Locale.ROOT).replace('-', '_'));
  }

  static boolean isOne(String key) {
    for (PartnerEmail email : values()) {
      if (email.key().equals(key)) {
        return true;
      }
    }
    return false;
  }
}
