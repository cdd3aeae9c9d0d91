package io.stride.gateway.edge;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** A streamed body went past the limit. */
class PayloadTooLargeException extends ResponseStatusException {

  PayloadTooLargeException(long limit) {
    super(
        HttpStatus.CONTENT_TOO_LARGE, "The request body exceeds the limit of " + limit + " bytes.");
  }
}
