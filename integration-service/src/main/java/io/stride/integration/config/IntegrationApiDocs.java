package io.stride.integration.config;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.media.StringSchema;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The integration API's closed sets of words as named schemas (a generated client's enums). */
@Configuration
public class IntegrationApiDocs {

  public static final String PARTNER_KIND = "#/components/schemas/PartnerKind";
  public static final String WEBHOOK_EVENT_TYPE = "#/components/schemas/WebhookEventType";
  public static final String DELIVERY_STATUS = "#/components/schemas/DeliveryStatus";

  /** The event types an endpoint can subscribe to. */
  public static final List<String> EVENT_TYPES =
      List.of("workout.created", "workout.updated", "workout.deleted", "athlete.deauthorized");

  public static final List<String> PARTNER_KINDS = List.of("company", "third-party");
  public static final List<String> DELIVERY_STATUSES =
      List.of("pending", "delivered", "failed", "cancelled");

  @Bean
  OpenApiCustomizer integrationEnums() {
    return openApi -> {
      if (openApi.getComponents() == null) {
        openApi.setComponents(new Components());
      }
      openApi
          .getComponents()
          .addSchemas(
              "PartnerKind", enumOf("The company's own app, or a third party's", PARTNER_KINDS))
          .addSchemas(
              "WebhookEventType", enumOf("What a webhook endpoint can be sent", EVENT_TYPES))
          .addSchemas(
              "DeliveryStatus",
              enumOf(
                  "pending (to be sent or retried), delivered (a 2xx came back), failed (given"
                      + " up after three days)",
                  DELIVERY_STATUSES));
    };
  }

  private static StringSchema enumOf(String description, List<String> values) {
    StringSchema schema = new StringSchema();
    schema.description(description);
    values.forEach(schema::addEnumItem);
    return schema;
  }
}
