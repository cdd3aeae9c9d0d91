package io.stride.recommendation.training;

import io.stride.platform.web.ConflictException;
import io.stride.platform.web.InvalidRequestException;
import io.stride.platform.web.NotFoundException;
import io.stride.recommendation.athletes.Athletes;
import io.stride.recommendation.athletes.Athletes.Athlete;
import io.stride.recommendation.athletes.Workouts;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Today's training suggestion per athlete: computed when the athlete's inputs change (the
 * refresher) and stored; read as stored. Only the first read of a new local day, before the
 * refresher got to the athlete, computes it on the spot.
 */
@Service
public class TrainingSuggestions {

  static final int ANSWER_DAYS = 14;
  static final int PASSED_ON_AFTER = 2;

  private final JdbcClient jdbc;
  private final Athletes athletes;
  private final Workouts workouts;
  private final TrainingStates states;
  private final JsonMapper json;
  private final Clock clock;

  TrainingSuggestions(
      JdbcClient jdbc,
      Athletes athletes,
      Workouts workouts,
      TrainingStates states,
      JsonMapper json,
      Clock clock) {
    this.jdbc = jdbc;
    this.athletes = athletes;
    this.workouts = workouts;
    this.states = states;
    this.json = json;
    this.clock = clock;
  }

  /** The stored suggestion of a day. */
  record Stored(
      LocalDate day,
      Kind kind,
      List<TrainingReason> reasons,
      TrainingNumbers numbers,
      @Nullable String feedback,
      Instant computedAt) {}

  /** Recomputes and stores the athlete's suggestion for their today. */
  @Transactional
  public void refresh(UUID user) {
    athletes.find(user).ifPresent(athlete -> compute(athlete, clock.instant()));
  }

  /** The athlete's suggestion for their today. */
  @Transactional
  Stored today(UUID user) {
    Athlete athlete =
        athletes.find(user).orElseThrow(() -> new NotFoundException("No suggestion for you yet"));
    LocalDate today = LocalDate.ofInstant(clock.instant(), athlete.timeZone());
    return stored(user, today).orElseGet(() -> compute(athlete, clock.instant()));
  }

  /**
   * Records the athlete's answer to today's suggestion, the one they saw ({@code suggestion}), and
   * recomputes it. When today's suggestion changed since (a workout came in), the answer is refused
   * (409): it was not meant for this one.
   */
  @Transactional
  Stored answer(UUID user, LocalDate day, Kind suggestion, String response) {
    Stored current = today(user);
    if (!current.day().equals(day)) {
      throw InvalidRequestException.of(
          "day",
          "is not your today (" + current.day() + "): only today's suggestion takes answers");
    }
    if (current.kind() != suggestion) {
      throw new ConflictException(
          "Today's suggestion is now "
              + current.kind().code()
              + ", not "
              + suggestion.code()
              + ": it changed since you saw it; answer the new one");
    }
    jdbc.sql(
            """
            insert into training_feedback (user_id, day, suggestion, response, answered_at)
            values (?, ?, ?, ?, ?)
            on conflict (user_id, day, suggestion) do update set
                response = excluded.response, answered_at = excluded.answered_at
            where training_feedback.response <> excluded.response
            """)
        .params(
            user,
            Date.valueOf(day),
            current.kind().code(),
            response,
            Timestamp.from(clock.instant()))
        .update();
    return compute(athletes.find(user).orElseThrow(), clock.instant());
  }

  private Stored compute(Athlete athlete, Instant now) {
    LocalDate today = LocalDate.ofInstant(now, athlete.timeZone());
    List<Workouts.Workout> recent = workouts.since(athlete.userId(), now.minus(Workouts.WINDOW));
    Answers answers = answers(athlete.userId(), today);
    TrainingAdvice.Pattern pattern =
        Patterns.of(recent, answers.acceptedDemanding(), athlete.timeZone(), today);
    Optional<TrainingStates.Dated> state = states.find(athlete.userId());
    TrainingAdvice.State current = state.map(TrainingStates.Dated::state).orElse(null);
    TrainingAdvice.Advice advice = TrainingAdvice.advise(current, pattern, answers.advice());
    TrainingNumbers numbers =
        new TrainingNumbers(
            current == null ? null : current.readiness(),
            current == null ? null : round(current.form()),
            current == null ? null : round(current.fitness()),
            current == null ? null : round(current.fatigue()),
            current == null || current.acuteChronicRatio() == null
                ? null
                : Math.round(current.acuteChronicRatio() * 100) / 100.0,
            state.map(TrainingStates.Dated::day).orElse(null),
            pattern.daysSinceDemanding(),
            pattern.daysInARow(),
            pattern.longInLastWeek());
    jdbc.sql(
            """
            insert into training_suggestion (user_id, day, suggestion, reasons, numbers, computed_at)
            values (?, ?, ?, ?, ?, ?)
            on conflict (user_id) do update set
                day = excluded.day, suggestion = excluded.suggestion, reasons = excluded.reasons,
                numbers = excluded.numbers, computed_at = excluded.computed_at
            """)
        .params(
            athlete.userId(),
            Date.valueOf(today),
            advice.kind().code(),
            json.writeValueAsString(advice.reasons()),
            json.writeValueAsString(numbers),
            Timestamp.from(now))
        .update();
    return new Stored(
        today, advice.kind(), advice.reasons(), numbers, answers.response(advice.kind()), now);
  }

  private Optional<Stored> stored(UUID user, LocalDate today) {
    return jdbc.sql(
            """
            select s.day, s.suggestion, s.reasons, s.numbers, s.computed_at, f.response
            from training_suggestion s
            left join training_feedback f
              on f.user_id = s.user_id and f.day = s.day and f.suggestion = s.suggestion
            where s.user_id = ? and s.day = ?
            """)
        .params(user, Date.valueOf(today))
        .query(
            (rs, row) ->
                new Stored(
                    rs.getDate("day").toLocalDate(),
                    Kind.of(rs.getString("suggestion")),
                    json.readValue(rs.getString("reasons"), new TypeReference<>() {}),
                    json.readValue(rs.getString("numbers"), TrainingNumbers.class),
                    rs.getString("response"),
                    rs.getTimestamp("computed_at").toInstant()))
        .optional();
  }

  /** What the athlete's answers of the last fourteen days say of today. */
  private Answers answers(UUID user, LocalDate today) {
    Map<Kind, Integer> dismissed = new EnumMap<>(Kind.class);
    Set<LocalDate> acceptedDemanding = new HashSet<>();
    Set<Kind> notToday = new HashSet<>();
    Map<Kind, String> todays = new EnumMap<>(Kind.class);
    for (Answer answer :
        jdbc.sql(
                "select day, suggestion, response from training_feedback"
                    + " where user_id = ? and day > ? and day <= ?")
            .params(user, Date.valueOf(today.minusDays(ANSWER_DAYS)), Date.valueOf(today))
            .query(
                (rs, row) ->
                    new Answer(
                        rs.getDate("day").toLocalDate(),
                        Kind.of(rs.getString("suggestion")),
                        rs.getString("response")))
            .list()) {
      if (answer.day().equals(today)) {
        todays.put(answer.kind(), answer.response());
      }
      switch (answer.response()) {
        case "dismissed" -> dismissed.merge(answer.kind(), 1, Integer::sum);
        case "accepted" -> {
          // Accepting today's hard or long day makes tomorrow a day after a demanding one; today
          // stays what was accepted.
          if (answer.kind().demanding() && answer.day().isBefore(today)) {
            acceptedDemanding.add(answer.day());
          }
        }
        default -> {
          if (answer.day().equals(today)) {
            notToday.add(answer.kind());
          }
        }
      }
    }
    Set<Kind> passedOn = new HashSet<>();
    dismissed.forEach(
        (kind, count) -> {
          if (count >= PASSED_ON_AFTER) {
            passedOn.add(kind);
          }
        });
    return new Answers(new TrainingAdvice.Answers(passedOn, notToday), acceptedDemanding, todays);
  }

  private record Answer(LocalDate day, Kind kind, String response) {}

  private record Answers(
      TrainingAdvice.Answers advice, Set<LocalDate> acceptedDemanding, Map<Kind, String> today) {

    @Nullable String response(Kind kind) {
      return today.get(kind);
    }
  }

  private static double round(double value) {
    return Math.round(value * 10) / 10.0;
  }

  /** Deletes answers older than the fourteen days they bear on. */
  public int prune(Instant now) {
    LocalDate cutoff = LocalDate.ofInstant(now, ZoneOffset.UTC).minusDays(ANSWER_DAYS + 1);
    return jdbc.sql("delete from training_feedback where day < ?")
        .param(Date.valueOf(cutoff))
        .update();
  }
}
