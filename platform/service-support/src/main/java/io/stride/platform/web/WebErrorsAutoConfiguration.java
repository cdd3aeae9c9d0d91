package io.stride.platform.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import tools.jackson.databind.JacksonModule;

/**
 * Registers the problem+json error handling and the input rules ({@link InputBounds}) for every
 * servlet service.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class WebErrorsAutoConfiguration {

  @Bean
  ProblemDetailsAdvice strideProblemDetailsAdvice() {
    return new ProblemDetailsAdvice();
  }

  @Bean
  InputRulesBinding strideInputRulesBinding() {
    return new InputRulesBinding();
  }

  /** Picked up by Boot's JSON mapper auto-configuration, like any Jackson module bean. */
  @Bean
  JacksonModule strideInputRulesModule() {
    return new InputRulesModule();
  }
}
