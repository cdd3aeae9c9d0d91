package io.stride.platform.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;

/** Registers the problem+json error handling for every servlet service. */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class WebErrorsAutoConfiguration {

  @Bean
  ProblemDetailsAdvice strideProblemDetailsAdvice() {
    return new ProblemDetailsAdvice();
  }
}
