package io.stride.notification.sources;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InteractionNotificationsTests {

  @Test
  void aShortCommentIsItsOwnExcerptWithWhiteSpaceFolded() {
    assertThat(InteractionNotifications.excerpt("  Great\n\n run  today "))
        .isEqualTo("Great run today");
  }

  @Test
  void aLongCommentIsCutAtAWordWithAnEllipsis() {
    String text = "word ".repeat(60);
    String excerpt = InteractionNotifications.excerpt(text);
    assertThat(excerpt).endsWith("word…");
    assertThat(excerpt.codePointCount(0, excerpt.length())).isLessThanOrEqualTo(141);
  }

  @Test
  void aCutNeverSplitsACharacterOutsideTheBasicPlane() {
    String text = "🏃".repeat(200);
    String excerpt = InteractionNotifications.excerpt(text);
    assertThat(excerpt.codePointCount(0, excerpt.length())).isEqualTo(141);
    assertThat(excerpt).endsWith("🏃…");
  }

  @Test
  void recordTimesReadAsAClock() {
    assertThat(RecordNotifications.clock(1172.4)).isEqualTo("19:32");
    assertThat(RecordNotifications.clock(3723)).isEqualTo("1:02:03");
  }
}
