package io.stride.analytics.fitness;

import io.stride.analytics.athletes.Athlete;
import io.stride.analytics.athletes.Athletes;
import io.stride.analytics.fitness.FitnessResponses.FitnessSeriesResponse;
import io.stride.analytics.fitness.FitnessResponses.ReadinessResponse;
import io.stride.platform.web.InvalidRequestException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** The fitness series and readiness of the caller, computed from their daily loads per request. */
@Service
class FitnessViews {

  /** Six years of days: a five-year chart with room. */
  static final int MAX_DAYS = 2200;

  static final int DEFAULT_DAYS = 90;

  private final Athletes athletes;
  private final TrainingState state;

  FitnessViews(Athletes athletes, TrainingState state) {
    this.athletes = athletes;
    this.state = state;
  }

  FitnessSeriesResponse series(UUID userId, LocalDate from, LocalDate to) {
    Athlete athlete = athletes.find(userId);
    LocalDate end = to != null ? to : state.today(athlete);
    LocalDate start = from != null ? from : end.minusDays(DEFAULT_DAYS - 1);
    if (end.isBefore(start)) {
      throw InvalidRequestException.of("to", "to must not be before from");
    }
    if (ChronoUnit.DAYS.between(start, end) >= MAX_DAYS) {
      throw InvalidRequestException.of("from", "at most " + MAX_DAYS + " days at a time");
    }
    TrainingState.History history = state.history(userId, end);
    FitnessSeries series = FitnessModel.series(history.loads(), start, end);
    int days = series.days();
    List<Double> load = new ArrayList<>(days);
    List<Double> fitness = new ArrayList<>(days);
    List<Double> fatigue = new ArrayList<>(days);
    List<Double> form = new ArrayList<>(days);
    List<Double> ratio = new ArrayList<>(days);
    for (int i = 0; i < days; i++) {
      load.add(Rounding.tenth(series.load(i)));
      fitness.add(Rounding.tenth(series.fitness(i)));
      fatigue.add(Rounding.tenth(series.fatigue(i)));
      form.add(Rounding.tenth(series.form(i)));
      ratio.add(Rounding.hundredth(series.ratio(i)));
    }
    return new FitnessSeriesResponse(
        start, end, athlete.zone().getId(), load, fitness, fatigue, form, ratio);
  }

  ReadinessResponse readiness(UUID userId) {
    TrainingState.Today today = state.stateOfToday(userId);
    FitnessSeries eve = today.series();
    Readiness readiness = today.readiness();
    return new ReadinessResponse(
        today.day(),
        readiness.score(),
        readiness.level(),
        Rounding.tenth(eve.fitness(0)),
        Rounding.tenth(eve.fatigue(0)),
        Rounding.tenth(eve.form(0)),
        Rounding.hundredth(eve.ratio(0)),
        readiness.reasons());
  }
}
