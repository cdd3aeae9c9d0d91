package io.stride.bench;

import io.stride.contracts.workout.DailyReadingsSummarized;
import io.stride.contracts.workout.WorkoutRecorded;
import io.stride.contracts.workout.WorkoutSummary;
import io.stride.contracts.workout.WorkoutTopics;
import io.stride.localstack.LocalStack;
import io.stride.localstack.StackConfig;
import io.stride.platform.test.HttpJson;
import io.stride.platform.test.TopicWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * analytics-service: athletes with five years of daily workouts (seeded into its table, as its
 * consumer would have written them); their weekly totals and their five-year fitness series through
 * the gateway at a steady rate; a workout uploaded three years late, timed from its event until the
 * series answers with it; and new workouts at 50/s, each timed until its row (its totals and load)
 * is stored.
 */
final class AnalyticsBenchmarks {

  private static final int ATHLETES = Integer.getInteger("bench.analyticsAthletes", 20);
  private static final int YEARS = 5;
  private static final int RATE = Integer.getInteger("bench.analyticsRate", 50);
  private static final int SECONDS = Integer.getInteger("bench.analyticsSeconds", 30);
  private static final int WARM_UP_SECONDS = Integer.getInteger("bench.analyticsWarmUp", 30);
  private static final int LATE_UPLOADS = 20;
  private static final int LATE_WARM_UP = 5;

  private AnalyticsBenchmarks() {}

  /** An athlete of the benchmark: their id and token. */
  private record Athlete(UUID id, String token) {}

  static void run(LocalStack stack, StackConfig config) throws Exception {
    String gateway = "http://127.0.0.1:" + config.gatewayPort();
    List<Athlete> athletes = athletes(stack, gateway);
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    LocalDate first = today.minusYears(YEARS);
    double seeded = seed(stack, athletes, first, today);
    BenchmarkMain.row(
        String.format(
            "Analytics seeded (%d athletes x %d years of daily workouts)", ATHLETES, YEARS),
        "%.1f s",
        seeded,
        "(reported)",
        null);

    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    HttpJson service = new HttpJson("http://127.0.0.1:" + config.portOf("analytics-service"));
    String totals =
        gateway + "/api/v1/analytics/me/totals?period=week&from=" + first + "&to=" + today;
    timedReads(
        client,
        service,
        "/api/v1/analytics/me/totals",
        athletes,
        totals,
        String.format(
            "Totals, weekly over %d years via gateway (%d/s, %d s)", YEARS, RATE, SECONDS),
        20);
    String fitness = gateway + "/api/v1/analytics/me/fitness?from=" + first + "&to=" + today;
    timedReads(
        client,
        service,
        "/api/v1/analytics/me/fitness",
        athletes,
        fitness,
        String.format(
            "Fitness/fatigue/form series, %d years via gateway (%d/s, %d s)", YEARS, RATE, SECONDS),
        30);
    lateUploads(stack, client, gateway, athletes, today);
    recorded(stack, service, athletes);
  }

  /** Registers and signs in the athletes; once analytics-service holds each one's profile copy. */
  private static List<Athlete> athletes(LocalStack stack, String gateway) throws Exception {
    Map<UUID, String> tokens =
        SignedInAthletes.signIn(gateway, ATHLETES, "Analytics Athlete", "analytics:read");
    SignedInAthletes.awaitCopies(
        stack.postgres().dataSource(),
        "select count(*) from analytics.athlete where user_id = any(cast(? as uuid[]))",
        tokens.keySet(),
        "analytics-service");
    List<Athlete> athletes = new ArrayList<>();
    tokens.forEach((id, token) -> athletes.add(new Athlete(id, token)));
    return athletes;
  }

  /** One run a day for every athlete from {@code first} to yesterday, with its TRIMP as load. */
  private static double seed(
      LocalStack stack, List<Athlete> athletes, LocalDate first, LocalDate today) throws Exception {
    long start = System.nanoTime();
    try (Connection connection = stack.postgres().dataSource().getConnection();
        PreparedStatement insert =
            connection.prepareStatement(
                """
                insert into analytics.workout (workout_id, owner_id, version, sport, start_time,
                    local_day, elapsed_seconds, moving_seconds, distance_meters, elevation_gain,
                    calories, average_heart_rate, visibility, trimp, load, load_method)
                select gen_random_uuid(), cast(? as uuid), 0,
                       case when extract(dow from d) = 0 then 'ride' else 'run' end,
                       d + time '07:00', d, 3000 + (extract(doy from d)::int % 40) * 60,
                       2950 + (extract(doy from d)::int % 40) * 60, 8000 + extract(doy from d) * 20,
                       60, 600, 145, 'public', 80 + extract(doy from d)::int % 60,
                       80 + extract(doy from d)::int % 60, 'trimp'
                from generate_series(cast(? as date), cast(? as date), interval '1 day') d
                """)) {
      for (Athlete athlete : athletes) {
        insert.setString(1, athlete.id().toString());
        insert.setObject(2, first);
        insert.setObject(3, today.minusDays(1));
        insert.executeUpdate();
      }
      // as a table five years old is: vacuumed (its visibility map lets the totals read the
      // index alone) and analysed; no autovacuum of the fresh rows runs while the reads are timed
      try (PreparedStatement vacuum =
          connection.prepareStatement("vacuum (analyze) analytics.workout")) {
        vacuum.execute();
      }
    }
    carriedStates(stack, athletes, today);
    return (System.nanoTime() - start) / 1e9;
  }

  /**
   * A day of readings for each athlete, so that analytics-service runs their seeded history once
   * and stores the state it carries forward (as it would have after their last workout event); the
   * workouts timed later then move that state instead of running the history.
   */
  private static void carriedStates(LocalStack stack, List<Athlete> athletes, LocalDate today)
      throws Exception {
    try (KafkaProducer<String, String> producer = PacedSends.producer(stack)) {
      for (Athlete athlete : athletes) {
        var event =
            TopicWriter.envelope(
                new DailyReadingsSummarized(
                    athlete.id(), today.minusDays(1), 8000L, null, Instant.now()));
        producer.send(
            new ProducerRecord<>(
                WorkoutTopics.READINGS.name(), event.subject(), HttpJson.toJson(event)));
      }
      producer.flush();
    }
    SignedInAthletes.awaitCopies(
        stack.postgres().dataSource(),
        "select count(*) from analytics.training_state where user_id = any(cast(? as uuid[]))",
        athletes.stream().map(Athlete::id).toList(),
        "analytics-service (carried training states)");
  }

  /** GETs at a steady rate (open loop), the athletes in turn; reports p50, p95, p99. */
  private static void timedReads(
      HttpClient client,
      HttpJson service,
      String uri,
      List<Athlete> athletes,
      String url,
      String name,
      double targetMillis)
      throws Exception {
    IntFunction<HttpRequest> request =
        n ->
            HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + athletes.get(n % athletes.size()).token())
                .GET()
                .build();
    paced(client, request, RATE * WARM_UP_SECONDS, new ArrayList<>());
    List<Double> millis = new ArrayList<>();
    String before = service.get("/actuator/prometheus", null).body();
    long bad = paced(client, request, RATE * SECONDS, millis);
    String after = service.get("/actuator/prometheus", null).body();
    Collections.sort(millis);
    double p99 = Percentile.of(millis, 0.99);
    BenchmarkMain.row(
        name,
        "p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms",
        new Object[] {
          Percentile.of(millis, 0.5), Percentile.of(millis, 0.95), p99, Percentile.of(millis, 1)
        },
        String.format("p99 < %.0f ms", targetMillis),
        p99 < targetMillis && bad == 0);
    BenchmarkMain.row(
        "  answers not 200", "%d of %d", new Object[] {bad, millis.size()}, "0", bad == 0);
    Prometheus.Timer own =
        Prometheus.timer(before, after, "http_server_requests_seconds", "uri=\"" + uri + "\"");
    BenchmarkMain.row(
        "  analytics-service's own time (http_server_requests)",
        "mean %.1f ms, p99 <= %.1f ms (%d calls)",
        new Object[] {own.meanMillis(), own.p99Millis(), own.count()},
        "(reference)",
        null);
  }

  /**
   * Sends {@code count} requests at the rate; adds each one's milliseconds; returns the non-200s.
   */
  private static long paced(
      HttpClient client, IntFunction<HttpRequest> request, int count, List<Double> millis) {
    List<CompletableFuture<Boolean>> inFlight = new ArrayList<>();
    long interval = 1_000_000_000L / RATE;
    long start = System.nanoTime();
    List<Double> times = Collections.synchronizedList(millis);
    for (int n = 0; n < count; n++) {
      LockSupport.parkNanos(start + n * interval - System.nanoTime());
      long sent = System.nanoTime();
      inFlight.add(
          client
              .sendAsync(request.apply(n), HttpResponse.BodyHandlers.ofString())
              .handle(
                  (reply, failure) -> {
                    times.add((System.nanoTime() - sent) / 1e6);
                    return failure == null && reply.statusCode() == 200;
                  }));
    }
    return inFlight.stream().filter(ok -> !ok.join()).count();
  }

  /**
   * A workout three years back for each athlete, one after the other: timed from sending its event
   * until the five-year series through the gateway shows its load on its day.
   */
  private static void lateUploads(
      LocalStack stack, HttpClient client, String gateway, List<Athlete> athletes, LocalDate today)
      throws Exception {
    LocalDate late = today.minusYears(3).minusDays(1);
    List<Double> millis = new ArrayList<>();
    int notSeen = 0;
    try (KafkaProducer<String, String> producer = PacedSends.producer(stack)) {
      for (int i = 0; i < LATE_WARM_UP + LATE_UPLOADS; i++) {
        Athlete athlete = athletes.get(i % athletes.size());
        // the series is run from the first day on every read; only the late day is answered
        String url = gateway + "/api/v1/analytics/me/fitness?from=" + late + "&to=" + late;
        int index = 0;
        HttpRequest read =
            HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + athlete.token())
                .GET()
                .build();
        double before = loadOn(client.send(read, HttpResponse.BodyHandlers.ofString()), index);
        var event =
            TopicWriter.envelope(
                new WorkoutRecorded(
                    summary(athlete.id(), late.atTime(18, 0).toInstant(ZoneOffset.UTC))));
        long sent = System.nanoTime();
        producer.send(
            new ProducerRecord<>(
                WorkoutTopics.WORKOUTS.name(), event.subject(), HttpJson.toJson(event)));
        producer.flush();
        long giveUp = sent + 10_000_000_000L;
        boolean seen = false;
        while (!seen && System.nanoTime() < giveUp) {
          seen = loadOn(client.send(read, HttpResponse.BodyHandlers.ofString()), index) > before;
        }
        if (i < LATE_WARM_UP) {
          continue; // the first of the path after the stack started: not counted
        }
        if (seen) {
          millis.add((System.nanoTime() - sent) / 1e6);
        } else {
          notSeen++;
        }
      }
    }
    Collections.sort(millis);
    double max = millis.isEmpty() ? Double.NaN : Percentile.of(millis, 1);
    BenchmarkMain.row(
        String.format(
            "Late upload 3 years back -> in the %d-year series (%d uploads after %d)",
            YEARS, LATE_UPLOADS, LATE_WARM_UP),
        "p50 %.0f ms, p95 %.0f ms, max %.0f ms (event sent to the series read showing it)",
        new Object[] {Percentile.of(millis, 0.5), Percentile.of(millis, 0.95), max},
        "< 100 ms",
        notSeen == 0 && max < 100);
  }

  private static double loadOn(HttpResponse<String> reply, int index) {
    if (reply.statusCode() != 200) {
      return -1;
    }
    return HttpJson.parse(reply.body()).get("load").get(index).asDouble();
  }

  /** New workouts at the rate, each timed until its row (totals and load) is stored. */
  private static void recorded(LocalStack stack, HttpJson service, List<Athlete> athletes)
      throws Exception {
    try (KafkaProducer<String, String> producer = PacedSends.producer(stack)) {
      send(stack, producer, athletes, RATE * 5, new ArrayList<>());
      List<Double> millis = new ArrayList<>();
      String before = service.get("/actuator/prometheus", null).body();
      long lost = send(stack, producer, athletes, RATE * SECONDS, millis);
      String after = service.get("/actuator/prometheus", null).body();
      Collections.sort(millis);
      double p99 = Percentile.of(millis, 0.99);
      BenchmarkMain.row(
          String.format(
              "Workout -> totals and load (%d/s, %d s, %d years of history)", RATE, SECONDS, YEARS),
          "p50 %.0f ms, p99 %.0f ms, max %.0f ms",
          new Object[] {Percentile.of(millis, 0.5), p99, Percentile.of(millis, 1)},
          "p99 < 500 ms",
          p99 < 500 && lost == 0);
      BenchmarkMain.row("  workouts not analysed after 30 s", "%d", lost, "0", lost == 0);
      Prometheus.Timer handled =
          Prometheus.timer(before, after, "spring_kafka_listener_seconds", "workouts");
      Prometheus.Timer state =
          Prometheus.timer(before, after, "stride_analytics_refresh_seconds", "");
      BenchmarkMain.row(
          "  analytics-service's own time per event",
          "handled mean %.1f ms, p99 <= %.1f ms (%d); training state mean %.1f ms, p99 <= %.1f ms",
          new Object[] {
            handled.meanMillis(),
            handled.p99Millis(),
            handled.count(),
            state.meanMillis(),
            state.p99Millis()
          },
          "(reference)",
          null);
    }
  }

  private static long send(
      LocalStack stack,
      KafkaProducer<String, String> producer,
      List<Athlete> athletes,
      int count,
      List<Double> millis)
      throws Exception {
    return PacedSends.run(
        stack.postgres().dataSource(),
        producer,
        "select workout_id::text from analytics.workout where workout_id = any(cast(? as uuid[]))",
        RATE,
        count,
        next -> {
          WorkoutSummary workout =
              summary(athletes.get(next % athletes.size()).id(), Instant.now().minusSeconds(3600));
          return new PacedSends.Probe(
              WorkoutTopics.WORKOUTS.name(),
              TopicWriter.envelope(new WorkoutRecorded(workout)),
              workout.workoutId().toString());
        },
        millis);
  }

  /** A 10 km run of 50 minutes with heart rate and zones, as workout-service's summary has it. */
  private static WorkoutSummary summary(UUID athlete, Instant start) {
    return new WorkoutSummary(
        UUID.randomUUID(),
        athlete,
        "run",
        "Run",
        start,
        3000,
        2950L,
        10_000.0,
        80.0,
        650,
        148,
        "public",
        "file",
        List.of(),
        4.6,
        176,
        0,
        List.of(300.0, 900.0, 1200.0, 500.0, 50.0),
        null);
  }
}
