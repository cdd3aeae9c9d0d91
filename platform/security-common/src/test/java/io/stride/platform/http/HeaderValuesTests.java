package io.stride.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HeaderValuesTests {

  @Test
  void acceptsVisibleTextSpacesTabsAndNonAscii() {
    assertThat(HeaderValues.isValid("Bearer eyJhbGciOiJSUzI1NiJ9.e30.sig-_")).isTrue();
    assertThat(HeaderValues.isValid("text/html;\tq=0.9, */*")).isTrue();
    assertThat(HeaderValues.isValid("Zoë Läufer")).isTrue();
    assertThat(HeaderValues.isValid("")).isTrue();
    assertThat(HeaderValues.isValid(null)).as("an absent header").isTrue();
  }

  @Test
  void refusesControlCharactersThatEnableHeaderInjection() {
    assertThat(HeaderValues.isValid("value\r\nSet-Cookie: x=y")).isFalse();
    assertThat(HeaderValues.isValid("nul\u0000byte")).isFalse();
    assertThat(HeaderValues.isValid("del\u007f")).isFalse();
  }
}
