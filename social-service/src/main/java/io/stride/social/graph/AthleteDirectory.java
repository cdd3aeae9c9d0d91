package io.stride.social.graph;

import io.stride.platform.paging.Cursor;
import io.stride.platform.paging.Page;
import io.stride.platform.web.InvalidRequestException;
import io.stride.platform.web.NotFoundException;
import io.stride.social.athletes.AthleteCard;
import io.stride.social.athletes.Athletes;
import io.stride.social.athletes.SearchNames;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finding athletes by name and looking at one. Search matches the start of the display name, in any
 * case and with or without accents; it never lists a private account to someone who does not follow
 * it, nor anyone in a block with the caller.
 */
@Service
class AthleteDirectory {

  /** The shortest search: one letter would list half the platform. */
  static final int MIN_QUERY = 2;

  static final int MAX_QUERY_WORDS = 4;

  private record After(String name, UUID athleteId) {}

  private final JdbcClient jdbc;
  private final Athletes athletes;
  private final Relations relations;
  private final PeopleLists lists;

  AthleteDirectory(JdbcClient jdbc, Athletes athletes, Relations relations, PeopleLists lists) {
    this.jdbc = jdbc;
    this.athletes = athletes;
    this.relations = relations;
    this.lists = lists;
  }

  @Transactional(readOnly = true)
  Page<SearchResult> search(UUID viewer, String query, String cursor, int limit) {
    String name = SearchNames.of(query);
    if (name.length() < MIN_QUERY) {
      throw InvalidRequestException.of(
          "q", "give at least " + MIN_QUERY + " letters of the name (accents and case ignored)");
    }
    After after = Cursor.decode(cursor, key -> new After(key.text(), key.uuid()));
    List<String> words = queryWords(query);
    StringBuilder matching = new StringBuilder();
    // the longest word narrows most: its index range gives the candidates, the others filter them
    matching.append(
        " where a.user_id in (select w.user_id from athlete_word w where w.word like :w0"
            + " escape '\\')");
    for (int i = 1; i < words.size(); i++) {
      matching.append(
          " and exists (select 1 from athlete_word w where w.user_id = a.user_id and w.word like :w"
              + i
              + " escape '\\')");
    }
    var statement =
        jdbc.sql(
            "select a.user_id, a.display_name, a.avatar_url, a.account_private, a.search_name,"
                + " f.status from athlete a left join follow f on f.follower_id = :viewer"
                + " and f.user_id = a.user_id"
                + matching
                + (after == null ? "" : " and (a.search_name, a.user_id) > (:name, :after)")
                + " and (not a.account_private or a.user_id = :viewer"
                + " or f.status = 'APPROVED')"
                + " and not exists (select 1 from block b where (b.blocker_id = :viewer and"
                + " b.blocked_id = a.user_id) or (b.blocker_id = a.user_id and b.blocked_id ="
                + " :viewer))"
                + " order by a.search_name, a.user_id limit :limit");
    for (int i = 0; i < words.size(); i++) {
      statement = statement.param("w" + i, escapeLike(words.get(i)) + "%");
    }
    List<Row> fetched =
        statement
            .param("viewer", viewer)
            .param("name", after == null ? "" : after.name())
            .param("after", after == null ? viewer : after.athleteId())
            .param("limit", limit + 1)
            .query(
                (rs, row) ->
                    new Row(
                        new SearchResult(
                            rs.getObject("user_id", UUID.class),
                            rs.getString("display_name"),
                            rs.getString("avatar_url"),
                            rs.getBoolean("account_private"),
                            SearchResult.relation(
                                viewer,
                                rs.getObject("user_id", UUID.class),
                                rs.getString("status"))),
                        rs.getString("search_name")))
            .list();
    Page<Row> page =
        Page.of(fetched, limit, row -> Cursor.of(row.searchName(), row.result().athleteId()));
    return new Page<>(page.items().stream().map(Row::result).toList(), page.nextCursor());
  }

  private record Row(SearchResult result, String searchName) {}

  /**
   * The query's words, longest first, at most {@value #MAX_QUERY_WORDS}: each must start a word of
   * the name, in any order ("kip eli" finds Eliud Kipchoge).
   */
  private static List<String> queryWords(String query) {
    List<String> words = new ArrayList<>(SearchNames.words(query));
    if (words.isEmpty()) {
      throw InvalidRequestException.of("q", "give at least " + MIN_QUERY + " letters of the name");
    }
    if (words.size() > MAX_QUERY_WORDS) {
      throw InvalidRequestException.of(
          "q", "give at most " + MAX_QUERY_WORDS + " words of the name");
    }
    words.sort(Comparator.comparingInt(String::length).reversed());
    return words;
  }

  @Transactional(readOnly = true)
  AthleteView view(UUID viewer, UUID athleteId) {
    AthleteCard athlete = visible(viewer, athleteId);
    boolean connections = relations.maySeeConnectionsOf(viewer, athlete);
    String status = relations.followStatus(viewer, athleteId).orElse(null);
    return new AthleteView(
        athlete.id(),
        athlete.displayName(),
        athlete.avatarUrl(),
        athlete.accountPrivate(),
        connections ? lists.count(PeopleLists.Kind.FOLLOWERS, athleteId, viewer) : null,
        connections ? lists.count(PeopleLists.Kind.FOLLOWING, athleteId, viewer) : null,
        SearchResult.relation(viewer, athleteId, status),
        !viewer.equals(athleteId) && relations.follows(athleteId, viewer),
        relations.mutes(viewer, athleteId));
  }

  /** A page of an athlete's followers or following, if the viewer may see them. */
  @Transactional(readOnly = true)
  Page<Person> connections(
      UUID viewer, UUID athleteId, PeopleLists.Kind kind, String cursor, int limit) {
    AthleteCard athlete = visible(viewer, athleteId);
    if (!relations.maySeeConnectionsOf(viewer, athlete)) {
      throw new NotFoundException(
          "The account of "
              + athleteId
              + " is private: only the athletes it approved see whom it follows and who follows it");
    }
    return lists.page(kind, athleteId, viewer, PeopleLists.After.decode(cursor), limit);
  }

  /** 404 for an athlete unknown here or in a block with the viewer, either way. */
  private AthleteCard visible(UUID viewer, UUID athleteId) {
    return athletes
        .find(athleteId)
        .filter(athlete -> !relations.blockedEitherWay(viewer, athleteId))
        .orElseThrow(() -> new NotFoundException("No athlete " + athleteId));
  }

  private static String escapeLike(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
