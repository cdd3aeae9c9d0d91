package io.stride.workout.workouts;

import io.stride.contracts.workout.PersonalRecordSet;
import io.stride.contracts.workout.WorkoutDeleted;
import io.stride.contracts.workout.WorkoutRecorded;
import io.stride.contracts.workout.WorkoutTopics;
import io.stride.contracts.workout.WorkoutUpdated;
import io.stride.platform.events.EventPublisher;
import io.stride.platform.security.Caller;
import io.stride.platform.web.NotFoundException;
import io.stride.workout.athletes.Athletes;
import io.stride.workout.idempotency.IdempotencyKeys;
import io.stride.workout.metrics.ActivityMetrics;
import io.stride.workout.metrics.Sport;
import io.stride.workout.records.PersonalRecords;
import io.stride.workout.streams.WorkoutStreams;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creating, reading, changing and deleting workouts; every change publishes its event. */
@Service
public class WorkoutService {

  private final WorkoutRepository workouts;
  private final WorkoutQueries queries;
  private final WorkoutViews views;
  private final Athletes athletes;
  private final IdempotencyKeys idempotency;
  private final WorkoutStreams streams;
  private final PersonalRecords records;
  private final EventPublisher events;
  private final Clock clock;

  WorkoutService(
      WorkoutRepository workouts,
      WorkoutQueries queries,
      WorkoutViews views,
      Athletes athletes,
      IdempotencyKeys idempotency,
      WorkoutStreams streams,
      PersonalRecords records,
      EventPublisher events,
      Clock clock) {
    this.workouts = workouts;
    this.queries = queries;
    this.views = views;
    this.athletes = athletes;
    this.idempotency = idempotency;
    this.streams = streams;
    this.records = records;
    this.events = events;
    this.clock = clock;
  }

  @Transactional
  WorkoutResponse create(UUID owner, CreateWorkoutRequest request, String idempotencyKey) {
    Instant now = clock.instant();
    WorkoutRules.check(request, now);
    UUID id =
        idempotency.createOnce(
            owner,
            "workout",
            idempotencyKey,
            views.write(request),
            () -> createManual(owner, request, now));
    return views.response(find(id));
  }

  private UUID createManual(UUID owner, CreateWorkoutRequest request, Instant now) {
    Athletes.Settings settings = athletes.of(owner);
    Sport sport = Sport.fromApiName(request.sport());
    Workout workout = new Workout(UUID.randomUUID(), owner, Workout.Source.MANUAL, now);
    workout.describe(
        sport,
        request.title() != null
            ? request.title().trim()
            : WorkoutTitles.of(sport, request.startTime(), settings.timeZone()),
        request.notes(),
        request.visibility() != null
            ? Visibility.fromApiName(request.visibility())
            : Visibility.valueOf(settings.defaultVisibility()));
    workout.setTotals(
        request.startTime(),
        request.durationSeconds(),
        request.movingSeconds(),
        request.distanceMeters(),
        request.elevationGainMeters(),
        null);
    workout.setBody(request.calories(), Workout.CaloriesSource.MANUAL, null, null);
    workouts.saveAndFlush(workout);
    events.publish(WorkoutTopics.WORKOUTS, new WorkoutRecorded(views.summary(workout)));
    return workout.id();
  }

  /**
   * Makes a workout of a recorded activity, with its streams and best efforts, and publishes {@code
   * WorkoutRecorded} and any {@code PersonalRecordSet}. Runs in the caller's transaction when there
   * is one (an import marks itself done in the same transaction).
   */
  @Transactional
  public UUID record(RecordedActivity activity) {
    Instant now = clock.instant();
    Athletes.Settings settings = athletes.of(activity.ownerId());
    ActivityMetrics m = activity.metrics();
    Workout workout =
        new Workout(
            UUID.randomUUID(),
            activity.ownerId(),
            activity.origin() == RecordedActivity.Origin.LIVE
                ? Workout.Source.LIVE
                : Workout.Source.FILE,
            now);
    workout.describe(
        activity.sport(),
        activity.name() != null
            ? truncate(activity.name(), 200)
            : WorkoutTitles.of(activity.sport(), activity.startTime(), settings.timeZone()),
        null,
        Visibility.valueOf(settings.defaultVisibility()));
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
        activity.importId(),
        views.write(m),
        activity
                .deviceTotals()
                .equals(io.stride.workout.importing.formats.ParsedActivity.DeviceTotals.NONE)
            ? null
            : views.write(activity.deviceTotals()),
        activity.laps().isEmpty() ? null : views.write(activity.laps()));
    workouts.saveAndFlush(workout);
    streams.save(workout.id(), activity.track(), activity.sport());
    events.publish(WorkoutTopics.WORKOUTS, new WorkoutRecorded(views.summary(workout)));
    for (PersonalRecords.NewRecord pr :
        records.store(
            workout.ownerId(),
            workout.id(),
            workout.sport(),
            workout.startTime(),
            m.bestEfforts())) {
      events.publish(
          WorkoutTopics.RECORDS,
          new PersonalRecordSet(
              workout.ownerId(),
              workout.id(),
              workout.sport().apiName(),
              pr.effort(),
              pr.meters(),
              pr.seconds(),
              pr.previousSeconds()));
    }
    return workout.id();
  }

  /**
   * The athlete's workout that records the same activity (see {@link WorkoutQueries#sameActivity}),
   * if any: a second source of one activity is linked to it, not counted twice.
   */
  @Transactional(readOnly = true)
  public java.util.Optional<UUID> sameActivity(
      UUID owner, Instant start, double elapsedSeconds, String device) {
    return queries.sameActivity(
        owner, start, (int) Math.round(elapsedSeconds), device, SAME_START_SECONDS);
  }

  /** Two recordings starting this close together are candidates for the same activity. */
  static final int SAME_START_SECONDS = 60;

  @Transactional(readOnly = true)
  WorkoutResponse get(Caller viewer, UUID id) {
    return views.response(visible(viewer, id));
  }

  /** The workout's owner, if {@code viewer} may see it; otherwise 404, as if it did not exist. */
  @Transactional(readOnly = true)
  public UUID requireVisible(Caller viewer, UUID id) {
    return visible(viewer, id).ownerId();
  }

  @Transactional(readOnly = true)
  WorkoutPage list(UUID owner, String sport, Instant from, Instant to, Cursor cursor, int limit) {
    String sportFilter = null;
    if (sport != null) {
      Sport known = Sport.fromApiName(sport);
      if (known == null) {
        throw io.stride.platform.web.InvalidRequestException.of("sport", "unknown sport");
      }
      sportFilter = known.name();
    }
    List<WorkoutListItem> items = queries.page(owner, sportFilter, from, to, cursor, limit + 1);
    String next = null;
    if (items.size() > limit) {
      items = items.subList(0, limit);
      WorkoutListItem last = items.get(limit - 1);
      next = new Cursor(last.startTime(), last.id()).encode();
    }
    return new WorkoutPage(List.copyOf(items), next);
  }

  @Transactional
  WorkoutResponse update(UUID owner, UUID id, UpdateWorkoutRequest change) {
    WorkoutRules.check(change);
    Workout workout = owned(owner, id);
    workout.describe(
        change.sport() != null ? Sport.fromApiName(change.sport()) : workout.sport(),
        change.title() != null ? change.title().trim() : workout.title(),
        change.notes() != null ? change.notes() : workout.notes(),
        change.visibility() != null
            ? Visibility.fromApiName(change.visibility())
            : workout.visibility());
    workout.touched(clock.instant());
    workouts.saveAndFlush(workout);
    events.publish(
        WorkoutTopics.WORKOUTS, new WorkoutUpdated(views.summary(workout), workout.version()));
    return views.response(workout);
  }

  @Transactional
  void delete(UUID owner, UUID id) {
    Workout workout = owned(owner, id);
    workouts.delete(workout);
    workouts.flush();
    events.publish(WorkoutTopics.WORKOUTS, new WorkoutDeleted(workout.id(), workout.ownerId()));
  }

  private Workout visible(Caller viewer, UUID id) {
    return workouts.findById(id).filter(w -> canSee(viewer, w)).orElseThrow(() -> notFound(id));
  }

  private boolean canSee(Caller viewer, Workout w) {
    if (viewer.is(w.ownerId())) {
      return true;
    }
    boolean follower = viewer.isUser() && athletes.follows(viewer.userId(), w.ownerId());
    return switch (w.visibility()) {
      case PRIVATE -> false;
      case FOLLOWERS -> follower;
      case PUBLIC -> follower || !athletes.of(w.ownerId()).accountPrivate();
    };
  }

  private Workout owned(UUID owner, UUID id) {
    return workouts.findById(id).filter(w -> w.isOwnedBy(owner)).orElseThrow(() -> notFound(id));
  }

  private Workout find(UUID id) {
    return workouts.findById(id).orElseThrow(() -> notFound(id));
  }

  private static NotFoundException notFound(UUID id) {
    return new NotFoundException("No workout " + id + " that you can see.");
  }

  private static String truncate(String text, int max) {
    String trimmed = text.trim();
    return trimmed.length() <= max ? trimmed : trimmed.substring(0, max);
  }
}
