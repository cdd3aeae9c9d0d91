package io.stride.bench;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * A synthetic population in recommendation-service's tables, filled directly (insert … select):
 * athletes, a follow graph, clubs and members, challenges and participants, departures, dismissals,
 * blocks, training states and today's suggestions, and every athlete's precomputed lists, as the
 * refresher would have stored them a moment ago (so neither an event nor the 24-hour sweep
 * recomputes them during the run). Ids are md5 of a name ({@link #id}), so the viewers' seeding
 * knows them without asking.
 */
final class RecommendationSeed {

  /** Regions in turn (athlete {@code n} lives in {@code REGIONS[n % 12]}), with a time zone. */
  static final List<String[]> REGIONS =
      List.of(
          new String[] {"DE-BY", "Europe/Berlin"},
          new String[] {"DE-BE", "Europe/Berlin"},
          new String[] {"DE-NW", "Europe/Berlin"},
          new String[] {"US-CA", "America/Los_Angeles"},
          new String[] {"US-NY", "America/New_York"},
          new String[] {"US-TX", "America/Chicago"},
          new String[] {"GB-ENG", "Europe/London"},
          new String[] {"FR-IDF", "Europe/Paris"},
          new String[] {"JP-13", "Asia/Tokyo"},
          new String[] {"ES-MD", "Europe/Madrid"},
          new String[] {"IT-25", "Europe/Rome"},
          new String[] {"NL-NH", "Europe/Amsterdam"});

  static final int CLUBS = 2_000;
  static final int CLUBS_PER_REGION = CLUBS / REGIONS.size();
  static final int OPEN_CHALLENGES = 300;
  static final int OVER_CHALLENGES = 100;
  static final int FOLLOWS_EACH = 20;

  /** What is in the tables. */
  record Counts(
      long athletes,
      long follows,
      long members,
      long challenges,
      long participants,
      long people,
      long challengeEntries,
      long clubEntries) {}

  private final DataSource database;

  RecommendationSeed(DataSource database) {
    this.database = database;
  }

  /** The id of seeded athlete {@code n} ("athlete"), club or challenge: md5 of its name. */
  static UUID id(String kind, int n) {
    try {
      byte[] digest =
          MessageDigest.getInstance("MD5")
              .digest(("bench-" + kind + "-" + n).getBytes(StandardCharsets.UTF_8));
      ByteBuffer bytes = ByteBuffer.wrap(digest);
      return new UUID(bytes.getLong(), bytes.getLong());
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Whether seeded athlete {@code n} has a private account (one in 20). */
  static boolean isPrivate(int n) {
    return n % 20 == 0;
  }

  /**
   * Seeds {@code athletes} athletes with lists of {@code people}, {@code challenges} and {@code
   * clubs} entries each, unless seeded before; then {@code vacuum analyze}.
   *
   * @return the seconds it took, empty when seeded before
   */
  Optional<Double> fill(int athletes, int people, int challenges, int clubs) throws Exception {
    if (counts().athletes() >= athletes) {
      return Optional.empty();
    }
    long start = System.nanoTime();
    try (Connection connection = database.getConnection();
        Statement load = connection.createStatement()) {
      load.execute("set search_path = recommendation");
      load.execute("create temp table bench_ids (n int primary key, id uuid not null)");
      load.execute(
          "insert into bench_ids select g, md5('bench-athlete-' || g)::uuid"
              + " from generate_series(1, %d) g".formatted(athletes));
      load.execute("create temp table bench_regions (r int primary key, code text, zone text)");
      for (int r = 0; r < REGIONS.size(); r++) {
        load.execute(
            "insert into bench_regions values (%d, '%s', '%s')"
                .formatted(r, REGIONS.get(r)[0], REGIONS.get(r)[1]));
      }
      for (String statement : RecommendationSeedSql.population(athletes, FOLLOWS_EACH)) {
        load.execute(statement);
      }
      for (String statement : RecommendationSeedSql.lists(athletes, people, challenges, clubs)) {
        load.execute(statement);
      }
      load.execute("drop table bench_ids, bench_regions");
      for (String table :
          List.of(
              "athlete",
              "follow",
              "club",
              "club_member",
              "challenge",
              "challenge_participant",
              "departure",
              "dismissal",
              "blocked_pair",
              "training_state",
              "training_suggestion",
              "suggestion",
              "refresh")) {
        load.execute("vacuum analyze recommendation." + table);
      }
    }
    return Optional.of((System.nanoTime() - start) / 1e9);
  }

  /** How many rows the tables hold. */
  Counts counts() throws Exception {
    try (Connection connection = database.getConnection();
        Statement count = connection.createStatement();
        ResultSet row =
            count.executeQuery(
                """
                select (select count(*) from recommendation.athlete),
                       (select count(*) from recommendation.follow),
                       (select count(*) from recommendation.club_member),
                       (select count(*) from recommendation.challenge),
                       (select count(*) from recommendation.challenge_participant),
                       (select count(*) from recommendation.suggestion where kind = 'person'),
                       (select count(*) from recommendation.suggestion where kind = 'challenge'),
                       (select count(*) from recommendation.suggestion where kind = 'club')
                """)) {
      row.next();
      return new Counts(
          row.getLong(1),
          row.getLong(2),
          row.getLong(3),
          row.getLong(4),
          row.getLong(5),
          row.getLong(6),
          row.getLong(7),
          row.getLong(8));
    }
  }
}
