package io.stride.platform.paging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PageTests {

  @Test
  void oneItemMoreThanTheLimitMeansANextPageAfterTheLastItemShown() {
    Page<Long> page = Page.of(List.of(5L, 4L, 3L), 2, item -> Cursor.of(item));

    assertThat(page.items()).containsExactly(5L, 4L);
    assertThat(Cursor.decode(page.nextCursor(), Cursor.Key::number)).isEqualTo(4L);
  }

  @Test
  void noMoreItemsThanTheLimitIsTheLastPage() {
    assertThat(Page.of(List.of(5L, 4L), 2, item -> Cursor.of(item)).nextCursor()).isNull();
    assertThat(Page.<Long>empty().items()).isEmpty();
  }
}
