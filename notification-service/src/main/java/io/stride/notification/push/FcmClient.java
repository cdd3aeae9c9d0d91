package io.stride.notification.push;

import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.auth.oauth2.ServiceAccountCredentials;
import io.stride.notification.delivery.DeliveryFailedException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends to a mobile app through Firebase Cloud Messaging's HTTP v1 API: {@code POST
 * /v1/projects/{project}/messages:send} with an OAuth2 access token of the service account (scope
 * {@code firebase.messaging}, fetched and refreshed by Google's auth library from the key file's
 * {@code token_uri}). iOS apps are reached the same way: FCM hands the {@code apns} part to Apple.
 * Without a project and key file there is no FCM.
 */
@Component
class FcmClient {

  static final String SCOPE = "https://www.googleapis.com/auth/firebase.messaging";
  static final String SERVICE = "FCM";

  private final GoogleCredentials credentials;
  private final URI send;
  private final PushProperties properties;
  private final PushHttp http;
  private final JsonMapper json;
  private final Clock clock;

  FcmClient(PushProperties properties, PushHttp http, JsonMapper json, Clock clock) {
    PushProperties.Fcm fcm = properties.fcm();
    this.credentials = fcm.configured() ? credentials(fcm.credentials()) : null;
    this.send =
        fcm.configured()
            ? URI.create(
                fcm.url().replaceAll("/+$", "")
                    + "/v1/projects/"
                    + fcm.projectId().trim()
                    + "/messages:send")
            : null;
    this.properties = properties;
    this.http = http;
    this.json = json;
    this.clock = clock;
  }

  boolean available() {
    return credentials != null;
  }

  PushResult send(Subscription subscription, PushMessage message) {
    if (credentials == null) {
      throw new IllegalStateException("FCM is not set up");
    }
    HttpRequest request =
        http.request(send)
            .header("Authorization", "Bearer " + accessToken())
            .header("Content-Type", "application/json; charset=UTF-8")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    json.writeValueAsString(body(subscription, message))))
            .build();
    HttpResponse<String> response = http.send(request, SERVICE);
    int status = response.statusCode();
    if (status == 401) {
      refreshQuietly();
      throw new DeliveryFailedException(SERVICE + " refused the access token (401)");
    }
    String code = errorCode(response.body());
    if ("UNREGISTERED".equals(code)) {
      return PushResult.gone(SERVICE + " answered " + status + " UNREGISTERED");
    }
    PushResult result = PushResult.ofStatus(SERVICE, status);
    if (result == null) {
      throw new DeliveryFailedException(SERVICE + " answered " + status + suffix(code));
    }
    return result.kind() == PushResult.Kind.REFUSED
        ? PushResult.refused(result.reason() + suffix(code))
        : result;
  }

  /** The v1 message: the words for the system to show, the data for the app, per platform. */
  private Map<String, Object> body(Subscription subscription, PushMessage message) {
    long ttl = properties.ttl().toSeconds();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("token", subscription.address());
    out.put("notification", Map.of("title", message.title(), "body", message.body()));
    out.put(
        "data",
        Map.of(
            "link", message.link(),
            "notificationId", message.notificationId().toString(),
            "type", message.type()));
    out.put(
        "android",
        Map.of(
            "priority",
            message.urgent() ? "HIGH" : "NORMAL",
            "ttl",
            ttl + "s",
            "collapseKey",
            message.notificationId().toString()));
    out.put(
        "apns",
        Map.of(
            "headers",
            Map.of(
                "apns-priority", message.urgent() ? "10" : "5",
                "apns-expiration", Long.toString(clock.instant().getEpochSecond() + ttl),
                "apns-collapse-id", message.notificationId().toString()),
            "payload",
            Map.of("aps", Map.of("thread-id", message.type()))));
    return Map.of("message", out);
  }

  private String accessToken() {
    try {
      credentials.refreshIfExpired();
      AccessToken token = credentials.getAccessToken();
      if (token == null) {
        throw new DeliveryFailedException("no FCM access token");
      }
      return token.getTokenValue();
    } catch (IOException e) {
      throw new DeliveryFailedException(
          "could not get an FCM access token (" + e.getClass().getSimpleName() + ")", e);
    }
  }

  /** Our access token was refused: fetch a new one now, or on the next try. */
  private void refreshQuietly() {
    try {
      credentials.refresh();
    } catch (IOException e) {
      // the next try fetches one
    }
  }

  /** FCM's own error code of an error answer ({@code details[].errorCode}), or null. */
  private String errorCode(String body) {
    if (body == null || body.isBlank() || !body.trim().startsWith("{")) {
      return null;
    }
    try {
      JsonNode error = json.readTree(body).path("error");
      for (JsonNode detail : error.path("details")) {
        if (detail.has("errorCode")) {
          return detail.get("errorCode").asString();
        }
      }
      return error.path("status").isString() ? error.path("status").asString() : null;
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static String suffix(String code) {
    return code == null ? "" : " " + code;
  }

  private static GoogleCredentials credentials(String path) {
    try (InputStream in = Files.newInputStream(Path.of(path.trim()))) {
      return ServiceAccountCredentials.fromStream(in).createScoped(List.of(SCOPE));
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException(
          "STRIDE_FCM_CREDENTIALS must name a readable service-account JSON key file ("
              + e.getClass().getSimpleName()
              + ")");
    }
  }
}
