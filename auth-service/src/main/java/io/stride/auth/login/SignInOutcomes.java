package io.stride.auth.login;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts password sign-ins by outcome ({@code stride_auth_sign_ins_total{outcome}}: succeeded,
 * failed, throttled), what the login-failure alert watches for credential stuffing and guessing.
 * Never tagged with the account or the address: those stay out of metrics.
 */
final class SignInOutcomes {

  private final Counter succeeded;
  private final Counter failed;
  private final Counter throttled;

  private SignInOutcomes(MeterRegistry meters) {
    this.succeeded = counter(meters, "succeeded");
    this.failed = counter(meters, "failed");
    this.throttled = counter(meters, "throttled");
  }

  static SignInOutcomes counting(MeterRegistry meters) {
    return new SignInOutcomes(meters);
  }

  private static Counter counter(MeterRegistry meters, String outcome) {
    return Counter.builder("stride.auth.sign.ins")
        .description("Password sign-ins by outcome")
        .tag("outcome", outcome)
        .register(meters);
  }

  void succeeded() {
    succeeded.increment();
  }

  void failed() {
    failed.increment();
  }

  void throttled() {
    throttled.increment();
  }
}
