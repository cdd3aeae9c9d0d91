package io.stride.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FreePortsTests {

  @Test
  void noPortIsGivenTwiceInOneJvmThoughEachIsReleasedAtOnce() {
    Set<Integer> ports = new HashSet<>();
    for (int i = 0; i < 300; i++) {
      int port = FreePorts.find();
      assertThat(FreePorts.isFree(port)).isTrue();
      ports.add(port);
    }

    assertThat(ports).hasSize(300);
  }
}
