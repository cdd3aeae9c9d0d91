package io.stride.social.graph;

import io.stride.platform.paging.Cursor;
import io.stride.platform.paging.Page;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The lists of people: followers, following, requests both ways, blocks and mutes, newest first and
 * cursor-paged on (since, athlete id). Nobody in a block with the viewer, either way, is ever
 * listed to them.
 */
@Component
class PeopleLists {

  /** One list: the relation table, the column holding the list's owner and the listed person. */
  enum Kind {
    FOLLOWERS("follow", "user_id", "follower_id", "r.status = 'APPROVED'"),
    FOLLOWING("follow", "follower_id", "user_id", "r.status = 'APPROVED'"),
    REQUESTS_RECEIVED("follow", "user_id", "follower_id", "r.status = 'PENDING'"),
    REQUESTS_SENT("follow", "follower_id", "user_id", "r.status = 'PENDING'"),
    BLOCKED("block", "blocker_id", "blocked_id", "true"),
    MUTED("mute", "muter_id", "muted_id", "true");

    /** From the relation to the listed athletes, none in a block with the viewer. */
    final String from;

    /** The column of the listed athlete, the second part of the sort key. */
    final String listed;

    Kind(String table, String owner, String listed, String condition) {
      this.listed = "r." + listed;
      this.from =
          " from "
              + table
              + " r join athlete a on a.user_id = r."
              + listed
              + " where r."
              + owner
              + " = :owner and "
              + condition
              + " and not exists (select 1 from block b where (b.blocker_id = :viewer and"
              + " b.blocked_id = a.user_id) or (b.blocker_id = a.user_id and b.blocked_id ="
              + " :viewer))";
    }
  }

  /** Where the last page ended. */
  record After(Instant since, UUID athleteId) {

    static After decode(String cursor) {
      return Cursor.decode(cursor, key -> new After(key.instant(), key.uuid()));
    }
  }

  private final JdbcClient jdbc;

  PeopleLists(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * A page of {@code owner}'s list as {@code viewer} sees it. Blocks are left out for the viewer
   * (their own block list is the exception: it lists exactly the people they blocked).
   */
  Page<Person> page(Kind kind, UUID owner, UUID viewer, After after, int limit) {
    UUID blockViewer = kind == Kind.BLOCKED ? new UUID(0, 0) : viewer;
    List<Person> fetched =
        jdbc.sql(
                "select a.user_id, a.display_name, a.avatar_url, r.since"
                    + kind.from
                    + (after == null
                        ? ""
                        : " and (r.since, " + kind.listed + ") < (:since, :after)")
                    + " order by r.since desc, "
                    + kind.listed
                    + " desc limit :limit")
            .param("owner", owner)
            .param("viewer", blockViewer)
            .param(
                "since",
                after == null ? Timestamp.from(Instant.EPOCH) : Timestamp.from(after.since()))
            .param("after", after == null ? owner : after.athleteId())
            .param("limit", limit + 1)
            .query(
                (rs, row) ->
                    new Person(
                        rs.getObject("user_id", UUID.class),
                        rs.getString("display_name"),
                        rs.getString("avatar_url"),
                        rs.getTimestamp("since").toInstant()))
            .list();
    return Page.of(fetched, limit, person -> Cursor.of(person.since(), person.athleteId()));
  }

  long count(Kind kind, UUID owner, UUID viewer) {
    return jdbc.sql("select count(*)" + kind.from)
        .param("owner", owner)
        .param("viewer", viewer)
        .query(Long.class)
        .single();
  }
}
