package org.qualcheck.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.qualcheck.model.Level;
import org.qualcheck.model.Qualification;
import org.qualcheck.model.Unit;
import org.qualcheck.rule.Cap;
import org.qualcheck.rule.Equivalent;
import org.qualcheck.rule.Rule;
import org.qualcheck.rule.UnitFilter;
import org.qualcheck.synthetic.StructureGenerator;

/**
 * Lint on structures with caps on what counts and attribute filters, against brute force over
 * every subset of their units (checked by the independent reference). Each case is named by its
 * seed.
 */
class CapLintPropertyTest {
  static LongStream seeds() {
    return LongStream.range(1, 101);
  }

  private static final Set<Long> INERT = java.util.concurrent.ConcurrentHashMap.newKeySet();
  private static final Set<Long> BINDING = java.util.concurrent.ConcurrentHashMap.newKeySet();

  @AfterAll
  static void bothKindsOfCapWereSeen() {
    assertThat(INERT).as("seeds with an inert cap").isNotEmpty();
    assertThat(BINDING).as("seeds with a binding cap").isNotEmpty();
  }

  static Qualification structure(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed * 131 + 3);
    return StructureGenerator.capped(seed, 5 + rnd.nextInt(5), 1 + rnd.nextInt(3));
  }

  @ParameterizedTest(name = "seed={0}")
  @MethodSource("seeds")
  void satisfiabilityDeadUnitsAndRedundancyMatchBruteForce(long seed) {
    Qualification q = structure(seed);
    List<Long> meeting = LintPropertyTest.meeting(q);
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
    Set<String> redundant = new HashSet<>();
    report.ofKind(FindingKind.REDUNDANT_RULE).forEach(f -> redundant.add(f.rules().get(0)));
    report.ofKind(FindingKind.INERT_CAP).forEach(f -> redundant.add(f.rules().get(0)));
    Qualification reduced = LintPropertyTest.without(q, r -> redundant.contains(r.id()));
    assertThat(LintPropertyTest.meeting(reduced))
        .as("seed %d: dropping %s changes no plan", seed, redundant)
        .isEqualTo(meeting);
  }

  @ParameterizedTest(name = "seed={0}")
  @MethodSource("seeds")
  void inertCapsAndUnknownAttributesMatchBruteForce(long seed) {
    Qualification q = structure(seed);
    LintReport report = Linter.lint(q);
    Set<String> inert = new HashSet<>();
    for (Rule r : q.rules()) {
      if (r instanceof Cap c) {
        long most = mostCounted(q, c);
        if (most <= c.max()) {
          inert.add(c.id());
          INERT.add(seed);
        } else {
          BINDING.add(seed);
        }
      }
    }
    Set<String> found = new HashSet<>();
    report.ofKind(FindingKind.INERT_CAP).forEach(f -> found.add(f.rules().get(0)));
    assertThat(found).as("seed %d: inert caps", seed).isEqualTo(inert);
    Set<String> carried = new HashSet<>();
    q.units().values().forEach(u -> carried.addAll(u.attributes()));
    Set<String> unknown = new HashSet<>();
    for (Rule r : q.rules()) {
      UnitFilter f =
          r instanceof org.qualcheck.rule.Total t ? t.filter()
              : r instanceof Cap c ? c.filter() : UnitFilter.none();
      for (String a : f.attributeNames()) {
        if (!carried.contains(a)) {
          unknown.add(r.id() + ":" + a);
        }
      }
    }
    Set<String> reported = new HashSet<>();
    report.ofKind(FindingKind.UNKNOWN_ATTRIBUTE)
        .forEach(f -> reported.add(f.rules().get(0) + ":" + f.message().split("\"")[1]));
    assertThat(reported).as("seed %d: unknown attributes", seed).isEqualTo(unknown);
  }

  /**
   * The most a cap's scope could ever count, by brute force: every subset of units holding at
   * most one of each equivalence, each unit in the cap's scope if any of its groups is (or it is
   * named, or the scope is the whole plan) and passing the filter, read plainly.
   */
  static long mostCounted(Qualification q, Cap c) {
    List<String> units = new ArrayList<>(q.units().keySet());
    List<Set<String>> equivalences = new ArrayList<>();
    for (Rule r : q.rules()) {
      if (r instanceof Equivalent e) {
        equivalences.add(new HashSet<>(e.units()));
      }
    }
    long most = 0;
    for (long mask = 0; mask < (1L << units.size()); mask++) {
      long figure = 0;
      boolean oneEach = true;
      Set<String> s = new HashSet<>();
      for (int i = 0; i < units.size(); i++) {
        if ((mask & (1L << i)) != 0) {
          s.add(units.get(i));
        }
      }
      for (Set<String> e : equivalences) {
        oneEach &= e.stream().filter(s::contains).count() <= 1;
      }
      if (!oneEach) {
        continue;
      }
      for (String u : s) {
        Unit unit = q.units().get(u);
        boolean named = c.scope().units().stream().anyMatch(n -> n.equals(u)
            || equivalences.stream().anyMatch(e -> e.contains(n) && e.contains(u)));
        boolean inGroup = c.scope().groups().stream().anyMatch(g -> q.groups().get(g).contains(u));
        boolean passes = plainFilter(c.filter(), unit);
        if (passes && (c.scope().isWholePlan() || named || inGroup)) {
          figure += switch (c.measure()) {
            case CREDITS -> unit.credits();
            case UNITS -> 1;
            case GUIDED_LEARNING_HOURS -> unit.guidedLearningHoursOrZero();
          };
        }
      }
      most = Math.max(most, figure);
    }
    return most;
  }

  private static boolean plainFilter(UnitFilter f, Unit unit) {
    if (f.level().isPresent()) {
      Level at = f.level().get().level();
      int cmp = unit.level().compareTo(at);
      boolean ok = switch (f.level().get().comparison()) {
        case EXACTLY -> cmp == 0;
        case AT_LEAST -> cmp >= 0;
        case AT_MOST -> cmp <= 0;
      };
      if (!ok) {
        return false;
      }
    }
    return f.attribute().map(unit.attributes()::contains).orElse(true)
        && f.withoutAttribute().map(a -> !unit.attributes().contains(a)).orElse(true);
  }
}
