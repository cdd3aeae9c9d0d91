package io.stride.platform.events;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stride.platform.test.StrideTestInitializer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

class StartupCheckIntegrationTests {

  @Test
  void aHandlerForATopicTheCatalogEntryDoesNotConsumeFailsTheStart() {
    assertThatThrownBy(
            () ->
                new SpringApplicationBuilder(EventsTestApplication.class)
                    .initializers(new StrideTestInitializer())
                    .properties("events-test.consumes=")
                    .run()
                    .close())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "events-test-service has @EventHandler methods for events on"
                + " [stride.eventstest.notes], which its services.yml entry does not list under"
                + " consumes");
  }
}
