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

  /**
   * Activity files from outside for workout-service to import (partners' pushes); key = athlete id.
   * Carries the file, so its records may be up to {@link #IMPORT_RECORD_BYTES}.
   */
  public static final Topic IMPORTS =
      Topic.of("stride.integration.imports", "integration-service", ActivityFileReceived.class)
          .carryingUpTo(IntegrationTopics.IMPORT_RECORD_BYTES);

  /** The largest record of {@link #IMPORTS}: 10 MiB, an 6 MiB file's base64 and headroom. */
  public static final int IMPORT_RECORD_BYTES = 10 * 1024 * 1024;

  private IntegrationTopics() {}
}
