package io.stride.workout.streams;

import io.stride.platform.security.Caller;
import io.stride.platform.web.InvalidRequestException;
import io.stride.workout.privacy.HiddenSamples;
import io.stride.workout.privacy.PrivacyZones;
import io.stride.workout.visibility.VisibilityPolicy;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/workouts/{id}/streams?types=time,heart_rate&resolution=low}: chart data.
 * Resolutions: low 100 points, medium 1,000, high 10,000 (or all points if there are fewer).
 * Viewers other than the owner get no sample from inside the owner's privacy zones: those samples
 * are removed from every stream, and time and distance count from the first sample shown.
 */
@Tag(name = "Workouts")
@RestController
class StreamController {

  enum Resolution {
    LOW(100),
    MEDIUM(1_000),
    HIGH(10_000);

    final int points;

    Resolution(int points) {
      this.points = points;
    }
  }

  private final VisibilityPolicy visibility;
  private final WorkoutStreams streams;
  private final PrivacyZones privacyZones;

  StreamController(VisibilityPolicy visibility, WorkoutStreams streams, PrivacyZones privacyZones) {
    this.visibility = visibility;
    this.streams = streams;
    this.privacyZones = privacyZones;
  }

  @Operation(
      operationId = "getWorkoutStreams",
      summary =
          "A workout's sample streams (time, position, heart rate, …), downsampled on request")
  @GetMapping("/api/v1/workouts/{id}/streams")
  StreamsResponse streams(
      Caller caller,
      @PathVariable UUID id,
      @RequestParam(required = false) String types,
      @RequestParam(defaultValue = "medium") String resolution) {
    UUID owner = visibility.requireVisible(caller, id);
    Resolution wanted = resolution(resolution);
    Set<StreamType> requested = types(types);
    requested.add(StreamType.TIME);
    if (requested.contains(StreamType.LAT) || requested.contains(StreamType.LNG)) {
      requested.add(StreamType.LAT);
      requested.add(StreamType.LNG);
    }
    boolean other = !caller.is(owner);
    Set<StreamType> toLoad = EnumSet.copyOf(requested);
    if (other) {
      toLoad.add(StreamType.LAT);
      toLoad.add(StreamType.LNG);
    }
    Map<StreamType, double[]> loaded = streams.load(id, toLoad);
    if (other) {
      withoutHiddenSamples(
          loaded,
          privacyZones.hiddenFromOthers(
              owner, id, loaded.get(StreamType.LAT), loaded.get(StreamType.LNG)));
    }
    int original = loaded.values().stream().mapToInt(v -> v.length).max().orElse(0);
    int[] picked = Downsampling.indices(original, wanted.points);
    Map<String, List<Double>> out = new LinkedHashMap<>();
    for (StreamType type : requested) {
      double[] values = loaded.get(type);
      if (values != null) {
        out.put(type.apiName(), pick(values, picked));
      }
    }
    return new StreamsResponse(
        id, wanted.name().toLowerCase(Locale.ROOT), original, picked.length, out);
  }

  /**
   * Removes the samples others may not see from every stream, time and distance counting only what
   * is shown, so the response says nothing about the hidden stretch, not even how many samples or
   * metres it had.
   */
  private static void withoutHiddenSamples(Map<StreamType, double[]> loaded, HiddenSamples hidden) {
    if (!hidden.any()) {
      return;
    }
    loaded.replaceAll(
        (type, values) ->
            type == StreamType.TIME || type == StreamType.DISTANCE
                ? hidden.removeRebased(values)
                : hidden.remove(values));
  }

  private static List<Double> pick(double[] values, int[] indices) {
    List<Double> out = new ArrayList<>(indices.length);
    for (int i : indices) {
      double v = values[i];
      out.add(Double.isNaN(v) ? null : v);
    }
    return out;
  }

  private static Resolution resolution(String name) {
    for (Resolution r : Resolution.values()) {
      if (r.name().equalsIgnoreCase(name)) {
        return r;
      }
    }
    throw InvalidRequestException.of("resolution", "must be low, medium or high");
  }

  private static Set<StreamType> types(String list) {
    Set<StreamType> types = EnumSet.noneOf(StreamType.class);
    if (list == null || list.isBlank()) {
      types.addAll(Arrays.asList(StreamType.values()));
      return types;
    }
    for (String name : list.split(",")) {
      StreamType type = StreamType.fromApiName(name);
      if (type == null) {
        throw InvalidRequestException.of(
            "types",
            "unknown stream '"
                + (name.length() > 30 ? name.substring(0, 30) : name.trim())
                + "'; known: "
                + Arrays.stream(StreamType.values()).map(StreamType::apiName).toList());
      }
      types.add(type);
    }
    return types;
  }
}
