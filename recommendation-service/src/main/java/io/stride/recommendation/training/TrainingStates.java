package io.stride.recommendation.training;

import io.stride.contracts.analytics.TrainingLoadUpdated;
import java.sql.Date;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The latest training state analytics-service announced per athlete. */
@Repository
public class TrainingStates {

  private final JdbcClient jdbc;

  TrainingStates(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Keeps the state unless a later computed one is stored; true when stored. */
  @Transactional(propagation = Propagation.MANDATORY)
  public boolean apply(TrainingLoadUpdated state) {
    return jdbc.sql(
                """
                insert into training_state (user_id, day, fitness, fatigue, form, acwr, readiness,
                                            reasons, computed_at)
                select cast(:user as uuid), :day, :fitness, :fatigue, :form, :acwr, :readiness,
                       :reasons, :at
                where not exists (select 1 from erased_user where user_id = cast(:user as uuid))
                on conflict (user_id) do update set
                    day = excluded.day, fitness = excluded.fitness, fatigue = excluded.fatigue,
                    form = excluded.form, acwr = excluded.acwr, readiness = excluded.readiness,
                    reasons = excluded.reasons, computed_at = excluded.computed_at
                where training_state.computed_at < excluded.computed_at
                """)
            .param("user", state.userId())
            .param("day", Date.valueOf(state.day()))
            .param("fitness", state.fitness())
            .param("fatigue", state.fatigue())
            .param("form", state.form())
            .param("acwr", state.acuteChronicRatio())
            .param("readiness", state.readiness())
            .param(
                "reasons",
                state.readinessReasons() == null ? "" : String.join(",", state.readinessReasons()))
            .param("at", Timestamp.from(state.computedAt()))
            .update()
        == 1;
  }

  /** The stored state, with the local day it holds for. */
  Optional<Dated> find(UUID user) {
    return jdbc.sql(
            "select day, fitness, fatigue, form, acwr, readiness, reasons from training_state"
                + " where user_id = ?")
        .param(user)
        .query(
            (rs, row) ->
                new Dated(
                    rs.getDate("day").toLocalDate(),
                    new TrainingAdvice.State(
                        rs.getDouble("fitness"),
                        rs.getDouble("fatigue"),
                        rs.getDouble("form"),
                        (Double) rs.getObject("acwr"),
                        (Integer) rs.getObject("readiness"),
                        reasons(rs.getString("reasons")))))
        .optional();
  }

  record Dated(java.time.LocalDate day, TrainingAdvice.State state) {}

  private static List<String> reasons(String joined) {
    return joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
  }
}
