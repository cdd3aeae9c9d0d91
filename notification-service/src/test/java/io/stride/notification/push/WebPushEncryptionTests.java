package io.stride.notification.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class WebPushEncryptionTests {

  private static final Base64.Decoder URL = Base64.getUrlDecoder();

  @Test
  void encryptsTheRfc8291ExampleToTheByte() {
    KeyPair sender =
        new KeyPair(
            P256.publicKey(URL.decode(Rfc8291.SENDER_PUBLIC)),
            P256.privateKey(new BigInteger(1, URL.decode(Rfc8291.SENDER_PRIVATE))));

    byte[] body =
        WebPushEncryption.encrypt(
            Rfc8291.PLAINTEXT.getBytes(StandardCharsets.UTF_8),
            URL.decode(Rfc8291.BROWSER_PUBLIC),
            URL.decode(Rfc8291.AUTH_SECRET),
            sender,
            URL.decode(Rfc8291.SALT));

    assertThat(Base64.getUrlEncoder().withoutPadding().encodeToString(body))
        .isEqualTo(Rfc8291.BODY);
  }

  @Test
  void theBrowserOfTheTestsReadsTheRfc8291Example() throws Exception {
    TestBrowser browser =
        TestBrowser.of(Rfc8291.BROWSER_PRIVATE, Rfc8291.BROWSER_PUBLIC, Rfc8291.AUTH_SECRET);
    assertThat(browser.decrypt(URL.decode(Rfc8291.BODY))).isEqualTo(Rfc8291.PLAINTEXT);
  }

  @Test
  void eachMessageHasItsOwnKeyAndSaltAndOnlyItsBrowserReadsIt() throws Exception {
    TestBrowser browser = TestBrowser.create();
    byte[] plaintext = "{\"title\":\"Grüße ✓\"}".getBytes(StandardCharsets.UTF_8);

    byte[] one =
        WebPushEncryption.encrypt(
            plaintext, URL.decode(browser.p256dh()), URL.decode(browser.auth()));
    byte[] two =
        WebPushEncryption.encrypt(
            plaintext, URL.decode(browser.p256dh()), URL.decode(browser.auth()));

    assertThat(one).isNotEqualTo(two);
    assertThat(browser.decrypt(one)).isEqualTo("{\"title\":\"Grüße ✓\"}");
    assertThat(browser.decrypt(two)).isEqualTo("{\"title\":\"Grüße ✓\"}");
    assertThatThrownBy(() -> TestBrowser.create().decrypt(one))
        .as("another browser cannot read it")
        .isInstanceOf(java.security.GeneralSecurityException.class);
  }

  @Test
  void refusesAMessageLargerThanOneRecord() {
    TestBrowser browser = TestBrowser.create();
    assertThatThrownBy(
            () ->
                WebPushEncryption.encrypt(
                    new byte[WebPushEncryption.MAX_PLAINTEXT + 1],
                    URL.decode(browser.p256dh()),
                    URL.decode(browser.auth())))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
