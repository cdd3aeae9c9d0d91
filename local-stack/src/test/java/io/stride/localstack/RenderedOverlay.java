package io.stride.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import io.stride.platform.test.ExternalCommand;
import io.stride.platform.test.MissingTool;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.yaml.snakeyaml.Yaml;

/**
 * One overlay of {@code k8s/} as {@code kubectl kustomize} renders it, keyed {@code Kind/name}
 * (names are unique per kind across Stride's namespaces and its part of {@code monitoring}).
 * Rendered once per overlay and test run: the manifest tests ask for the same overlays many times.
 * Without kubectl the test is skipped, or fails where {@value #REQUIRED}{@code =required} ({@code
 * .ci/run}).
 */
final class RenderedOverlay {

  static final Path K8S = Path.of("..").toAbsolutePath().normalize().resolve("k8s");

  /** Every overlay the tests render; a new overlay is added here and in ADR 0018. */
  static final List<String> OVERLAYS =
      List.of("overlays/dev", "overlays/prod", "overlays/prod-standby");

  /**
   * Kinds without a namespace. Everything else is in Stride's namespaces or, for the log and trace
   * collection (k8s/monitoring), in {@code monitoring}, which ops own.
   */
  private static final Set<String> CLUSTER_SCOPED =
      Set.of("Namespace", "ClusterRole", "ClusterRoleBinding");

  private static final String REQUIRED = "STRIDE_KUBECTL_TESTS";
  private static final Map<String, Map<String, Map<String, Object>>> RENDERED =
      new ConcurrentHashMap<>();

  private RenderedOverlay() {}

  static Map<String, Map<String, Object>> render(String overlay)
      throws IOException, InterruptedException {
    Map<String, Map<String, Object>> cached = RENDERED.get(overlay);
    if (cached != null) {
      return copy(cached);
    }
    if (!kubectlAvailable()) {
      MissingTool.skipOrFail("kubectl with kustomize is not installed", REQUIRED);
    }
    ExternalCommand.Result rendered =
        ExternalCommand.run(
            null, Duration.ofMinutes(2), "kubectl", "kustomize", K8S.resolve(overlay).toString());
    assertThat(rendered.succeeded())
        .as("kubectl kustomize %s: %s", overlay, rendered.describe())
        .isTrue();
    String yaml = rendered.output();
    Map<String, Map<String, Object>> objects = new LinkedHashMap<>();
    for (Object document : new Yaml().loadAll(yaml)) {
      if (document instanceof Map<?, ?> object) {
        @SuppressWarnings("unchecked")
        Map<String, Object> typed = (Map<String, Object>) object;
        @SuppressWarnings("unchecked")
        Map<String, Object> metadata = (Map<String, Object>) typed.get("metadata");
        String key = typed.get("kind") + "/" + metadata.get("name");
        assertThat(objects).as("%s once in %s", key, overlay).doesNotContainKey(key);
        objects.put(key, typed);
        if (CLUSTER_SCOPED.contains(String.valueOf(typed.get("kind")))) {
          assertThat(metadata).as("namespace of " + key).doesNotContainKey("namespace");
        } else {
          assertThat(String.valueOf(metadata.get("namespace")))
              .as("namespace of " + key)
              .isIn("stride", "stride-edge", "monitoring");
        }
      }
    }
    RENDERED.put(overlay, objects);
    return copy(objects);
  }

  /**
   * A deep copy, so a test that changes an object (to prove a check bites) changes only its own.
   */
  @SuppressWarnings("unchecked")
  private static <T> T copy(T value) {
    if (value instanceof Map<?, ?> map) {
      Map<Object, Object> copied = new LinkedHashMap<>();
      map.forEach((key, item) -> copied.put(key, copy(item)));
      return (T) copied;
    }
    if (value instanceof List<?> list) {
      List<Object> copied = new ArrayList<>();
      list.forEach(item -> copied.add(copy(item)));
      return (T) copied;
    }
    return value;
  }

  private static boolean kubectlAvailable() {
    return ExternalCommand.answers("kubectl", "kustomize", "--help");
  }
}
