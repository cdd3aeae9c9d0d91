package io.stride.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.transaction.CannotCreateTransactionException;

class UnavailableProblemTests {

  @Test
  void aRequestThatCannotBeServedYetIsA503ProblemWithRetryAfterInWholeSeconds() {
    var answer =
        new ProblemDetailsAdvice()
            .unavailable(
                new UnavailableException("The copy is loading.", Duration.ofMillis(4_200)));
    assertThat(answer.getStatusCode().value()).isEqualTo(503);
    assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
    assertThat(answer.getBody().getDetail()).isEqualTo("The copy is loading.");
    assertThat(answer.getBody().getType().toString()).endsWith("unavailable");
  }

  @Test
  void aDatabaseWithNoConnectionFreeIsA503ThatSaysNothingChanged() {
    var answer =
        new ProblemDetailsAdvice()
            .databaseBusy(
                new CannotCreateTransactionException(
                    "Could not open JDBC Connection for transaction"));
    assertThat(answer.getStatusCode().value()).isEqualTo(503);
    assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
    assertThat(answer.getBody().getDetail()).contains("did not change anything");
  }
}
