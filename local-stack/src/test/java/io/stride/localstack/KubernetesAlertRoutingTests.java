package io.stride.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.yaml.snakeyaml.Yaml;

/**
 * Stride's alert routing on Kubernetes (ADR 0018, issue #10): the {@code AlertmanagerConfig} every
 * overlay renders is observability/alertmanager/alertmanager.yml translated ({@link
 * AlertmanagerConfigTranslation}), so compose's file stays the one source; its credentials come
 * from the installer's Secret; every template it calls is defined in stride.tmpl.
 */
class KubernetesAlertRoutingTests {

  private static final List<String> OVERLAYS = RenderedOverlay.OVERLAYS;
  private static final Path ALERTMANAGER =
      Path.of("..").toAbsolutePath().normalize().resolve("observability/alertmanager");

  @ParameterizedTest
  @FieldSource("OVERLAYS")
  void theAlertmanagerConfigIsComposesAlertmanagerFileTranslated(String overlay) throws Exception {
    Map<String, Object> config = RenderedOverlay.render(overlay).get("AlertmanagerConfig/stride");
    assertThat(config).as("AlertmanagerConfig stride in " + overlay).isNotNull();
    assertThat(config.get("spec"))
        .as(
            "k8s/base/alertmanager-config.yaml translates observability/alertmanager/alertmanager.yml")
        .isEqualTo(AlertmanagerConfigTranslation.spec(composeFile()));
  }

  @Test
  void aChangedRouteInTheComposeFileNoLongerMatches() throws Exception {
    String changed =
        Files.readString(ALERTMANAGER.resolve("alertmanager.yml"))
            .replace("repeat_interval: 1h", "repeat_interval: 30m");
    Map<String, Object> config =
        RenderedOverlay.render("overlays/dev").get("AlertmanagerConfig/stride");
    assertThat(config.get("spec"))
        .isNotEqualTo(AlertmanagerConfigTranslation.spec(new Yaml().load(changed)));
  }

  @Test
  void refusesToTranslateAFieldItDoesNotKnow() throws Exception {
    Map<String, Object> file = composeFile();
    file.put("time_intervals", List.of());
    assertThatThrownBy(() -> AlertmanagerConfigTranslation.spec(file))
        .hasMessageContaining("time_intervals");
  }

  @Test
  void everyCredentialComesFromTheInstallersSecretAndEveryTemplateIsDefined() throws Exception {
    String rendered =
        new Yaml().dump(RenderedOverlay.render("overlays/prod").get("AlertmanagerConfig/stride"));
    Set<String> secrets = new TreeSet<>();
    Matcher ref = Pattern.compile("\\{key: ([\\w-]+), name: ([\\w-]+)}").matcher(rendered);
    while (ref.find()) {
      secrets.add(ref.group(2) + "/" + ref.group(1));
    }
    assertThat(secrets)
        .containsExactly(
            "stride-alertmanager/pagerduty-routing-key", "stride-alertmanager/slack-webhook-url");
    String templates = Files.readString(ALERTMANAGER.resolve("stride.tmpl"));
    Matcher called = Pattern.compile("template \"([\\w.]+)\"").matcher(rendered);
    int calls = 0;
    while (called.find()) {
      calls++;
      assertThat(templates).contains("define \"" + called.group(1) + "\"");
    }
    assertThat(calls).isPositive();
  }

  private static Map<String, Object> composeFile() throws Exception {
    return new Yaml().load(Files.readString(ALERTMANAGER.resolve("alertmanager.yml")));
  }
}
