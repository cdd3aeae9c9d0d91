package io.stride.promo;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Promotions: campaigns, codes, exact redemptions and rewards (ADR 0034, docs/promotions.md). */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PromoServiceApplication {

  public static void main(String[] args) {
    SpringApplication.run(PromoServiceApplication.class, args);
  }
}
