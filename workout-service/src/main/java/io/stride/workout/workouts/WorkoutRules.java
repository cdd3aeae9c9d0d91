package io.stride.workout.workouts;

import io.stride.platform.web.InvalidRequestException;
import io.stride.platform.web.InvalidRequestException.FieldError;
import io.stride.workout.metrics.Sport;
import io.stride.workout.visibility.Visibility;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Rules across fields of a workout that Bean Validation cannot express: answered 422. */
final class WorkoutRules {

  /** Clocks disagree; a workout may end this far in the server's future. */
  static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

  private WorkoutRules() {}

  static void check(CreateWorkoutRequest request, Instant now) {
    List<FieldError> errors = new ArrayList<>();
    sport(request.sport(), errors);
    visibility(request.visibility(), errors);
    if (request.movingSeconds() != null
        && request.durationSeconds() != null
        && request.movingSeconds() > request.durationSeconds()) {
      errors.add(new FieldError("movingSeconds", "cannot be longer than durationSeconds"));
    }
    if (request.startTime() != null && request.durationSeconds() != null) {
      Instant end = request.startTime().plusSeconds(request.durationSeconds());
      if (end.isAfter(now.plus(CLOCK_SKEW))) {
        errors.add(new FieldError("startTime", "the workout cannot end in the future"));
      }
      if (request.startTime().isBefore(Instant.parse("1970-01-01T00:00:00Z"))) {
        errors.add(new FieldError("startTime", "is before 1970"));
      }
    }
    if (request.title() != null && request.title().isBlank()) {
      errors.add(new FieldError("title", "must not be blank; leave it out for a default title"));
    }
    throwIfAny(errors);
  }

  static void check(UpdateWorkoutRequest request) {
    List<FieldError> errors = new ArrayList<>();
    if (request.sport() != null) {
      sport(request.sport(), errors);
    }
    visibility(request.visibility(), errors);
    if (request.title() != null && request.title().isBlank()) {
      errors.add(new FieldError("title", "must not be blank"));
    }
    throwIfAny(errors);
  }

  private static void sport(String sport, List<FieldError> errors) {
    if (Sport.fromApiName(sport) == null) {
      errors.add(
          new FieldError(
              "sport",
              "unknown sport; one of "
                  + Arrays.stream(Sport.values()).map(Sport::apiName).toList()));
    }
  }

  private static void visibility(String visibility, List<FieldError> errors) {
    if (visibility != null && Visibility.fromApiName(visibility) == null) {
      errors.add(new FieldError("visibility", "must be public, followers or private"));
    }
  }

  private static void throwIfAny(List<FieldError> errors) {
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
  }
}
