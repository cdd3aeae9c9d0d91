package io.stride.promo.rules;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A {@link Rule} on the wire: one object whose {@code type} says which of the other fields it uses
 * (docs/promotions.md), rather than a {@code oneOf} of six schemas, which generated clients handle
 * badly. {@link #toRule} makes the rule of its type, refusing a field its type does not use.
 */
@Schema(
    name = "Rule",
    description =
        "An eligibility rule; type names the fields it uses: account-age (minDays, maxDays),"
            + " region (regions), sports (anyOf), level (min, max), has-done and has-not-done"
            + " (activity, ref, atLeast)")
public record RuleDocument(
    @Schema(
            example = "level",
            allowableValues = {
              "account-age",
              "region",
              "sports",
              "level",
              "has-done",
              "has-not-done"
            })
        @NotNull
        @Pattern(regexp = "account-age|region|sports|level|has-done|has-not-done")
        String type,
    @Schema(example = "30", description = "account-age: at least this many days")
        @Min(0)
        @Max(36_500)
        @Nullable Integer minDays,
    @Schema(example = "365", description = "account-age: at most this many days")
        @Min(0)
        @Max(36_500)
        @Nullable Integer maxDays,
    @Schema(example = "[\"DE\", \"AT\"]", description = "region: any of these regions")
        @Size(min = 1, max = 50)
        @Nullable List<@NotNull @Pattern(regexp = "[A-Z]{2}(-[A-Z0-9]{1,3})?") String> regions,
    @Schema(example = "[\"run\", \"ride\"]", description = "sports: has recorded any of these")
        @Size(min = 1, max = 20)
        @Nullable List<@NotNull @Pattern(regexp = "[a-z_]{2,32}") String> anyOf,
    @Schema(example = "5", description = "level: at least this level") @Min(1) @Max(1000)
        @Nullable Integer min,
    @Schema(example = "20", description = "level: at most this level") @Min(1) @Max(1000)
        @Nullable Integer max,
    @Schema(description = "has-done, has-not-done: what") @Nullable Activity activity,
    @Schema(example = "early_bird", description = "the challenge id or badge wire name")
        @Pattern(regexp = "[A-Za-z0-9_-]{1,64}")
        @Nullable String ref,
    @Schema(example = "1", description = "workouts or streak days, default 1") @Min(1) @Max(100_000)
        @Nullable Integer atLeast) {

  /** The rule of this type; or, in {@code problems} by field, why not. */
  public Optional<Rule> toRule(String field, Map<String, String> problems) {
    Map<String, Object> given = new LinkedHashMap<>();
    given.put("minDays", minDays);
    given.put("maxDays", maxDays);
    given.put("regions", regions);
    given.put("anyOf", anyOf);
    given.put("min", min);
    given.put("max", max);
    given.put("activity", activity);
    given.put("ref", ref);
    given.put("atLeast", atLeast);
    List<String> uses =
        switch (type) {
          case "account-age" -> List.of("minDays", "maxDays");
          case "region" -> List.of("regions");
          case "sports" -> List.of("anyOf");
          case "level" -> List.of("min", "max");
          default -> List.of("activity", "ref", "atLeast");
        };
    List<String> foreign = new ArrayList<>();
    given.forEach(
        (name, value) -> {
          if (value != null && !uses.contains(name)) {
            foreign.add(name);
          }
        });
    for (String name : foreign) {
      problems.put(field + "." + name, "is not a field of a " + type + " rule");
    }
    String required =
        switch (type) {
          case "region" -> regions == null ? "regions" : null;
          case "sports" -> anyOf == null ? "anyOf" : null;
          case "has-done", "has-not-done" -> activity == null ? "activity" : null;
          default -> null;
        };
    if (required != null) {
      problems.put(field + "." + required, "is needed for a " + type + " rule");
    }
    if (!foreign.isEmpty() || required != null) {
      return Optional.empty();
    }
    Rule rule =
        switch (type) {
          case "account-age" -> new AccountAgeRule(minDays, maxDays);
          case "region" -> new RegionRule(List.copyOf(regions));
          case "sports" -> new SportsRule(List.copyOf(anyOf));
          case "level" -> new LevelRule(min, max);
          case "has-done" -> new HasDoneRule(activity, ref, atLeast);
          default -> new HasNotDoneRule(activity, ref, atLeast);
        };
    rule.problem().ifPresent(problem -> problems.put(field, problem));
    return Optional.of(rule);
  }

  /** How a stored rule is shown. */
  public static RuleDocument of(Rule rule) {
    if (rule instanceof AccountAgeRule r) {
      return new RuleDocument(
          "account-age", r.minDays(), r.maxDays(), null, null, null, null, null, null, null);
    }
    if (rule instanceof RegionRule r) {
      return new RuleDocument(
          "region", null, null, r.regions(), null, null, null, null, null, null);
    }
    if (rule instanceof SportsRule r) {
      return new RuleDocument("sports", null, null, null, r.anyOf(), null, null, null, null, null);
    }
    if (rule instanceof LevelRule r) {
      return new RuleDocument("level", null, null, null, null, r.min(), r.max(), null, null, null);
    }
    if (rule instanceof HasDoneRule r) {
      return new RuleDocument(
          "has-done", null, null, null, null, null, null, r.activity(), r.ref(), r.atLeast());
    }
    HasNotDoneRule r = (HasNotDoneRule) rule;
    return new RuleDocument(
        "has-not-done", null, null, null, null, null, null, r.activity(), r.ref(), r.atLeast());
  }
}
