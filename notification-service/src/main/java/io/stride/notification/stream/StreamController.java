package io.stride.notification.stream;

import io.stride.notification.people.Persons;
import io.stride.platform.security.CurrentUser;
import io.stride.platform.web.InvalidRequestException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Locale;
import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

@Tag(name = "Notifications")
@RestController
@RequestMapping("/api/v1/notifications")
class StreamController {

  private final LiveStreams streams;
  private final Persons persons;

  StreamController(LiveStreams streams, Persons persons) {
    this.streams = streams;
    this.persons = persons;
  }

  @Operation(
      operationId = "streamNotifications",
      summary =
          "Server-Sent Events of the caller's inbox: ready {unread}; notification (a new or"
              + " changed notification, as listed); read / deleted {notificationId, unread};"
              + " read-all {unread}; reset {unread} when the events since Last-Event-ID are no"
              + " longer kept (load the inbox again). Each event's id resumes the stream as"
              + " Last-Event-ID; a comment line every 15 s keeps it open")
  @GetMapping(value = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  SseEmitter stream(
      CurrentUser user,
      @Parameter(description = "The id of the last event received, to resume after it")
          @RequestHeader(value = "Last-Event-ID", required = false)
          String lastEventId,
      @Parameter(hidden = true) @RequestHeader(value = "Accept-Language", required = false)
          String acceptLanguage,
      jakarta.servlet.http.HttpServletResponse response) {
    // proxies that buffer (nginx) pass each event on at once
    response.setHeader("X-Accel-Buffering", "no");
    response.setHeader("Cache-Control", "no-cache");
    Locale locale = persons.readerLocale(user.id(), acceptLanguage);
    return streams.open(user.id(), locale, parse(lastEventId));
  }

  private static Optional<Long> parse(String lastEventId) {
    if (lastEventId == null || lastEventId.isBlank()) {
      return Optional.empty();
    }
    try {
      long id = Long.parseLong(lastEventId.trim());
      if (id < 0) {
        throw new NumberFormatException();
      }
      return Optional.of(id);
    } catch (NumberFormatException e) {
      throw InvalidRequestException.of(
          "Last-Event-ID", "must be the id of an event this stream sent");
    }
  }
}
