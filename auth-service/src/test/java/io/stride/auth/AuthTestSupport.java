package io.stride.auth;

import static io.stride.platform.test.HttpJson.object;
import static org.assertj.core.api.Assertions.assertThat;

import io.stride.platform.test.BrowserSession;
import io.stride.platform.test.HttpJson;
import io.stride.platform.test.OAuthFlows;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.jdbc.core.JdbcTemplate;

/** Shared steps of the auth-service tests. */
public final class AuthTestSupport {

  public static final String PASSWORD = "correct horse battery staple";

  private AuthTestSupport() {}

  public static String newEmail() {
    return "athlete-" + UUID.randomUUID() + "@example.com";
  }

  public static String registered(HttpJson http) {
    String email = newEmail();
    var reply = registrationOf(http, email);
    assertThat(reply.status()).as(reply.body()).isEqualTo(202);
    return email;
  }

  public static HttpJson.Reply registrationOf(HttpJson http, String email) {
    return http.post(
        "/api/v1/accounts",
        null,
        object("email", email, "password", PASSWORD, "displayName", "Test Athlete"));
  }

  /** Records of events of this type about this user (the key), read with a TopicReader. */
  public static Predicate<ConsumerRecord<String, String>> eventOf(String type, String userId) {
    return record ->
        record.key().equals(userId)
            && type.equals(HttpJson.parse(record.value()).get("type").asString());
  }

  /**
   * A form POST as written, path included (so encodings reach the server untouched), with the given
   * Accept header or none at all.
   */
  public static HttpRequest formPost(String baseUrl, String rawPath, String form, String accept) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUrl + rawPath))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form));
    if (accept != null) {
      request.header("Accept", accept);
    }
    return request.build();
  }

  /**
   * The consent-asking test app's authorization request (PKCE, scopes openid and profile), as a
   * path to open in a signed-in browser.
   */
  public static String consentingAppAuthorization() {
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("response_type", "code");
    parameters.put("client_id", "consenting-app");
    parameters.put("redirect_uri", OAuthFlows.MOBILE_REDIRECT);
    parameters.put("scope", "openid profile");
    parameters.put("state", "s");
    parameters.put("code_challenge", OAuthFlows.Pkce.create().challenge());
    parameters.put("code_challenge_method", "S256");
    return "/oauth2/authorize?" + BrowserSession.encode(parameters);
  }

  /**
   * Gives the account the role ADMIN directly (ADR 0030; the configured list and the verified
   * address are AdminRolesIntegrationTests' subject): its next sign-in carries {@code roles}.
   */
  public static void grantAdmin(JdbcTemplate jdbc, String email) {
    jdbc.update(
        "insert into auth.account_role (account_id, role, granted_at)"
            + " select id, 'ADMIN', now() from auth.account where email = ?",
        email);
  }
}
