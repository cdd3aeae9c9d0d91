package io.stride.workout.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.stride.platform.test.HttpJson;
import io.stride.platform.test.HttpJson.Reply;
import io.stride.platform.test.Multipart;
import io.stride.platform.test.TestTokens;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** Uploads through the import API as an athlete does, and waits for their outcome. */
/**
 * Uploads activity files through the API and waits for their outcome (tests of other packages too).
 */
public final class ImportUploads {

  private static final TestTokens tokens = TestTokens.get();

  private final HttpJson http;

  public ImportUploads(HttpJson http) {
    this.http = http;
  }

  public Reply upload(UUID athlete, String name, byte[] content, String sport) {
    return http.send(
        Multipart.fileUpload(
            http,
            "/api/v1/workouts/imports",
            tokens.forUser(athlete, "workouts:write"),
            name,
            content,
            sport == null ? Map.of() : Map.of("sport", sport)));
  }

  /** The import's page once it is no longer queued or processing. */
  public JsonNode awaitOutcome(UUID athlete, Reply accepted) {
    assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
    return awaitOutcome(athlete, UUID.fromString(accepted.json().get("id").asString()));
  }

  /** The page of import {@code importId} once it exists and is no longer queued or processing. */
  public JsonNode awaitOutcome(UUID athlete, UUID importId) {
    String path = "/api/v1/workouts/imports/" + importId;
    JsonNode[] last = new JsonNode[1];
    await()
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(50))
        .until(
            () -> {
              Reply page = http.get(path, reader(athlete));
              if (page.status() == 404) {
                return false; // a pushed file's import not created yet
              }
              last[0] = page.json();
              String status = last[0].get("status").asString();
              return !status.equals("queued") && !status.equals("processing");
            });
    return last[0];
  }

  /** A file of {@code src/test/resources/activity-files}. */
  public static byte[] fixture(String name) {
    try (InputStream in = ImportUploads.class.getResourceAsStream("/activity-files/" + name)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String reader(UUID user) {
    return tokens.forUser(user, "workouts:read", "workouts:write");
  }
}
