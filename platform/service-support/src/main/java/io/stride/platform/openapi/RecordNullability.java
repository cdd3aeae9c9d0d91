package io.stride.platform.openapi;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.media.Schema;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which fields of a request or response may be null, read from the Java records they are (ADR
 * 0013): a component is required and never null unless it is annotated {@code @Nullable} (JSpecify,
 * or any annotation of that name); a nullable one is optional and typed with {@code "null"}
 * (OpenAPI 3.1). Primitives are always required. A {@code $ref} property that is nullable becomes
 * {@code anyOf: [$ref, null]}, and a {@code $ref} property is only that reference, without the
 * {@code type} or {@code additionalProperties} that {@code @Schema(ref=…)} leaves beside it from
 * the Java type.
 */
final class RecordNullability implements ModelConverter {

  private static final String NULLABLE = "Nullable";

  @Override
  @SuppressWarnings({"rawtypes", "unchecked"})
  public Schema resolve(
      AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
    if (!chain.hasNext()) {
      return null;
    }
    Schema resolved = chain.next().resolve(type, context, chain);
    Class<?> raw = rawClass(type);
    if (resolved == null || raw == null || !raw.isRecord()) {
      return resolved;
    }
    Schema model = definition(resolved, context);
    if (model != null && model.getProperties() != null) {
      apply(raw, model);
    }
    return resolved;
  }

  @SuppressWarnings({"rawtypes", "unchecked"})
  static void apply(Class<?> record, Schema model) {
    Map<String, Schema> properties = model.getProperties();
    Set<String> required =
        new LinkedHashSet<>(model.getRequired() == null ? List.of() : model.getRequired());
    for (RecordComponent component : record.getRecordComponents()) {
      String name = component.getName();
      Schema property = properties.get(name);
      if (property == null) {
        continue;
      }
      if (property.get$ref() != null) {
        // only the reference: what @Schema(ref=…) leaves beside it describes the Java type
        Schema reference = new Schema().$ref(property.get$ref());
        reference.setDescription(property.getDescription());
        properties.put(name, reference);
        property = reference;
      }
      if (property.getItems() != null && hasNullableElements(component)) {
        property.setItems(nullable(property.getItems()));
      }
      if (isNullable(component)) {
        required.remove(name);
        properties.put(name, nullable(property));
      } else {
        required.add(name);
      }
    }
    model.setRequired(required.isEmpty() ? null : new ArrayList<>(required));
  }

  static boolean isNullable(RecordComponent component) {
    if (component.getType().isPrimitive()) {
      return false;
    }
    return hasNullable(component.getAnnotatedType().getAnnotations())
        || hasNullable(component.getAnnotations());
  }

  /** A list whose element type is annotated: {@code List<@Nullable Double>}. */
  static boolean hasNullableElements(RecordComponent component) {
    return component.getAnnotatedType() instanceof AnnotatedParameterizedType list
        && list.getAnnotatedActualTypeArguments().length == 1
        && hasNullable(list.getAnnotatedActualTypeArguments()[0].getAnnotations());
  }

  private static boolean hasNullable(Annotation[] annotations) {
    for (Annotation annotation : annotations) {
      if (annotation.annotationType().getSimpleName().equals(NULLABLE)) {
        return true;
      }
    }
    return false;
  }

  @SuppressWarnings({"rawtypes", "unchecked"})
  private static Schema nullable(Schema property) {
    if (property.get$ref() != null) {
      Schema reference = new Schema().$ref(property.get$ref());
      Schema none = new Schema().types(Set.of("null"));
      Schema either = new Schema().anyOf(List.of(reference, none));
      either.setDescription(property.getDescription());
      return either;
    }
    // an untyped schema (any JSON value) already admits null
    if (property.getTypes() != null && !property.getTypes().isEmpty()) {
      property.addType("null");
      if (property.getEnum() != null && !property.getEnum().contains(null)) {
        List<Object> values = new ArrayList<>(property.getEnum());
        values.add(null);
        property.setEnum(values);
      }
    }
    return property;
  }

  @SuppressWarnings("rawtypes")
  private static Schema definition(Schema resolved, ModelConverterContext context) {
    String ref = resolved.get$ref();
    if (ref == null) {
      return resolved;
    }
    return context.getDefinedModels().get(ref.substring(ref.lastIndexOf('/') + 1));
  }

  private static Class<?> rawClass(AnnotatedType type) {
    if (type.getType() == null) {
      return null;
    }
    try {
      return Json.mapper().constructType(type.getType()).getRawClass();
    } catch (IllegalArgumentException unknown) {
      return null;
    }
  }
}
