package io.stride.notification.stream;

/** What happened in an inbox, as the {@code event:} of the live stream. */
public enum StreamKind {
  /** A notification arrived or changed (another actor joined it); data: the notification. */
  NOTIFICATION("notification"),
  /** One notification was read; data: its id and the unread count. */
  READ("read"),
  /** Everything up to a time was read; data: the unread count. */
  READ_ALL("read-all"),
  /** A notification was deleted; data: its id and the unread count. */
  DELETED("deleted");

  private final String key;

  StreamKind(String key) {
    this.key = key;
  }

  public String key() {
    return key;
  }

  static StreamKind ofKey(String key) {
    for (StreamKind kind : values()) {
      if (kind.key.equals(key)) {
        return kind;
      }
    }
    throw new IllegalArgumentException("no stream kind " + key);
  }
}
