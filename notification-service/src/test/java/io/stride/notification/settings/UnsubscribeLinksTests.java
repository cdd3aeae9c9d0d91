package io.stride.notification.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UnsubscribeLinksTests {

  private static final String KEY =
      Base64.getEncoder().encodeToString("a key of thirty-two bytes or more!".getBytes());
  private final UnsubscribeLinks links = new UnsubscribeLinks(KEY, "https://stride.example/");

  @Test
  void aLinkNamesItsPersonAndTypeAndReadsBack() {
    UUID user = UUID.randomUUID();
    String url = links.url(user, "kudos");
    assertThat(url).startsWith("https://stride.example/unsubscribe?token=");
    String token = url.substring(url.indexOf("token=") + 6);
    assertThat(links.read(token)).contains(new UnsubscribeLinks.Subscription(user, "kudos"));
  }

  @Test
  void aTokenChangedInAnyWayOrSignedWithAnotherKeyIsRefused() {
    UUID user = UUID.randomUUID();
    String token = links.token(user, "kudos");
    String otherType = links.token(user, "comment");
    String forged =
        otherType.substring(0, otherType.indexOf('.')) + token.substring(token.indexOf('.'));
    UnsubscribeLinks otherKey =
        new UnsubscribeLinks(
            Base64.getEncoder().encodeToString("another key of thirty-two bytes!!".getBytes()),
            "https://stride.example");

    assertThat(links.read(forged)).isEmpty();
    assertThat(otherKey.read(token)).isEmpty();
    assertThat(links.read("garbage")).isEmpty();
    assertThat(links.read("a.b.c")).isEmpty();
    assertThat(links.read(null)).isEmpty();
  }

  @Test
  void aMissingOrShortKeyStopsTheStart() {
    assertThatThrownBy(() -> new UnsubscribeLinks("", "https://stride.example"))
        .hasMessageContaining("STRIDE_NOTIFICATION_LINK_KEY");
    assertThatThrownBy(
            () ->
                new UnsubscribeLinks(
                    Base64.getEncoder().encodeToString("short".getBytes()), "https://x"))
        .hasMessageContaining("32");
  }
}
