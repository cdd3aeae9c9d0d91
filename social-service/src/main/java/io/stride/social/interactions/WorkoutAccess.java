package io.stride.social.interactions;

import io.stride.platform.web.NotFoundException;
import java.util.Collection;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Whether an athlete may see a workout, by the same rules as workout-service: the owner always; a
 * public workout anyone, unless the account is private (then its approved followers); a
 * followers-only one its approved followers; nobody in a block with the owner, either way; nothing
 * deleted. Kudos and comments exist only where the workout can be seen, and a comment's mentions
 * name only athletes who may see it.
 */
@Component
class WorkoutAccess {

  /**
   * The rule, written once: the rows of {@code :viewers} ({@code v.viewer_id}) who may see workout
   * {@code :workout} ({@code w}, its owner's athlete row {@code a}).
   */
  private static final String VISIBLE =
      """
      from workout w left join athlete a on a.user_id = w.owner_id
      cross join unnest(array[:viewers]::uuid[]) as v(viewer_id)
      where w.workout_id = :workout and not w.deleted
        and (w.owner_id = v.viewer_id or (
              not exists (select 1 from block b
                          where (b.blocker_id = v.viewer_id and b.blocked_id = w.owner_id)
                             or (b.blocker_id = w.owner_id and b.blocked_id = v.viewer_id))
          and ((w.visibility = 'public' and not coalesce(a.account_private, false))
               or (w.visibility in ('public', 'followers') and exists (
                     select 1 from follow f where f.follower_id = v.viewer_id
                       and f.user_id = w.owner_id and f.status = 'APPROVED')))))
      """;

  private final JdbcClient jdbc;

  WorkoutAccess(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The workout's owner; 404 when the viewer may not see it. */
  UUID ownerIfVisible(UUID viewer, UUID workoutId) {
    return jdbc.sql("select w.owner_id " + VISIBLE)
        .param("workout", workoutId)
        .param("viewers", Set.of(viewer))
        .query(UUID.class)
        .optional()
        .orElseThrow(() -> new NotFoundException("No workout " + workoutId + " you may see"));
  }

  /** Those of {@code viewers} who may see the workout; none when it is unknown or deleted. */
  Set<UUID> whoMayView(Collection<UUID> viewers, UUID workoutId) {
    if (viewers.isEmpty()) {
      return Set.of();
    }
    return jdbc.sql("select v.viewer_id " + VISIBLE)
        .param("workout", workoutId)
        .param("viewers", Set.copyOf(viewers))
        .query(UUID.class)
        .set();
  }
}
