package io.stride.auth;

import static io.stride.auth.AuthTestSupport.formPost;
import static org.assertj.core.api.Assertions.assertThat;

import io.stride.platform.test.BrowserSession;
import io.stride.platform.test.HttpJson;
import io.stride.platform.test.HttpJson.Reply;
import io.stride.platform.test.OAuthFlows;
import io.stride.platform.test.StrideIntegrationTest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Percent-encoding a path does not walk around a check: what an endpoint serves, its throttle sees;
 * encodings that could be read two ways are refused.
 */
@StrideIntegrationTest
class EncodedPathsIntegrationTests {

  @LocalServerPort int port;
  String baseUrl;
  HttpJson http;
  OAuthFlows oauth;

  @BeforeEach
  void setUp() {
    baseUrl = "http://127.0.0.1:" + port;
    http = new HttpJson(baseUrl);
    oauth = new OAuthFlows(baseUrl);
  }

  @Test
  void devicePollsThroughAnEncodedTokenPathGetSlowDownLikeThePlainPath() {
    String deviceCode =
        oauth.deviceAuthorization("readings:write").json().get("device_code").asString();
    String poll =
        "grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Adevice_code&client_id=stride-device"
            + "&device_code="
            + deviceCode;

    Reply first = http.send(formPost(baseUrl, "/oauth2/%74oken", poll, "application/json"));
    assertThat(first.json().get("error").asString()).isEqualTo("authorization_pending");
    Reply encoded = http.send(formPost(baseUrl, "/oauth2/%74oken", poll, "application/json"));
    assertThat(encoded.status()).isEqualTo(400);
    assertThat(encoded.json().get("error").asString()).isEqualTo("slow_down");
    Reply plain = oauth.pollDeviceToken(deviceCode);
    assertThat(plain.json().get("error").asString()).isEqualTo("slow_down");
  }

  @Test
  void deviceAuthorizationThroughAnEncodedPathIsTheSameEndpoint() {
    Reply reply =
        http.send(
            formPost(
                baseUrl,
                "/oauth2/%64evice_authorization",
                "client_id=stride-device&scope=readings%3Awrite",
                "application/json"));
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    assertThat(reply.json().get("device_code").asString()).isNotBlank();
  }

  @Test
  void wrongUserCodesThroughAnEncodedVerificationPathAreThrottledLikeThePlainPath() {
    String email = AuthTestSupport.registered(http);
    BrowserSession guesser = new BrowserSession(baseUrl, Map.of("X-Forwarded-For", "203.0.113.78"));
    guesser.follow(guesser.signIn(email, AuthTestSupport.PASSWORD));
    for (int i = 0; i < 10; i++) {
      String path = i % 2 == 0 ? "/oauth2/%64evice_verification" : "/oauth2/device_verification";
      HttpResponse<String> attempt = guesser.get(path + "?user_code=WXYZ-" + (2000 + i));
      assertThat(attempt.statusCode()).as("attempt %d", i).isNotEqualTo(429);
    }
    HttpResponse<String> throttled =
        guesser.get("/oauth2/%64evice_verification?user_code=WXYZ-2999");
    assertThat(throttled.statusCode()).isEqualTo(429);
    long retryAfter = Long.parseLong(throttled.headers().firstValue("Retry-After").orElseThrow());
    assertThat(retryAfter).isBetween(890L, 900L); // the oldest of the ten failures just happened
  }

  @Test
  void ambiguousEncodingsAre400Problems() {
    for (String path :
        new String[] {
          "/oauth2/%2e%2e/token",
          "/oauth2/%2Etoken",
          "/oauth2/%252e",
          "/oauth2/token;x=1",
          "//oauth2/token",
          "/oauth2/./token",
          "/oauth2/../oauth2/token",
          "/oauth2/%0atoken"
        }) {
      Reply reply = http.send(formPost(baseUrl, path, "grant_type=client_credentials", null));
      assertThat(reply.status()).as(path).isEqualTo(400);
      assertThat(reply.contentType()).as(path).startsWith("application/problem+json");
      assertThat(reply.json().get("type").asString()).endsWith("/rejected-request");
    }
  }

  @Test
  void encodingsTheServletContainerRefusesAre400Too() {
    // Tomcat refuses these before any filter runs; the platform's error report valve answers
    for (String path : new String[] {"/oauth2%2Ftoken", "/oauth2/%00token", "/oauth2/%5Ctoken"}) {
      Reply reply = http.send(formPost(baseUrl, path, "grant_type=client_credentials", null));
      assertThat(reply.status()).as(path).isEqualTo(400);
      assertThat(reply.contentType()).as(path).startsWith("application/problem+json");
    }
  }
}
