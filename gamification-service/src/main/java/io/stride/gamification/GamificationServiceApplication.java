package io.stride.gamification;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Points, levels, badges and streaks earned by workouts (ADR 0028). */
@SpringBootApplication
public class GamificationServiceApplication {

  public static void main(String[] args) {
    SpringApplication.run(GamificationServiceApplication.class, args);
  }
}
