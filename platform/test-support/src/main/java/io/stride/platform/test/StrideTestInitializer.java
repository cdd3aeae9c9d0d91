package io.stride.platform.test;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Points a service under test at the shared infrastructure and the test token issuer, and gives its
 * tests an {@link HttpJson} bound to the service's random port.
 */
public class StrideTestInitializer
    implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    StrideInfrastructure infrastructure = StrideInfrastructure.get();
    TestTokens tokens = TestTokens.get();
    TestPropertyValues.of(
            "spring.datasource.url=" + infrastructure.jdbcUrl(),
            "spring.datasource.username=" + infrastructure.databaseUser(),
            "spring.datasource.password=" + infrastructure.databasePassword(),
            "spring.kafka.bootstrap-servers=" + infrastructure.kafkaBootstrapServers(),
            "spring.security.oauth2.resourceserver.jwt.issuer-uri=" + TestTokens.ISSUER,
            "spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + tokens.jwkSetUri(),
            "stride.outbox.poll-interval=100ms",
            "logging.structured.format.console=")
        .applyTo(context);
    // tests take the service under test's client with @Autowired HttpJson
    context
        .getBeanFactory()
        .registerSingleton(
            "serviceUnderTestHttp",
            new HttpJson(
                () ->
                    "http://127.0.0.1:"
                        + context.getEnvironment().getRequiredProperty("local.server.port")));
  }
}
