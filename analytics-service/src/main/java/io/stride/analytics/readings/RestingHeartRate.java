package io.stride.analytics.readings;

/**
 * A resting-heart-rate reading against the athlete's baseline.
 *
 * @param today the latest resting heart rate of today or yesterday, beats per minute
 * @param baseline the mean of the 28 days before it, from at least 7 readings
 */
public record RestingHeartRate(int today, double baseline) {}
