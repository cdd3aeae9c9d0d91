package io.stride.integration.erasure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.stride.contracts.auth.DeviceLinked;
import io.stride.contracts.auth.UserDeleted;
import io.stride.integration.IntegrationFixtures;
import io.stride.integration.IntegrationFixtures.Partner;
import io.stride.integration.Receiver;
import io.stride.platform.test.Erasure;
import io.stride.platform.test.HttpJson;
import io.stride.platform.test.StrideIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** UserDeleted leaves nothing of the athlete in schema integration; late events are refused. */
@StrideIntegrationTest
class IntegrationErasureIntegrationTests {

  @Autowired HttpJson http;
  @Autowired DataSource dataSource;
  @Autowired JdbcTemplate jdbc;

  @Test
  void userDeletedErasesTheAthletesConnectionsAndDeliveriesAndRefusesTheirLateEvents() {
    try (Receiver receiver = new Receiver()) {
      IntegrationFixtures fixtures = new IntegrationFixtures(http, dataSource);
      Partner partner = fixtures.partner();
      fixtures.endpoint(partner, receiver.url(), "workout.created");
      UUID leaving = fixtures.connectedAthlete(partner);
      fixtures.recorded(leaving, "public");
      await().atMost(Duration.ofSeconds(20)).until(() -> receiver.requests().size() == 1);
      assertThat(Erasure.findRowsOf(dataSource, "integration", leaving, Set.of()))
          .as("the helper sees the athlete before the erasure")
          .anyMatch(place -> place.startsWith("connection."))
          .anyMatch(place -> place.startsWith("delivery."));

      fixtures.applied(new UserDeleted(leaving, Instant.now()));
      fixtures.applied(new DeviceLinked(leaving, partner.clientId(), "Acme", Instant.now()));
      fixtures.recorded(leaving, "public");

      Erasure.assertNoRowsOf(dataSource, "integration", leaving);
      assertThat(receiver.requests())
          .as("the endpoint does not subscribe to athlete.deauthorized: nothing more")
          .hasSize(1);
    }
  }

  @Test
  void aDeletedAccountsPartnersHearAthleteDeauthorizedOnceAndThenNothingOfTheAthleteIsLeft() {
    try (Receiver receiver = new Receiver().answering(500)) {
      IntegrationFixtures fixtures = new IntegrationFixtures(http, dataSource);
      Partner partner = fixtures.partner();
      fixtures.endpoint(partner, receiver.url(), "workout.created", "athlete.deauthorized");
      UUID leaving = fixtures.connectedAthlete(partner);
      fixtures.recorded(leaving, "public");
      await().atMost(Duration.ofSeconds(20)).until(() -> receiver.requests().size() == 1);

      fixtures.applied(new UserDeleted(leaving, Instant.now()));

      await().atMost(Duration.ofSeconds(20)).until(() -> receiver.requests().size() == 2);
      JsonNode body = HttpJson.parse(receiver.requests().get(1).body());
      assertThat(body.get("type").asString()).isEqualTo("athlete.deauthorized");
      assertThat(body.get("data").get("reason").asString()).isEqualTo("account_deleted");
      assertThat(body.get("data").get("athleteId").asString()).isEqualTo(leaving.toString());
      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> Erasure.findRowsOf(dataSource, "integration", leaving, Set.of()).isEmpty());
      assertThat(receiver.requests())
          .as("the workout waiting for a retry was cancelled, not sent")
          .hasSize(2);
    }
  }
}
