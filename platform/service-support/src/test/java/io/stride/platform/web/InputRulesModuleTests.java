package io.stride.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.json.JsonMapper;

class InputRulesModuleTests {

  record Nested(String label) {}

  record Request(
      String title,
      List<String> tags,
      Map<String, String> notes,
      Nested nested,
      Instant startTime,
      LocalDate birthDate) {}

  private final JsonMapper json = JsonMapper.builder().addModule(new InputRulesModule()).build();

  @Test
  void acceptsOrdinaryTextWithTabsNewlinesAndEmoji() {
    Request read =
        json.readValue(
            "{\"title\":\"Morning run \\ud83c\\udfc3\",\"notes\":{\"a\":\"line 1\\n\\tline 2\\r\\n\"},"
                + "\"startTime\":\"2026-05-01T07:30:00Z\",\"birthDate\":\"1950-02-03\"}",
            Request.class);
    assertThat(read.title()).isEqualTo("Morning run 🏃");
    assertThat(read.startTime()).isEqualTo(Instant.parse("2026-05-01T07:30:00Z"));
    assertThat(read.birthDate()).isEqualTo(LocalDate.of(1950, 2, 3));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"title\":\"a\\u0000b\"}",
        "{\"title\":\"bell\\u0007\"}",
        "{\"title\":\"c1\\u0085\"}",
        "{\"title\":\"del\\u007f\"}",
        "{\"title\":\"half \\ud83c surrogate\"}",
        "{\"title\":\"lone \\udc00\"}"
      })
  void refusesControlCharactersAndBrokenSurrogatesNamingTheField(String body) {
    assertRefused(body, "title");
  }

  @Test
  void checksTextInsideListsMapsAndNestedObjects() {
    assertRefused("{\"tags\":[\"ok\",\"x\\u0000\"]}", "tags[1]");
    assertRefused("{\"notes\":{\"k\":\"x\\u0000\"}}", "notes.k");
    assertRefused("{\"nested\":{\"label\":\"x\\u0000\"}}", "nested.label");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"startTime\":\"+1000000000-01-01T00:00:00Z\"}",
        "{\"startTime\":\"-1000000000-01-01T00:00:00Z\"}",
        "{\"startTime\":\"1899-12-31T23:59:59Z\"}",
        "{\"startTime\":\"2200-01-01T00:00:00Z\"}",
        "{\"startTime\":-2208988801}"
      })
  void refusesInstantsOutsideTheDocumentedRange(String body) {
    assertRefused(body, "startTime");
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"startTime\":1e30}", "{\"startTime\":-99999999999999999}"})
  void refusesNumbersBeyondAnyInstantNamingTheField(String body) {
    assertThatThrownBy(() -> json.readValue(body, Request.class))
        .isInstanceOfSatisfying(
            DatabindException.class,
            e -> assertThat(ProblemDetailsAdviceAccess.path(e)).isEqualTo("startTime"));
  }

  @Test
  void refusesDatesOutsideTheDocumentedRange() {
    assertRefused("{\"birthDate\":\"+999999999-01-01\"}", "birthDate");
    assertRefused("{\"birthDate\":\"1899-12-31\"}", "birthDate");
  }

  @Test
  void acceptsTheEdgesOfTheRange() {
    Request read =
        json.readValue(
            "{\"startTime\":\"2199-12-31T23:59:59Z\",\"birthDate\":\"1900-01-01\"}", Request.class);
    assertThat(read.startTime()).isEqualTo(Instant.parse("2199-12-31T23:59:59Z"));
  }

  private void assertRefused(String body, String field) {
    assertThatThrownBy(() -> json.readValue(body, Request.class))
        .isInstanceOfSatisfying(
            DatabindException.class,
            e -> {
              assertThat(e).isInstanceOf(InvalidInputException.class);
              assertThat(ProblemDetailsAdviceAccess.path(e)).isEqualTo(field);
            });
  }
}
