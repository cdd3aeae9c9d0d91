package io.stride.workout.workouts;

import io.stride.contracts.workout.WorkoutDeleted;
import io.stride.contracts.workout.WorkoutRecorded;
import io.stride.contracts.workout.WorkoutUpdated;
import io.stride.platform.events.EventPublisher;
import io.stride.platform.idempotency.IdempotencyKeys;
import io.stride.platform.paging.Page;
import io.stride.platform.security.Caller;
import io.stride.platform.web.NotFoundException;
import io.stride.workout.athletes.Athletes;
import io.stride.workout.gear.GearService;
import io.stride.workout.metrics.Sport;
import io.stride.workout.visibility.Visibility;
import io.stride.workout.visibility.VisibilityPolicy;
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
  private final VisibilityPolicy visibility;
  private final IdempotencyKeys idempotency;
  private final EventPublisher events;
  private final RecordedWorkouts recorded;
  private final GearService gear;
  private final Clock clock;

  WorkoutService(
      WorkoutRepository workouts,
      WorkoutQueries queries,
      WorkoutViews views,
      Athletes athletes,
      VisibilityPolicy visibility,
      IdempotencyKeys idempotency,
      EventPublisher events,
      RecordedWorkouts recorded,
      GearService gear,
      Clock clock) {
    this.workouts = workouts;
    this.gear = gear;
    this.recorded = recorded;
    this.queries = queries;
    this.views = views;
    this.athletes = athletes;
    this.visibility = visibility;
    this.idempotency = idempotency;
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
    workout.useGear(gear.forWorkout(owner, sport, request.gearId()));
    workout.ratePerceivedEffort(request.perceivedEffort());
    workouts.saveAndFlush(workout);
    if (workout.gearId() != null) {
      gear.distanceChanged(workout.gearId(), workout.id());
    }
    events.publish(new WorkoutRecorded(views.summary(workout)));
    recorded.counted(sport, Workout.Source.MANUAL);
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

  /**
   * A page of {@code athlete}'s workouts as {@code viewer} may see them: all for the athlete
   * themself; public and followers-only ones for a follower; public ones of a public account for
   * anyone else.
   */
  @Transactional(readOnly = true)
  Page<WorkoutListItem> list(
      Caller viewer,
      UUID athlete,
      String sport,
      Instant from,
      Instant to,
      PageEnd after,
      int limit) {
    String sportFilter = null;
    if (sport != null) {
      Sport known = Sport.fromApiName(sport);
      if (known == null) {
        throw io.stride.platform.web.InvalidRequestException.of("sport", "unknown sport");
      }
      sportFilter = known.name();
    }
    List<String> visibilities = visibility.listFilter(viewer, athlete);
    if (visibilities != null && visibilities.isEmpty()) {
      return Page.empty();
    }
    return Page.of(
        queries.page(athlete, visibilities, sportFilter, from, to, after, limit + 1),
        limit,
        PageEnd::after);
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
    if (change.perceivedEffort() != null) {
      workout.ratePerceivedEffort(change.perceivedEffort());
    }
    workout.touched(clock.instant());
    workouts.saveAndFlush(workout);
    events.publish(new WorkoutUpdated(views.summary(workout), workout.version()));
    return views.response(workout);
  }

  /** The workout was done with this gear of the owner's (422 if it is not theirs). */
  @Transactional
  WorkoutResponse useGear(UUID owner, UUID id, UUID gearId) {
    Workout workout = owned(owner, id);
    gear.checkOwned(owner, gearId);
    workout.useGear(gearId);
    workout.touched(clock.instant());
    workouts.saveAndFlush(workout);
    gear.distanceChanged(gearId, workout.id());
    return views.response(workout);
  }

  /** The workout names no gear any more. */
  @Transactional
  void removeGear(UUID owner, UUID id) {
    Workout workout = owned(owner, id);
    if (workout.gearId() != null) {
      workout.useGear(null);
      workout.touched(clock.instant());
      workouts.saveAndFlush(workout);
    }
  }

  @Transactional
  void delete(UUID owner, UUID id) {
    Workout workout = owned(owner, id);
    workouts.delete(workout);
    workouts.flush();
    events.publish(new WorkoutDeleted(workout.id(), workout.ownerId()));
  }

  private Workout visible(Caller viewer, UUID id) {
    return workouts
        .findById(id)
        .filter(w -> visibility.canSee(viewer, w.ownerId(), w.visibility()))
        .orElseThrow(() -> notFound(id));
  }

  /** The import a workout of {@code owner} came from; 404 if not theirs, 422 if not a file. */
  @Transactional(readOnly = true)
  public UUID importOf(UUID owner, UUID id) {
    Workout workout = owned(owner, id);
    if (workout.importId() == null) {
      throw io.stride.platform.web.InvalidRequestException.of(
          "id", "this workout was not imported from a file; there is nothing to process again");
    }
    return workout.importId();
  }

  /** The sport a workout of {@code owner} has now (the athlete may have corrected it). */
  @Transactional(readOnly = true)
  public Sport sportOf(UUID owner, UUID id) {
    return owned(owner, id).sport();
  }

  private Workout owned(UUID owner, UUID id) {
    return workouts.findById(id).filter(w -> w.isOwnedBy(owner)).orElseThrow(() -> notFound(id));
  }

  private Workout find(UUID id) {
    return workouts.findById(id).orElseThrow(() -> notFound(id));
  }

  private static NotFoundException notFound(UUID id) {
    return VisibilityPolicy.notFound(id);
  }
}
