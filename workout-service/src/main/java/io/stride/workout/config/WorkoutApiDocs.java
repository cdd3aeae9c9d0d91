package io.stride.workout.config;

import io.stride.workout.metrics.Sport;
import io.stride.workout.readings.ReadingType;
import io.stride.workout.visibility.Visibility;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The workout API's closed sets of words as named schemas, from the enums that decide them, so a
 * generated client gets a type per set and the document cannot fall behind a new sport.
 */
@Configuration
public class WorkoutApiDocs {

  public static final String SPORT = "#/components/schemas/Sport";
  public static final String VISIBILITY = "#/components/schemas/Visibility";
  public static final String STREAMS = "#/components/schemas/Streams";
  public static final String READING_TYPE = "#/components/schemas/ReadingType";

  @Bean
  OpenApiCustomizer workoutEnums() {
    return openApi -> {
      if (openApi.getComponents() == null) {
        openApi.setComponents(new Components());
      }
      StringSchema sport = new StringSchema();
      sport.description("A sport; decides moving-time threshold, best efforts and calories");
      Arrays.stream(Sport.values()).map(Sport::apiName).forEach(sport::addEnumItem);
      StringSchema visibility = new StringSchema();
      visibility.description("Who besides the owner may see it");
      Arrays.stream(Visibility.values()).map(Visibility::apiName).forEach(visibility::addEnumItem);
      StringSchema readingType = new StringSchema();
      readingType.description("What a tracker's sample measures");
      Arrays.stream(ReadingType.values())
          .map(type -> type.name().toLowerCase(Locale.ROOT))
          .forEach(readingType::addEnumItem);
      openApi
          .getComponents()
          .addSchemas("Sport", sport)
          .addSchemas("ReadingType", readingType)
          .addSchemas("Visibility", visibility)
          .addSchemas("Streams", streams());
    };
  }

  /** Streams by type, equal-length arrays with null where the device recorded nothing. */
  @SuppressWarnings({"rawtypes", "unchecked"})
  private static Schema<?> streams() {
    Schema point = new Schema().types(new LinkedHashSet<>(List.of("number", "null")));
    return new Schema<>()
        .types(Set.of("object"))
        .description(
            "Each requested stream by type (time, distance, heart_rate, speed, cadence, power,"
                + " altitude, lat, lng), all of the same length; null where nothing was recorded")
        .additionalProperties(new Schema().types(Set.of("array")).items(point));
  }
}
