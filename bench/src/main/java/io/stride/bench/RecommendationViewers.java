package io.stride.bench;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The viewers (real accounts) made athletes of the seeded population after the refresher computed
 * their first lists: region, sports and level, 20 follows, two clubs, two challenges, a training
 * state, and their lists as a refresh would store them (50 people, 20 challenges, 20 clubs). Some
 * entries were since followed, dismissed, joined, left, blocked, ended or are private accounts
 * outside the viewer's clubs: the read hides them, so each first page is known exactly.
 */
final class RecommendationViewers {

  /** What a viewer must see: the first page of each list, today's suggestion and its day. */
  record Viewer(
      UUID id,
      String token,
      List<UUID> people,
      List<UUID> challenges,
      List<UUID> clubs,
      String training,
      LocalDate day) {}

  /** Ranks hidden on read (see the class comment); the first page is the first ten others. */
  private static final Set<Integer> PEOPLE_HIDDEN = Set.of(2, 5, 7, 9);

  private static final Set<Integer> CHALLENGES_HIDDEN = Set.of(3, 6, 8, 10);
  private static final Set<Integer> CLUBS_HIDDEN = Set.of(4, 8, 11);
  private static final String[] KINDS = {"hard", "easy", "steady", "long", "rest"};
  private static final int PAGE = 10;

  private RecommendationViewers() {}

  /**
   * Seeds the viewers' rows. Their profile version is set far ahead, so a late {@code
   * ProfileUpdated} changes nothing and makes no list due.
   */
  static List<Viewer> takeOver(DataSource database, Map<UUID, String> tokens, int athletes)
      throws Exception {
    List<Viewer> viewers = new ArrayList<>();
    try (Connection connection = database.getConnection()) {
      connection.setAutoCommit(false);
      Rows rows = new Rows(connection);
      int i = 0;
      for (Map.Entry<UUID, String> viewer : tokens.entrySet()) {
        viewers.add(seed(rows, i++, viewer.getKey(), viewer.getValue(), athletes));
      }
      rows.close();
      connection.commit();
    }
    return viewers;
  }

  private static Viewer seed(Rows rows, int i, UUID me, String token, int athletes)
      throws Exception {
    int r = i % RecommendationSeed.REGIONS.size();
    ZoneId zone = ZoneId.of(RecommendationSeed.REGIONS.get(r)[1]);
    rows.sql(
        "update athlete set region = ?, time_zone = ?, account_private = false,"
            + " profile_version = 1000000000, main_sport = 'run', sports = 'run,ride',"
            + " weekly_hours = ? where user_id = ?",
        RecommendationSeed.REGIONS.get(r)[0],
        zone.getId(),
        3.0 + i % 5,
        me);
    rows.sql("delete from suggestion where user_id = ?", me);

    // people: 20 followed (the last one ended), then the list from the next public athletes
    List<UUID> publics = new ArrayList<>();
    for (int n = 0; publics.size() < 70; n++) {
      int seeded = 1 + (i * 1000 + n) % athletes;
      if (!RecommendationSeed.isPrivate(seeded)) {
        publics.add(RecommendationSeed.id("athlete", seeded));
      }
    }
    for (int k = 0; k < 20; k++) {
      rows.sql(FOLLOW, me, publics.get(k), k < 19);
    }
    int privates = athletes / 20;
    UUID mate = RecommendationSeed.id("athlete", 20 * (1 + (2 * i) % privates));
    UUID stranger = RecommendationSeed.id("athlete", 20 * (1 + (2 * i + 1) % privates));
    UUID[] myClubs = {club(r, 0), club(r, 1), club(r, 5)};
    for (UUID club : myClubs) {
      rows.sql(MEMBER, club, me);
      rows.sql("delete from club_member where club_id = ? and athlete_id = ?", club, stranger);
    }
    rows.sql(MEMBER, myClubs[0], mate);
    List<UUID> people = new ArrayList<>();
    for (int rank = 1; rank <= 50; rank++) {
      UUID target = rank == 3 ? mate : rank == 7 ? stranger : publics.get(19 + rank);
      switch (rank) {
        case 2 -> rows.sql(FOLLOW, me, target, true);
        case 5 -> rows.sql(DISMISS, me, "person", target);
        case 9 -> rows.sql(BLOCK, target, me);
        default -> {}
      }
      rows.sql(SUGGEST, me, "person", rank, target, 3.0 - rank * 0.05, PERSON_REASONS);
      keep(people, rank, PEOPLE_HIDDEN, target);
    }

    // challenges: two joined before; rank 3 joined since, 6 left, 8 over, 10 dismissed
    rows.sql(PARTICIPATE, challenge(1 + (i * 7 + 21 * 13) % 300), me);
    rows.sql(PARTICIPATE, challenge(1 + (i * 7 + 22 * 13) % 300), me);
    List<UUID> challenges = new ArrayList<>();
    for (int rank = 1; rank <= 20; rank++) {
      UUID target =
          rank == 8
              ? challenge(RecommendationSeed.OPEN_CHALLENGES + 1 + i % 100)
              : challenge(1 + (i * 7 + rank * 13) % RecommendationSeed.OPEN_CHALLENGES);
      switch (rank) {
        case 3 -> rows.sql(PARTICIPATE, target, me);
        case 6 -> rows.sql(DEPART, me, "challenge", target);
        case 10 -> rows.sql(DISMISS, me, "challenge", target);
        default -> {}
      }
      rows.sql(SUGGEST, me, "challenge", rank, target, 2.0 - rank * 0.05, GROUP_REASONS);
      keep(challenges, rank, CHALLENGES_HIDDEN, target);
    }

    // clubs of the region: rank 4 joined since, 8 dismissed, 11 left
    List<UUID> clubs = new ArrayList<>();
    for (int rank = 1; rank <= 20; rank++) {
      UUID target = rank == 4 ? myClubs[2] : club(r, rank + 1);
      switch (rank) {
        case 8 -> rows.sql(DISMISS, me, "club", target);
        case 11 -> rows.sql(DEPART, me, "club", target);
        default -> {}
      }
      rows.sql(SUGGEST, me, "club", rank, target, 2.0 - rank * 0.05, GROUP_REASONS);
      keep(clubs, rank, CLUBS_HIDDEN, target);
    }

    String kind = KINDS[i % KINDS.length];
    LocalDate today = LocalDate.now(zone);
    rows.sql(TRAINING_STATE, me, Date.valueOf(today));
    rows.sql(
        TRAINING_SUGGESTION,
        me,
        Date.valueOf(today),
        kind,
        "[{\"code\":\"fresh\",\"value\":\"8.5\"}]",
        "{\"readiness\":80,\"form\":8.5,\"fitness\":52.0,\"fatigue\":43.5,"
            + "\"acuteChronicRatio\":1.05,\"stateDay\":\""
            + today
            + "\",\"daysSinceDemanding\":3,\"daysInARow\":1,\"longInLastWeek\":false}");
    rows.sql(
        "insert into refresh (user_id, due_at, computed_at) values (?, null, now())"
            + " on conflict (user_id) do update set due_at = null, computed_at = now()",
        me);
    return new Viewer(me, token, people, challenges, clubs, kind, today);
  }

  private static void keep(List<UUID> page, int rank, Set<Integer> hidden, UUID target) {
    if (!hidden.contains(rank) && page.size() < PAGE) {
      page.add(target);
    }
  }

  private static UUID club(int region, int k) {
    return RecommendationSeed.id("club", region + RecommendationSeed.REGIONS.size() * k);
  }

  private static UUID challenge(int n) {
    return RecommendationSeed.id("challenge", n);
  }

  private static final String FOLLOW =
      "insert into follow (follower_id, user_id, active, version) values (?, ?, ?, 1)"
          + " on conflict (follower_id, user_id) do update set active = excluded.active";
  private static final String MEMBER =
      "insert into club_member (club_id, athlete_id) values (?, ?) on conflict do nothing";
  private static final String PARTICIPATE =
      "insert into challenge_participant (challenge_id, athlete_id) values (?, ?)"
          + " on conflict do nothing";
  private static final String DEPART =
      "insert into departure (athlete_id, kind, target_id, left_at) values (?, ?, ?, now())"
          + " on conflict do nothing";
  private static final String DISMISS =
      "insert into dismissal (user_id, kind, target_id, dismissed_at) values (?, ?, ?, now())"
          + " on conflict do nothing";
  private static final String BLOCK =
      "insert into blocked_pair (blocker_id, blocked_id, blocked, version) values (?, ?, true, 1)"
          + " on conflict do nothing";
  private static final String SUGGEST =
      "insert into suggestion (user_id, kind, rank, target_id, score, reasons)"
          + " values (?, ?, ?, ?, ?, ?)";
  private static final String PERSON_REASONS =
      "[{\"code\":\"friends-in-common\",\"count\":3,\"clubId\":null,\"clubName\":null,"
          + "\"sport\":null},{\"code\":\"nearby\",\"count\":null,\"clubId\":null,"
          + "\"clubName\":null,\"sport\":\"run\"}]";
  private static final String GROUP_REASONS =
      "[{\"code\":\"friends\",\"count\":2,\"sport\":null,\"percent\":null},"
          + "{\"code\":\"sport\",\"count\":null,\"sport\":\"run\",\"percent\":null}]";
  private static final String TRAINING_STATE =
      "insert into training_state (user_id, day, fitness, fatigue, form, acwr, readiness, reasons,"
          + " computed_at) values (?, ?, 52, 43.5, 8.5, 1.05, 80, '', now())"
          + " on conflict (user_id) do update set day = excluded.day, fitness = excluded.fitness,"
          + " fatigue = excluded.fatigue, form = excluded.form, acwr = excluded.acwr,"
          + " readiness = excluded.readiness, computed_at = excluded.computed_at";
  private static final String TRAINING_SUGGESTION =
      "insert into training_suggestion (user_id, day, suggestion, reasons, numbers, computed_at)"
          + " values (?, ?, ?, ?, ?, now()) on conflict (user_id) do update set day = excluded.day,"
          + " suggestion = excluded.suggestion, reasons = excluded.reasons,"
          + " numbers = excluded.numbers, computed_at = excluded.computed_at";

  /** Statements on one connection in {@code recommendation}, prepared once each. */
  private static final class Rows {

    private final Connection connection;
    private final Map<String, PreparedStatement> prepared = new java.util.LinkedHashMap<>();

    Rows(Connection connection) throws Exception {
      this.connection = connection;
      try (var statement = connection.createStatement()) {
        statement.execute("set search_path = recommendation");
      }
    }

    /** Runs {@code sql} at once, in order with every statement before it. */
    void sql(String sql, Object... values) throws Exception {
      PreparedStatement statement = prepared.get(sql);
      if (statement == null) {
        statement = connection.prepareStatement(sql);
        prepared.put(sql, statement);
      }
      for (int v = 0; v < values.length; v++) {
        statement.setObject(v + 1, values[v]);
      }
      statement.executeUpdate();
    }

    void close() throws Exception {
      for (PreparedStatement statement : prepared.values()) {
        statement.close();
      }
    }
  }
}
