package io.stride.workout.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ZoneSecretTests {

  private final Random random = new Random(3);
  private final Zone home =
      new Zone(UUID.randomUUID(), 45.0, 6.0, 400, ZoneSecret.draw(400, random));

  @Test
  void adjustingThePinOrTheLabelKeepsTheSecretSoSavingAgainTeachesNothing() {
    assertThat(ZoneSecret.afterEdit(home, 45.0, 6.0, 400, random)).isSameAs(home.secret());
    assertThat(ZoneSecret.afterEdit(home, 45.001, 6.001, 400, random)).isSameAs(home.secret());
  }

  @Test
  void movingToANewPlaceDrawsANewSecret() {
    ZoneSecret moved = ZoneSecret.afterEdit(home, 45.01, 6.0, 400, random);

    assertThat(moved).isNotSameAs(home.secret());
    assertThat(moved.fits(400)).isTrue();
  }

  @Test
  void aRadiusTheOffsetNoLongerFitsDrawsANewSecretThatFits() {
    ZoneSecret grown = ZoneSecret.afterEdit(home, 45.0, 6.0, 1600, random);
    ZoneSecret shrunk = ZoneSecret.afterEdit(home, 45.0, 6.0, 200, random);

    assertThat(home.secret().fits(1600)).isFalse();
    assertThat(grown.fits(1600)).isTrue();
    assertThat(home.secret().fits(200)).isFalse();
    assertThat(shrunk.fits(200)).isTrue();
  }
}
