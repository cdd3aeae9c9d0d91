package io.stride.platform.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.Test;

/**
 * Spring logs through Commons Logging with messages built only when asked for ({@code LogMessage}).
 * Commons Logging's SLF4J bridge turns every message into a string before asking whether its level
 * is on, so each request built Spring Security's debug lines for nobody (a quarter of the gateway's
 * garbage); the platform names the Log4j API bridge instead, which asks first (ADR 0025).
 */
class LazyDebugMessagesTests {

  @Test
  void aDebugMessageIsNeverBuiltWhileDebugIsOff() {
    Log log = LogFactory.getLog("io.stride.quiet");
    AtomicInteger built = new AtomicInteger();
    Object message =
        new Object() {
          @Override
          public String toString() {
            built.incrementAndGet();
            return "expensive";
          }
        };

    log.debug(message);
    log.trace(message);

    assertThat(log.isDebugEnabled()).isFalse();
    assertThat(built).as("messages built for a disabled level").hasValue(0);
  }

  @Test
  void anEnabledLevelStillReachesTheLoggingSystem() {
    Log log = LogFactory.getLog("io.stride.loud");
    AtomicInteger built = new AtomicInteger();

    log.warn(
        new Object() {
          @Override
          public String toString() {
            built.incrementAndGet();
            return "heard";
          }
        });

    assertThat(built).hasValue(1);
  }
}
