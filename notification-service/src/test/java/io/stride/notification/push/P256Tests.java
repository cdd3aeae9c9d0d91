package io.stride.notification.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class P256Tests {

  private static final Base64.Decoder URL = Base64.getUrlDecoder();
  private static final Base64.Encoder ENCODE = Base64.getUrlEncoder().withoutPadding();

  @Test
  void derivesThePublicKeysOfTheRfc8291ExampleFromTheirPrivateKeys() {
    assertThat(derive(Rfc8291.SENDER_PRIVATE)).isEqualTo(Rfc8291.SENDER_PUBLIC);
    assertThat(derive(Rfc8291.BROWSER_PRIVATE)).isEqualTo(Rfc8291.BROWSER_PUBLIC);
  }

  @Test
  void derivesTheSamePublicKeyAsTheJdkForRandomKeyPairs() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    for (int i = 0; i < 20; i++) {
      var pair = generator.generateKeyPair();
      BigInteger scalar = ((ECPrivateKey) pair.getPrivate()).getS();
      assertThat(P256.publicPoint(scalar)).isEqualTo(((ECPublicKey) pair.getPublic()).getW());
      byte[] encoded = P256.encode(((ECPublicKey) pair.getPublic()).getW());
      assertThat(P256.isPoint(encoded)).isTrue();
      assertThat(P256.publicKey(encoded).getW()).isEqualTo(((ECPublicKey) pair.getPublic()).getW());
    }
  }

  @Test
  void tellsPointsOnTheCurveFromBytesThatAreNot() {
    byte[] point = URL.decode(Rfc8291.BROWSER_PUBLIC);
    assertThat(P256.isPoint(point)).isTrue();
    byte[] moved = point.clone();
    moved[64] ^= 1;
    assertThat(P256.isPoint(moved)).as("y changed: off the curve").isFalse();
    byte[] compressed = point.clone();
    compressed[0] = 2;
    assertThat(P256.isPoint(compressed)).isFalse();
    assertThat(P256.isPoint(new byte[64])).isFalse();
    assertThatThrownBy(() -> P256.publicKey(moved)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void refusesPrivateScalarsOutOfRange() {
    assertThatThrownBy(() -> P256.publicPoint(BigInteger.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> P256.publicPoint(P256.SPEC.getOrder()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static String derive(String privateScalar) {
    return ENCODE.encodeToString(
        P256.encode(P256.publicPoint(new BigInteger(1, URL.decode(privateScalar)))));
  }
}
