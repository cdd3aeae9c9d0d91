package io.stride.notification.delivery;

import java.util.Locale;

/**
 * The emails auth-service has sent: the template {@code mail/account-email} with the words {@code
 * mail.<key>.*} of each, and a link that works until it expires; an email whose link expired before
 * it could be sent is not sent.
 */
public enum AccountEmail {
  VERIFY_EMAIL,
  RESET_PASSWORD;

  public String key() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  static AccountEmail ofKey(String key) {
    return valueOf(key.toUpperCase(Locale.ROOT).replace('-', '_'));
  }

  static boolean isOne(String key) {
    for (AccountEmail email : values()) {
      if (email.key().equals(key)) {
        return true;
      }
    }
    return false;
  }
}
