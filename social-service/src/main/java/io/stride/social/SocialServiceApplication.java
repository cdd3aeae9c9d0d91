package io.stride.social;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Who follows, blocks and mutes whom, and finding athletes by name (ADR 0026). */
@SpringBootApplication
public class SocialServiceApplication {

  public static void main(String[] args) {
    SpringApplication.run(SocialServiceApplication.class, args);
  }
}
