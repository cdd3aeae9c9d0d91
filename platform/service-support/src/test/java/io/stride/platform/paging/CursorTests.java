package io.stride.platform.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stride.platform.web.InvalidRequestException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CursorTests {

  record After(Instant time, UUID id) {}

  private static After after(String text) {
    return Cursor.decode(text, key -> new After(key.instant(), key.uuid()));
  }

  @Test
  void aCursorDecodesToTheSortKeyItWasMadeOfToTheNanosecond() {
    After end = new After(Instant.parse("2026-05-01T06:30:00.123456789Z"), UUID.randomUUID());

    assertThat(after(Cursor.of(end.time(), end.id()).encode())).isEqualTo(end);
  }

  @Test
  void anyMixOfTextAndNumbersRoundTripsEvenWithTheSeparatorInIt() {
    String encoded = Cursor.of("Ada: the 1st", 42L, "", "ü/+=").encode();

    List<Object> key =
        Cursor.decode(encoded, k -> List.<Object>of(k.text(), k.number(), k.text(), k.text()));

    assertThat(key).containsExactly("Ada: the 1st", 42L, "", "ü/+=");
  }

  @Test
  void aCursorWorkoutServiceIssuedBeforeTheMoveStillDecodes() {
    UUID id = UUID.randomUUID();
    String old =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(("1777617000:123456000:" + id).getBytes(StandardCharsets.UTF_8));

    assertThat(after(old)).isEqualTo(new After(Instant.parse("2026-05-01T06:30:00.123456Z"), id));
  }

  @Test
  void somethingThatIsNotACursorOfThisShapeIsAClientErrorNamingTheCursor() {
    String tooShort = Cursor.of(Instant.EPOCH).encode();
    String tooLong = Cursor.of(Instant.EPOCH, UUID.randomUUID(), 1L).encode();
    for (String text : new String[] {"bm90IGEgY3Vyc29y", "%%%", tooShort, tooLong}) {
      assertThatThrownBy(() -> after(text))
          .as(text)
          .isInstanceOfSatisfying(
              InvalidRequestException.class,
              e -> assertThat(e.errors().get(0).field()).isEqualTo("cursor"));
    }
  }

  @Test
  void noCursorIsTheFirstPage() {
    assertThat(after(null)).isNull();
    assertThat(after(" ")).isNull();
  }
}
