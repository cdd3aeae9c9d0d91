package io.stride.system;

import static io.stride.platform.test.HttpJson.object;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.stride.catalog.Service;
import io.stride.catalog.ServiceCatalog;
import io.stride.client.ApiClient;
import io.stride.client.ApiException;
import io.stride.client.api.AccountsApi;
import io.stride.client.api.GearApi;
import io.stride.client.api.ProfilesApi;
import io.stride.client.api.WorkoutsApi;
import io.stride.client.model.CreateGearRequest;
import io.stride.client.model.CreateWorkoutRequest;
import io.stride.client.model.GearResponse;
import io.stride.client.model.ProfileResponse;
import io.stride.client.model.RegisterAccountRequest;
import io.stride.client.model.RegistrationResponse;
import io.stride.client.model.Sport;
import io.stride.client.model.UpdateProfileRequest;
import io.stride.client.model.UpdateWorkoutRequest;
import io.stride.client.model.Visibility;
import io.stride.client.model.WorkoutGearRequest;
import io.stride.client.model.WorkoutListItem;
import io.stride.client.model.WorkoutResponse;
import io.stride.contracts.auth.AuthTopics;
import io.stride.localstack.LocalStack;
import io.stride.localstack.StackConfig;
import io.stride.platform.test.BrowserSession;
import io.stride.platform.test.Erasure;
import io.stride.platform.test.HttpJson;
import io.stride.platform.test.HttpJson.Reply;
import io.stride.platform.test.LocalPrometheus;
import io.stride.platform.test.MissingTool;
import io.stride.platform.test.Multipart;
import io.stride.platform.test.OAuthFlows;
import io.stride.platform.test.TopicReader;
import io.stride.platform.test.conformance.ApiDocumentRules;
import io.stride.platform.test.conformance.DocumentedResponses;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.JsonNode;

/**
 * The whole platform as users meet it: every request goes through the gateway over real HTTP, to
 * services running as their own processes on real PostgreSQL and Kafka.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlatformSystemTests {

  static final String PASSWORD = "correct horse battery staple";

  /** The one address on STRIDE_AUTH_ADMINS: its account is ADMIN once its email is verified. */
  static final String PROMO_ADMIN = "promo-admin-" + UUID.randomUUID() + "@example.com";

  static LocalStack stack;
  static HttpJson http;
  static OAuthFlows oauth;
  static String gateway;

  /** Every answer the tests get through {@link #http}, checked against the API document. */
  static final List<Reply> received = new CopyOnWriteArrayList<>();

  static DocumentedResponses documented;
  static final Set<String> GATEWAY_OWN = Set.of("/api/v1/openapi.json", "/api/docs");

  @BeforeAll
  static void startPlatform() throws Exception {
    Path root = Path.of(System.getProperty("stride.repo.root", "..")).toAbsolutePath().normalize();
    StackConfig config =
        StackConfig.freePorts(root, Files.createTempDirectory("stride-system-test"))
            .withEnvironment(
                Map.of(
                    "STRIDE_DEVICE_POLL_INTERVAL", "1s",
                    "STRIDE_RATE_LIMIT_SENSITIVE_PER_IP", "3,40",
                    "STRIDE_AUTH_ADMINS", PROMO_ADMIN,
                    "STRIDE_LOG_FORMAT", ""));
    stack = LocalStack.start(config);
    gateway = "http://localhost:" + config.gatewayPort();
    // the gateway answers 503 until every service has made its part of the document once
    HttpJson plain = new HttpJson(gateway);
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> plain.get("/api/v1/openapi.json", null).status() == 200);
    documented = new DocumentedResponses(plain.get("/api/v1/openapi.json", null).json());
    http = new HttpJson(gateway).onEveryReply(received::add);
    oauth = new OAuthFlows(gateway);
  }

  @AfterEach
  void everyAnswerMatchesTheApiDocument() {
    List<String> violations = new ArrayList<>();
    for (Reply reply : received) {
      String path = reply.response().request().uri().getPath();
      if (path.startsWith("/api/v1/")
          && !GATEWAY_OWN.contains(path)
          && !documented.describes(reply)) {
        violations.add(path + " is called but not documented");
      }
      violations.addAll(documented.violations(reply));
    }
    received.clear();
    assertThat(violations).as("answers that differ from /api/v1/openapi.json").isEmpty();
  }

  @AfterAll
  static void stopPlatform() {
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  @Order(0)
  void everyPathInEveryServicesOpenApiDocumentIsRoutedToThatServiceAndNoOther() {
    ServiceCatalog catalog = stack.config().catalog();
    for (Service service : catalog.services()) {
      Reply docs = new HttpJson(stack.config().urlOf(service)).get("/v3/api-docs", null);
      assertThat(docs.status()).as(service.name() + " OpenAPI document").isEqualTo(200);
      List<String> paths = List.copyOf(docs.json().path("paths").propertyNames());
      assertThat(paths).as(service.name() + " documents its API").isNotEmpty();
      for (String path : paths) {
        String concrete = path.replaceAll("\\{[^}]+}", "some-id");
        assertThat(catalog.owners(concrete))
            .as("services.yml routes %s (from %s) to", path, service.name())
            .extracting(Service::name)
            .containsExactly(service.name());
      }
    }
  }

  @Test
  @Order(0)
  void theGatewayServesOneValidPublicApiDocumentForEveryServiceWithUniqueOperationIds() {
    Reply reply = http.get("/api/v1/openapi.json", null);
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    assertThat(reply.header("Cache-Control")).contains("public");
    assertThat(reply.header("Vary")).contains("Accept-Encoding");
    Reply revalidated =
        http.send(
            http.request("/api/v1/openapi.json", null)
                .header("If-None-Match", reply.header("ETag"))
                .GET()
                .build());
    assertThat(revalidated.status()).as("a CDN revalidating with the ETag").isEqualTo(304);
    SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(reply.body(), null, null);
    assertThat(parsed.getMessages()).as("swagger-parser validation").isEmpty();
    JsonNode document = reply.json();
    assertThat(ApiDocumentRules.violations(document)).as("Stride's document rules").isEmpty();
    assertThat(document.path("servers").path(0).path("url").asString()).isEqualTo(gateway);
    Set<String> contributors = new java.util.TreeSet<>();
    document
        .path("paths")
        .forEach(
            item ->
                item.forEach(
                    operation -> contributors.add(operation.path("x-stride-service").asString())));
    Reply page = http.get("/api/docs", null);
    assertThat(page.status()).as(page.toString()).isEqualTo(200);
    assertThat(page.contentType()).startsWith("text/html");
    assertThat(page.body()).contains("<html lang=\"en\">", "/api/v1/openapi.json");
    document
        .path("paths")
        .forEach(
            item ->
                item.forEach(
                    operation ->
                        assertThat(page.body())
                            .as("the reference page lists every operation")
                            .contains(HtmlUtils.htmlEscape(operation.path("summary").asString()))));
    assertThat(contributors)
        .containsExactlyInAnyOrderElementsOf(
            stack.config().catalog().services().stream()
                .filter(service -> !service.routes().isEmpty())
                .map(Service::name)
                .toList());
  }

  @Test
  @Order(0)
  void theCommittedApiDocumentIsTheOneTheGatewayServes() {
    JsonNode served = ApiSnapshot.asCommitted(http.get("/api/v1/openapi.json", null).json());
    Path root = stack.config().repositoryRoot();
    if (Boolean.getBoolean(ApiSnapshot.UPDATE_PROPERTY)) {
      ApiSnapshot.write(root, served);
    }
    assertThat(ApiSnapshot.read(root))
        .as(
            "%s is behind the API: refresh it with ../mvnw -pl system-tests verify -D%s=true"
                + " and commit it",
            ApiSnapshot.RELATIVE_PATH, ApiSnapshot.UPDATE_PROPERTY)
        .isEqualTo(served);
  }

  /**
   * Sign-in, consent (cancel and allow), device confirmation (cancel and connect), an error page,
   * registration and sign-out in headless Chromium at phone and desktop size; axe-core finds no
   * serious or critical violation on any page, and no page loads anything the CSP blocks.
   */
  @Test
  @Order(1)
  void thePagesWorkInChromiumOnAPhoneAndADesktopWithNoSeriousAccessibilityViolation()
      throws Exception {
    String email = register("Reset Tester");
    BrowserPages.walk(
        stack.config().repositoryRoot(),
        gateway,
        Map.of("STRIDE_RESET_EMAIL", email, "STRIDE_RESET_LINK", resetLinkFor(email)));
  }

  /** Asks for a reset link as a person would, and reads it where notification-service will. */
  private static String resetLinkFor(String email) {
    return accountEmail(
            email,
            "PasswordResetRequested",
            () -> {
              BrowserSession browser = new BrowserSession(gateway);
              HttpResponse<String> form = browser.get("/forgot-password");
              browser.postForm(
                  "/forgot-password",
                  Map.of("email", email, "_csrf", BrowserSession.csrfToken(form.body())));
            })
        .get("resetUrl")
        .asString();
  }

  /**
   * The payload of the account email of {@code type} to {@code email} that {@code action} makes
   * auth-service ask for, read where notification-service reads it.
   */
  private static JsonNode accountEmail(String email, String type, Runnable action) {
    try (TopicReader emails =
        new TopicReader(AuthTopics.ACCOUNT_EMAILS.name(), stack.kafka().bootstrapServers())) {
      action.run();
      var sent =
          emails.await(
              record ->
                  record.value().contains(email)
                      && HttpJson.parse(record.value()).get("type").asString().equals(type),
              Duration.ofSeconds(30));
      assertThat(sent).as(type + " for " + email).hasSize(1);
      return HttpJson.parse(sent.get(0).value()).get("payload");
    }
  }

  /**
   * A client generated from the committed document (openapi-generator, Java) used as an outside
   * developer would: only the base URL and the access token are given to it.
   */
  @Test
  @Order(1)
  void aClientGeneratedFromTheDocumentRegistersManagesTheProfileAndRecordsAWorkout()
      throws Exception {
    String email = "client-" + UUID.randomUUID() + "@example.com";
    RegistrationResponse registered =
        new AccountsApi(generatedClient(null))
            .registerAccount(
                new RegisterAccountRequest()
                    .email(email)
                    .password(PASSWORD)
                    .displayName("Katherine Johnson"));
    assertThat(registered.getStatus()).isEqualTo("accepted");

    String token =
        oauth
            .signInWithMobileApp(
                email, PASSWORD, "profile:read profile:write workouts:read workouts:write")
            .get("access_token")
            .asString();
    ApiClient client = generatedClient(token);
    ProfilesApi profiles = new ProfilesApi(client);
    await()
        .atMost(Duration.ofSeconds(60))
        .ignoreExceptionsInstanceOf(ApiException.class)
        .until(() -> profiles.getMyProfile() != null);
    ProfileResponse profile =
        profiles.updateMyProfile(new UpdateProfileRequest().heightCm(170).timeZone("Europe/Paris"));
    assertThat(profile.getDisplayName()).isEqualTo("Katherine Johnson");
    assertThat(profile.getHeightCm()).isEqualTo(170);
    assertThat(profile.getWeightKg()).isNull();

    WorkoutsApi workouts = new WorkoutsApi(client);
    WorkoutResponse created =
        workouts.createWorkout(
            new CreateWorkoutRequest()
                .sport(Sport.RUN)
                .startTime(OffsetDateTime.parse("2026-11-28T07:30:00Z"))
                .durationSeconds(1800)
                .distanceMeters(5000.0),
            UUID.randomUUID().toString());
    assertThat(created.getTitle()).isNotBlank();
    assertThat(created.getSport()).isEqualTo(Sport.RUN);
    WorkoutResponse renamed =
        workouts.updateWorkout(
            created.getId(),
            new UpdateWorkoutRequest().title("Parkrun").visibility(Visibility.PRIVATE));
    assertThat(renamed.getTitle()).isEqualTo("Parkrun");
    assertThat(workouts.listWorkouts(null, Sport.RUN, null, null, null, 10).getItems())
        .extracting(WorkoutListItem::getId)
        .containsExactly(created.getId());

    // gear through the gateway: the run goes on the shoes, their distance is the run's
    GearApi gear = new GearApi(client);
    GearResponse shoes =
        gear.createGear(
            new CreateGearRequest()
                .kind(CreateGearRequest.KindEnum.SHOES)
                .name("Racing flats")
                .addDefaultForItem(Sport.RUN),
            UUID.randomUUID().toString());
    assertThat(
            workouts
                .setWorkoutGear(created.getId(), new WorkoutGearRequest().gearId(shoes.getId()))
                .getGearId())
        .isEqualTo(shoes.getId());
    assertThat(gear.getGear(shoes.getId()).getDistanceMeters()).isEqualTo(5000.0);

    workouts.deleteWorkout(created.getId());
    ApiException gone =
        org.junit.jupiter.api.Assertions.assertThrows(
            ApiException.class, () -> workouts.getWorkout(created.getId()));
    assertThat(gone.getCode()).isEqualTo(404);
    assertThat(gone.getResponseBody()).contains("\"status\":404");
  }

  @Test
  @Order(1)
  void newUserRegistersSignsInWithPkceAndManagesTheirProfile() {
    String email = register("Ada Lovelace");
    JsonNode tokens =
        oauth.signInWithMobileApp(email, PASSWORD, "openid profile:read profile:write");
    String token = tokens.get("access_token").asString();
    assertThat(OAuthFlows.claims(token).get("iss").asString()).isEqualTo(gateway);

    Reply me = awaitProfile(token);
    assertThat(me.json().get("displayName").asString()).isEqualTo("Ada Lovelace");

    Reply updated =
        http.patch(
            "/api/v1/profiles/me", token, object("heightCm", 168, "timeZone", "Europe/London"));
    assertThat(updated.status()).as(updated.body()).isEqualTo(200);
    assertThat(updated.json().get("timeZone").asString()).isEqualTo("Europe/London");

    Reply invalid = http.patch("/api/v1/profiles/me", token, object("heightCm", 20));
    assertThat(invalid.status()).isEqualTo(400);
    assertThat(invalid.contentType()).startsWith("application/problem+json");
    assertThat(invalid.json().get("errors").get(0).get("field").asString()).isEqualTo("heightCm");
  }

  @Test
  @Order(2)
  void trackerTokenFromTheDeviceFlowCanOnlyWriteReadings() throws Exception {
    String email = register("Tracker Owner");
    JsonNode codes = oauth.deviceAuthorization("readings:write").json();
    assertThat(codes.get("verification_uri").asString()).isEqualTo(gateway + "/activate");

    BrowserSession owner = new BrowserSession(gateway);
    owner.follow(owner.signIn(email, PASSWORD));
    var approved = oauth.approveDevice(owner, codes.get("user_code").asString(), "readings:write");
    assertThat(BrowserSession.location(approved)).endsWith("/activate/done");

    // a tracker polls at the interval the server gave it (1 s here), never faster
    Reply[] polled = new Reply[1];
    await()
        .atMost(Duration.ofSeconds(25))
        .pollDelay(Duration.ZERO)
        .pollInterval(Duration.ofMillis(1_100))
        .until(
            () ->
                (polled[0] = oauth.pollDeviceToken(codes.get("device_code").asString())).status()
                    != 400);
    Reply token = polled[0];
    assertThat(token.status()).as(token.body()).isEqualTo(200);
    String deviceToken = token.json().get("access_token").asString();
    assertThat(OAuthFlows.claims(deviceToken).get("scope").toString())
        .isEqualTo("[\"readings:write\"]");

    Reply write = http.patch("/api/v1/profiles/me", deviceToken, object("heightCm", 180));
    assertThat(write.status()).isEqualTo(403);
    assertThat(write.contentType()).startsWith("application/problem+json");
    assertThat(http.get("/api/v1/profiles/me", deviceToken).status()).isEqualTo(403);
  }

  @Test
  @Order(3)
  void partnerTokenWorksForItsScopesAndNothingElse() {
    String email = register("Public Athlete");
    String userToken =
        oauth.signInWithMobileApp(email, PASSWORD, "profile:read").get("access_token").asString();
    String userId = awaitProfile(userToken).json().get("id").asString();

    Reply issued =
        oauth.clientCredentials(
            "partner-demo", stack.secrets().get("STRIDE_PARTNER_DEMO_SECRET"), "profile:read");
    assertThat(issued.status()).as(issued.body()).isEqualTo(200);
    String partner = issued.json().get("access_token").asString();

    assertThat(http.get("/api/v1/profiles/" + userId, partner).status()).isEqualTo(200);
    assertThat(http.get("/api/v1/profiles/me", partner).status()).isEqualTo(403);
    assertThat(http.patch("/api/v1/profiles/me", partner, object("heightCm", 180)).status())
        .isEqualTo(403);
    assertThat(
            oauth
                .clientCredentials(
                    "partner-demo",
                    stack.secrets().get("STRIDE_PARTNER_DEMO_SECRET"),
                    "profile:write")
                .status())
        .isEqualTo(400);
  }

  @Test
  @Order(3)
  void anyoneReadsRegionalSettingsThroughTheGatewayCacheablyAndOnlyTheOperatorsClientChangesThem() {
    Reply bavaria = http.get("/api/v1/regions/DE-BY", null);
    assertThat(bavaria.status()).as(bavaria.body()).isEqualTo(200);
    assertThat(bavaria.json().get("currency").asString()).isEqualTo("EUR");
    assertThat(bavaria.header("Cache-Control")).contains("public");
    String tag = bavaria.header("ETag");
    Reply unchanged =
        http.send(
            http.request("/api/v1/regions/DE-BY", null).header("If-None-Match", tag).GET().build());
    assertThat(unchanged.status()).as("a 304 through the gateway").isEqualTo(304);

    Reply issued =
        oauth.clientCredentials(
            "stride-ops", stack.secrets().get("STRIDE_OPS_CLIENT_SECRET"), "regions:admin");
    assertThat(issued.status()).as(issued.body()).isEqualTo(200);
    String ops = issued.json().get("access_token").asString();
    Reply changed =
        http.send(
            http.request("/api/v1/regions/DE-BY", ops)
                .header("Content-Type", "application/json")
                .header("If-Match", tag)
                .method(
                    "PATCH",
                    java.net.http.HttpRequest.BodyPublishers.ofString(
                        HttpJson.toJson(
                            object("settings", object("flags", object("heatmaps", false))))))
                .build());
    assertThat(changed.status()).as(changed.body()).isEqualTo(200);
    assertThat(
            http.get("/api/v1/regions/DE-BY", null).json().get("flags").get("heatmaps").asBoolean())
        .isFalse();
    // RegionSettingsChanged → the state topic → profile-service's region copy (ADR 0024)
    long revision = changed.json().get("revision").asLong();
    HttpJson profileService =
        new HttpJson("http://127.0.0.1:" + stack.config().portOf("profile-service"));
    await()
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(20))
        .until(
            () -> {
              Reply held = profileService.get("/actuator/regions/DE-BY", null);
              return held.status() == 200 && held.json().get("revision").asLong() == revision;
            });
    String athlete = signedInAthlete("Region Reader", "profile:read profile:write");
    awaitProfile(athlete);
    Reply moved = http.patch("/api/v1/profiles/me", athlete, object("region", "DE-BY"));
    assertThat(moved.status()).as(moved.body()).isEqualTo(200);
    assertThat(moved.json().get("region").asString()).isEqualTo("DE-BY");
    assertThat(
            firstRefusedField(
                http.patch("/api/v1/profiles/me", athlete, object("region", "DE-QQ"))))
        .as("a region region-service does not have")
        .isEqualTo("region");
    assertThat(http.get("/api/v1/regions/DE-BY/audit", athlete).status()).isEqualTo(403);
    assertThat(
            oauth
                .clientCredentials(
                    "partner-demo",
                    stack.secrets().get("STRIDE_PARTNER_DEMO_SECRET"),
                    "regions:admin")
                .status())
        .as("no other client can ask for an admin scope")
        .isEqualTo(400);
  }

  @Test
  @Order(4)
  void forgedExpiredWrongIssuerAndUnsignedTokensAre401AndPrivateProfilesAre404() throws Exception {
    String ownerToken = signedInAthlete("Very Private", "profile:read profile:write");
    String ownerId = awaitProfile(ownerToken).json().get("id").asString();
    http.patch("/api/v1/profiles/me", ownerToken, object("accountPrivacy", "PRIVATE"));

    AuthServerKeys keys =
        new AuthServerKeys(
            stack.postgres().dataSource(),
            stack.secrets().get("STRIDE_AUTH_KEY_ENCRYPTION_KEY"),
            gateway);
    UUID someone = UUID.randomUUID();
    assertThat(http.get("/api/v1/profiles/me", keys.valid(someone)).status())
        .as("control: a well-formed token passes the edge")
        .isIn(200, 404);
    for (String bad :
        new String[] {
          keys.expired(someone),
          keys.wrongIssuer(someone),
          keys.unsigned(someone),
          io.stride.platform.test.TestTokens.get().forUser(someone, "profile:read")
        }) {
      Reply reply = http.get("/api/v1/profiles/me", bad);
      assertThat(reply.status()).isEqualTo(401);
      assertThat(reply.contentType()).startsWith("application/problem+json");
    }

    String strangerToken = signedInAthlete("Stranger", "profile:read");
    Reply hidden = http.get("/api/v1/profiles/" + ownerId, strangerToken);
    assertThat(hidden.status()).isEqualTo(404);
    assertThat(hidden.contentType()).startsWith("application/problem+json");
  }

  @Test
  @Order(5)
  void bodiesOverTheLimitAre413AndFloodsAre429WithRetryAfter() {
    Reply big =
        http.post("/api/v1/accounts", null, "{\"email\":\"" + "a".repeat(2_000_000) + "\"}");
    assertThat(big.status()).isEqualTo(413);
    assertThat(big.contentType()).startsWith("application/problem+json");

    Reply last = null;
    for (int i = 0; i < 80 && (last == null || last.status() != 429); i++) {
      last = http.post("/api/v1/accounts", null, "{}");
    }
    assertThat(last.status()).isEqualTo(429);
    assertThat(last.header("Retry-After")).isNotBlank();
    assertThat(last.contentType()).startsWith("application/problem+json");
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> http.post("/api/v1/accounts", null, "{}").status() != 429);
  }

  @Test
  @Order(6)
  void registrationWorksWhileKafkaIsDownAndTheProfileFollowsOnceItIsBack() throws Exception {
    stack.kafka().stop();
    String email;
    try {
      email = register("Offline Kafka");
    } finally {
      stack.kafka().start();
    }
    String token =
        oauth.signInWithMobileApp(email, PASSWORD, "profile:read").get("access_token").asString();
    Reply profile = awaitProfile(token);
    assertThat(profile.json().get("displayName").asString()).isEqualTo("Offline Kafka");

    String envelope;
    try (var connection = stack.postgres().dataSource().getConnection();
        var statement =
            connection.prepareStatement(
                "select envelope::text, message_key from auth.outbox_event where message_key = ?")) {
      statement.setString(1, profile.json().get("id").asString());
      var rows = statement.executeQuery();
      rows.next();
      envelope = rows.getString(1);
    }
    RecordMetadata duplicate;
    try (var producer =
        new KafkaProducer<>(
            Map.<String, Object>of("bootstrap.servers", stack.kafka().bootstrapServers()),
            new StringSerializer(),
            new StringSerializer())) {
      duplicate =
          producer
              .send(
                  new ProducerRecord<>(
                      "stride.auth.users", profile.json().get("id").asString(), envelope))
              .get();
    }
    // profile-service has handled the duplicate once its group committed past it
    TopicPartition partition = new TopicPartition(duplicate.topic(), duplicate.partition());
    try (Admin admin =
        Admin.create(Map.of("bootstrap.servers", stack.kafka().bootstrapServers()))) {
      await()
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(100))
          .until(
              () -> {
                OffsetAndMetadata committed =
                    admin
                        .listConsumerGroupOffsets("profile-service")
                        .partitionsToOffsetAndMetadata()
                        .get()
                        .get(partition);
                return committed != null && committed.offset() > duplicate.offset();
              });
    }
    try (var connection = stack.postgres().dataSource().getConnection();
        var statement =
            connection.prepareStatement(
                "select count(*) from profile.profile where user_id = ?::uuid")) {
      statement.setString(1, profile.json().get("id").asString());
      var rows = statement.executeQuery();
      rows.next();
      assertThat(rows.getLong(1)).isEqualTo(1);
    }
  }

  @Test
  @Order(7)
  void athleteImportsAFitFileThroughTheGatewayAndNewWorkoutsFollowTheProfileDefaults()
      throws Exception {
    String token =
        signedInAthlete(
            "Grace Runner",
            "profile:read profile:write workouts:read workouts:write gamification:read"
                + " analytics:read");
    String athleteId = awaitProfile(token).json().get("id").asString();
    assertThat(
            http.patch("/api/v1/profiles/me", token, object("defaultWorkoutVisibility", "PRIVATE"))
                .status())
        .isEqualTo(200);
    // workout-service learns the new default from ProfileUpdated, moments later (after the Kafka
    // restart of the test before, once its consumers have rejoined)
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> "PRIVATE".equals(workoutsDefaultVisibility(athleteId)));

    byte[] fit =
        Files.readAllBytes(
            stack
                .config()
                .repositoryRoot()
                .resolve(
                    "workout-service/src/test/resources/activity-files/"
                        + "fitparse_garmin-fenix-5-run.fit"));
    Reply accepted =
        http.send(
            Multipart.fileUpload(
                http, "/api/v1/workouts/imports", token, "run.fit", fit, Map.of()));
    assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
    String importPath = "/api/v1/workouts/imports/" + accepted.json().get("id").asString();
    Reply[] status = new Reply[1];
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () ->
                !(status[0] = http.get(importPath, token))
                    .json()
                    .get("status")
                    .asString()
                    .matches("queued|processing"));
    assertThat(status[0].json().get("status").asString()).as(status[0].body()).isEqualTo("done");

    String workoutId = status[0].json().get("workoutId").asString();
    Reply workout = http.get("/api/v1/workouts/" + workoutId, token);
    assertThat(workout.json().get("distanceMeters").asDouble()).isPositive();
    assertThat(workout.json().get("visibility").asString()).isEqualTo("private");
    Reply streams = http.get("/api/v1/workouts/" + workoutId + "/streams?types=heart_rate", token);
    assertThat(streams.json().get("streams").get("heart_rate").size())
        .isEqualTo(streams.json().get("pointCount").asInt());
    Reply list = http.get("/api/v1/workouts", token);
    assertThat(list.json().get("items").get(0).get("id").asString()).isEqualTo(workoutId);

    // gamification-service scores it from WorkoutRecorded: points, the first workout badge
    Reply[] score = new Reply[1];
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () ->
                (score[0] = http.get("/api/v1/gamification/me/workouts/" + workoutId, token))
                        .status()
                    == 200);
    assertThat(score[0].json().get("status").asString()).as(score[0].body()).isEqualTo("counted");
    assertThat(score[0].json().get("points").asInt()).isPositive();
    Reply me = http.get("/api/v1/gamification/me", token);
    assertThat(me.json().get("points").asInt()).isEqualTo(score[0].json().get("points").asInt());
    assertThat(
            http.get("/api/v1/gamification/me/badges", token)
                .json()
                .get("badges")
                .findValuesAsString("badge"))
        .contains("first_workout");

    // analytics-service computes its load from WorkoutRecorded and counts it in the year's totals
    Reply[] load = new Reply[1];
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () ->
                (load[0] = http.get("/api/v1/analytics/me/workouts/" + workoutId, token)).status()
                    == 200);
    assertThat(load[0].json().get("method").asString()).isIn("hr-zones", "trimp");
    assertThat(load[0].json().get("load").asDouble()).isPositive();
    String day = load[0].json().get("day").asString();
    Reply totals =
        http.get("/api/v1/analytics/me/totals?period=year&from=" + day + "&to=" + day, token);
    assertThat(totals.status()).as(totals.body()).isEqualTo(200);
    assertThat(totals.json().get("overall").get("distanceMeters").get(0).asDouble())
        .isCloseTo(
            workout.json().get("distanceMeters").asDouble(),
            org.assertj.core.api.Assertions.within(0.051));
    Reply fitness = http.get("/api/v1/analytics/me/fitness?from=" + day + "&to=" + day, token);
    assertThat(fitness.json().get("load").get(0).asDouble())
        .isEqualTo(load[0].json().get("load").asDouble());
  }

  @Test
  @Order(7)
  void aFollowAndAKudosReachTheOwnersInboxAndOpenStreamThroughTheGatewayAndTheirEmailIsSent()
      throws Exception {
    String scopes =
        "profile:read workouts:write social:read social:write notifications:read"
            + " notifications:write";
    String owner = signedInAthlete("Inbox Owner", scopes);
    String fan = signedInAthlete("Kudos Giver", scopes);
    String ownerId = OAuthFlows.claims(owner).get("uid").asString();
    awaitProfile(owner);
    awaitProfile(fan);
    try (LiveStream stream = new LiveStream(gateway, owner)) {
      stream.next("ready");
      await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(200))
          .until(() -> http.put("/api/v1/social/following/" + ownerId, fan, null).status() == 200);
      assertThat(HttpJson.parse(stream.next("notification").data()).get("title").asString())
          .isEqualTo("Kudos Giver started following you");
      Reply workout =
          http.post(
              "/api/v1/workouts",
              owner,
              object(
                  "sport",
                  "run",
                  "startTime",
                  "2026-06-02T06:30:00Z",
                  "durationSeconds",
                  1800,
                  "visibility",
                  "public"));
      String kudos =
          "/api/v1/social/workouts/" + workout.json().get("id").asString() + "/kudos/mine";
      await()
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(100))
          .until(() -> http.put(kudos, fan, null).status() == 204);
      assertThat(HttpJson.parse(stream.next("notification").data()).get("title").asString())
          .isEqualTo("Kudos Giver gave kudos to your workout");
    }
    Reply inbox = http.get("/api/v1/notifications", owner);
    assertThat(inbox.json().get("items")).hasSize(2);
    assertThat(http.get("/api/v1/notifications/unread-count", owner).json().get("unread").asLong())
        .isEqualTo(2);
    assertThat(http.post("/api/v1/notifications/read-all", owner, null).status()).isEqualTo(204);
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> emailStatus(ownerId, "verify-email").equals("SENT"));
  }

  @Test
  @Order(7)
  void aClubOwnersChallengeIsJoinedByAMemberWhoseWorkoutCompletesItAndLeadsItsBoard() {
    String scopes =
        "profile:read workouts:write social:read social:write gamification:read gamification:write";
    String owner = signedInAthlete("Club Captain", scopes);
    String member = signedInAthlete("Club Member", scopes);
    String stranger = signedInAthlete("Not A Member", scopes);
    String memberId = OAuthFlows.claims(member).get("uid").asString();
    awaitProfile(owner);
    awaitProfile(member);
    awaitProfile(stranger);
    Reply[] club = new Reply[1];
    await() // social-service serves clubs once its region copy is loaded
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () ->
                (club[0] =
                            http.post(
                                "/api/v1/social/clubs",
                                owner,
                                object("name", "Challenge Crew", "sport", "run", "region", "GB")))
                        .status()
                    == 201);
    String clubId = club[0].json().get("clubId").asString();
    assertThat(http.put("/api/v1/social/clubs/" + clubId + "/members/me", member, null).status())
        .isEqualTo(200);
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    var challenge =
        object(
            "title", "Crew 5 km",
            "goal", "distance",
            "target", 5000,
            "sport", "run",
            "timeZone", "Europe/London",
            "startsOn", today.minusDays(7).toString(),
            "endsOn", today.plusDays(30).toString(),
            "scope", "club",
            "clubId", clubId);
    Reply[] created = new Reply[1];
    // gamification-service learns the owner's role from social-service's ClubRoleChanged
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(200))
        .untilAsserted(
            () -> {
              created[0] = http.post("/api/v1/gamification/challenges", owner, challenge);
              assertThat(created[0].status()).as(created[0].body()).isEqualTo(201);
            });
    String path = "/api/v1/gamification/challenges/" + created[0].json().get("id").asString();
    assertThat(http.post("/api/v1/gamification/challenges", member, challenge).status())
        .as("a member who is not the club's owner or admin may not create its challenges")
        .isEqualTo(403);
    assertThat(http.get(path, stranger).status())
        .as("a club's challenge is hidden from people outside the club")
        .isEqualTo(404);
    Reply[] joined = new Reply[1];
    await() // the membership reaches gamification-service as ClubJoined
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> (joined[0] = http.put(path + "/participants/me", member, null)).status() == 200);
    assertThat(joined[0].json().get("completed").asBoolean()).isFalse();

    Reply workout =
        http.post(
            "/api/v1/workouts",
            member,
            object(
                "sport",
                "run",
                "startTime",
                Instant.now().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS).toString(),
                "durationSeconds",
                1800,
                "distanceMeters",
                6000,
                "visibility",
                "public"));
    assertThat(workout.status()).as(workout.body()).isEqualTo(201);
    Reply[] progress = new Reply[1];
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () ->
                (progress[0] = http.get(path + "/participants/me", member))
                    .json()
                    .get("completed")
                    .asBoolean());
    assertThat(progress[0].json().get("progress").asLong()).isEqualTo(6000);
    assertThat(progress[0].json().get("completedWorkoutId").asString())
        .isEqualTo(workout.json().get("id").asString());
    JsonNode board = http.get(path + "/leaderboard", owner).json();
    assertThat(board.get("participants").asLong()).isEqualTo(1);
    assertThat(board.get("entries").get(0).get("athleteId").asString()).isEqualTo(memberId);
    assertThat(board.get("entries").get(0).get("score").asLong()).isEqualTo(6000);
    assertThat(board.path("me").isNull() || board.path("me").isMissingNode())
        .as("the owner did not join, so has no place on the board")
        .isTrue();
  }

  @Test
  @Order(7)
  void
      aFriendOfAFriendAndAClubOfMyRegionAreSuggestedWithWhyADismissalHidesOneAndTodaysTrainingIsAnswered() {
    String scopes =
        "profile:read profile:write social:read social:write recommendations:read"
            + " recommendations:write";
    String me = signedInAthlete("Suggested To", scopes);
    String friend = signedInAthlete("Their Friend", scopes);
    String theirs = signedInAthlete("Friend Of A Friend", scopes);
    String friendId = OAuthFlows.claims(friend).get("uid").asString();
    String theirsId = OAuthFlows.claims(theirs).get("uid").asString();
    for (String token : List.of(me, friend, theirs)) {
      awaitProfile(token);
      assertThat(http.patch("/api/v1/profiles/me", token, object("region", "NL")).status())
          .isEqualTo(200);
    }
    follow(me, friendId);
    follow(friend, theirsId);
    Reply[] club = new Reply[1];
    await() // social-service serves clubs once its region copy is loaded
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () ->
                (club[0] =
                            http.post(
                                "/api/v1/social/clubs",
                                theirs,
                                object("name", "Amstel Striders", "sport", "run", "region", "NL")))
                        .status()
                    == 201);
    String clubId = club[0].json().get("clubId").asString();

    // recommendation-service recomputes my lists from Followed, ProfileUpdated and ClubUpdated
    String people = "/api/v1/recommendations/people";
    JsonNode[] suggested = new JsonNode[1];
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> (suggested[0] = first(http.get(people, me), "athleteId", theirsId)) != null);
    assertThat(suggested[0].get("reasons").get(0).get("text").asString())
        .isEqualTo("1 friend in common");
    assertThat(http.get(people, me).body())
        .as("never someone I already follow")
        .doesNotContain(friendId);
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> first(http.get("/api/v1/recommendations/clubs", me), "clubId", clubId) != null);

    assertThat(http.put(people + "/" + theirsId + "/dismissal", me, null).status()).isEqualTo(204);
    assertThat(http.get(people, me).body())
        .as("a dismissal hides them at once, before the list is recomputed")
        .doesNotContain(theirsId);

    Reply today = http.get("/api/v1/recommendations/training/today", me);
    assertThat(today.status()).as(today.body()).isEqualTo(200);
    assertThat(today.json().get("suggestion").asString()).isIn("rest", "easy", "steady");
    assertThat(today.json().get("reasons").size()).isPositive();
    Reply answered =
        http.put(
            "/api/v1/recommendations/training/" + today.json().get("day").asString() + "/answer",
            me,
            object(
                "suggestion", today.json().get("suggestion").asString(), "response", "not-today"));
    assertThat(answered.status()).as(answered.body()).isEqualTo(200);
    String before = today.json().get("suggestion").asString();
    if (!before.equals("rest")) {
      assertThat(answered.json().get("suggestion").asString())
          .as("\"not today\" makes today's suggestion lighter")
          .isNotEqualTo(before);
      assertThat(answered.json().get("reasons").get(0).get("code").asString())
          .isEqualTo("not-today");
    }
    assertThat(http.get("/api/v1/recommendations/training/today", me).json().get("suggestion"))
        .isEqualTo(answered.json().get("suggestion"));
    assertThat(http.put(people + "/" + UUID.randomUUID() + "/dismissal", me, null).status())
        .as("only someone suggested to me can be dismissed")
        .isEqualTo(404);
  }

  /** How many athletes' recommendation lists wait to be recomputed. */
  private static long recommendationsDue(javax.sql.DataSource database) throws Exception {
    try (var connection = database.getConnection();
        var statement = connection.createStatement();
        var rows =
            statement.executeQuery(
                "select count(*) from recommendation.refresh where due_at is not null")) {
      rows.next();
      return rows.getLong(1);
    }
  }

  /** Follows a public account (social-service answers once it has both profiles). */
  private static void follow(String token, String userId) {
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> http.put("/api/v1/social/following/" + userId, token, null).status() == 200);
  }

  /** The first item of a page whose field has the value, or null. */
  private static JsonNode first(Reply page, String field, String value) {
    for (JsonNode item : page.json().path("items")) {
      if (value.equals(item.path(field).asString())) {
        return item;
      }
    }
    return null;
  }

  /** How notification-service's email of this kind to the user went (empty while none). */
  private static String emailStatus(String userId, String kind) throws Exception {
    try (var connection = stack.postgres().dataSource().getConnection();
        var statement =
            connection.prepareStatement(
                "select status from notification.delivery where user_id = ?::uuid and kind = ?")) {
      statement.setString(1, userId);
      statement.setString(2, kind);
      var rows = statement.executeQuery();
      return rows.next() ? rows.getString(1) : "";
    }
  }

  @Test
  @Order(7)
  void aFollowerApprovedByAPrivateAccountSeesItsFollowersOnlyWorkoutAndFeedUntilTheyAreBlocked() {
    String scopes =
        "openid profile:read profile:write workouts:read workouts:write social:read social:write";
    String owner = signedInAthlete("Private Owner", scopes);
    String fan = signedInAthlete("Approved Fan", scopes);
    String ownerId = OAuthFlows.claims(owner).get("uid").asString();
    String fanId = OAuthFlows.claims(fan).get("uid").asString();
    awaitProfile(owner);
    awaitProfile(fan);
    assertThat(
            http.patch("/api/v1/profiles/me", owner, object("accountPrivacy", "PRIVATE")).status())
        .isEqualTo(200);
    Reply[] asked = new Reply[1];
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> {
              asked[0] = http.put("/api/v1/social/following/" + ownerId, fan, null);
              return asked[0].status() == 200
                  && asked[0].json().get("status").asString().equals("REQUESTED");
            });
    assertThat(
            http.put("/api/v1/social/follow-requests/" + fanId + "/approval", owner, null).status())
        .isEqualTo(204);
    Reply workout =
        http.post(
            "/api/v1/workouts",
            owner,
            object(
                "sport",
                "ride",
                "startTime",
                "2026-06-01T06:30:00Z",
                "durationSeconds",
                3600,
                "visibility",
                "followers"));
    assertThat(workout.status()).as(workout.body()).isEqualTo(201);
    String path = "/api/v1/workouts/" + workout.json().get("id").asString();

    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> http.get(path, fan).status() == 200);
    String workoutId = workout.json().get("id").asString();
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> http.get("/api/v1/social/feed", fan).body().contains(workoutId));
    String social = "/api/v1/social/workouts/" + workoutId;
    assertThat(http.put(social + "/kudos/mine", fan, null).status()).isEqualTo(204);
    Reply comment = http.post(social + "/comments", fan, object("text", "Strong ride!"));
    assertThat(comment.status()).as(comment.body()).isEqualTo(201);
    JsonNode ownersItem = http.get("/api/v1/social/feed", owner).json().get("items").get(0);
    assertThat(ownersItem.get("kudosCount").asLong()).isEqualTo(1);
    assertThat(ownersItem.get("commentCount").asLong()).isEqualTo(1);
    assertThat(http.put("/api/v1/social/blocks/" + fanId, owner, null).status()).isEqualTo(204);
    assertThat(http.get("/api/v1/social/feed", fan).body())
        .as("a block takes the owner out of the fan's feed at once")
        .doesNotContain(workoutId);
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> http.get(path, fan).status() == 404);
    assertThat(http.get("/api/v1/social/athletes/" + ownerId, fan).status()).isEqualTo(404);
  }

  @Test
  @Order(7)
  void anAdminsCampaignCodeIsRedeemedOnceByAnAthleteInItsRegionWhoIsToldOfTheReward() {
    String admin = verifiedAdmin();
    String athlete =
        signedInAthlete(
            "Promo Athlete",
            "profile:read profile:write promo:read promo:write notifications:read");
    awaitProfile(athlete);
    assertThat(http.patch("/api/v1/profiles/me", athlete, object("region", "DE")).status())
        .isEqualTo(200);
    LocalDateTime now = LocalDateTime.now(ZoneId.of("Europe/Berlin")).withNano(0);
    Reply created =
        http.post(
            "/api/v1/promo/admin/campaigns",
            admin,
            object(
                "name", Map.of("en", "Spring into running"),
                "description", Map.of("en", "A month of premium for the first hundred"),
                "window",
                    object(
                        "starts", now.minusHours(1).toString(),
                        "ends", now.plusDays(30).toString(),
                        "timeZone", "Europe/Berlin"),
                "regions", List.of("DE"),
                "budget", object("rewards", 100),
                "rules", List.of(),
                "reward", object("kind", "premium-days", "days", 30),
                "perAthlete", 1));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String campaign = created.json().get("id").asString();
    String admins = "/api/v1/promo/admin/campaigns/" + campaign;
    assertThat(http.post(admins + "/publish", admin, Map.of()).status()).isEqualTo(200);
    Reply code =
        http.post(
            admins + "/codes", admin, object("kind", "shared", "code", "SPRINGRUN26", "cap", 10));
    assertThat(code.status()).as(code.body()).isEqualTo(201);
    // an athlete is refused admin work, whatever their scopes
    assertThat(http.post(admins + "/pause", athlete, Map.of()).status()).isEqualTo(403);

    // promo-service learns the athlete's region from ProfileUpdated
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () ->
                http.get("/api/v1/promo/campaigns/" + campaign, athlete)
                    .json()
                    .path("eligible")
                    .asBoolean());
    String key = UUID.randomUUID().toString();
    // case, spaces and dashes do not matter
    Reply redeemed = redeem(athlete, "spring run-26", key);
    Reply retried = redeem(athlete, "SPRINGRUN26", key);
    Reply again = redeem(athlete, "SpringRun26", UUID.randomUUID().toString());

    assertThat(redeemed.status()).as(redeemed.body()).isEqualTo(201);
    assertThat(redeemed.json().get("reward").get("days").asInt()).isEqualTo(30);
    assertThat(retried.status()).isEqualTo(201);
    assertThat(retried.json().get("id")).isEqualTo(redeemed.json().get("id"));
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json().get("type").asString()).endsWith("promo-already-redeemed");
    assertThat(http.get("/api/v1/promo/me/premium", athlete).json().get("active").asBoolean())
        .isTrue();
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () ->
                http.get("/api/v1/notifications", athlete)
                    .json()
                    .get("items")
                    .valueStream()
                    .anyMatch(item -> item.get("type").asString().equals("reward")));
    Reply report = http.get(admins + "/report", admin);
    assertThat(report.json().get("granted").asInt()).isEqualTo(1);
    assertThat(report.json().get("redeemed").asInt()).isEqualTo(1);
    assertThat(report.json().get("rewardsLeft").asInt()).isEqualTo(99);
  }

  private static Reply redeem(String athlete, String code, String idempotencyKey) {
    return http.send(
        http.request("/api/v1/promo/redemptions", athlete)
            .header("Content-Type", "application/json")
            .header("Idempotency-Key", idempotencyKey)
            .POST(
                java.net.http.HttpRequest.BodyPublishers.ofString(
                    HttpJson.toJson(object("code", code))))
            .build());
  }

  /**
   * The administrator: registered with the address on STRIDE_AUTH_ADMINS, verified through the link
   * auth-service sends (only a verified address gets the role, ADR 0030), signed in.
   */
  private static String verifiedAdmin() {
    String link =
        accountEmail(
                PROMO_ADMIN,
                "EmailVerificationRequested",
                () -> {
                  Reply registered =
                      http.post(
                          "/api/v1/accounts",
                          null,
                          object(
                              "email", PROMO_ADMIN,
                              "password", PASSWORD,
                              "displayName", "Promo Admin"));
                  assertThat(registered.status()).as(registered.body()).isEqualTo(202);
                })
            .get("verifyUrl")
            .asString();
    BrowserSession browser = new BrowserSession(gateway);
    HttpResponse<String> page =
        browser.follow(browser.get(link.replaceFirst("^https?://[^/]+", "")));
    assertThat(browser.follow(browser.submit(page, "Confirm my email address")).statusCode())
        .isEqualTo(200);
    String token =
        oauth
            .signInWithMobileApp(PROMO_ADMIN, PASSWORD, "promo:read promo:write")
            .get("access_token")
            .asString();
    assertThat(OAuthFlows.claims(token).path("roles").toString()).contains("ADMIN");
    return token;
  }

  @Test
  @Order(8)
  void athleteDeletesTheirAccountAndEveryServiceErasesThem() {
    String email = register("Leaving Athlete");
    String token =
        oauth
            .signInWithMobileApp(
                email,
                PASSWORD,
                "openid account:manage profile:read profile:write workouts:read workouts:write")
            .get("access_token")
            .asString();
    UUID userId = UUID.fromString(OAuthFlows.claims(token).get("uid").asString());
    awaitProfile(token);
    assertThat(http.patch("/api/v1/profiles/me", token, object("weightKg", 64.0)).status())
        .isEqualTo(200);
    Reply workout =
        http.post(
            "/api/v1/workouts",
            token,
            object("sport", "run", "startTime", "2026-05-01T06:30:00Z", "durationSeconds", 1800));
    assertThat(workout.status()).as(workout.body()).isEqualTo(201);

    Reply wrong =
        http.post("/api/v1/accounts/me/deletion", token, object("password", "not the password"));
    assertThat(wrong.status()).isEqualTo(403);
    Reply deleted = http.post("/api/v1/accounts/me/deletion", token, object("password", PASSWORD));
    assertThat(deleted.status()).as(deleted.body()).isEqualTo(204);

    var database = stack.postgres().dataSource();
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(200))
        .untilAsserted(
            () -> {
              Erasure.assertNoRowsOf(database, "profile", userId);
              Erasure.assertNoRowsOf(database, "workout", userId);
              Erasure.assertNoRowsOf(database, "social", userId);
              Erasure.assertNoRowsOf(database, "promo", userId);
              Erasure.assertNoRowsOf(database, "gamification", userId);
              Erasure.assertNoRowsOf(database, "analytics", userId);
            });
    Erasure.assertNoRowsOf(database, "auth", userId, Set.of("outbox_event"));
    BrowserSession browser = new BrowserSession(gateway);
    assertThat(BrowserSession.location(browser.signIn(email, PASSWORD))).endsWith("/login?error");
  }

  @Test
  @Order(10)
  void whileRegionServiceIsDownProfilesStillCheckRegionsAgainstTheirCopy() {
    String athlete = signedInAthlete("Region Offline", "profile:read profile:write");
    awaitProfile(athlete);
    stack.stopService("region-service");

    // a client asking for a fresh answer: the gateway may have just kept one for a second
    Reply regions =
        http.send(
            http.request("/api/v1/regions/DE", null).header("Cache-Control", "no-cache").build());
    assertThat(regions.status()).as("the gateway's answer for a service down").isEqualTo(503);
    Reply moved = http.patch("/api/v1/profiles/me", athlete, object("region", "DE-BE"));
    assertThat(moved.status()).as(moved.body()).isEqualTo(200);
    assertThat(
            firstRefusedField(
                http.patch("/api/v1/profiles/me", athlete, object("region", "DE-QQ"))))
        .as("a region region-service does not have")
        .isEqualTo("region");
  }

  @Test
  @Order(11) // region-service is still down: the drill after this one starts it again
  void whenProfileServiceIsDownTheGatewayAnswersAFast503Problem() {
    String email = register("Service Down");
    String token =
        oauth.signInWithMobileApp(email, PASSWORD, "profile:read").get("access_token").asString();
    awaitProfile(token);
    stack.stopService("profile-service");

    long started = System.nanoTime();
    Reply reply = http.get("/api/v1/profiles/me", token);
    long millis = (System.nanoTime() - started) / 1_000_000;

    assertThat(reply.status()).isEqualTo(503);
    assertThat(reply.contentType()).startsWith("application/problem+json");
    assertThat(millis).isLessThan(2_000);
  }

  @Test
  @Order(12) // the services the tests before stopped run again first
  void aBackupRestoredToTheMomentBeforeEverySchemaWasDroppedGivesBackEveryRowAndServiceHealth()
      throws Exception {
    stack.startService("profile-service");
    String token =
        signedInAthlete("Backup Keeper", "profile:read profile:write workouts:read workouts:write");
    awaitProfile(token);
    // restarted while region-service is down: its region copy comes back from the state topic
    HttpJson profileService =
        new HttpJson("http://127.0.0.1:" + stack.config().portOf("profile-service"));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                profileService
                    .get("/actuator/regions", null)
                    .json()
                    .get("caughtUpWithTopic")
                    .asBoolean());
    assertThat(profileService.get("/actuator/regions", null).json().get("warmedAt").isNull())
        .as("not from the read API: region-service is down")
        .isTrue();
    Reply regional = http.patch("/api/v1/profiles/me", token, object("region", "DE-BY"));
    assertThat(regional.status()).as(regional.body()).isEqualTo(200);
    stack.startService("region-service");
    Reply workout =
        http.post(
            "/api/v1/workouts",
            token,
            object("sport", "ride", "startTime", "2026-06-01T07:00:00Z", "durationSeconds", 3600));
    assertThat(workout.status()).as(workout.body()).isEqualTo(201);
    List<String> schemas =
        stack.config().catalog().services().stream().map(Service::schema).toList();
    var database = stack.postgres().dataSource();
    // the events of this journey delivered: the data stops changing
    var settled =
        new java.util.concurrent.atomic.AtomicReference<Map<String, DatabaseFingerprint.Table>>();
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> {
              Map<String, DatabaseFingerprint.Table> now =
                  DatabaseFingerprint.of(database, schemas);
              // recommendation-service recomputes lists a debounce after their events
              return now.equals(settled.getAndSet(now)) && recommendationsDue(database) == 0;
            });
    assertThat(DatabaseFingerprint.rowsPerSchema(settled.get()))
        .as("rows in every service's schema")
        .containsOnlyKeys(schemas)
        .allSatisfy((schema, rows) -> assertThat(rows).as(schema).isPositive());

    long backupStarted = System.nanoTime();
    var backup = stack.backUpDatabase(7);
    Duration backupTook = Duration.ofNanos(System.nanoTime() - backupStarted);
    java.time.Instant beforeTheAccident = java.time.Instant.now();
    Map<String, DatabaseFingerprint.Table> before = DatabaseFingerprint.of(database, schemas);
    try (var connection = database.getConnection();
        var statement = connection.createStatement()) {
      for (String schema : schemas) {
        statement.execute("drop schema " + schema + " cascade");
      }
    }
    assertThat(DatabaseFingerprint.of(database, schemas)).isEmpty();

    long restoreStarted = System.nanoTime();
    stack.restoreDatabase(backup, java.util.Optional.of(beforeTheAccident));
    Duration restoreTook = Duration.ofNanos(System.nanoTime() - restoreStarted);
    assertThat(DatabaseFingerprint.of(stack.postgres().dataSource(), schemas))
        .as("every table's rows and checksum as at the moment before the drop")
        .isEqualTo(before);
    long healthyStarted = System.nanoTime();
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(250))
        .untilAsserted(
            () -> {
              for (String service : stack.serviceNames()) {
                int port =
                    service.equals("gateway")
                        ? stack.config().gatewayManagementPort()
                        : stack.config().portOf(service);
                assertThat(
                        new HttpJson("http://127.0.0.1:" + port)
                            .get("/actuator/health/readiness", null)
                            .status())
                    .as(service + " ready")
                    .isEqualTo(200);
              }
              assertThat(http.get("/api/v1/workouts", token).status()).isEqualTo(200);
            });
    Duration healthyTook = Duration.ofNanos(System.nanoTime() - healthyStarted);
    System.out.printf(
        "restore drill: %d tables, %d rows; backup %.1f s (%s), restore to a point in time %.1f s,"
            + " services healthy %.1f s later%n",
        before.size(),
        before.values().stream().mapToLong(DatabaseFingerprint.Table::rows).sum(),
        backupTook.toMillis() / 1000.0,
        backup.name(),
        restoreTook.toMillis() / 1000.0,
        healthyTook.toMillis() / 1000.0);
  }

  /** A new athlete's access token from the mobile app's sign-in, with {@code scopes}. */
  private static String signedInAthlete(String name, String scopes) {
    return oauth
        .signInWithMobileApp(register(name), PASSWORD, scopes)
        .get("access_token")
        .asString();
  }

  /** The generated client, told only where Stride is and which access token to send. */
  private static ApiClient generatedClient(String token) {
    ApiClient client = new ApiClient();
    client.updateBaseUri(gateway);
    if (token != null) {
      client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
    }
    return client;
  }

  @Test
  @Order(9) // while every service runs (the next test stops one)
  void everyDashboardPanelsQueryParsesAndReturnsDataFromALivePrometheus() throws Exception {
    if (!LocalPrometheus.installed()) {
      MissingTool.skipOrFail(
          "The dashboard queries need Prometheus (Debian: apt-get install prometheus)",
          "STRIDE_PROMETHEUS_TESTS");
    }
    List<String> services =
        stack.config().catalog().services().stream().map(Service::name).toList();
    List<Dashboards.Query> queries =
        Dashboards.queries(
            stack.config().repositoryRoot().resolve("observability/grafana/dashboards"), services);
    assertThat(queries).hasSizeGreaterThan(20);
    try (LocalPrometheus prometheus =
        LocalPrometheus.start(
            stack.config().dataDirectory().resolve("dashboard-prometheus"),
            LocalPrometheus.Options.scraping(
                stack.config().dataDirectory().resolve("prometheus/targets.json"), 1))) {
      prometheus.awaitTargetsUp(services.size() + 1, Duration.ofSeconds(60));
      // a short journey while it scrapes: a sign-in, reads and writes through the gateway
      String token =
          signedInAthlete("Dashboard Runner", "profile:read workouts:read workouts:write");
      await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofSeconds(1))
          .untilAsserted(
              () -> {
                http.get("/api/v1/profiles/me", token);
                http.get("/api/v1/workouts", token);
                http.get("/api/v1/regions/DE", null);
                assertThat(Dashboards.withoutData(prometheus, queries))
                    .as("panels without data")
                    .isEmpty();
              });
    }
  }

  @Test
  @Order(100)
  void theLogsOfTheWholeRunHoldNoTokenPasswordSecretEmailOrCoordinate() {
    List<String> secrets = new ArrayList<>(stack.secrets().values());
    secrets.add(PASSWORD);
    List<LogLeaks.Leak> leaks =
        LogLeaks.in(stack.config().dataDirectory().resolve("logs"), secrets);
    assertThat(leaks).as("log lines that give something away").isEmpty();
  }

  private static String register(String name) {
    String email = "user-" + UUID.randomUUID() + "@example.com";
    Reply reply =
        http.post(
            "/api/v1/accounts",
            null,
            object("email", email, "password", PASSWORD, "displayName", name));
    assertThat(reply.status()).as(reply.body()).isEqualTo(202);
    return email;
  }

  /** The default visibility workout-service holds for an athlete (from ProfileUpdated). */
  private static String workoutsDefaultVisibility(String athleteId) throws Exception {
    try (var connection = stack.postgres().dataSource().getConnection();
        var statement =
            connection.prepareStatement(
                "select default_visibility from workout.athlete where user_id = ?::uuid")) {
      statement.setString(1, athleteId);
      var rows = statement.executeQuery();
      return rows.next() ? rows.getString(1) : null;
    }
  }

  /** The field a 422's first error names. */
  private static String firstRefusedField(Reply refused) {
    assertThat(refused.status()).as(refused.body()).isEqualTo(422);
    return refused.json().get("errors").get(0).get("field").asString();
  }

  private static Reply awaitProfile(String token) {
    Reply[] last = new Reply[1];
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> (last[0] = http.get("/api/v1/profiles/me", token)).status() == 200);
    return last[0];
  }
}
