package io.stride.localstack;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the Prometheus Operator makes of a rendered overlay's PodMonitors, and what its
 * NetworkPolicies let in: for each Deployment the targets its pods become (the container port named
 * by a {@code podMetricsEndpoints} entry of a PodMonitor in the same namespace whose selector
 * matches the pod, with the labels its {@code relabelings} give) and the ports on which a pod of a
 * given namespace and labels may reach those pods (and, the other way, on which a workload's pods
 * may reach another's). Only what {@code k8s/} uses is understood ({@code matchLabels}, the {@code
 * replace} action); anything else fails loudly.
 */
final class ScrapeTargets {

  /** One scrape target: the container port number, the metrics path, the target's labels. */
  record Target(int port, String path, Map<String, String> labels) {}

  private ScrapeTargets() {}

  /** The targets of every Deployment that some PodMonitor scrapes, by Deployment name. */
  static Map<String, List<Target>> of(Map<String, Map<String, Object>> objects) {
    Map<String, List<Target>> targets = new TreeMap<>();
    for (Map<String, Object> monitor : ofKind(objects, "PodMonitor")) {
      Map<String, Object> spec = map(monitor, "spec");
      if (spec.get("namespaceSelector") != null) {
        throw new IllegalStateException("namespaceSelector is not understood: " + name(monitor));
      }
      for (Map<String, Object> deployment : ofKind(objects, "Deployment")) {
        Map<String, String> podLabels = podLabels(deployment);
        if (!namespace(deployment).equals(namespace(monitor))
            || !selects(map(spec, "selector"), podLabels)) {
          continue;
        }
        List<Map<String, Object>> endpoints = list(spec, "podMetricsEndpoints");
        for (int index = 0; index < endpoints.size(); index++) {
          Map<String, Object> endpoint = endpoints.get(index);
          Integer port = portNumber(deployment, String.valueOf(endpoint.get("port")));
          if (port == null) {
            continue; // the operator keeps only pods with a container port of that name
          }
          Map<String, String> labels = new LinkedHashMap<>();
          podLabels.forEach(
              (key, value) ->
                  labels.put(
                      "__meta_kubernetes_pod_label_" + key.replaceAll("[^a-zA-Z0-9_]", "_"),
                      value));
          labels.put("__meta_kubernetes_namespace", namespace(deployment));
          labels.put("job", namespace(monitor) + "/" + name(monitor));
          List<Map<String, Object>> relabelings =
              endpoint.get("relabelings") == null ? List.of() : list(endpoint, "relabelings");
          relabelings.forEach(relabeling -> relabel(relabeling, labels));
          labels.keySet().removeIf(label -> label.startsWith("__"));
          String path = Objects.toString(endpoint.get("path"), "/metrics");
          targets
              .computeIfAbsent(name(deployment), key -> new ArrayList<>())
              .add(new Target(port, path, labels));
        }
      }
    }
    return targets;
  }

  /**
   * The ports (numbers, or {@code all}) on which the NetworkPolicies selecting the Deployment's
   * pods admit a pod with these labels from a namespace with these labels.
   */
  static Set<String> admittedPorts(
      Map<String, Map<String, Object>> objects,
      Map<String, Object> deployment,
      Map<String, String> namespaceLabels,
      Map<String, String> podLabels) {
    Set<String> ports = new TreeSet<>();
    String sourceNamespace = namespaceLabels.get("kubernetes.io/metadata.name");
    for (Map<String, Object> policy : ofKind(objects, "NetworkPolicy")) {
      Map<String, Object> spec = map(policy, "spec");
      if (!namespace(policy).equals(namespace(deployment))
          || !selects(map(spec, "podSelector"), podLabels(deployment))
          || spec.get("ingress") == null) {
        continue;
      }
      for (Map<String, Object> rule : list(spec, "ingress")) {
        List<Map<String, Object>> from = rule.get("from") == null ? List.of() : list(rule, "from");
        boolean admitted =
            from.isEmpty()
                || from.stream()
                    .anyMatch(
                        peer ->
                            admits(
                                peer,
                                namespace(policy),
                                sourceNamespace,
                                namespaceLabels,
                                podLabels));
        if (admitted) {
          addPorts(rule, deployment, ports);
        }
      }
    }
    return ports;
  }

  /**
   * The ports (numbers, or {@code all}) on which the NetworkPolicies selecting the source
   * workload's pods let them out to the destination workload's pods, whose namespace has these
   * labels: the sending side, as {@link #admittedPorts} is the receiving one. A connection needs
   * both. Any workload with a pod template (a Deployment, a DaemonSet).
   */
  static Set<String> egressPorts(
      Map<String, Map<String, Object>> objects,
      Map<String, Object> source,
      Map<String, String> destinationNamespaceLabels,
      Map<String, Object> destination) {
    Set<String> ports = new TreeSet<>();
    for (Map<String, Object> policy : ofKind(objects, "NetworkPolicy")) {
      Map<String, Object> spec = map(policy, "spec");
      if (!namespace(policy).equals(namespace(source))
          || !selects(map(spec, "podSelector"), podLabels(source))
          || spec.get("egress") == null) {
        continue;
      }
      for (Map<String, Object> rule : list(spec, "egress")) {
        List<Map<String, Object>> to = rule.get("to") == null ? List.of() : list(rule, "to");
        boolean allowed =
            to.isEmpty()
                || to.stream()
                    .anyMatch(
                        peer ->
                            admits(
                                peer,
                                namespace(policy),
                                namespace(destination),
                                destinationNamespaceLabels,
                                podLabels(destination)));
        if (allowed) {
          addPorts(rule, destination, ports);
        }
      }
    }
    return ports;
  }

  /** A rule's ports, names resolved against the receiving workload's container ports. */
  private static void addPorts(
      Map<String, Object> rule, Map<String, Object> receiver, Set<String> ports) {
    if (rule.get("ports") == null) {
      ports.add("all");
      return;
    }
    for (Map<String, Object> port : list(rule, "ports")) {
      Object value = port.get("port");
      Integer number =
          value instanceof Integer literal ? literal : portNumber(receiver, String.valueOf(value));
      if (number != null) {
        ports.add(String.valueOf(number));
      }
    }
  }

  /** The container ports of the Deployment's pod template, as mutable maps. */
  static List<Map<String, Object>> containerPorts(Map<String, Object> deployment) {
    List<Map<String, Object>> ports = new ArrayList<>();
    for (Map<String, Object> container : list(podSpec(deployment), "containers")) {
      if (container.get("ports") != null) {
        ports.addAll(list(container, "ports"));
      }
    }
    return ports;
  }

  /** Whether a policy's peer (a {@code from} or a {@code to} entry) is a pod of these labels. */
  private static boolean admits(
      Map<String, Object> peer,
      String policyNamespace,
      String sourceNamespace,
      Map<String, String> namespaceLabels,
      Map<String, String> podLabels) {
    if (peer.get("ipBlock") != null) {
      return false; // pod addresses are not known here; Stride's policies admit no pod by address
    }
    Map<String, Object> namespaceSelector = map(peer, "namespaceSelector");
    Map<String, Object> podSelector = map(peer, "podSelector");
    boolean namespaceMatches =
        namespaceSelector == null
            ? policyNamespace.equals(sourceNamespace)
            : selects(namespaceSelector, namespaceLabels);
    return namespaceMatches && (podSelector == null || selects(podSelector, podLabels));
  }

  /** A label selector of {@code matchLabels} only: all of them on the labels. */
  private static boolean selects(Map<String, Object> selector, Map<String, String> labels) {
    if (selector.get("matchExpressions") != null) {
      throw new IllegalStateException("matchExpressions are not understood: " + selector);
    }
    Map<String, Object> matchLabels =
        selector.get("matchLabels") == null ? Map.of() : map(selector, "matchLabels");
    return matchLabels.entrySet().stream()
        .allMatch(entry -> String.valueOf(entry.getValue()).equals(labels.get(entry.getKey())));
  }

  /** Prometheus' {@code replace} relabelling (the default action). */
  private static void relabel(Map<String, Object> relabeling, Map<String, String> labels) {
    String action = Objects.toString(relabeling.get("action"), "replace").toLowerCase();
    if (!action.equals("replace")) {
      throw new IllegalStateException("relabel action " + action + " is not understood");
    }
    List<String> sources = new ArrayList<>();
    if (relabeling.get("sourceLabels") != null) {
      for (Object source : (List<?>) relabeling.get("sourceLabels")) {
        sources.add(labels.getOrDefault(String.valueOf(source), ""));
      }
    }
    String value = String.join(Objects.toString(relabeling.get("separator"), ";"), sources);
    Matcher matcher =
        Pattern.compile(Objects.toString(relabeling.get("regex"), "(.*)")).matcher(value);
    if (matcher.matches()) {
      String replaced = matcher.replaceFirst(Objects.toString(relabeling.get("replacement"), "$1"));
      String target = String.valueOf(relabeling.get("targetLabel"));
      if (replaced.isEmpty()) {
        labels.remove(target);
      } else {
        labels.put(target, replaced);
      }
    }
  }

  private static Integer portNumber(Map<String, Object> deployment, String name) {
    return containerPorts(deployment).stream()
        .filter(port -> name.equals(port.get("name")))
        .map(port -> (Integer) port.get("containerPort"))
        .findFirst()
        .orElse(null);
  }

  static Map<String, String> podLabels(Map<String, Object> deployment) {
    Map<String, String> labels = new LinkedHashMap<>();
    map(map(map(map(deployment, "spec"), "template"), "metadata"), "labels")
        .forEach((key, value) -> labels.put(key, String.valueOf(value)));
    return labels;
  }

  private static Map<String, Object> podSpec(Map<String, Object> deployment) {
    return map(map(map(deployment, "spec"), "template"), "spec");
  }

  private static List<Map<String, Object>> ofKind(
      Map<String, Map<String, Object>> objects, String kind) {
    return objects.values().stream().filter(object -> kind.equals(object.get("kind"))).toList();
  }

  private static String name(Map<String, Object> object) {
    return String.valueOf(map(object, "metadata").get("name"));
  }

  private static String namespace(Map<String, Object> object) {
    return String.valueOf(map(object, "metadata").get("namespace"));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Map<String, Object> parent, String key) {
    return (Map<String, Object>) parent.get(key);
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> list(Map<String, Object> parent, String key) {
    return (List<Map<String, Object>>) parent.get(key);
  }
}
