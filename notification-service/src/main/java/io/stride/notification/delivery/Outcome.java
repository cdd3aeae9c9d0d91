package io.stride.notification.delivery;

/**
 * How sending went when nothing failed that a retry could mend: sent, not to be sent (and why), or
 * refused for good by the receiving service (given up at once, counted and logged like a delivery
 * that ran out of attempts). {@code counted} is the {@code outcome} tag of the deliveries counter.
 */
public record Outcome(Status status, String reason, String counted) {

  /** The delivery's final state. */
  public enum Status {
    SENT,
    SKIPPED,
    GAVE_UP
  }

  public static final Outcome SENT = new Outcome(Status.SENT, null, "sent");

  public static Outcome skipped(String reason) {
    return new Outcome(Status.SKIPPED, reason, "skipped");
  }

  /** Not sent, counted apart (e.g. {@code capped}, {@code gone}). */
  public static Outcome skipped(String reason, String counted) {
    return new Outcome(Status.SKIPPED, reason, counted);
  }

  /** Refused by the receiving service in a way no retry can mend: gives up without retrying. */
  public static Outcome refused(String reason) {
    return new Outcome(Status.GAVE_UP, reason, "gave_up");
  }

  public boolean sent() {
    return status == Status.SENT;
  }
}
