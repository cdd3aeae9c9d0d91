package io.stride.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.stride.platform.test.BrowserSession;
import io.stride.platform.test.HttpJson;
import io.stride.platform.test.StrideIntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Sign-ins are counted by outcome (the login-failure alert), new accounts once each. */
@StrideIntegrationTest
class SignInMetricsIntegrationTests {

  @LocalServerPort int port;
  @Autowired MeterRegistry meters;

  @Test
  void everyPasswordSignInIsCountedByItsOutcome() {
    String baseUrl = "http://127.0.0.1:" + port;
    String email = AuthTestSupport.registered(new HttpJson(baseUrl));
    double failed = count("failed");
    double succeeded = count("succeeded");
    BrowserSession browser =
        new BrowserSession(baseUrl, Map.of("X-Forwarded-For", "198.51.100.77"));

    browser.signIn(email, "not the password");
    browser.signIn("nobody-" + email, "not the password either");
    browser.signIn(email, AuthTestSupport.PASSWORD);

    assertThat(count("failed")).isEqualTo(failed + 2);
    assertThat(count("succeeded")).isEqualTo(succeeded + 1);
    assertThat(meters.get("stride.auth.sign.ins").counters())
        .as("neither the account nor the address becomes a label")
        .allSatisfy(
            counter ->
                assertThat(counter.getId().getTags())
                    .noneMatch(
                        tag ->
                            tag.getValue().contains("@")
                                || tag.getValue().contains("198.51.100.77")));
  }

  @Test
  void aNewAccountIsCountedOnceAndATakenEmailNotAtAll() {
    HttpJson http = new HttpJson("http://127.0.0.1:" + port);
    double before = meters.get("stride.auth.registrations").counter().count();
    String email = AuthTestSupport.registered(http);
    http.post(
        "/api/v1/accounts",
        null,
        HttpJson.object(
            "email", email, "password", AuthTestSupport.PASSWORD, "displayName", "Again"));
    assertThat(meters.get("stride.auth.registrations").counter().count()).isEqualTo(before + 1);
  }

  private double count(String outcome) {
    return meters.get("stride.auth.sign.ins").tag("outcome", outcome).counter().count();
  }
}
