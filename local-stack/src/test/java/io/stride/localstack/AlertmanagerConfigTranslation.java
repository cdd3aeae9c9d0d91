package io.stride.localstack;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * observability/alertmanager/alertmanager.yml (compose's Alertmanager) translated into the spec of
 * the Prometheus Operator's {@code AlertmanagerConfig} (v1alpha1), the way {@code
 * k8s/base/alertmanager-config.yaml} states it: the same route tree, inhibitions and receivers in
 * the CR's spelling; every route and inhibition target confined to Stride's alerts ({@link
 * #STRIDE_ALERTS}); a secret file {@code /run/secrets/alertmanager-<key>} becomes key {@code <key>}
 * of the Secret {@value #SECRET}; {@code global} and {@code templates} stay the cluster
 * Alertmanager's. A field this does not know fails, so a change in the file cannot pass unseen.
 */
final class AlertmanagerConfigTranslation {

  static final String SECRET = "stride-alertmanager";
  static final Map<String, Object> STRIDE_ALERTS = matcher("alertname", "=~", "Stride.+");

  private static final String SECRET_FILE = "/run/secrets/alertmanager-";
  private static final Pattern MATCHER = Pattern.compile("(\\w+)(=~|!~|!=|=)\"(.*)\"");
  private static final Set<String> TOP_LEVEL =
      Set.of("global", "templates", "route", "inhibit_rules", "receivers");

  private AlertmanagerConfigTranslation() {}

  static Map<String, Object> spec(Map<String, Object> alertmanager) {
    for (String key : alertmanager.keySet()) {
      require(TOP_LEVEL.contains(key), "top-level " + key);
    }
    Map<String, Object> spec = new LinkedHashMap<>();
    Map<String, Object> route = route(map(alertmanager.get("route")));
    List<Object> matchers = new ArrayList<>(list(route.getOrDefault("matchers", List.of())));
    matchers.add(STRIDE_ALERTS);
    route.put("matchers", matchers);
    spec.put("route", route);
    List<Object> inhibitions = new ArrayList<>();
    for (Object rule : list(alertmanager.getOrDefault("inhibit_rules", List.of()))) {
      inhibitions.add(inhibition(map(rule)));
    }
    spec.put("inhibitRules", inhibitions);
    List<Object> receivers = new ArrayList<>();
    for (Object receiver : list(alertmanager.get("receivers"))) {
      receivers.add(receiver(map(receiver)));
    }
    spec.put("receivers", receivers);
    return spec;
  }

  private static Map<String, Object> route(Map<String, Object> route) {
    Map<String, Object> translated = new LinkedHashMap<>();
    route.forEach(
        (key, value) -> {
          switch (key) {
            case "receiver",
                "group_by",
                "group_wait",
                "group_interval",
                "repeat_interval",
                "continue" ->
                translated.put(camel(key), value);
            case "matchers" -> translated.put("matchers", matchers(value));
            case "routes" -> {
              List<Object> routes = new ArrayList<>();
              list(value).forEach(child -> routes.add(route(map(child))));
              translated.put("routes", routes);
            }
            default -> require(false, "route field " + key);
          }
        });
    return translated;
  }

  private static Map<String, Object> inhibition(Map<String, Object> rule) {
    Map<String, Object> translated = new LinkedHashMap<>();
    rule.forEach(
        (key, value) -> {
          switch (key) {
            case "source_matchers" -> translated.put("sourceMatch", matchers(value));
            case "target_matchers" -> {
              List<Object> targets = new ArrayList<>(matchers(value));
              targets.add(STRIDE_ALERTS);
              translated.put("targetMatch", targets);
            }
            case "equal" -> translated.put("equal", value);
            default -> require(false, "inhibit rule field " + key);
          }
        });
    return translated;
  }

  private static Map<String, Object> receiver(Map<String, Object> receiver) {
    Map<String, Object> translated = new LinkedHashMap<>();
    receiver.forEach(
        (key, value) -> {
          if (key.equals("name")) {
            translated.put("name", value);
          } else {
            require(key.endsWith("_configs"), "receiver field " + key);
            String kind = key.substring(0, key.length() - "_configs".length());
            List<Object> configs = new ArrayList<>();
            list(value).forEach(config -> configs.add(integration(map(config))));
            translated.put(kind.equals("pagerduty") ? "pagerdutyConfigs" : camel(key), configs);
          }
        });
    return translated;
  }

  /**
   * One integration's settings: plain values renamed, details as key/value pairs, files as refs.
   */
  private static Map<String, Object> integration(Map<String, Object> config) {
    Map<String, Object> translated = new LinkedHashMap<>();
    config.forEach(
        (key, value) -> {
          if (key.endsWith("_file")) {
            String file = String.valueOf(value);
            require(file.startsWith(SECRET_FILE), "secret file " + file);
            String field = key.equals("api_url_file") ? "apiURL" : camel(key.replace("_file", ""));
            translated.put(
                field, Map.of("name", SECRET, "key", file.substring(SECRET_FILE.length())));
          } else if (key.equals("details")) {
            List<Object> pairs = new ArrayList<>();
            map(value).forEach((name, text) -> pairs.add(Map.of("key", name, "value", text)));
            translated.put("details", pairs);
          } else {
            require(
                value instanceof String || value instanceof Boolean, "integration field " + key);
            translated.put(camel(key), value);
          }
        });
    return translated;
  }

  private static List<Object> matchers(Object matchers) {
    List<Object> translated = new ArrayList<>();
    for (Object matcher : list(matchers)) {
      Matcher parsed = MATCHER.matcher(String.valueOf(matcher));
      require(parsed.matches(), "matcher " + matcher);
      translated.add(matcher(parsed.group(1), parsed.group(2), parsed.group(3)));
    }
    return translated;
  }

  private static Map<String, Object> matcher(String name, String type, String value) {
    Map<String, Object> matcher = new LinkedHashMap<>();
    matcher.put("name", name);
    matcher.put("matchType", type);
    matcher.put("value", value);
    return matcher;
  }

  private static String camel(String snake) {
    StringBuilder camel = new StringBuilder();
    boolean upper = false;
    for (char c : snake.toCharArray()) {
      if (c == '_') {
        upper = true;
      } else {
        camel.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return camel.toString();
  }

  private static void require(boolean known, String what) {
    if (!known) {
      throw new IllegalArgumentException(
          what + " is not translated into the AlertmanagerConfig: extend the translation");
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return (Map<String, Object>) value;
  }

  private static List<?> list(Object value) {
    return (List<?>) value;
  }
}
