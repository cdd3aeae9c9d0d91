package io.stride.platform.regions;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The region copy's settings ({@code stride.regions.*}); a service gets the copy by setting {@code
 * url} and following {@code stride.region.regions} in its catalog entry.
 *
 * @param url region-service's address, e.g. {@code http://127.0.0.1:8084}
 * @param maxRetryPause the longest pause between attempts to warm the copy from the read API
 */
@ConfigurationProperties("stride.regions")
public record RegionsProperties(String url, @DefaultValue("30s") Duration maxRetryPause) {}
