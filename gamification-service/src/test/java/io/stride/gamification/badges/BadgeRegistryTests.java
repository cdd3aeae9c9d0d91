package io.stride.gamification.badges;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class BadgeRegistryTests {

  @Test
  void twoRulesWithOneNameRefuseToStart() {
    assertThatThrownBy(() -> new BadgeRegistry(List.of(new ComebackBadge(), new ComebackBadge())))
        .hasMessageContaining("comeback");
  }

  @Test
  void theCatalogueListsEveryRuleByNameWithItsTiers() {
    BadgeRegistry registry =
        new BadgeRegistry(List.of(new NightOwlBadge(), new RunningDistanceBadge()));

    assertThat(registry.kinds())
        .extracting(BadgeRegistry.BadgeKind::badge, BadgeRegistry.BadgeKind::tiers)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("distance_running", List.of(100, 500, 1000, 5000)),
            org.assertj.core.groups.Tuple.tuple("night_owl", List.of()));
  }
}
