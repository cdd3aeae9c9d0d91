package io.stride.gamification.standing;

import static org.assertj.core.api.Assertions.assertThat;

import io.stride.contracts.EventEnvelope;
import io.stride.contracts.StrideEvent;
import io.stride.contracts.workout.PersonalRecordSet;
import io.stride.contracts.workout.WorkoutDeleted;
import io.stride.contracts.workout.WorkoutRecorded;
import io.stride.contracts.workout.WorkoutSummary;
import io.stride.contracts.workout.WorkoutUpdated;
import io.stride.gamification.TestHistory;
import io.stride.platform.test.StrideIntegrationTest;
import io.stride.platform.test.TestEvents;
import io.stride.platform.test.TopicWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Replaying an athlete's whole event history from the beginning, into a service that forgot
 * everything it derived, rebuilds exactly the same standing, challenge progress and board places,
 * and tells the athlete nothing again.
 */
@StrideIntegrationTest
class ReplayIntegrationTests {

  private static final List<String> STATE =
      List.of(
          "select workout_id, local_date, base_points, points, status, reasons"
              + " from gamification.workout_score where owner_id = ? order by workout_id",
          "select points, level, workouts_counted, daily_length, daily_start, daily_last,"
              + " daily_longest, freeze_tokens, weekly_length, weekly_start, weekly_last,"
              + " weekly_longest from gamification.progress where user_id = ?",
          "select badge, tier, title, workout_id, earned_at from gamification.badge"
              + " where user_id = ? order by badge, tier",
          "select challenge_id, progress, workouts, completed_workout, completed_at"
              + " from gamification.challenge_participant where athlete_id = ?",
          "select board, score from gamification.board_entry where athlete_id = ? order by board");

  @Autowired JdbcTemplate jdbc;

  @Test
  void replayingTheWholeHistoryRebuildsExactlyTheSameStanding() {
    TestHistory history = new TestHistory(jdbc);
    UUID athlete = UUID.randomUUID();
    List<EventEnvelope<StrideEvent>> events = new ArrayList<>();
    events.add(
        history.send(
            TestEvents.profileUpdated(athlete, "Replay", "PUBLIC", "Europe/Berlin", "DE", 1)));
    Instant start = Instant.now().minus(60, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    joinChallenge(athlete, start);
    List<WorkoutSummary> runs = new ArrayList<>();
    for (int day = 0; day < 40; day++) {
      if (day % 9 == 8) {
        continue; // a missed day now and then: tokens spent, runs broken
      }
      WorkoutSummary run =
          TestHistory.summary(
              UUID.randomUUID(),
              athlete,
              day % 5 == 0 ? "ride" : "run",
              start.plus(day, ChronoUnit.DAYS).plus(day % 3 * 7, ChronoUnit.HOURS),
              8 + day % 4,
              45 + day,
              day % 11 == 0 ? "manual" : "file",
              day % 13 == 12 ? 1 : 0);
      runs.add(run);
      events.add(history.send(new WorkoutRecorded(run)));
    }
    WorkoutSummary edited = runs.get(3);
    events.add(
        history.send(
            new WorkoutUpdated(
                TestHistory.summary(
                    edited.workoutId(),
                    athlete,
                    "trail_run",
                    edited.startTime(),
                    30,
                    240,
                    "file",
                    0),
                1)));
    events.add(history.send(new WorkoutDeleted(runs.get(10).workoutId(), athlete)));
    events.add(
        history.send(
            new PersonalRecordSet(
                athlete, runs.get(5).workoutId(), "run", "10k", 10000, 2700, null)));
    events.add(
        history.send(
            TestEvents.profileUpdated(athlete, "Replay", "PUBLIC", "America/New_York", "US", 2)));
    List<List<String>> before = state(athlete);
    int told = told(athlete);
    assertThat(before.get(2)).as("the history earned badges").isNotEmpty();
    assertThat(before.get(3).get(0)).as("and completed the challenge").doesNotEndWith("null|null|");
    assertThat(before.get(4)).as("and placed the athlete on boards").isNotEmpty();

    forgetEverythingDerivedFrom(athlete, events);
    assertThat(state(athlete).get(1)).isEmpty();
    for (EventEnvelope<StrideEvent> event : events) {
      TopicWriter.send(event);
    }
    events.forEach(history::applied);

    assertThat(state(athlete)).isEqualTo(before);
    assertThat(told(athlete)).as("nothing is announced twice").isEqualTo(told);
  }

  private List<List<String>> state(UUID athlete) {
    List<List<String>> state = new ArrayList<>();
    for (String query : STATE) {
      state.add(
          jdbc.query(
              query,
              (rs, row) -> {
                StringBuilder line = new StringBuilder();
                for (int c = 1; c <= rs.getMetaData().getColumnCount(); c++) {
                  line.append(rs.getString(c)).append('|');
                }
                return line.toString();
              },
              athlete));
    }
    return state;
  }

  private int told(UUID athlete) {
    return jdbc.queryForObject(
        "select count(*) from gamification.outbox_event where message_key = ?",
        Integer.class,
        athlete.toString());
  }

  /** A challenge over the whole history (10 km of runs), joined before any of it arrives. */
  private void joinChallenge(UUID athlete, Instant start) {
    UUID challenge = UUID.randomUUID();
    jdbc.update(
        "insert into gamification.challenge (challenge_id, title, goal, target, sport, time_zone,"
            + " starts_on, ends_on, starts_at, ends_at, scope, created_by, created_at)"
            + " values (?, 'Replay 10 km', 'distance', 10000, 'run', 'UTC', ?::date, ?::date,"
            + " ?, ?, 'everyone', ?, now())",
        challenge,
        start.minus(1, ChronoUnit.DAYS).toString().substring(0, 10),
        start.plus(80, ChronoUnit.DAYS).toString().substring(0, 10),
        java.sql.Timestamp.from(start.minus(1, ChronoUnit.DAYS)),
        java.sql.Timestamp.from(start.plus(80, ChronoUnit.DAYS)),
        athlete);
    jdbc.update(
        "insert into gamification.challenge_participant (challenge_id, athlete_id, joined_at)"
            + " values (?, ?, now())",
        challenge,
        athlete);
  }

  /** What a rebuild starts from: the copies and standings gone, the inbox forgetting the events. */
  private void forgetEverythingDerivedFrom(UUID athlete, List<EventEnvelope<StrideEvent>> events) {
    for (String table : List.of("workout_score", "personal_record", "workout")) {
      jdbc.update("delete from gamification." + table + " where owner_id = ?", athlete);
    }
    jdbc.update(
        "delete from gamification.board_bucket where board in"
            + " (select board from gamification.board_entry where athlete_id = ?)",
        athlete);
    jdbc.update("delete from gamification.board_entry where athlete_id = ?", athlete);
    jdbc.update(
        "update gamification.challenge_participant set progress = 0, workouts = 0,"
            + " completed_workout = null, completed_at = null where athlete_id = ?",
        athlete);
    for (String table : List.of("badge", "progress", "athlete")) {
      jdbc.update("delete from gamification." + table + " where user_id = ?", athlete);
    }
    for (EventEnvelope<StrideEvent> event : events) {
      jdbc.update("delete from gamification.processed_event where event_id = ?", event.id());
    }
  }
}
