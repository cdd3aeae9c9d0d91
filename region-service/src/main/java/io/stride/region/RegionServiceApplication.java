package io.stride.region;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Regions and their settings, flags and holidays, read by every other service (ADR 0023). */
@SpringBootApplication
@EnableScheduling
public class RegionServiceApplication {

  public static void main(String[] args) {
    SpringApplication.run(RegionServiceApplication.class, args);
  }
}
