package io.stride.workout.workouts;

import io.stride.contracts.workout.PersonalRecordSet;
import io.stride.contracts.workout.WorkoutRecorded;
import io.stride.contracts.workout.WorkoutUpdated;
import io.stride.platform.events.EventPublisher;
import io.stride.platform.web.NotFoundException;
import io.stride.workout.activity.ParsedActivity;
import io.stride.workout.activity.RecordedActivity;
import io.stride.workout.athletes.Athletes;
import io.stride.workout.gear.GearService;
import io.stride.workout.metrics.ActivityMetrics;
import io.stride.workout.records.PersonalRecords;
import io.stride.workout.streams.WorkoutStreams;
import io.stride.workout.visibility.Visibility;
import java.time.Clock;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Workouts made from recorded samples (files, live recordings): the summary figures, metrics,
 * streams and best efforts are written together, and {@code WorkoutRecorded} (or, when a workout is
 * processed again, {@code WorkoutUpdated}) and any {@code PersonalRecordSet} are published in the
 * same transaction.
 */
@Service
public class WorkoutRecordings {

  private final WorkoutRepository workouts;
  private final WorkoutViews views;
  private final Athletes athletes;
  private final WorkoutStreams streams;
  private final PersonalRecords records;
  private final EventPublisher events;
  private final RecordedWorkouts recorded;
  private final GearService gear;
  private final Clock clock;

  WorkoutRecordings(
      WorkoutRepository workouts,
      WorkoutViews views,
      Athletes athletes,
      WorkoutStreams streams,
      PersonalRecords records,
      EventPublisher events,
      RecordedWorkouts recorded,
      GearService gear,
      Clock clock) {
    this.recorded = recorded;
    this.gear = gear;
    this.workouts = workouts;
    this.views = views;
    this.athletes = athletes;
    this.streams = streams;
    this.records = records;
    this.events = events;
    this.clock = clock;
  }

  /**
   * A new workout of a recorded activity; its title and visibility follow the athlete's defaults.
   */
  @Transactional
  public UUID record(RecordedActivity activity) {
    return record(activity, null);
  }

  /**
   * As {@link #record(RecordedActivity)}, shown to no more people than {@code atMost} (what it was
   * where it came from) and the athlete's default allow: the stricter of the two.
   */
  @Transactional
  public UUID record(RecordedActivity activity, Visibility atMost) {
    Athletes.Settings settings = athletes.of(activity.ownerId());
    Visibility byDefault = Visibility.valueOf(settings.defaultVisibility());
    Visibility visibility =
        atMost != null && atMost.ordinal() > byDefault.ordinal() ? atMost : byDefault;
    Workout workout =
        new Workout(
            UUID.randomUUID(),
            activity.ownerId(),
            activity.origin() == RecordedActivity.Origin.LIVE
                ? Workout.Source.LIVE
                : Workout.Source.FILE,
            clock.instant());
    workout.describe(
        activity.sport(),
        activity.name() != null
            ? truncate(activity.name(), 200)
            : WorkoutTitles.of(activity.sport(), activity.startTime(), settings.timeZone()),
        null,
        visibility);
    apply(workout, activity);
    workout.useGear(gear.forWorkout(activity.ownerId(), activity.sport(), null));
    workouts.saveAndFlush(workout);
    gearDistanceChanged(workout);
    streams.save(workout.id(), activity.track(), activity.sport());
    events.publish(new WorkoutRecorded(views.summary(workout, activity.metrics())));
    storeEfforts(workout, activity.metrics());
    recorded.counted(
        activity.sport(),
        activity.origin() == RecordedActivity.Origin.LIVE
            ? Workout.Source.LIVE
            : Workout.Source.FILE);
    return workout.id();
  }

  /**
   * Replaces what was computed for an existing workout (processing its file again with improved
   * algorithms); what the athlete set — title, notes, sport, visibility — stays.
   */
  @Transactional
  public void replace(UUID workoutId, RecordedActivity activity) {
    replace(workoutId, activity, true);
  }

  /**
   * As {@link #replace(UUID, RecordedActivity)}; with {@code announceRecords} false a best effort
   * that is (still) a record is stored without a {@code PersonalRecordSet}: recomputing old
   * workouts must not congratulate anyone again.
   */
  @Transactional
  public void replace(UUID workoutId, RecordedActivity activity, boolean announceRecords) {
    Workout workout =
        workouts
            .findById(workoutId)
            .filter(w -> w.isOwnedBy(activity.ownerId()))
            .orElseThrow(() -> new NotFoundException("No workout " + workoutId + " of yours."));
    apply(workout, activity);
    workout.touched(clock.instant());
    workouts.saveAndFlush(workout);
    gearDistanceChanged(workout);
    streams.replace(workout.id(), activity.track(), workout.sport());
    records.forget(workout.id());
    events.publish(
        new WorkoutUpdated(views.summary(workout, activity.metrics()), workout.version()));
    storeEfforts(workout, activity.metrics(), announceRecords);
  }

  private void gearDistanceChanged(Workout workout) {
    if (workout.gearId() != null) {
      gear.distanceChanged(workout.gearId(), workout.id());
    }
  }

  private void apply(Workout workout, RecordedActivity activity) {
    ActivityMetrics m = activity.metrics();
    workout.setTotals(
        activity.startTime(),
        (int) Math.round(m.elapsedSeconds()),
        (int) Math.round(Math.min(m.movingSeconds(), m.elapsedSeconds())),
        m.distanceMeters(),
        m.elevationGainMeters(),
        m.elevationLossMeters());
    Integer deviceCalories = activity.deviceTotals().calories();
    workout.setBody(
        deviceCalories != null ? deviceCalories : m.estimatedCalories(),
        deviceCalories != null ? Workout.CaloriesSource.DEVICE : Workout.CaloriesSource.ESTIMATED,
        m.averageHeartRate() == null ? null : (int) Math.round(m.averageHeartRate()),
        m.maxHeartRate() == null ? null : (int) Math.round(m.maxHeartRate()));
    workout.setRecording(
        activity.device(),
        activity.deviceName(),
        activity.importId(),
        views.write(m),
        activity.deviceTotals().equals(ParsedActivity.DeviceTotals.NONE)
            ? null
            : views.write(activity.deviceTotals()),
        activity.laps().isEmpty() ? null : views.write(activity.laps()));
  }

  private void storeEfforts(Workout workout, ActivityMetrics metrics) {
    storeEfforts(workout, metrics, true);
  }

  private void storeEfforts(Workout workout, ActivityMetrics metrics, boolean announce) {
    for (PersonalRecords.NewRecord pr :
        records.store(
            workout.ownerId(),
            workout.id(),
            workout.sport(),
            workout.startTime(),
            metrics.bestEfforts())) {
      if (!announce) {
        continue;
      }
      events.publish(
          new PersonalRecordSet(
              workout.ownerId(),
              workout.id(),
              workout.sport().apiName(),
              pr.effort(),
              pr.meters(),
              pr.seconds(),
              pr.previousSeconds()));
    }
  }

  private static String truncate(String text, int max) {
    String trimmed = text.trim();
    return trimmed.length() <= max ? trimmed : trimmed.substring(0, max);
  }
}
