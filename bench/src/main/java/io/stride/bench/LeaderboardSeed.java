package io.stride.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;

/**
 * One weekly board of gamification-service filled directly in its tables (insert … select): the
 * events path is what the gamification suite measures, a million athletes' workouts through it
 * would take an hour here. The board and its bucket counts are exactly what the service would have
 * written for these scores; viewers (real accounts) then take over entries and move about.
 */
final class LeaderboardSeed {

  /** An entry of the board: who and their score. */
  record Spot(UUID athleteId, long score) {}

  private final DataSource database;
  private final String board;

  LeaderboardSeed(DataSource database, String board) {
    this.database = database;
    this.board = board;
  }

  /**
   * Fills the board with {@code athletes} entries and their athlete rows unless it has them
   * already: weekly distances in meters, log-normal around 21 km (most 10–40 km) flattened towards
   * 150 km, 10 % of them whole kilometres and 4 % zero (ties), 5 % private accounts.
   *
   * @return the seconds it took, empty when the board was seeded before
   */
  Optional<Double> fill(int athletes) throws Exception {
    if (entries() >= athletes) {
      return Optional.empty();
    }
    long start = System.nanoTime();
    try (Connection connection = database.getConnection();
        Statement load = connection.createStatement()) {
      load.execute(
          """
          with athletes as (
            insert into gamification.athlete (user_id, time_zone, region, account_private,
                profile_version, display_name, avatar_url)
            select gen_random_uuid(),
                   (array['Europe/Berlin', 'America/New_York', 'Asia/Tokyo', 'UTC'])[1 + g %% 4],
                   (array['DE', 'US', 'JP', null])[1 + g %% 4],
                   random() < 0.05, 1, 'Bench Runner ' || g,
                   case when g %% 2 = 0 then 'https://cdn.stride.example/avatars/' || g || '.jpg' end
            from generate_series(1, %d) g
            returning user_id),
          distances as (
            select user_id, random() u,
                   150000 * (1 - exp(-exp(ln(21000) + 0.7 * sqrt(-2 * ln(1 - random()))
                                               * cos(2 * pi() * random())) / 150000)) d
            from athletes)
          insert into gamification.board_entry (board, athlete_id, score)
          select '%s', user_id,
                 case when u < 0.04 then 0
                      when u < 0.14 then round(d / 1000) * 1000
                      else round(d) end
          from distances
          """
              .formatted(athletes, board));
      load.execute(
          """
          insert into gamification.board_bucket (board, bucket, athletes)
          select board, floor(sqrt(64 * score))::int, count(*) from gamification.board_entry
          where board = '%s' group by 1, 2
          """
              .formatted(board));
      // what autovacuum does to a table in use: statistics, and a visibility map for index-only
      // scans
      for (String table : List.of("athlete", "board_entry", "board_bucket")) {
        load.execute("vacuum analyze gamification." + table);
      }
    }
    return Optional.of((System.nanoTime() - start) / 1e9);
  }

  /** How many entries the board has. */
  long entries() throws Exception {
    try (Connection connection = database.getConnection();
        PreparedStatement count =
            connection.prepareStatement(
                "select count(*) from gamification.board_entry where board = ?")) {
      count.setString(1, board);
      try (ResultSet row = count.executeQuery()) {
        row.next();
        return row.getLong(1);
      }
    }
  }

  /** Whether every bucket count matches the entries (what the service's ranks rely on). */
  boolean bucketsTrue() throws Exception {
    try (Connection connection = database.getConnection();
        PreparedStatement check =
            connection.prepareStatement(
                """
                select count(*) from (
                  select floor(sqrt(64 * score))::int bucket, count(*) athletes
                  from gamification.board_entry where board = ? group by 1) e
                full join (select bucket, athletes from gamification.board_bucket
                           where board = ? and athletes > 0) b using (bucket)
                where e.athletes is distinct from b.athletes
                """)) {
      check.setString(1, board);
      check.setString(2, board);
      try (ResultSet row = check.executeQuery()) {
        row.next();
        return row.getLong(1) == 0;
      }
    }
  }

  /**
   * Each viewer takes over a random seeded entry (its athlete id replaced), so the board keeps its
   * size and bucket counts.
   *
   * @return each viewer's spot
   */
  Map<UUID, Spot> takeOver(Collection<UUID> viewers) throws Exception {
    Map<UUID, Spot> spots = new HashMap<>();
    try (Connection connection = database.getConnection();
        PreparedStatement take =
            connection.prepareStatement(
                "update gamification.board_entry set athlete_id = ?"
                    + " where board = ? and athlete_id = ?")) {
      for (UUID viewer : viewers) {
        Spot target = anywhere(connection, spots.keySet());
        take.setObject(1, viewer);
        take.setString(2, board);
        take.setObject(3, target.athleteId());
        take.executeUpdate();
        spots.put(viewer, new Spot(viewer, target.score()));
      }
    }
    return spots;
  }

  /**
   * Moves the viewer to another spot: their score and that of a random other entry (one of the top
   * {@code top} when {@code nearTop}) swapped in one statement, so the buckets stay true.
   *
   * @return the viewer's new score
   */
  long move(Connection connection, Spot viewer, Set<UUID> viewers, boolean nearTop, int top)
      throws Exception {
    Spot other = nearTop ? topSpot(connection, viewers, top) : anywhere(connection, viewers);
    try (PreparedStatement swap =
        connection.prepareStatement(
            "update gamification.board_entry"
                + " set score = case when athlete_id = ? then ? else ? end"
                + " where board = ? and athlete_id in (?, ?)")) {
      swap.setObject(1, viewer.athleteId());
      swap.setLong(2, other.score());
      swap.setLong(3, viewer.score());
      swap.setString(4, board);
      swap.setObject(5, viewer.athleteId());
      swap.setObject(6, other.athleteId());
      swap.executeUpdate();
    }
    return other.score();
  }

  /** A uniformly random entry that is no viewer's (the first id at or after a random one). */
  private Spot anywhere(Connection connection, Set<UUID> viewers) throws Exception {
    try (PreparedStatement pick =
        connection.prepareStatement(
            "select athlete_id, score from gamification.board_entry"
                + " where board = ? and athlete_id >= ? order by athlete_id limit 1")) {
      while (true) {
        pick.setString(1, board);
        pick.setObject(2, UUID.randomUUID());
        Optional<Spot> spot = one(pick);
        if (spot.isPresent() && !viewers.contains(spot.get().athleteId())) {
          return spot.get();
        }
      }
    }
  }

  /** A random entry among the top {@code top} that is no viewer's. */
  private Spot topSpot(Connection connection, Set<UUID> viewers, int top) throws Exception {
    try (PreparedStatement pick =
        connection.prepareStatement(
            "select athlete_id, score from gamification.board_entry where board = ?"
                + " order by score desc, athlete_id desc offset ? limit 1")) {
      while (true) {
        pick.setString(1, board);
        pick.setInt(2, ThreadLocalRandom.current().nextInt(top));
        Optional<Spot> spot = one(pick);
        if (spot.isPresent() && !viewers.contains(spot.get().athleteId())) {
          return spot.get();
        }
      }
    }
  }

  private static Optional<Spot> one(PreparedStatement query) throws Exception {
    try (ResultSet row = query.executeQuery()) {
      return row.next()
          ? Optional.of(new Spot(row.getObject(1, UUID.class), row.getLong(2)))
          : Optional.empty();
    }
  }
}
