package org.qualcheck.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.qualcheck.check.Checker;
import org.qualcheck.check.Plan;
import org.qualcheck.model.Qualification;
import org.qualcheck.synthetic.StructureGenerator;
import org.qualcheck.synthetic.StructureGenerator.Settings;

/**
 * The planner against brute force over every subset of a small random structure's units. Each case
 * is named by its seed.
 */
class PlannerPropertyTest {
  static LongStream seeds() {
    return LongStream.range(1, 151);
  }

  record Subset(Set<String> units, long credits) {}

  /** Every subset of the structure's units that meets the rules, by brute force. */
  static List<Subset> meetingPlans(Qualification q, Checker checker) {
    List<String> units = new ArrayList<>(q.units().keySet());
    List<Subset> out = new ArrayList<>();
    for (long mask = 0; mask < (1L << units.size()); mask++) {
      Set<String> s = new LinkedHashSet<>();
      long credits = 0;
      for (int i = 0; i < units.size(); i++) {
        if ((mask & (1L << i)) != 0) {
          s.add(units.get(i));
          credits += q.units().get(units.get(i)).credits();
        }
      }
      if (checker.meets(Plan.of(s))) {
        out.add(new Subset(s, credits));
      }
    }
    return out;
  }

  /** Every rule kind; every third seed with many shared units and two equivalences. */
  static Qualification structure(long seed, SplittableRandom rnd) {
    int units = 6 + rnd.nextInt(7);
    int groups = 1 + rnd.nextInt(3);
    return StructureGenerator.generate(
        seed,
        seed % 3 == 0
            ? new Settings(units, groups, true, 2, 2, 6, true, true)
            : Settings.everything(units, groups));
  }

  static Plan partial(Qualification q, SplittableRandom rnd) {
    List<String> chosen = new ArrayList<>();
    for (String u : q.units().keySet()) {
      if (rnd.nextInt(4) == 0) {
        chosen.add(u);
      }
    }
    return Plan.of(chosen);
  }

  static long credits(Qualification q, Iterable<String> units) {
    long c = 0;
    for (String u : units) {
      c += q.units().get(u).credits();
    }
    return c;
  }

  @ParameterizedTest(name = "seed={0}")
  @MethodSource("seeds")
  void completionIsValidAndNoCheaperOneExists(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    Qualification q = structure(seed, rnd);
    Checker checker = Checker.of(q);
    Planner planner = Planner.of(checker);
    List<Subset> meeting = meetingPlans(q, checker);
    for (int k = 0; k < 5; k++) {
      Plan partial = partial(q, rnd);
      long cheapest = Long.MAX_VALUE;
      int fewest = Integer.MAX_VALUE;
      List<String> earliest = null;
      List<String> order = new ArrayList<>(q.units().keySet());
      for (Subset s : meeting) {
        if (s.units().containsAll(partial.units())) {
          long added = s.credits() - credits(q, partial.units());
          int units = s.units().size() - partial.size();
          List<String> addedUnits =
              s.units().stream().filter(u -> !partial.contains(u)).sorted(
                  java.util.Comparator.comparingInt(order::indexOf)).toList();
          if (added < cheapest
              || (added == cheapest && units < fewest)
              || (added == cheapest && units == fewest && earlier(addedUnits, earliest, order))) {
            cheapest = added;
            fewest = units;
            earliest = addedUnits;
          }
        }
      }
      PlanAnswer answer = planner.complete(partial, PlanOptions.defaults().withAlternatives(3));
      if (cheapest == Long.MAX_VALUE) {
        assertThat(answer.options()).as("seed %d, plan %s", seed, partial).isEmpty();
        assertThat(answer.conflict()).as("seed %d, plan %s", seed, partial).isPresent();
        continue;
      }
      assertThat(answer.options()).as("seed %d, plan %s", seed, partial).isNotEmpty();
      Completion best = answer.options().get(0);
      assertThat(best.creditsAdded()).as("seed %d, plan %s: added credits", seed, partial)
          .isEqualTo(cheapest);
      assertThat(best.add()).as("seed %d, plan %s: added units", seed, partial).hasSize(fewest);
      assertThat(planner.complete(partial, PlanOptions.defaults()).best().orElseThrow().add())
          .as("seed %d, plan %s: ties go to the earliest units", seed, partial)
          .containsExactlyElementsOf(earliest);
      assertThat(best.result().met()).as("seed %d, plan %s", seed, partial).isTrue();
      long previous = -1;
      Set<List<String>> seen = new java.util.HashSet<>();
      for (Completion c : answer.options()) {
        assertThat(c.result().met()).as("seed %d, plan %s: %s", seed, partial, c.add()).isTrue();
        assertThat(c.creditsAdded()).as("seed %d: alternatives in cost order", seed)
            .isGreaterThanOrEqualTo(previous);
        previous = c.creditsAdded();
        assertThat(seen.add(c.add())).as("seed %d: alternatives distinct", seed).isTrue();
        for (String u : c.add()) {
          List<String> without = new ArrayList<>(c.result().plan().units());
          without.remove(u);
          assertThat(checker.meets(Plan.of(without)))
              .as("seed %d, plan %s: completion %s is not minimal without %s", seed, partial,
                  c.add(), u)
              .isFalse();
        }
      }
    }
  }

  /** Whether {@code a} comes before {@code b} comparing unit positions in declaration order. */
  static boolean earlier(List<String> a, List<String> b, List<String> order) {
    if (b == null) {
      return true;
    }
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      int c = Integer.compare(order.indexOf(a.get(i)), order.indexOf(b.get(i)));
      if (c != 0) {
        return c < 0;
      }
    }
    return a.size() < b.size();
  }

  @ParameterizedTest(name = "seed={0}")
  @MethodSource("seeds")
  void repairChangesAsFewCreditsAsPossible(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    Qualification q = structure(seed, rnd);
    Checker checker = Checker.of(q);
    Planner planner = Planner.of(checker);
    List<Subset> meeting = meetingPlans(q, checker);
    for (int k = 0; k < 3; k++) {
      Plan given = partial(q, rnd);
      long cheapest = Long.MAX_VALUE;
      for (Subset s : meeting) {
        long changed = 0;
        for (String u : q.units().keySet()) {
          if (s.units().contains(u) != given.contains(u)) {
            changed += q.units().get(u).credits();
          }
        }
        cheapest = Math.min(cheapest, changed);
      }
      PlanAnswer answer = planner.repair(given, PlanOptions.defaults());
      if (cheapest == Long.MAX_VALUE) {
        assertThat(answer.options()).as("seed %d, plan %s", seed, given).isEmpty();
        continue;
      }
      Completion best = answer.options().get(0);
      assertThat(best.creditsChanged()).as("seed %d, plan %s", seed, given).isEqualTo(cheapest);
      assertThat(best.result().met()).as("seed %d, plan %s", seed, given).isTrue();
    }
  }

  @ParameterizedTest(name = "seed={0}")
  @MethodSource("seeds")
  void exclusionsAreHonoured(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    Qualification q = structure(seed, rnd);
    Checker checker = Checker.of(q);
    Planner planner = Planner.of(checker);
    List<String> units = new ArrayList<>(q.units().keySet());
    List<String> excluded = List.of(units.get(rnd.nextInt(units.size())),
        units.get(rnd.nextInt(units.size())));
    Plan partial = Plan.of(q.groups().get("M").units());
    boolean possible =
        meetingPlans(q, checker).stream()
            .anyMatch(s -> s.units().containsAll(partial.units())
                && excluded.stream().noneMatch(s.units()::contains));
    PlanAnswer answer = planner.complete(partial, PlanOptions.defaults().excluding(
        excluded.stream().filter(u -> !partial.contains(u)).toList()));
    boolean excludedMandatory = excluded.stream().anyMatch(partial::contains);
    if (!excludedMandatory) {
      assertThat(answer.best().isPresent()).as("seed %d, excluding %s", seed, excluded)
          .isEqualTo(possible);
    }
    answer.options().forEach(c ->
        assertThat(c.add()).as("seed %d", seed).doesNotContainAnyElementsOf(excluded));
  }
}
