package io.stride.platform.web;

/**
 * A conditional write refused: its {@code If-Match} names a representation that is no longer
 * current (412), or a write that must be conditional came without one (428). The client reads the
 * resource again, redoes its change on what it now says, and sends that with the new entity tag.
 */
public class PreconditionFailedException extends RuntimeException {

  private final boolean missing;

  private PreconditionFailedException(String detail, boolean missing) {
    super(detail);
    this.missing = missing;
  }

  /** The entity tag sent is not the current one: 412. */
  public static PreconditionFailedException stale(String detail) {
    return new PreconditionFailedException(detail, false);
  }

  /** No {@code If-Match} where one is required: 428. */
  public static PreconditionFailedException missing(String detail) {
    return new PreconditionFailedException(detail, true);
  }

  public boolean isMissing() {
    return missing;
  }
}
