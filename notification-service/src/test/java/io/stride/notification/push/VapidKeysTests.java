package io.stride.notification.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stride.platform.test.HttpJson;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class VapidKeysTests {

  private static final Base64.Decoder URL = Base64.getUrlDecoder();
  // the RFC 8291 sender's private key, in standard Base64 as the environment variable holds it
  private static final String KEY =
      Base64.getEncoder().encodeToString(URL.decode(Rfc8291.SENDER_PRIVATE));

  @Test
  void thePublicKeyIsDerivedFromThePrivateOne() {
    VapidKeys keys = VapidKeys.of(KEY, "mailto:ops@stride.localhost").orElseThrow();
    assertThat(keys.publicKey()).isEqualTo(Rfc8291.SENDER_PUBLIC);
  }

  @Test
  void theAuthorizationIsAnEs256JwtForTheEndpointsOriginThatVerifiesUnderK() throws Exception {
    VapidKeys keys = VapidKeys.of(KEY, "mailto:ops@stride.localhost").orElseThrow();
    Instant now = Instant.parse("2026-12-01T10:00:00Z");

    String header =
        keys.authorization(URI.create("https://push.example.net:8443/wpush/v2/abc?x=1"), now);

    assertThat(header).matches("vapid t=[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+, k=.+");
    String jwt = header.substring(8, header.indexOf(','));
    assertThat(header.substring(header.indexOf("k=") + 2)).isEqualTo(Rfc8291.SENDER_PUBLIC);
    String[] parts = jwt.split("\\.");
    JsonNode claims = HttpJson.parse(new String(URL.decode(parts[1]), StandardCharsets.UTF_8));
    assertThat(claims.path("aud").asString("")).isEqualTo("https://push.example.net:8443");
    assertThat(claims.path("exp").asLong(0)).isEqualTo(now.getEpochSecond() + 12 * 3600);
    assertThat(claims.path("sub").asString("")).isEqualTo("mailto:ops@stride.localhost");
    JsonNode head = HttpJson.parse(new String(URL.decode(parts[0]), StandardCharsets.UTF_8));
    assertThat(head.path("alg").asString("")).isEqualTo("ES256");
    Signature signature = Signature.getInstance("SHA256withECDSAinP1363Format");
    signature.initVerify(P256.publicKey(URL.decode(Rfc8291.SENDER_PUBLIC)));
    signature.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
    assertThat(signature.verify(URL.decode(parts[2]))).isTrue();
  }

  @Test
  void noKeyMeansNoWebPushAndABadKeyStopsTheStart() {
    assertThat(VapidKeys.of("", "mailto:ops@stride.localhost")).isEmpty();
    assertThat(VapidKeys.of(null, "mailto:ops@stride.localhost")).isEmpty();
    assertThatThrownBy(() -> VapidKeys.of("c2hvcnQ=", "mailto:ops@stride.localhost"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("32 random bytes");
    assertThatThrownBy(() -> VapidKeys.of("not base64!", "mailto:ops@stride.localhost"))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> VapidKeys.of(KEY, "ops@stride.localhost"))
        .isInstanceOf(IllegalStateException.class);
  }
}
