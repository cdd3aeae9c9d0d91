package io.stride.contracts.analytics;

import io.stride.contracts.Topic;

/** Topics written by analytics-service. */
public final class AnalyticsTopics {

  /** An athlete's fitness, fatigue, form and readiness as they now stand; key = user id. */
  public static final Topic TRAINING_LOAD =
      Topic.of("stride.analytics.training-load", "analytics-service", TrainingLoadUpdated.class);

  private AnalyticsTopics() {}
}
