package io.stride.integration.pushes;

/** A push that is not signed, or not signed by its partner now: answered 401. */
class UnsignedPushException extends RuntimeException {

  UnsignedPushException(String message) {
    super(message);
  }
}
