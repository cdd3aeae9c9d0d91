package io.stride.platform.observability;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import org.junit.jupiter.api.Test;

/** No query string reaches a trace: authorization codes and reset tokens travel in them. */
class UrlQueryRedactionTests {

  private final UrlQueryRedaction redaction = new UrlQueryRedaction();

  @Test
  void aRecordedUrlKeepsItsPathAndLosesItsQuery() {
    Observation.Context context = new Observation.Context();
    context.addHighCardinalityKeyValue(
        KeyValue.of("http.url", "http://auth-service:8081/reset-password?token=s3cr3t"));
    context.addHighCardinalityKeyValue(
        KeyValue.of("url.full", "http://127.0.0.1:8081/oauth2/authorize?code=abc&state=x"));
    context.addHighCardinalityKeyValue(KeyValue.of("url.query", "code=abc"));

    redaction.map(context);

    assertThat(context.getHighCardinalityKeyValue("http.url").getValue())
        .isEqualTo("http://auth-service:8081/reset-password?…");
    assertThat(context.getHighCardinalityKeyValue("url.full").getValue())
        .isEqualTo("http://127.0.0.1:8081/oauth2/authorize?…");
    assertThat(context.getHighCardinalityKeyValue("url.query").getValue()).isEqualTo("…");
  }

  @Test
  void aUrlWithoutQueryAndOtherKeysAreUntouched() {
    Observation.Context context = new Observation.Context();
    context.addHighCardinalityKeyValue(KeyValue.of("http.url", "/api/v1/workouts/42"));
    context.addLowCardinalityKeyValue(KeyValue.of("uri", "/api/v1/workouts/{id}"));

    redaction.map(context);

    assertThat(context.getHighCardinalityKeyValue("http.url").getValue())
        .isEqualTo("/api/v1/workouts/42");
    assertThat(context.getLowCardinalityKeyValue("uri").getValue())
        .isEqualTo("/api/v1/workouts/{id}");
  }
}
