package io.stride.contracts.integration;

import io.stride.contracts.Topic;

/** Topics written by integration-service. */
public final class IntegrationTopics {

  /** What happened to partners' webhook endpoints; key = endpoint id. */
  public static final Topic WEBHOOKS =
      Topic.of("stride.integration.webhooks", "integration-service", WebhookDisabled.class);

  private IntegrationTopics() {}
}
