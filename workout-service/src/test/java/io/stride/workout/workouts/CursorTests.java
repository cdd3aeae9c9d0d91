package io.stride.workout.workouts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stride.platform.web.InvalidRequestException;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CursorTests {

  @Test
  void aCursorDecodesToWhereThePageEndedToTheMicrosecond() {
    Cursor cursor = new Cursor(Instant.parse("2026-05-01T06:30:00.123456Z"), UUID.randomUUID());

    assertThat(Cursor.decode(cursor.encode())).isEqualTo(cursor);
  }

  @Test
  void somethingThatIsNotACursorIsAClientError() {
    assertThatThrownBy(() -> Cursor.decode("bm90IGEgY3Vyc29y"))
        .isInstanceOf(InvalidRequestException.class);
    assertThat(Cursor.decode(null)).isNull();
  }
}
