package org.qualcheck.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.qualcheck.check.ReferenceChecker;
import org.qualcheck.model.Qualification;
import org.qualcheck.rule.Equivalent;
import org.qualcheck.rule.Rule;
import org.qualcheck.synthetic.StructureGenerator;
import org.qualcheck.synthetic.StructureGenerator.Settings;

/**
 * Lint's exact answers against brute force: every subset of a small random structure's units is
 * checked by the independent {@link ReferenceChecker}. Each case is named by its seed; rerun one
 * with {@code -Dtest='LintPropertyTest#*'} and the seed in the display name.
 */
class LintPropertyTest {
  static LongStream seeds() {
    return LongStream.range(1, 121);
  }

  /**
   * Up to 14 units in up to three optional groups, with maxima, barred pairs and choose rules;
   * every third seed also has units shared between groups and equivalences.
   */
  static Qualification structure(long seed) {
    int units = 6 + (int) Math.floorMod(seed * 7919, 9L);
    int groups = 1 + (int) Math.floorMod(seed, 3L);
    return StructureGenerator.generate(
        seed,
        seed % 3 == 0
            ? new Settings(units, groups, true, 3, 1, 2, true, true)
            : new Settings(units, groups, true, 3, 0, 0, true, true));
  }

  /** Every subset of the units that meets the rules, as bit masks over the unit order. */
  static List<Long> meeting(Qualification q) {
    List<String> units = new ArrayList<>(q.units().keySet());
    ReferenceChecker reference = new ReferenceChecker(q);
    List<Long> out = new ArrayList<>();
    for (long mask = 0; mask < (1L << units.size()); mask++) {
      Set<String> s = new LinkedHashSet<>();
      for (int i = 0; i < units.size(); i++) {
        if ((mask & (1L << i)) != 0) {
          s.add(units.get(i));
        }
      }
      if (reference.meets(s)) {
        out.add(mask);
      }
    }
    return out;
  }

  static Qualification without(Qualification q, Predicate<Rule> drop) {
    Qualification.Builder b =
        Qualification.builder(q.code()).title(q.title()).source(q.source())
            .levels(q.lowestLevel(), q.highestLevel());
    q.units().values().forEach(b::unit);
    q.groups().values().forEach(b::group);
    q.rules().stream().filter(drop.negate()).forEach(b::rule);
    return b.build();
  }

  @ParameterizedTest(name = "seed={0}")
  @MethodSource("seeds")
  void satisfiabilityAndDeadUnitsMatchBruteForce(long seed) {
    Qualification q = structure(seed);
    List<Long> meeting = meeting(q);
    LintReport report = Linter.lint(q);
    assertThat(report.ofKind(FindingKind.UNDECIDED)).as("seed %d", seed).isEmpty();
    assertThat(report.ofKind(FindingKind.UNSATISFIABLE).isEmpty())
        .as("seed %d: satisfiable", seed)
        .isEqualTo(!meeting.isEmpty());
    if (meeting.isEmpty()) {
      return;
    }
    List<String> units = new ArrayList<>(q.units().keySet());
    long alive = meeting.stream().reduce(0L, (a, b) -> a | b);
    Set<String> dead = new LinkedHashSet<>();
    for (int i = 0; i < units.size(); i++) {
      if ((alive & (1L << i)) == 0) {
        dead.add(units.get(i));
      }
    }
    assertThat(report.ofKind(FindingKind.DEAD_UNIT).stream().flatMap(f -> f.units().stream()))
        .as("seed %d: dead units", seed)
        .containsExactlyElementsOf(dead);
  }

  @ParameterizedTest(name = "seed={0}")
  @MethodSource("seeds")
  void removingEveryRuleReportedRedundantChangesNoPlan(long seed) {
    Qualification q = structure(seed);
    List<Long> meeting = meeting(q);
    if (meeting.isEmpty()) {
      return;
    }
    LintReport report = Linter.lint(q);
    Set<String> redundant = new LinkedHashSet<>();
    report.ofKind(FindingKind.REDUNDANT_RULE).forEach(f -> redundant.add(f.rules().get(0)));
    Qualification kept = without(q, r -> redundant.contains(r.id()));
    assertThat(meeting(kept)).as("seed %d: without %s", seed, redundant).isEqualTo(meeting);
    boolean simple = seed % 3 != 0;
    if (!simple) {
      return;
    }
    // in a structure where every unit counts in one group, lint's answer is complete: each rule
    // it keeps decides some plan
    for (Rule r : kept.rules()) {
      if (r instanceof Equivalent) {
        continue;
      }
      Qualification fewer = without(kept, x -> x.id().equals(r.id()));
      assertThat(meeting(fewer))
          .as("seed %d: rule %s was not reported redundant", seed, r.id())
          .isNotEqualTo(meeting);
    }
  }

  @Test
  void theRandomStructuresExerciseEveryAnswer() {
    int unsatisfiable = 0;
    int withDeadUnits = 0;
    int withRedundantRules = 0;
    for (long seed : seeds().toArray()) {
      LintReport r = Linter.lint(structure(seed));
      unsatisfiable += r.ofKind(FindingKind.UNSATISFIABLE).isEmpty() ? 0 : 1;
      withDeadUnits += r.ofKind(FindingKind.DEAD_UNIT).isEmpty() ? 0 : 1;
      withRedundantRules += r.ofKind(FindingKind.REDUNDANT_RULE).isEmpty() ? 0 : 1;
    }
    assertThat(unsatisfiable).as("unsatisfiable structures").isGreaterThanOrEqualTo(5);
    assertThat(withDeadUnits).as("structures with dead units").isGreaterThanOrEqualTo(5);
    assertThat(withRedundantRules).as("structures with redundant rules").isGreaterThanOrEqualTo(5);
  }

}
