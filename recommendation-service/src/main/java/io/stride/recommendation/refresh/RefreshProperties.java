package io.stride.recommendation.refresh;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How lists are kept fresh (application.yml, {@code stride.recommendation.refresh}).
 *
 * @param debounce how long after the first change an athlete's lists are recomputed
 * @param interval how often the refresher looks for athletes due
 * @param batch how many athletes one look recomputes at most
 * @param maxAge lists older than this are recomputed without an event
 * @param keep how many entries each list keeps
 */
@ConfigurationProperties("stride.recommendation.refresh")
public record RefreshProperties(
    Duration debounce, Duration interval, int batch, Duration maxAge, int keep) {}
