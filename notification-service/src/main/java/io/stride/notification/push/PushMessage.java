package io.stride.notification.push;

import java.util.UUID;

/**
 * One push as the person sees it: title and body in their language, and as data where it leads in
 * the web app, which notification it is (apps and service workers drop one they already showed) and
 * its type. {@code urgent} for security notices: sent at high priority.
 */
record PushMessage(
    UUID notificationId, String type, String title, String body, String link, boolean urgent) {

  static final int MAX_TITLE = 200;
  static final int MAX_BODY = 600;

  PushMessage {
    title = cut(title, MAX_TITLE);
    body = cut(body, MAX_BODY);
  }

  private static String cut(String text, int max) {
    if (text.codePointCount(0, text.length()) <= max) {
      return text;
    }
    return text.substring(0, text.offsetByCodePoints(0, max - 1)) + "…";
  }
}
