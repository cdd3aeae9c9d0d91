package io.stride.workout.importing;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * {@code stride.workout.import.*}: processing threads, how often waiting imports are swept up, and
 * the largest file accepted from outside the upload endpoint (a partner's push, after
 * decompression). {@code max-file-size} is the upload size limit, {@code
 * spring.servlet.multipart.max-file-size} (25 MB), unless set otherwise.
 */
@ConfigurationProperties("stride.workout.import")
record ImportProperties(int workers, Duration sweepInterval, DataSize maxFileSize) {

  ImportProperties {
    workers = workers <= 0 ? 2 : workers;
    sweepInterval = sweepInterval == null ? Duration.ofSeconds(5) : sweepInterval;
    maxFileSize = maxFileSize == null ? DataSize.ofMegabytes(25) : maxFileSize;
  }
}
