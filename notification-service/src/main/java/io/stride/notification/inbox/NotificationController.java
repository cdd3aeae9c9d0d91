package io.stride.notification.inbox;

import io.stride.notification.people.Persons;
import io.stride.platform.paging.Page;
import io.stride.platform.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Notifications")
@RestController
@Validated
@RequestMapping("/api/v1/notifications")
class NotificationController {

  /** The number of unread notifications. */
  record UnreadCount(long unread) {}

  private final InboxQueries queries;
  private final InboxChanges changes;
  private final Persons persons;

  NotificationController(InboxQueries queries, InboxChanges changes, Persons persons) {
    this.queries = queries;
    this.changes = changes;
    this.persons = persons;
  }

  @Operation(
      operationId = "listNotifications",
      summary =
          "The caller's notifications, newest (last changed) first, in the language of"
              + " Accept-Language or else their own")
  @GetMapping
  Page<NotificationView> list(
      CurrentUser user,
      @RequestParam(required = false) String cursor,
      @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit,
      @Parameter(hidden = true)
          @RequestHeader(value = HttpHeaders.ACCEPT_LANGUAGE, required = false)
          String acceptLanguage) {
    return queries.page(user.id(), cursor, limit, persons.readerLocale(user.id(), acceptLanguage));
  }

  @Operation(operationId = "countUnreadNotifications", summary = "How many are unread")
  @GetMapping("/unread-count")
  UnreadCount unread(CurrentUser user) {
    return new UnreadCount(queries.unread(user.id()));
  }

  @Operation(operationId = "markNotificationRead", summary = "Mark one notification read")
  @ApiResponse(responseCode = "404", description = "No such notification in the caller's inbox")
  @PostMapping("/{notificationId}/read")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void read(CurrentUser user, @PathVariable UUID notificationId) {
    changes.markRead(user.id(), notificationId);
  }

  @Operation(
      operationId = "markAllNotificationsRead",
      summary =
          "Mark read everything that changed up to upTo (the updatedAt of the newest one the"
              + " reader saw; now when left out), so what arrived since stays unread")
  @PostMapping("/read-all")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void readAll(CurrentUser user, @RequestParam(required = false) Instant upTo) {
    changes.markAllRead(user.id(), upTo);
  }

  @Operation(operationId = "deleteNotification", summary = "Delete one notification")
  @ApiResponse(responseCode = "404", description = "No such notification in the caller's inbox")
  @DeleteMapping("/{notificationId}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void delete(CurrentUser user, @PathVariable UUID notificationId) {
    changes.delete(user.id(), notificationId);
  }
}
