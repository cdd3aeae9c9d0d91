package io.stride.integration.config;

import io.stride.integration.safety.AddressPolicy;
import io.stride.integration.safety.TargetUrls;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The address rules webhooks are registered and sent under. */
@Configuration
class IntegrationConfig {

  @Bean
  AddressPolicy addressPolicy(IntegrationProperties properties) {
    return new AddressPolicy(properties.allowLoopbackHttp());
  }

  @Bean
  TargetUrls targetUrls(AddressPolicy policy) {
    return new TargetUrls(policy, AddressPolicy.Resolver.SYSTEM);
  }
}
