package io.stride.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EntityTagsTests {

  @Test
  void equalContentHasEqualStrongTagsAndAnyChangeAnotherOne() {
    String tag = EntityTags.of("{\"code\":\"DE\"}");

    assertThat(tag).matches("\"[0-9a-f]{32}\"");
    assertThat(EntityTags.of("{\"code\":\"DE\"}")).isEqualTo(tag);
    assertThat(EntityTags.of("{\"code\":\"DK\"}")).isNotEqualTo(tag);
  }
}
