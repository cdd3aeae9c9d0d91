package io.stride.notification.push;

/**
 * What a push service made of one push, when a later try would not change it: taken, the
 * subscription no longer exists (404/410, FCM's UNREGISTERED), or refused for a reason no retry
 * mends (another 4xx). Answers worth retrying (429, 5xx, no answer) are thrown instead.
 */
record PushResult(Kind kind, String reason) {

  enum Kind {
    DELIVERED,
    GONE,
    REFUSED
  }

  static final PushResult DELIVERED = new PushResult(Kind.DELIVERED, null);

  static PushResult gone(String reason) {
    return new PushResult(Kind.GONE, reason);
  }

  static PushResult refused(String reason) {
    return new PushResult(Kind.REFUSED, reason);
  }

  /** The result of an HTTP status that is not worth retrying, or null when it is. */
  static PushResult ofStatus(String service, int status) {
    if (status >= 200 && status < 300) {
      return DELIVERED;
    }
    if (status == 404 || status == 410) {
      return gone(service + " answered " + status);
    }
    if (status == 429 || status >= 500 || status < 200) {
      return null;
    }
    return refused(service + " refused the push: " + status);
  }
}
