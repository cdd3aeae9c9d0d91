package io.stride.workout.visibility;

import io.stride.platform.blocks.BlockedPairs;
import io.stride.platform.security.Caller;
import io.stride.platform.web.NotFoundException;
import io.stride.workout.athletes.Athletes;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who may see which workouts, decided in one place: the owner sees all of them; a follower sees
 * public and followers-only ones; anyone else sees public ones, and nothing of a private account;
 * and of two people one of whom blocked the other, neither sees anything of the other's. Single
 * reads check a workout against {@link #visibleTo}, lists filter by the same set, so the two cannot
 * disagree. Anything not visible answers 404, as if it did not exist.
 */
@Component
public class VisibilityPolicy {

  private static final Set<Visibility> ALL = EnumSet.allOf(Visibility.class);
  private static final Set<Visibility> FOR_FOLLOWERS =
      EnumSet.of(Visibility.PUBLIC, Visibility.FOLLOWERS);
  private static final Set<Visibility> FOR_ANYONE = EnumSet.of(Visibility.PUBLIC);

  private final Athletes athletes;
  private final BlockedPairs blocks;
  private final JdbcClient jdbc;

  VisibilityPolicy(Athletes athletes, BlockedPairs blocks, JdbcClient jdbc) {
    this.athletes = athletes;
    this.blocks = blocks;
    this.jdbc = jdbc;
  }

  /** The visibilities of {@code owner}'s workouts that {@code viewer} may see. */
  public Set<Visibility> visibleTo(Caller viewer, UUID owner) {
    if (viewer.is(owner)) {
      return ALL;
    }
    if (viewer.isUser() && blocks.eitherWay(viewer.userId(), owner)) {
      return Set.of();
    }
    if (viewer.isUser() && athletes.follows(viewer.userId(), owner)) {
      return FOR_FOLLOWERS;
    }
    return athletes.of(owner).accountPrivate() ? Set.of() : FOR_ANYONE;
  }

  /** Whether {@code viewer} may see a workout of {@code owner} with {@code visibility}. */
  public boolean canSee(Caller viewer, UUID owner, Visibility visibility) {
    return visibleTo(viewer, owner).contains(visibility);
  }

  /** The visibilities to filter a list by, as stored; null when the viewer sees them all. */
  public List<String> listFilter(Caller viewer, UUID owner) {
    Set<Visibility> visible = visibleTo(viewer, owner);
    return visible.equals(ALL) ? null : visible.stream().map(Visibility::name).toList();
  }

  /** The owner of workout {@code id} if {@code viewer} may see it; otherwise 404. */
  @Transactional(readOnly = true)
  public UUID requireVisible(Caller viewer, UUID id) {
    return jdbc.sql("select owner_id, visibility from workout where id = ?")
        .param(id)
        .query(
            (rs, row) ->
                new Stored(
                    rs.getObject("owner_id", UUID.class),
                    Visibility.valueOf(rs.getString("visibility"))))
        .optional()
        .filter(workout -> canSee(viewer, workout.owner(), workout.visibility()))
        .map(Stored::owner)
        .orElseThrow(() -> notFound(id));
  }

  /** The 404 for a workout the caller may not see (or that does not exist). */
  public static NotFoundException notFound(UUID id) {
    return new NotFoundException("No workout " + id + " that you can see.");
  }

  private record Stored(UUID owner, Visibility visibility) {}
}
