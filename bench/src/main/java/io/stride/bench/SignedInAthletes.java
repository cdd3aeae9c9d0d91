package io.stride.bench;

import io.stride.platform.test.HttpJson;
import io.stride.platform.test.OAuthFlows;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;

/** A suite's athletes: registered, signed in with the mobile app, and known to a service. */
final class SignedInAthletes {

  private static final long GIVE_UP_NANOS = 120_000_000_000L;

  private SignedInAthletes() {}

  /**
   * Registers {@code count} athletes named "{@code name} n" and signs each in with {@code scopes},
   * four at a time.
   *
   * @return their access tokens by user id, in the order they were registered
   */
  static Map<UUID, String> signIn(String gateway, int count, String name, String scopes)
      throws Exception {
    HttpJson http = new HttpJson(gateway);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<String>> signIns = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        int n = i;
        signIns.add(
            pool.submit(
                () ->
                    new OAuthFlows(gateway)
                        .signInWithMobileApp(
                            WorkoutBenchmarks.register(http, name + " " + n),
                            WorkoutBenchmarks.PASSWORD,
                            scopes)
                        .get("access_token")
                        .asString()));
      }
      Map<UUID, String> tokens = new LinkedHashMap<>();
      for (Future<String> signIn : signIns) {
        String token = signIn.get();
        tokens.put(UUID.fromString(OAuthFlows.claims(token).get("uid").asString()), token);
      }
      return tokens;
    } finally {
      pool.shutdown();
    }
  }

  /**
   * Waits until {@code counted} (a count over the ids given as its one uuid-array parameter) counts
   * every one of {@code ids}: the service's copy of them exists.
   *
   * @throws IllegalStateException after 120 s
   */
  static void awaitCopies(DataSource database, String counted, Collection<UUID> ids, String service)
      throws Exception {
    try (Connection connection = database.getConnection();
        PreparedStatement known = connection.prepareStatement(counted)) {
      known.setArray(
          1, connection.createArrayOf("text", ids.stream().map(UUID::toString).toArray()));
      long giveUp = System.nanoTime() + GIVE_UP_NANOS;
      while (GamificationBenchmarks.count(known) < ids.size()) {
        if (System.nanoTime() > giveUp) {
          throw new IllegalStateException(service + " lacks some athletes after 120 s");
        }
        Thread.sleep(50);
      }
    }
  }
}
