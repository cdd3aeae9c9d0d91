package io.stride.notification.push;

import io.stride.notification.push.PushSubscriptions.Registered;
import io.stride.platform.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Push")
@RestController
@RequestMapping("/api/v1/notifications")
class PushSubscriptionController {

  private final PushSubscriptions subscriptions;

  PushSubscriptionController(PushSubscriptions subscriptions) {
    this.subscriptions = subscriptions;
  }

  @Operation(
      operationId = "registerPushSubscription",
      summary =
          "Receive pushes on a browser (its PushSubscription, kind webpush) or a mobile app (its"
              + " FCM token, kind fcm); the same one again is the same subscription, and one"
              + " registered by someone else becomes the caller's")
  @ApiResponse(responseCode = "201", description = "A new subscription", useReturnTypeSchema = true)
  @ApiResponse(
      responseCode = "200",
      description = "The caller had it already (keys and label brought up to date)",
      useReturnTypeSchema = true)
  @ApiResponse(
      responseCode = "409",
      description = "The caller has the most subscriptions there may be (20): remove one first")
  @ApiResponse(responseCode = "503", description = "This kind of push is not set up on this server")
  @PostMapping("/push-subscriptions")
  ResponseEntity<PushSubscriptionView> register(
      CurrentUser user, @Valid @RequestBody PushSubscriptionRequest request) {
    Registered registered = subscriptions.register(user.id(), request);
    PushSubscriptionView view = PushSubscriptionView.of(registered.subscription());
    if (!registered.created()) {
      return ResponseEntity.ok(view);
    }
    return ResponseEntity.created(
            URI.create("/api/v1/notifications/push-subscriptions/" + view.id()))
        .body(view);
  }

  @Operation(
      operationId = "listPushSubscriptions",
      summary = "The devices and browsers the caller receives pushes on, oldest first")
  @GetMapping("/push-subscriptions")
  List<PushSubscriptionView> list(CurrentUser user) {
    return subscriptions.list(user.id()).stream().map(PushSubscriptionView::of).toList();
  }

  @Operation(
      operationId = "deletePushSubscription",
      summary = "Stop pushes to one device or browser")
  @ApiResponse(responseCode = "404", description = "No such subscription of the caller")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @DeleteMapping("/push-subscriptions/{subscriptionId}")
  void delete(CurrentUser user, @PathVariable UUID subscriptionId) {
    subscriptions.delete(user.id(), subscriptionId);
  }

  @Operation(
      operationId = "getWebPushKey",
      summary =
          "The VAPID public key (base64url) to subscribe a browser with, as the"
              + " applicationServerKey of pushManager.subscribe")
  @ApiResponse(responseCode = "200", description = "The key", useReturnTypeSchema = true)
  @ApiResponse(responseCode = "503", description = "Web Push is not set up on this server")
  @GetMapping("/push/web-push-key")
  WebPushKey webPushKey() {
    return new WebPushKey(subscriptions.webPushKey());
  }
}
