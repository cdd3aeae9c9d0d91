package io.stride.promo.codes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What generated codes look like and how typed codes are read. */
class CodeFormatTests {

  @Test
  void generatedCodesCarryAtLeastFortyBitsFromAnAlphabetWithoutLookAlikes() {
    assertThat(CodeFormat.ALPHABET).doesNotContain("0", "O", "1", "I", "L");
    double bits = CodeFormat.LENGTH * Math.log(CodeFormat.ALPHABET.length()) / Math.log(2);
    assertThat(bits).isGreaterThanOrEqualTo(40);
    Set<String> codes = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      String code = CodeFormat.generate();
      assertThat(code).hasSize(CodeFormat.LENGTH);
      assertThat(code.chars().allMatch(c -> CodeFormat.ALPHABET.indexOf(c) >= 0)).isTrue();
      codes.add(code);
    }
    assertThat(codes).hasSize(10_000);
  }

  @Test
  void typedCodesAreCaseInsensitiveAndIgnoreSpacesAndDashes() {
    assertThat(CodeFormat.normalize("7kq2m-xh4pd")).hasValue("7KQ2MXH4PD");
    assertThat(CodeFormat.normalize(" 7KQ2M XH4PD ")).hasValue("7KQ2MXH4PD");
    assertThat(CodeFormat.display("7KQ2MXH4PD")).isEqualTo("7KQ2M-XH4PD");
    assertThat(CodeFormat.normalize("winter25")).hasValue("WINTER25");
  }

  @Test
  void whatCannotBeACodeIsNoCode() {
    assertThat(CodeFormat.normalize("abc")).isEmpty();
    assertThat(CodeFormat.normalize("WINTER_25")).isEmpty();
    assertThat(CodeFormat.normalize("Ä1234")).isEmpty();
    assertThat(CodeFormat.normalize("A".repeat(33))).isEmpty();
  }
}
