package io.stride.recommendation.training;

import static io.stride.recommendation.RecommendationFixtures.reader;
import static io.stride.recommendation.RecommendationFixtures.writer;
import static org.assertj.core.api.Assertions.assertThat;

import io.stride.platform.test.HttpJson;
import io.stride.platform.test.StrideIntegrationTest;
import io.stride.recommendation.RecommendationFixtures;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Today's suggestion from analytics' training state and the workouts, and the answers to it. */
@StrideIntegrationTest
class TrainingSuggestionIntegrationTests {

  @Autowired HttpJson http;
  @Autowired DataSource dataSource;

  private RecommendationFixtures world;

  @BeforeEach
  void world() {
    world = new RecommendationFixtures(dataSource);
  }

  @Test
  void lowReadinessIsARestDayWithItsReasonAndTheNumbersBehindIt() {
    UUID me = world.athlete("NL");
    world.weeksOf(me, "run", 20, 50, 9000);
    world.trainingState(me, 8, 1.1, 28);
    world.settled(me);

    JsonNode today = today(me);
    assertThat(today.get("day").asString()).isEqualTo(LocalDate.now(ZoneOffset.UTC).toString());
    assertThat(today.get("suggestion").asString()).isEqualTo("rest");
    assertThat(today.get("reasons").get(0).get("code").asString()).isEqualTo("readiness-low");
    assertThat(today.get("reasons").get(0).get("text").asString())
        .isEqualTo("Your readiness is 28 of 100: your body asks for rest.");
    assertThat(today.get("numbers").get("readiness").asInt()).isEqualTo(28);
    assertThat(today.get("numbers").get("form").asDouble()).isEqualTo(8.0);
    assertThat(today.get("numbers").get("acuteChronicRatio").asDouble()).isEqualTo(1.1);
    assertThat(today.get("answer").isNull()).isTrue();
  }

  @Test
  void aFreshAthleteGetsAHardDayAndNotTodayMakesItEasyAndTwoDismissalsStopHardDays() {
    UUID me = freshRunner();

    String day = LocalDate.now(ZoneOffset.UTC).toString();
    HttpJson.Reply notToday = answer(me, day, "not-today");
    assertThat(notToday.status()).as(notToday.body()).isEqualTo(200);
    assertThat(notToday.json().get("suggestion").asString()).isEqualTo("easy");
    assertThat(notToday.json().get("reasons").get(0).get("code").asString()).isEqualTo("not-today");
    assertThat(today(me).get("suggestion").asString()).as("stored").isEqualTo("easy");

    HttpJson.Reply accepted = answer(me, day, "accepted");
    assertThat(accepted.json().get("suggestion").asString()).isEqualTo("easy");
    assertThat(accepted.json().get("answer").asString()).isEqualTo("accepted");
  }

  @Test
  void acceptingAHardDayKeepsTodayHardAndMakesTomorrowADayAfterADemandingOne() {
    UUID me = freshRunner();
    String day = LocalDate.now(ZoneOffset.UTC).toString();
    HttpJson.Reply accepted = answer(me, day, "hard", "accepted");
    assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
    assertThat(accepted.json().get("suggestion").asString()).isEqualTo("hard");
    assertThat(accepted.json().get("answer").asString()).isEqualTo("accepted");
    assertThat(today(me).get("suggestion").asString()).as("stored").isEqualTo("hard");
  }

  @Test
  void anAnswerToASuggestionThatChangedSinceIsRefusedAndNamesTheNewOne() {
    UUID me = freshRunner();
    String day = LocalDate.now(ZoneOffset.UTC).toString();
    HttpJson.Reply stale = answer(me, day, "easy", "accepted");
    assertThat(stale.status()).as(stale.body()).isEqualTo(409);
    assertThat(stale.body()).contains("now hard");
    assertThat(today(me).get("answer").isNull()).as("nothing recorded").isTrue();
    HttpJson.Reply noSuggestion =
        http.put(
            "/api/v1/recommendations/training/" + day + "/answer",
            writer(me),
            Map.of("response", "accepted"));
    assertThat(noSuggestion.status()).isEqualTo(400);
    assertThat(noSuggestion.body()).contains("suggestion");
  }

  /** An athlete fresh (high readiness) after a long run three days ago: today is hard. */
  private UUID freshRunner() {
    UUID me = world.athlete("NL");
    world.weeksOf(me, "run", 20, 50, 9000);
    world.workout(
        me,
        "run",
        LocalDate.now(ZoneOffset.UTC).minusDays(3).atTime(8, 0).toInstant(ZoneOffset.UTC),
        120,
        24000,
        false);
    world.trainingState(me, 6, 1.0, 82);
    world.settled(me);
    assertThat(today(me).get("suggestion").asString()).isEqualTo("hard");
    return me;
  }

  @Test
  void hardDaysDismissedTwiceInTwoWeeksAreOfferedAsSteadyDays() {
    UUID me = freshRunner();
    new org.springframework.jdbc.core.JdbcTemplate(dataSource)
        .update(
            "insert into recommendation.training_feedback (user_id, day, suggestion, response,"
                + " answered_at) values (?, current_date - 5, 'hard', 'dismissed', now())",
            me);
    String day = LocalDate.now(ZoneOffset.UTC).toString();
    HttpJson.Reply dismissed = answer(me, day, "dismissed");
    assertThat(dismissed.status()).isEqualTo(200);
    assertThat(dismissed.json().get("suggestion").asString()).isEqualTo("steady");
    assertThat(dismissed.json().get("reasons").get(0).get("text").asString())
        .isEqualTo("You passed on hard sessions twice lately, so something lighter.");
  }

  @Test
  void anAnswerIsForTodayOnlyAndMustBeOneOfTheThree() {
    UUID me = world.athlete("NL");
    world.settled(me);
    HttpJson.Reply yesterday =
        answer(me, LocalDate.now(ZoneOffset.UTC).minusDays(1).toString(), "accepted");
    assertThat(yesterday.status()).isEqualTo(422);
    assertThat(yesterday.body()).contains("day");
    HttpJson.Reply unknown = answer(me, LocalDate.now(ZoneOffset.UTC).toString(), "maybe");
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.body()).contains("response");
    assertThat(
            http.put(
                    "/api/v1/recommendations/training/not-a-day/answer",
                    writer(me),
                    Map.of("suggestion", "easy", "response", "accepted"))
                .status())
        .isEqualTo(400);
    assertThat(
            http.put(
                    "/api/v1/recommendations/training/" + LocalDate.now(ZoneOffset.UTC) + "/answer",
                    reader(me),
                    Map.of("suggestion", "easy", "response", "accepted"))
                .status())
        .as("answering needs recommendations:write")
        .isEqualTo(403);
    assertThat(
            http.get("/api/v1/recommendations/training/today", reader(UUID.randomUUID())).status())
        .as("an athlete Stride has no profile of")
        .isEqualTo(404);
  }

  @Test
  void anAthleteWithNoHistoryStartsEasy() {
    UUID me = world.athlete("NL");
    world.settled(me);
    JsonNode today = today(me);
    assertThat(today.get("suggestion").asString()).isEqualTo("easy");
    assertThat(today.get("reasons").get(0).get("code").asString()).isEqualTo("no-history");
  }

  private JsonNode today(UUID me) {
    HttpJson.Reply reply = http.get("/api/v1/recommendations/training/today", reader(me));
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return reply.json();
  }

  /** Answers the suggestion the athlete sees now. */
  private HttpJson.Reply answer(UUID me, String day, String response) {
    return answer(me, day, today(me).get("suggestion").asString(), response);
  }

  private HttpJson.Reply answer(UUID me, String day, String suggestion, String response) {
    return http.put(
        "/api/v1/recommendations/training/" + day + "/answer",
        writer(me),
        Map.of("suggestion", suggestion, "response", response));
  }
}
