package io.stride.contracts.integration;

import io.stride.contracts.Topic;

/** Topics written by integration-service. */
public final class IntegrationTopics {

  /**
   * What happened to partners' webhook endpoints; key = endpoint id. Carries the partner's contact
   * address: read by notification-service alone.
   */
  public static final Topic WEBHOOKS =
      Topic.of("stride.integration.webhooks", "integration-service", WebhookDisabled.class);

  /** Athletes connecting and disconnecting partners' apps; key = athlete id. */
  public static final Topic CONNECTIONS =
      Topic.of(
          "stride.integration.connections",
          "integration-service",
          PartnerConnected.class,
          PartnerDisconnected.class);

  private IntegrationTopics() {}
}
