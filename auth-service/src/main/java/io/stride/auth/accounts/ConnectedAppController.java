package io.stride.auth.accounts;

import io.stride.platform.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in athlete's connected apps and devices (user token with {@code account:manage}). */
@Tag(name = "Connected apps")
@RestController
class ConnectedAppController {

  private final ConnectedApps apps;

  ConnectedAppController(ConnectedApps apps) {
    this.apps = apps;
  }

  @Operation(
      operationId = "listConnectedApps",
      summary = "The apps and devices the signed-in athlete connected, with what each may do")
  @GetMapping("/api/v1/accounts/me/connected-apps")
  List<ConnectedAppView> list(CurrentUser user) {
    return apps.of(user.id());
  }

  @Operation(
      operationId = "disconnectApp",
      summary =
          "Disconnect an app or device: its tokens can no longer be refreshed, partners stop"
              + " receiving the athlete's events")
  @DeleteMapping("/api/v1/accounts/me/connected-apps/{clientId}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void disconnect(CurrentUser user, @PathVariable String clientId) {
    apps.disconnect(user.id(), clientId);
  }
}
