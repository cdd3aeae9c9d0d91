package io.stride.recommendation;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * What to do next: today's training suggestion, people to follow, challenges and clubs to join,
 * precomputed from local copies fed by events (ADR 0036, docs/recommendations.md).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class RecommendationServiceApplication {

  public static void main(String[] args) {
    SpringApplication.run(RecommendationServiceApplication.class, args);
  }
}
