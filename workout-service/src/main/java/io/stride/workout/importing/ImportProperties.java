package io.stride.workout.importing;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code stride.workout.import.*}: processing threads and how often waiting imports are swept up.
 * The upload size limit is {@code spring.servlet.multipart.max-file-size} (25 MB).
 */
@ConfigurationProperties("stride.workout.import")
record ImportProperties(int workers, Duration sweepInterval) {

  ImportProperties {
    workers = workers <= 0 ? 2 : workers;
    sweepInterval = sweepInterval == null ? Duration.ofSeconds(5) : sweepInterval;
  }
}
