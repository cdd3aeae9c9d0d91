package io.stride.platform.erasure;

import java.util.Arrays;
import java.util.Objects;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Erases a user from the platform tables of the service's schema, as part of the service's own
 * erasure on {@code UserDeleted} (docs/adr/0012-account-erasure.md): the user's idempotency
 * records, the blocks they made or got ({@code blocked_pair}), and every outbox row whose envelope
 * mentions the user's id — published ones have done their job, and one still pending is not sent
 * any more (every consumer erases the user too, so an event about them arriving afterwards would
 * only bring a copy back). The inbox holds event ids only and is left alone. The user's id is
 * recorded in {@code erased_user}, so that an event about them that arrives late on another topic
 * (topics are not ordered with each other) can be refused by the consumer that would otherwise
 * re-create their data ({@link #isErased}).
 */
public class PlatformErasure {

  private final JdbcTemplate jdbc;

  PlatformErasure(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Deletes the platform rows of {@code userId}; must run in the erasing transaction.
   *
   * @return how many rows went
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public int erase(UUID userId) {
    return eraseKeeping(userId, null);
  }

  /**
   * Like {@link #erase(UUID)} but leaves the outbox row {@code keptEventId}: the producer's own
   * announcement of the erasure ({@code UserDeleted}), which must still be sent.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public int eraseKeeping(UUID userId, UUID keptEventId) {
    jdbc.update("insert into erased_user (user_id) values (?) on conflict do nothing", userId);
    int keys = jdbc.update("delete from idempotency_record where owner_id = ?", userId);
    int blocks =
        jdbc.update(
            "delete from blocked_pair where blocker_id = ? or blocked_id = ?", userId, userId);
    int events =
        jdbc.update(
            "delete from outbox_event where (message_key = ? or envelope::text like ?)"
                + " and id is distinct from ?::uuid",
            userId.toString(),
            "%" + userId + "%",
            keptEventId);
    return keys + blocks + events;
  }

  /** Whether this service erased the user: nothing about them may be stored again. */
  @Transactional(readOnly = true)
  public boolean isErased(UUID userId) {
    return anyErased(userId);
  }

  /** Whether this service erased any of these users (nulls ignored), in one query. */
  @Transactional(readOnly = true)
  public boolean anyErased(UUID... userIds) {
    UUID[] ids = Arrays.stream(userIds).filter(Objects::nonNull).toArray(UUID[]::new);
    if (ids.length == 0) {
      return false;
    }
    Boolean erased =
        jdbc.queryForObject(
            "select exists (select 1 from erased_user where user_id = any(?))",
            Boolean.class,
            (Object) ids);
    return Boolean.TRUE.equals(erased);
  }
}
