package io.stride.gamification.badges;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Every badge rule (each a Spring component), by name; two rules with one name refuse to start. */
@Component
public class BadgeRegistry {

  /** A badge as the catalogue shows it. */
  public record BadgeKind(String badge, String description, List<Integer> tiers) {}

  private final List<BadgeRule> rules;

  public BadgeRegistry(List<BadgeRule> rules) {
    Set<String> names = new HashSet<>();
    for (BadgeRule rule : rules) {
      if (!names.add(rule.name())) {
        throw new IllegalStateException("two badge rules are named " + rule.name());
      }
    }
    this.rules = rules.stream().sorted(Comparator.comparing(BadgeRule::name)).toList();
  }

  /** Every badge the history earns, by every rule. */
  public List<EarnedBadge> earned(BadgeContext context) {
    List<EarnedBadge> earned = new ArrayList<>();
    for (BadgeRule rule : rules) {
      earned.addAll(rule.earned(context));
    }
    return earned;
  }

  public List<BadgeKind> kinds() {
    return rules.stream()
        .map(rule -> new BadgeKind(rule.name(), rule.description(), rule.tiers()))
        .toList();
  }
}
