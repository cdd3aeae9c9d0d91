package io.stride.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the local run gives each service beyond the common environment, from the catalog. */
class LocalStackTests {

  private final StackConfig config =
      StackConfig.fixedPorts(Path.of("..").toAbsolutePath().normalize(), Path.of("target/stack"));

  @Test
  void aFollowerGetsTheAddressesOfTheProducersOfTheTopicsItFollows() {
    // profile-service follows stride.region.regions, published by region-service
    assertThat(LocalStack.producerUrls(config, config.catalog().service("profile-service")))
        .isEqualTo(
            Map.of("STRIDE_REGION_URL", "http://127.0.0.1:" + config.portOf("region-service")));
    assertThat(LocalStack.producerUrls(config, config.catalog().service("workout-service")))
        .as("it follows nothing")
        .isEmpty();
  }

  @Test
  void everyServiceIsGivenTheLocalMailServerAndThePublicAddressForLinksInEmails() {
    Map<String, String> common =
        LocalStack.commonEnvironment(config, "jdbc:postgresql://127.0.0.1:15432/stride", "k:1");
    assertThat(common)
        .containsEntry("STRIDE_SMTP_HOST", "127.0.0.1")
        .containsEntry("STRIDE_SMTP_PORT", "3025")
        .containsEntry("STRIDE_PUBLIC_URL", config.gatewayUrl())
        .containsEntry("STRIDE_ISSUER", config.gatewayUrl());
    StackConfig tuned = config.withEnvironment(Map.of("STRIDE_SMTP_PORT", "2525"));
    assertThat(LocalStack.commonEnvironment(tuned, "jdbc:x", "k:1"))
        .as("a test's environment wins")
        .containsEntry("STRIDE_SMTP_PORT", "2525");
  }

  @Test
  void webhooksOfALocalRunMayGoOverHttpToReceiversOnThisMachine() {
    assertThat(LocalStack.commonEnvironment(config, "jdbc:x", "k:1"))
        .containsEntry("STRIDE_INTEGRATION_ALLOW_LOOPBACK_HTTP", "true");
  }
}
