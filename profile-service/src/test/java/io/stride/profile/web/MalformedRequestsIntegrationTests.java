package io.stride.profile.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.stride.platform.test.HttpJson;
import io.stride.platform.test.HttpJson.Reply;
import io.stride.platform.test.StrideIntegrationTest;
import io.stride.platform.test.TestTokens;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** What the platform answers requests no controller should see: 400 problem+json, every time. */
@StrideIntegrationTest
class MalformedRequestsIntegrationTests {

  private static final TestTokens tokens = TestTokens.get();

  @Autowired HttpJson http;

  private final String token = tokens.forUser(UUID.randomUUID(), "profile:read");

  @Test
  void aControlCharacterInAQueryParameterIsRefusedNamingTheParameter() {
    for (String value : new String[] {"a%00b", "a%01b", "a%C2%85b", "a%7Fb"}) {
      Reply reply = http.get("/api/v1/profiles/me?units=" + value, token);
      assertThat(reply.status()).as(value).isEqualTo(400);
      assertThat(reply.contentType()).as(value).startsWith("application/problem+json");
      assertThat(reply.json().path("errors").get(0).path("field").asString()).isEqualTo("units");
      assertThat(reply.json().has("error")).as("no OAuth error code outside auth").isFalse();
    }
  }

  @Test
  void aControlCharacterInAParameterNameIsRefusedToo() {
    Reply reply = http.get("/api/v1/profiles/me?a%01b=1", token);
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.contentType()).startsWith("application/problem+json");
  }

  @Test
  void aControlCharacterInThePathIsRefusedBeforeAnyController() {
    for (String path : new String[] {"/api/v1/profiles/a%01b", "/api/v1/profiles/a%7Fb"}) {
      Reply reply = http.get(path, token);
      assertThat(reply.status()).as(path).isEqualTo(400);
      assertThat(reply.contentType()).as(path).startsWith("application/problem+json");
      assertThat(reply.json().path("errors").get(0).path("field").asString()).isEqualTo("path");
    }
  }

  @Test
  void tabsAndLineBreaksInParametersPass() {
    Reply reply = http.get("/api/v1/profiles/me?note=a%09b%0Ac", token);
    assertThat(reply.status()).isNotEqualTo(400);
  }

  @Test
  void firewallRefusalsAreProblems() {
    for (String path :
        new String[] {
          "/api/v1/profiles/%2e%2e/me", "/api/v1/profiles/me;x=1", "//api/v1/profiles"
        }) {
      Reply reply = http.get(path, token);
      assertThat(reply.status()).as(path).isEqualTo(400);
      assertThat(reply.contentType()).as(path).startsWith("application/problem+json");
      assertThat(reply.json().path("type").asString()).as(path).endsWith("/rejected-request");
    }
  }

  @Test
  void encodingsTheServletContainerRefusesAreProblemsToo() {
    for (String path :
        new String[] {"/api/v1/profiles/%2F", "/api/v1/profiles/%00", "/api/v1/profiles/%5C"}) {
      Reply reply = http.get(path, token);
      assertThat(reply.status()).as(path).isEqualTo(400);
      assertThat(reply.contentType()).as(path).startsWith("application/problem+json");
      assertThat(reply.body()).as(path).doesNotContain("Tomcat").doesNotContain("<html");
    }
  }

  @Test
  void theErrorPathAnswersAProblem() {
    Reply reply = http.get("/error", null);
    assertThat(reply.contentType()).startsWith("application/problem+json");
    assertThat(reply.body()).doesNotContain("timestamp");
  }
}
