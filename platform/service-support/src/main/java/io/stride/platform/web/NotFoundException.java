package io.stride.platform.web;

/**
 * The object does not exist <em>or the caller may not see it</em>: both answer 404 so that nobody
 * learns what exists behind another user's privacy settings.
 */
public class NotFoundException extends RuntimeException {

  public NotFoundException(String detail) {
    super(detail);
  }
}
