package io.stride.analytics;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Training totals, load, fitness, fatigue, form and readiness (ADR 0033, docs/analytics.md). */
@SpringBootApplication
@EnableScheduling
public class AnalyticsServiceApplication {

  public static void main(String[] args) {
    SpringApplication.run(AnalyticsServiceApplication.class, args);
  }
}
