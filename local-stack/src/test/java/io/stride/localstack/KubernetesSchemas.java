package io.stride.localstack;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import io.kubernetes.client.openapi.JSON;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Strict schema validation of a rendered Kubernetes object, as {@code kubectl apply
 * --validate=strict} would do it against a cluster, without a cluster:
 *
 * <ul>
 *   <li>built-in kinds against the Kubernetes API models generated from Kubernetes' OpenAPI
 *       document (Kubernetes' {@code client-java-api}, pinned in the root pom to the Kubernetes
 *       version {@code k8s/} targets): an unknown field, a missing required field or a value of the
 *       wrong type (a quantity, a number) is an error;
 *   <li>custom resources against the {@code openAPIV3Schema} of their CRD, the upstream files of
 *       the operator versions {@code k8s/} targets (test resources {@code crds/}, see its README),
 *       made strict the way the API server prunes and {@code --validate=strict} rejects: an object
 *       schema with properties takes no other field unless it says {@code
 *       x-kubernetes-preserve-unknown-fields}; their {@code metadata} against ObjectMeta.
 * </ul>
 *
 * A kind with no schema here is itself an error, so a new kind needs its schema first.
 */
final class KubernetesSchemas {

  private static final String MODELS = "io.kubernetes.client.openapi.models.";

  /** API groups whose kinds are in Kubernetes' own OpenAPI document. */
  private static final Set<String> BUILT_IN_GROUPS =
      Set.of(
          "",
          "apps",
          "batch",
          "policy",
          "autoscaling",
          "networking.k8s.io",
          "rbac.authorization.k8s.io",
          "scheduling.k8s.io");

  /** The CRDs of the operators k8s/ targets (crds/README.md says where each comes from). */
  static final List<String> CRDS =
      List.of(
          "cnpg-1.30.0-clusters.yaml",
          "cnpg-1.30.0-databases.yaml",
          "cnpg-1.30.0-scheduledbackups.yaml",
          "barman-cloud-0.14.0-objectstores.yaml",
          "strimzi-0.49.1-kafka.yaml",
          "strimzi-0.49.1-kafkanodepool.yaml",
          "strimzi-0.49.1-kafkatopic.yaml",
          "strimzi-0.49.1-kafkauser.yaml",
          "strimzi-0.49.1-kafkamirrormaker2.yaml",
          "gateway-api-1.6.1-gateways.yaml",
          "gateway-api-1.6.1-httproutes.yaml",
          "prometheus-operator-0.93.0-podmonitors.yaml",
          "prometheus-operator-0.93.0-prometheusrules.yaml",
          "prometheus-operator-0.93.0-alertmanagerconfigs.yaml");

  private static final ObjectMapper JSON_MAPPER = JsonMapper.builder().build();
  private static final Gson GSON = new Gson();

  /** {@code group/version/Kind} to the strict schema of that version of the custom resource. */
  private final Map<String, Schema> customResources = new HashMap<>();

  KubernetesSchemas() {
    SchemaRegistry registry = SchemaRegistry.withDefaultDialect(Dialects.getDraft202012());
    Yaml yaml = new Yaml();
    for (String file : CRDS) {
      try (InputStream in = KubernetesSchemas.class.getResourceAsStream("/crds/" + file)) {
        if (in == null) {
          throw new IllegalStateException("missing test resource crds/" + file);
        }
        JsonNode crd = JSON_MAPPER.valueToTree(yaml.load(in));
        JsonNode spec = crd.path("spec");
        for (JsonNode version : spec.path("versions")) {
          if (version.path("served").asBoolean()) {
            String key =
                spec.path("group").asString()
                    + "/"
                    + version.path("name").asString()
                    + "/"
                    + spec.path("names").path("kind").asString();
            JsonNode schema = strict(version.path("schema").path("openAPIV3Schema").deepCopy());
            customResources.put(key, registry.getSchema(schema));
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** What is wrong with the object by its schema; empty when it is valid. */
  List<String> violations(Map<String, Object> object) {
    String apiVersion = String.valueOf(object.get("apiVersion"));
    String kind = String.valueOf(object.get("kind"));
    int slash = apiVersion.indexOf('/');
    String group = slash < 0 ? "" : apiVersion.substring(0, slash);
    String version = apiVersion.substring(slash + 1);
    if (BUILT_IN_GROUPS.contains(group)) {
      return builtIn(version, kind, GSON.toJsonTree(object));
    }
    Schema schema = customResources.get(group + "/" + version + "/" + kind);
    if (schema == null) {
      return List.of(
          "no schema for "
              + apiVersion
              + " "
              + kind
              + " (add its CRD to the test resources crds/)");
    }
    List<String> violations = new ArrayList<>();
    for (Error error : schema.validate(JSON_MAPPER.writeValueAsString(object), InputFormat.JSON)) {
      String at = error.getInstanceLocation().toString();
      violations.add((at.isEmpty() ? "/" : at) + ": " + error.getMessage());
    }
    if (object.get("metadata") != null) {
      builtInModel(V1ObjectMeta.class, GSON.toJsonTree(object.get("metadata")), violations);
    }
    return violations;
  }

  private static List<String> builtIn(String version, String kind, JsonElement json) {
    String name = MODELS + Character.toUpperCase(version.charAt(0)) + version.substring(1) + kind;
    Class<?> model;
    try {
      model = Class.forName(name);
    } catch (ClassNotFoundException e) {
      return List.of("no Kubernetes model " + name + " for " + version + " " + kind);
    }
    List<String> violations = new ArrayList<>();
    builtInModel(model, json, violations);
    return violations;
  }

  /**
   * The generated model's own check (unknown and missing required fields, wrong JSON types, down
   * the whole tree), then Kubernetes' deserializer (numbers, quantities, int-or-string values).
   */
  private static void builtInModel(Class<?> model, JsonElement json, List<String> violations) {
    try {
      model.getMethod("validateJsonElement", JsonElement.class).invoke(null, json);
      JSON.getGson().fromJson(json, model);
    } catch (InvocationTargetException e) {
      violations.add(model.getSimpleName() + ": " + withoutJson(e.getCause().getMessage()));
    } catch (RuntimeException e) {
      violations.add(model.getSimpleName() + ": " + e.getMessage());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The model's message without the whole object it quotes. */
  private static String withoutJson(String message) {
    int json = message == null ? -1 : message.indexOf(" JSON: ");
    return json < 0 ? String.valueOf(message) : message.substring(0, json);
  }

  /**
   * A CRD's structural schema made strict, as kubeconform's and openapi2jsonschema's strict mode
   * do: {@code additionalProperties: false} where properties are listed and unknown fields are not
   * preserved; int-or-string and nullable spelled in JSON Schema.
   */
  static JsonNode strict(JsonNode node) {
    if (node instanceof ObjectNode schema) {
      schema.properties().forEach(entry -> strictChildren(entry.getKey(), entry.getValue()));
      boolean preserves = schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
      if (schema.has("properties") && !schema.has("additionalProperties") && !preserves) {
        schema.put("additionalProperties", false);
      }
      if (schema.path("x-kubernetes-int-or-string").asBoolean(false)) {
        schema.remove("type");
        if (!schema.has("anyOf")) {
          ArrayNode anyOf = schema.putArray("anyOf");
          anyOf.addObject().put("type", "integer");
          anyOf.addObject().put("type", "string");
        }
      }
      if (schema.path("nullable").asBoolean(false) && schema.path("type").isString()) {
        ArrayNode types = JsonNodeFactory.instance.arrayNode();
        types.add(schema.path("type").asString()).add("null");
        schema.set("type", types);
      }
    }
    return node;
  }

  private static void strictChildren(String keyword, JsonNode value) {
    switch (keyword) {
      case "properties", "patternProperties" -> value.forEach(KubernetesSchemas::strict);
      case "items", "additionalProperties" -> strict(value);
      default -> {
        // descriptions, defaults, enums and examples are values, not schemas; allOf, anyOf and
        // oneOf only add constraints to the fields the structural schema already lists
      }
    }
  }
}
