package io.stride.auth.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Stored client secrets, with a rotation's overlap in the one column. */
class ClientSecretsTests {

  static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

  @Test
  void aSingleSecretMatchesItselfOnly() {
    String stored = ClientSecrets.sha256("s3cret");
    ClientSecrets secrets = at(NOW);
    assertThat(secrets.matches("s3cret", stored)).isTrue();
    assertThat(secrets.matches("other", stored)).isFalse();
    assertThat(secrets.matches(null, stored)).isFalse();
  }

  @Test
  void duringTheOverlapBothSecretsMatchAndAfterItOnlyTheNewOne() {
    String stored =
        ClientSecrets.Stored.parse(ClientSecrets.sha256("old"))
            .rotatedTo("new", NOW.plus(Duration.ofHours(24)), NOW);

    assertThat(at(NOW).matches("old", stored)).isTrue();
    assertThat(at(NOW).matches("new", stored)).isTrue();
    assertThat(at(NOW.plus(Duration.ofHours(24))).matches("old", stored)).isFalse();
    assertThat(at(NOW.plus(Duration.ofHours(24))).matches("new", stored)).isTrue();
    assertThat(ClientSecrets.Stored.parse(stored).retiringAt(NOW))
        .contains(NOW.plus(Duration.ofHours(24)));
    assertThat(ClientSecrets.Stored.parse(stored).retiringAt(NOW.plus(Duration.ofDays(2))))
        .isEmpty();
  }

  @Test
  void aRotationWithoutOverlapKeepsOnlyTheNewSecretAndARotationDropsAnOlderOne() {
    String once =
        ClientSecrets.Stored.parse(ClientSecrets.sha256("first"))
            .rotatedTo("second", NOW.plus(Duration.ofHours(1)), NOW);
    String twice = ClientSecrets.Stored.parse(once).rotatedTo("third", NOW, NOW);

    assertThat(twice).isEqualTo(ClientSecrets.sha256("third"));
    assertThat(at(NOW).matches("second", twice)).isFalse();
    assertThat(at(NOW).matches("first", twice)).isFalse();
  }

  @Test
  void aMalformedStoredValueHoldsOneHashAndNeverFailsARequest() {
    String current = ClientSecrets.sha256("s3cret");
    for (String stored :
        new String[] {current + ";" + ClientSecrets.sha256("old"), current + ";x@notanumber"}) {
      assertThat(at(NOW).matches("s3cret", stored)).as(stored).isTrue();
      assertThat(at(NOW).matches("old", stored)).as(stored).isFalse();
    }
    assertThat(at(NOW).upgradeEncoding(current)).as("never re-encoded on use").isFalse();
  }

  @Test
  void newSecretsAre32RandomBytesInBase64Url() {
    String secret = ClientSecrets.newSecret();
    assertThat(secret).hasSize(43).matches("[A-Za-z0-9_-]+");
    assertThat(ClientSecrets.newSecret()).isNotEqualTo(secret);
  }

  private static ClientSecrets at(Instant instant) {
    return new ClientSecrets(Clock.fixed(instant, ZoneOffset.UTC));
  }
}
