package io.stride.platform.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.models.media.Schema.SchemaResolution;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class RecordNullabilityTests {

  record Lap(int number, @Nullable Double meters) {}

  record Run(
      String title,
      @Nullable String notes,
      int seconds,
      @Nullable Instant finishedAt,
      @Schema(allowableValues = {"done", "failed"}) @Nullable String status,
      @Nullable Lap fastestLap,
      List<Lap> laps,
      List<@Nullable Double> lapSpeeds,
      @Schema(ref = "#/components/schemas/Splits") Map<String, List<Double>> splits) {}

  @SuppressWarnings("rawtypes")
  private static io.swagger.v3.oas.models.media.Schema model(String name) {
    ModelConverters converters = new ModelConverters(true, SchemaResolution.DEFAULT);
    converters.addConverter(new RecordNullability());
    return converters
        .resolveAsResolvedSchema(new AnnotatedType(Run.class).resolveAsRef(true))
        .referencedSchemas
        .get(name);
  }

  @SuppressWarnings("rawtypes")
  private static io.swagger.v3.oas.models.media.Schema property(String model, String name) {
    return (io.swagger.v3.oas.models.media.Schema) model(model).getProperties().get(name);
  }

  @Test
  void componentsWithoutNullableAreRequiredAndNullableOnesAreOptional() {
    assertThat(model("Run").getRequired())
        .containsExactlyInAnyOrder("title", "seconds", "laps", "lapSpeeds", "splits");
    assertThat(model("Lap").getRequired()).containsExactly("number");
  }

  @Test
  void aNullableValueAdmitsNullInItsTypeAndItsEnum() {
    assertThat(property("Run", "notes").getTypes()).containsExactlyInAnyOrder("string", "null");
    assertThat(property("Run", "finishedAt").getTypes()).contains("null");
    assertThat(property("Run", "status").getEnum()).containsExactly("done", "failed", null);
    assertThat(property("Run", "title").getTypes()).containsExactly("string");
  }

  @Test
  void aReferencedPropertyIsOnlyTheReferenceWithoutWhatTheJavaTypeSays() {
    var splits = property("Run", "splits");
    assertThat(splits.get$ref()).isEqualTo("#/components/schemas/Splits");
    assertThat(splits.getTypes()).isNull();
    assertThat(splits.getAdditionalProperties()).isNull();
  }

  @Test
  void aNullableReferenceBecomesAnyOfTheReferenceOrNull() {
    var fastest = property("Run", "fastestLap");
    assertThat(fastest.get$ref()).isNull();
    assertThat(fastest.getAnyOf()).hasSize(2);
    var reference = (io.swagger.v3.oas.models.media.Schema) fastest.getAnyOf().get(0);
    var none = (io.swagger.v3.oas.models.media.Schema) fastest.getAnyOf().get(1);
    assertThat(reference.get$ref()).isEqualTo("#/components/schemas/Lap");
    assertThat(none.getTypes()).containsExactly("null");
  }

  @Test
  void aListOfNullableElementsIsRequiredAndItsItemsAdmitNull() {
    var speeds = property("Run", "lapSpeeds");
    assertThat(speeds.getTypes()).containsExactly("array");
    var items = (io.swagger.v3.oas.models.media.Schema) speeds.getItems();
    assertThat(items.getTypes()).containsExactlyInAnyOrder("number", "null");
    var laps = (io.swagger.v3.oas.models.media.Schema) property("Run", "laps").getItems();
    assertThat(laps.get$ref()).isEqualTo("#/components/schemas/Lap");
  }
}
