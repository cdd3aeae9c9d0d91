package io.stride.notification.push;

import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How pushes are sent ({@code stride.notifications.push.*}).
 *
 * @param vapidKey the VAPID private key of Web Push: 32 random bytes, standard Base64 (the P-256
 *     private scalar; the public key is derived from it). Unset: no Web Push.
 * @param vapidSubject who runs this sender, for the push services ({@code mailto:} or {@code
 *     https:})
 * @param webPushHosts the push services a browser subscription may point at (the host or a parent
 *     domain of it), so nobody makes this service post to any other address
 * @param sslBundle the Spring SSL bundle whose trust the push clients use (tests: a local stub's
 *     certificate); unset: the JDK's
 * @param ttl how long a push service keeps a push for a device that is offline
 * @param connectTimeout connecting to a push service
 * @param requestTimeout one push, from sending to the answer
 * @param fcm Firebase Cloud Messaging (HTTP v1)
 */
@ConfigurationProperties("stride.notifications.push")
record PushProperties(
    @Nullable String vapidKey,
    @DefaultValue("mailto:ops@stride.localhost") String vapidSubject,
    @DefaultValue({
          "fcm.googleapis.com",
          "android.googleapis.com",
          "push.services.mozilla.com",
          "notify.windows.com",
          "push.apple.com"
        })
        List<String> webPushHosts,
    @Nullable String sslBundle,
    @DefaultValue("1d") Duration ttl,
    @DefaultValue("5s") Duration connectTimeout,
    @DefaultValue("10s") Duration requestTimeout,
    @DefaultValue Fcm fcm) {

  /**
   * @param projectId the Firebase project
   * @param credentials the path of the service account's JSON key file
   * @param url the FCM API's base URL
   */
  record Fcm(
      @Nullable String projectId,
      @Nullable String credentials,
      @DefaultValue("https://fcm.googleapis.com") String url) {

    boolean configured() {
      return projectId != null
          && !projectId.isBlank()
          && credentials != null
          && !credentials.isBlank();
    }
  }
}
