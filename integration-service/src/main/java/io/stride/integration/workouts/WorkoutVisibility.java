package io.stride.integration.workouts;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Whether partners may have heard of a workout: each state applied once, newest wins. What a state
 * means for the partners follows from what they could see before it and what they may see now.
 */
@Component
public class WorkoutVisibility {

  /** The version a deletion leaves: higher than any state's. */
  public static final long DELETED = Long.MAX_VALUE;

  private final JdbcClient jdbc;

  WorkoutVisibility(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** What a state of the workout changes for the partners. */
  public enum Change {
    /** Older than a state seen already, or nothing partners see either way: send nothing. */
    NONE,
    /** Partners may see it now and could not before: it is new to them. */
    SHOWN,
    /** They could see it and still can: it changed. */
    CHANGED,
    /** They could see it and no longer can (private or deleted): they must drop it. */
    HIDDEN
  }

  /**
   * Applies this state ({@code visible}: partners may see it; a deletion is {@link #DELETED} and
   * not visible) unless a state as new was applied already.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public Change apply(UUID workoutId, UUID userId, long version, boolean visible) {
    Boolean before =
        jdbc.sql(
                """
                with before as (select visible from workout_visibility where workout_id = :id)
                insert into workout_visibility (workout_id, user_id, version, visible)
                values (:id, :user, :version, :visible)
                on conflict (workout_id) do update
                    set version = excluded.version, visible = excluded.visible
                    where workout_visibility.version < excluded.version
                returning coalesce((select visible from before), false)
                """)
            .param("id", workoutId)
            .param("user", userId)
            .param("version", version)
            .param("visible", visible)
            .query(Boolean.class)
            .optional()
            .orElse(null);
    if (before == null) {
      return Change.NONE; // a state as new was applied already
    }
    if (before) {
      return visible ? Change.CHANGED : Change.HIDDEN;
    }
    return visible ? Change.SHOWN : Change.NONE;
  }
}
