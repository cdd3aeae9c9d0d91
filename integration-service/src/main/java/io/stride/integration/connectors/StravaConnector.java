package io.stride.integration.connectors;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.stride.integration.config.IntegrationProperties;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Strava's API v3: OAuth 2 authorization code with token refresh ({@code /oauth/token}), the
 * athlete's activities ({@code /api/v3/athlete/activities?after=}, oldest first when {@code after}
 * is given) and each activity's streams ({@code /api/v3/activities/{id}/streams}), made into a TCX
 * file ({@link StravaTcx}). Every {@code /api/v3} request is counted against Strava's read limits
 * first ({@link ConnectorQuota}: 15-minute windows from :00, :15, :30, :45 and a UTC day) and the
 * counts are raised to its {@code X-ReadRateLimit-Usage} (or {@code X-RateLimit-Usage}) header; a
 * 429 fills the window. Tokens never reach a log.
 */
@Component
class StravaConnector implements ImportConnector {

  static final String SOURCE = "strava";
  private static final Logger log = LoggerFactory.getLogger(StravaConnector.class);
  private static final Duration TIMEOUT = Duration.ofSeconds(20);
  private static final String STREAMS = "time,latlng,distance,altitude,heartrate,cadence,watts";

  /** What Stride asks for: the profile and every activity, "only me" ones too. */
  static final String SCOPES = "read,activity:read_all";

  private final IntegrationProperties.Strava settings;
  private final ConnectorQuota quota;
  private final ConnectorQuota.Limits limits;
  private final JsonMapper json;
  private final MeterRegistry meters;
  private final HttpClient http =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(5))
          .followRedirects(HttpClient.Redirect.NEVER)
          // plain HTTP/1.1: no h2c upgrade dance (over TLS HTTP/2 would be negotiated anyway)
          .version(HttpClient.Version.HTTP_1_1)
          .build();

  StravaConnector(
      IntegrationProperties properties,
      ConnectorQuota quota,
      JsonMapper json,
      MeterRegistry meters) {
    this.settings = properties.imports().strava();
    this.quota = quota;
    this.json = json;
    this.meters = meters;
    this.limits =
        new ConnectorQuota.Limits(
            Duration.ofMinutes(15), settings.shortLimit(), settings.dailyLimit());
  }

  @Override
  public String source() {
    return SOURCE;
  }

  @Override
  public String displayName() {
    return "Strava";
  }

  @Override
  public boolean enabled() {
    return settings.enabled()
        && settings.clientSecret() != null
        && !settings.clientSecret().isBlank();
  }

  @Override
  public List<String> redirectUris() {
    return settings.redirectUris();
  }

  @Override
  public URI authorizationUrl(String state, String redirectUri) {
    return URI.create(
        settings.baseUrl()
            + "/oauth/authorize?"
            + form(
                Map.of(
                    "client_id",
                    settings.clientId(),
                    "redirect_uri",
                    redirectUri,
                    "response_type",
                    "code",
                    "approval_prompt",
                    "auto",
                    "scope",
                    SCOPES,
                    "state",
                    state)));
  }

  @Override
  public RemoteGrant exchange(String code) {
    JsonNode answer =
        token(
            Map.of(
                "client_id",
                settings.clientId(),
                "client_secret",
                secret(),
                "code",
                code,
                "grant_type",
                "authorization_code"));
    JsonNode athlete = answer.path("athlete");
    String name =
        (athlete.path("firstname").asString("") + " " + athlete.path("lastname").asString(""))
            .trim();
    return new RemoteGrant(
        tokens(answer), athlete.path("id").asString(""), name.isEmpty() ? null : name, List.of());
  }

  @Override
  public RemoteTokens refresh(String refreshToken) {
    return tokens(
        token(
            Map.of(
                "client_id",
                settings.clientId(),
                "client_secret",
                secret(),
                "refresh_token",
                refreshToken,
                "grant_type",
                "refresh_token")));
  }

  @Override
  public List<RemoteActivity> activitiesAfter(String accessToken, Instant after, int limit) {
    JsonNode page =
        api(
            accessToken,
            "/api/v3/athlete/activities?after="
                + after.getEpochSecond()
                + "&page=1&per_page="
                + Math.min(200, Math.max(1, limit)));
    if (page == null || !page.isArray()) {
      throw new ConnectorException.Unavailable("Strava answered the activity list with no list");
    }
    List<RemoteActivity> activities = new ArrayList<>();
    for (JsonNode item : page) {
      activities.add(activity(item));
    }
    activities.sort(Comparator.comparing(RemoteActivity::startTime));
    return activities;
  }

  @Override
  public Optional<RemoteFile> file(String accessToken, RemoteActivity activity) {
    if (activity.manual()) {
      return Optional.empty();
    }
    JsonNode streams =
        api(
            accessToken,
            "/api/v3/activities/"
                + activity.id()
                + "/streams?keys="
                + STREAMS
                + "&key_by_type=true");
    if (streams == null) {
      return Optional.empty(); // gone on Strava since it was listed
    }
    byte[] tcx = StravaTcx.of(activity, streams);
    return tcx == null
        ? Optional.empty()
        : Optional.of(
            new RemoteFile(
                "strava-" + activity.id() + ".tcx",
                tcx,
                StravaSports.stride(activity.sportType())));
  }

  @Override
  public void deauthorize(String accessToken) {
    try {
      HttpResponse<String> response =
          send(
              HttpRequest.newBuilder(URI.create(settings.baseUrl() + "/oauth/deauthorize"))
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          form(Map.of("access_token", accessToken))))
                  .build(),
              "deauthorize");
      if (response.statusCode() / 100 != 2) {
        log.info("Strava answered the deauthorization with {}", response.statusCode());
      }
    } catch (ConnectorException e) {
      log.info("Strava could not be told of an unlinked account: {}", e.getMessage());
    }
  }

  private RemoteActivity activity(JsonNode item) {
    String visibility =
        switch (item.path("visibility").asString("")) {
          case "everyone" -> "public";
          case "followers_only" -> "followers";
          case "only_me" -> "private";
          default -> item.path("private").asBoolean(false) ? "private" : "followers";
        };
    String sportType = item.path("sport_type").asString(item.path("type").asString("Workout"));
    return new RemoteActivity(
        item.path("id").asString(""),
        item.path("name").isString() ? item.path("name").asString() : null,
        sportType,
        Instant.parse(item.path("start_date").asString()),
        item.path("elapsed_time").asLong(0),
        item.path("distance").asDouble(0),
        item.path("manual").asBoolean(false),
        visibility,
        item.path("device_name").isString() ? item.path("device_name").asString() : null);
  }

  private JsonNode token(Map<String, String> fields) {
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(URI.create(settings.baseUrl() + "/oauth/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form(fields)))
                .build(),
            "token");
    int status = response.statusCode();
    if (status == 400 || status == 401 || status == 403) {
      throw new ConnectorException.Unauthorized(
          "Strava refused the " + fields.get("grant_type").replace('_', ' ') + " (" + status + ")");
    }
    if (status == 429) {
      throw new ConnectorException.RateLimited(
          "Strava is limiting Stride's requests", Instant.now().plus(Duration.ofMinutes(15)));
    }
    if (status / 100 != 2) {
      throw new ConnectorException.Unavailable("Strava's token endpoint answered " + status);
    }
    return json.readTree(response.body());
  }

  /** A GET of Strava's API with the athlete's token: null on 404; quota taken and observed. */
  private JsonNode api(String accessToken, String pathAndQuery) {
    quota.take(SOURCE, limits);
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(URI.create(settings.baseUrl() + pathAndQuery))
                .header("Authorization", "Bearer " + accessToken)
                .header("Accept", "application/json")
                .GET()
                .build(),
            pathAndQuery.startsWith("/api/v3/athlete/activities") ? "activities" : "streams");
    observeLimits(response);
    int status = response.statusCode();
    if (status == 404) {
      return null;
    }
    if (status == 401 || status == 403) {
      throw new ConnectorException.Unauthorized(
          "Strava refused the athlete's token (" + status + ")");
    }
    if (status == 429) {
      boolean daily = usedUp(response, 1);
      throw new ConnectorException.RateLimited(
          "Strava is limiting Stride's requests", quota.exhausted(SOURCE, limits, daily));
    }
    if (status / 100 != 2) {
      throw new ConnectorException.Unavailable("Strava answered " + status);
    }
    return json.readTree(response.body());
  }

  private void observeLimits(HttpResponse<?> response) {
    int[] usage = pair(response, "X-ReadRateLimit-Usage", "X-RateLimit-Usage");
    int[] limit = pair(response, "X-ReadRateLimit-Limit", "X-RateLimit-Limit");
    if (usage != null) {
      quota.observed(
          SOURCE,
          limits,
          usage[0],
          usage[1],
          limit == null ? -1 : limit[0],
          limit == null ? -1 : limit[1]);
    }
  }

  private boolean usedUp(HttpResponse<?> response, int window) {
    int[] usage = pair(response, "X-ReadRateLimit-Usage", "X-RateLimit-Usage");
    int[] limit = pair(response, "X-ReadRateLimit-Limit", "X-RateLimit-Limit");
    return usage != null && limit != null && usage[window] >= limit[window];
  }

  /** "15-minute,daily" from the first of the headers present. */
  private static int[] pair(HttpResponse<?> response, String... headers) {
    for (String header : headers) {
      Optional<String> value = response.headers().firstValue(header);
      if (value.isPresent()) {
        String[] parts = value.get().split(",");
        try {
          if (parts.length == 2) {
            return new int[] {Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim())};
          }
        } catch (NumberFormatException e) {
          log.info("Strava sent an unreadable {} header", header);
        }
      }
    }
    return null;
  }

  private HttpResponse<String> send(HttpRequest request, String call) {
    HttpRequest timed =
        HttpRequest.newBuilder(request, (name, value) -> true).timeout(TIMEOUT).build();
    Timer.Sample sample = Timer.start(meters);
    String outcome = "error";
    try {
      HttpResponse<String> response = http.send(timed, HttpResponse.BodyHandlers.ofString());
      outcome = Integer.toString(response.statusCode());
      return response;
    } catch (IOException e) {
      throw new ConnectorException.Unavailable(
          "Strava could not be reached: " + e.getClass().getSimpleName() + " " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ConnectorException.Unavailable("interrupted while calling Strava");
    } finally {
      sample.stop(
          Timer.builder("stride.integration.connector.requests")
              .description("Requests to import platforms' APIs")
              .tag("source", SOURCE)
              .tag("call", call)
              .tag("status", outcome)
              .publishPercentileHistogram()
              .register(meters));
    }
  }

  private static RemoteTokens tokens(JsonNode answer) {
    String access = answer.path("access_token").asString("");
    String refresh = answer.path("refresh_token").asString("");
    if (access.isEmpty() || refresh.isEmpty()) {
      throw new ConnectorException.Unavailable("Strava's token answer held no tokens");
    }
    long expiresAt = answer.path("expires_at").asLong(0);
    return new RemoteTokens(
        access,
        refresh,
        expiresAt > 0
            ? Instant.ofEpochSecond(expiresAt)
            : Instant.now().plusSeconds(answer.path("expires_in").asLong(3600)));
  }

  private String secret() {
    String secret = settings.clientSecret();
    if (secret == null || secret.isBlank()) {
      throw new IllegalStateException(
          "STRIDE_STRAVA_CLIENT_SECRET is not set while STRIDE_STRAVA_CLIENT_ID is");
    }
    return secret;
  }

  private static String form(Map<String, String> fields) {
    return fields.entrySet().stream()
        .map(
            e ->
                URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }
}
