package io.stride.platform.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class InfrastructureModeTests {

  @Test
  void embeddedIsTheDefaultWhateverDockerSays() {
    assertThat(InfrastructureMode.resolve(null, () -> true)).isEqualTo(InfrastructureMode.EMBEDDED);
    assertThat(InfrastructureMode.resolve(" ", () -> true)).isEqualTo(InfrastructureMode.EMBEDDED);
    assertThat(InfrastructureMode.resolve("embedded", () -> true))
        .isEqualTo(InfrastructureMode.EMBEDDED);
  }

  @Test
  void autoUsesContainersOnlyWhereADockerEngineAnswers() {
    assertThat(InfrastructureMode.resolve("auto", () -> true))
        .isEqualTo(InfrastructureMode.TESTCONTAINERS);
    assertThat(InfrastructureMode.resolve("AUTO", () -> false))
        .isEqualTo(InfrastructureMode.EMBEDDED);
  }

  @Test
  void testcontainersCanBeAskedForExplicitly() {
    assertThat(InfrastructureMode.resolve("testcontainers", () -> false))
        .isEqualTo(InfrastructureMode.TESTCONTAINERS);
  }

  @Test
  void anUnknownSettingIsRefusedWithTheChoices() {
    assertThatThrownBy(() -> InfrastructureMode.resolve("docker", () -> true))
        .hasMessageContaining("use embedded, testcontainers or auto");
  }
}
