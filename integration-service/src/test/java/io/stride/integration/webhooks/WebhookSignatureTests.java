package io.stride.integration.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookSignatureTests {

  /** The Standard Webhooks specification's published test vector (and Svix's libraries'). */
  @Test
  void reproducesTheStandardWebhooksTestVector() {
    assertThat(
            WebhookSignature.sign(
                "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
                "msg_p5jXN8AQM9LWM0D4loKWxJek",
                1614265330,
                "{\"test\": 2432232314}"))
        .isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
  }

  @Test
  void signsWithEverySecretGivenSpaceSeparatedInOrder() {
    String current = WebhookSignature.newSecret();
    String previous = WebhookSignature.newSecret();
    String header = WebhookSignature.header(List.of(current, previous), "msg_1", 1700000000, "{}");
    assertThat(header.split(" "))
        .containsExactly(
            WebhookSignature.sign(current, "msg_1", 1700000000, "{}"),
            WebhookSignature.sign(previous, "msg_1", 1700000000, "{}"));
  }

  @Test
  void newSecretsAreWhsecAndThirtyTwoRandomBytes() {
    String secret = WebhookSignature.newSecret();
    assertThat(secret).startsWith("whsec_");
    assertThat(Base64.getDecoder().decode(secret.substring(6))).hasSize(32);
    assertThat(WebhookSignature.newSecret()).isNotEqualTo(secret);
  }
}
