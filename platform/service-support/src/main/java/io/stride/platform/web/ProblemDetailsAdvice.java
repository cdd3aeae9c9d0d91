package io.stride.platform.web;

import io.stride.platform.web.InputRulesBinding.RefusedParameterException;
import io.stride.platform.web.InvalidRequestException.FieldError;
import jakarta.validation.ConstraintViolationException;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Turns every error into RFC 9457 problem+json: validation 400 with the fields named, rule
 * violations 422, hidden or missing objects 404, and never a stack trace in a body.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);
  private static final Duration BUSY_RETRY = Duration.ofSeconds(1);

  @ExceptionHandler(NotFoundException.class)
  ProblemDetail notFound(NotFoundException e) {
    return Problems.problem(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage());
  }

  @ExceptionHandler(InvalidRequestException.class)
  ProblemDetail invalid(InvalidRequestException e) {
    return Problems.invalid(HttpStatus.UNPROCESSABLE_CONTENT, e.errors());
  }

  @ExceptionHandler(ConflictException.class)
  ProblemDetail conflict(ConflictException e) {
    return Problems.problem(HttpStatus.CONFLICT, "conflict", "Conflict", e.getMessage());
  }

  @ExceptionHandler(PreconditionFailedException.class)
  ProblemDetail precondition(PreconditionFailedException e) {
    return e.isMissing()
        ? Problems.problem(
            HttpStatus.PRECONDITION_REQUIRED,
            "precondition-required",
            "If-Match required",
            e.getMessage())
        : Problems.problem(
            HttpStatus.PRECONDITION_FAILED,
            "precondition-failed",
            "Changed meanwhile",
            e.getMessage());
  }

  @ExceptionHandler(TooManyRequestsException.class)
  ResponseEntity<ProblemDetail> tooMany(TooManyRequestsException e) {
    return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
        .header(HttpHeaders.RETRY_AFTER, io.stride.platform.http.RetryAfter.header(e.retryAfter()))
        .body(
            Problems.problem(
                HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many requests", e.getMessage()));
  }

  @ExceptionHandler(UnavailableException.class)
  ResponseEntity<ProblemDetail> unavailable(UnavailableException e) {
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header(HttpHeaders.RETRY_AFTER, io.stride.platform.http.RetryAfter.header(e.retryAfter()))
        .body(
            Problems.problem(
                HttpStatus.SERVICE_UNAVAILABLE,
                "unavailable",
                "Not available yet",
                e.getMessage()));
  }

  /**
   * The database is momentarily busy: no connection free within the pool's wait, a lock or query
   * timeout, a deadlock or serialization loser. The transaction was rolled back, so the same
   * request retried later is safe (503 with {@code Retry-After}, not a 500 that reads like a bug).
   */
  @ExceptionHandler({
    CannotCreateTransactionException.class,
    CannotGetJdbcConnectionException.class,
    TransientDataAccessException.class
  })
  ResponseEntity<ProblemDetail> databaseBusy(Exception e) {
    log.warn("Database busy, answered 503: {}", e.getMessage());
    return unavailable(
        new UnavailableException(
            "The service is busy right now and did not change anything; retry the same request"
                + " in a moment.",
            BUSY_RETRY));
  }

  @ExceptionHandler(ConstraintViolationException.class)
  ProblemDetail constraintViolation(ConstraintViolationException e) {
    List<FieldError> errors =
        e.getConstraintViolations().stream()
            .map(v -> new FieldError(lastNode(v.getPropertyPath().toString()), v.getMessage()))
            .sorted(Comparator.comparing(FieldError::field))
            .toList();
    return Problems.invalid(HttpStatus.BAD_REQUEST, errors);
  }

  @ExceptionHandler(AccessDeniedException.class)
  ProblemDetail accessDenied(AccessDeniedException e) {
    return Problems.problem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", e.getMessage());
  }

  /** A multipart request that cannot be parsed (e.g. no boundary); too large stays 413. */
  @ExceptionHandler(MultipartException.class)
  ProblemDetail malformedMultipart(MultipartException e) {
    return Problems.problem(
        HttpStatus.BAD_REQUEST,
        "malformed-multipart",
        "Malformed multipart request",
        "The multipart body cannot be read: send multipart/form-data with a boundary parameter"
            + " and well-formed parts.");
  }

  @ExceptionHandler(Exception.class)
  ProblemDetail unexpected(Exception e) {
    log.error("Unhandled error", e);
    return Problems.problem(
        HttpStatus.INTERNAL_SERVER_ERROR,
        "internal-error",
        "Internal error",
        "Something went wrong on our side; it has been logged. Retrying later may help.");
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    List<FieldError> errors =
        e.getBindingResult().getFieldErrors().stream()
            .map(error -> new FieldError(error.getField(), error.getDefaultMessage()))
            .sorted(Comparator.comparing(FieldError::field))
            .toList();
    return ResponseEntity.badRequest().body(Problems.invalid(HttpStatus.BAD_REQUEST, errors));
  }

  @Override
  protected ResponseEntity<Object> handleHandlerMethodValidationException(
      HandlerMethodValidationException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    List<FieldError> errors =
        e.getParameterValidationResults().stream()
            .flatMap(
                result ->
                    result.getResolvableErrors().stream()
                        .map(
                            error ->
                                new FieldError(
                                    result.getMethodParameter().getParameterName(),
                                    error.getDefaultMessage())))
            .toList();
    return ResponseEntity.badRequest().body(Problems.invalid(HttpStatus.BAD_REQUEST, errors));
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    return ResponseEntity.badRequest().body(unreadableBody(e));
  }

  @Override
  protected ResponseEntity<Object> handleTypeMismatch(
      TypeMismatchException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    String name = e.getPropertyName() != null ? e.getPropertyName() : "parameter";
    String message =
        e.getMostSpecificCause() instanceof RefusedParameterException refused
            ? refused.getMessage()
            : "has an invalid value"
                + (e.getRequiredType() != null
                    ? ": expected " + e.getRequiredType().getSimpleName()
                    : "");
    return ResponseEntity.badRequest()
        .body(Problems.invalid(HttpStatus.BAD_REQUEST, List.of(new FieldError(name, message))));
  }

  @Override
  protected ResponseEntity<Object> handleMissingServletRequestPart(
      MissingServletRequestPartException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    return missing(
        e.getRequestPartName(), "is missing: send it as the multipart part of this name");
  }

  @Override
  protected ResponseEntity<Object> handleMissingServletRequestParameter(
      MissingServletRequestParameterException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    return missing(e.getParameterName(), "is a required parameter");
  }

  private static ResponseEntity<Object> missing(String name, String message) {
    return ResponseEntity.badRequest()
        .body(Problems.invalid(HttpStatus.BAD_REQUEST, List.of(new FieldError(name, message))));
  }

  private static ProblemDetail unreadableBody(HttpMessageNotReadableException e) {
    Throwable cause = e.getMostSpecificCause();
    if (cause instanceof InvalidInputException input) {
      return Problems.invalid(
          HttpStatus.BAD_REQUEST, List.of(new FieldError(path(input), input.reason())));
    }
    if (cause instanceof UnrecognizedPropertyException unknown) {
      return Problems.invalid(
          HttpStatus.BAD_REQUEST,
          List.of(new FieldError(unknown.getPropertyName(), "is not a field of this request")));
    }
    if (cause instanceof InvalidFormatException format) {
      return Problems.invalid(
          HttpStatus.BAD_REQUEST,
          List.of(new FieldError(path(format), "has an invalid value: " + format.getValue())));
    }
    if (cause instanceof DatabindException databind && !databind.getPath().isEmpty()) {
      return Problems.invalid(
          HttpStatus.BAD_REQUEST,
          List.of(new FieldError(path(databind), "has a value of the wrong type or shape")));
    }
    return Problems.problem(
        HttpStatus.BAD_REQUEST,
        "malformed-body",
        "Malformed request body",
        "The request body is missing or is not valid JSON.");
  }

  static String path(DatabindException e) {
    return e.getPath().stream()
        .map(
            ref ->
                ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
        .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b)
        .orElse("body");
  }

  private static String lastNode(String propertyPath) {
    int dot = propertyPath.lastIndexOf('.');
    return dot < 0 ? propertyPath : propertyPath.substring(dot + 1);
  }
}
