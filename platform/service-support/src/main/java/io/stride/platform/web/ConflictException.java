package io.stride.platform.web;

/** The request clashes with the current state (a duplicate, a reused idempotency key): 409. */
public class ConflictException extends RuntimeException {

  public ConflictException(String detail) {
    super(detail);
  }
}
