package org.qualcheck.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Predicate;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.qualcheck.check.Checker;
import org.qualcheck.check.Plan;
import org.qualcheck.check.ReferenceChecker;
import org.qualcheck.model.Qualification;
import org.qualcheck.model.Variant;
import org.qualcheck.synthetic.StructureGenerator;
import org.qualcheck.synthetic.StructureGenerator.Settings;

/**
 * The cheapest completion over pathways, and toward an endorsed title, equals brute force over
 * every superset of the partial plan on seeded random small structures; the pathway it names is
 * one the completed plan achieves, and minimal plans over pathways are exactly the brute-force
 * ones. Each case is named by its seed.
 */
class PathwayPlannerPropertyTest {
  static LongStream seeds() {
    return LongStream.range(1, 81);
  }

  static Qualification structure(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    Settings settings =
        seed % 2 == 0
            ? Settings.everything(5 + rnd.nextInt(4), 1 + rnd.nextInt(3))
            : new Settings(5 + rnd.nextInt(4), 2 + rnd.nextInt(2), true, 1, 0, 3, true, false);
    return StructureGenerator.withVariants(
        seed, StructureGenerator.generate(seed, settings), 1 + rnd.nextInt(3), 1 + rnd.nextInt(2));
  }

  /** The least credits to add to {@code partial} so that {@code goal} holds; -1 if none does. */
  static long bruteCheapest(Qualification q, Set<String> partial, Predicate<Set<String>> goal) {
    List<String> others = new ArrayList<>(q.units().keySet());
    others.removeAll(partial);
    long best = -1;
    for (int mask = 0; mask < 1 << others.size(); mask++) {
      Set<String> plan = new LinkedHashSet<>(partial);
      long credits = 0;
      for (int i = 0; i < others.size(); i++) {
        if ((mask >> i & 1) != 0) {
          plan.add(others.get(i));
          credits += q.units().get(others.get(i)).credits();
        }
      }
      if ((best < 0 || credits < best) && goal.test(plan)) {
        best = credits;
      }
    }
    return best;
  }

  static Set<String> randomPartial(Qualification q, SplittableRandom rnd) {
    Set<String> plan = new LinkedHashSet<>();
    for (String u : q.units().keySet()) {
      if (rnd.nextInt(4) == 0) {
        plan.add(u);
      }
    }
    return plan;
  }

  @ParameterizedTest(name = "seed={0}")
  @MethodSource("seeds")
  void cheapestCompletionOverPathwaysEqualsBruteForce(long seed) {
    Qualification q = structure(seed);
    Checker checker = Checker.of(q);
    Planner planner = Planner.of(checker);
    ReferenceChecker reference = new ReferenceChecker(q);
    SplittableRandom rnd = new SplittableRandom(seed ^ 0x5DEECE66DL);
    for (int k = 0; k < 6; k++) {
      Set<String> partial = randomPartial(q, rnd);
      long expected = bruteCheapest(q, partial, reference::achieves);
      PlanAnswer answer = planner.complete(Plan.of(partial), PlanOptions.defaults());
      if (expected < 0) {
        assertThat(answer.best()).as("seed %d, partial %s", seed, partial).isEmpty();
        assertThat(answer.conflict()).as("seed %d, partial %s", seed, partial).isPresent();
        continue;
      }
      assertThat(answer.best()).as("seed %d, partial %s", seed, partial).isPresent();
      Completion best = answer.best().get();
      assertThat(best.creditsAdded()).as("seed %d, partial %s", seed, partial).isEqualTo(expected);
      Set<String> after = best.result().plan().units();
      assertThat(reference.achieves(after)).as("seed %d, partial %s", seed, partial).isTrue();
      if (expected > 0) {
        assertThat(answer.pathway()).as("seed %d, partial %s", seed, partial).isPresent();
        assertThat(reference.metPathways(after)).as("seed %d, partial %s", seed, partial)
            .contains(answer.pathway().get());
      }
    }
  }

  @ParameterizedTest(name = "seed={0}")
  @MethodSource("seeds")
  void cheapestCompletionTowardAnEndorsedTitleEqualsBruteForce(long seed) {
    Qualification q = structure(seed);
    Checker checker = Checker.of(q);
    ReferenceChecker reference = new ReferenceChecker(q);
    SplittableRandom rnd = new SplittableRandom(seed * 7 + 1);
    for (Variant e : q.endorsements()) {
      Planner planner = Planner.towardEndorsement(checker, e.id());
      for (int k = 0; k < 3; k++) {
        Set<String> partial = randomPartial(q, rnd);
        long expected =
            bruteCheapest(q, partial, p -> reference.earnedEndorsements(p).contains(e.id()));
        PlanAnswer answer = planner.complete(Plan.of(partial), PlanOptions.defaults());
        if (expected < 0) {
          assertThat(answer.best()).as("seed %d, %s, partial %s", seed, e.id(), partial).isEmpty();
          continue;
        }
        Completion best = answer.best().orElseThrow();
        assertThat(best.creditsAdded()).as("seed %d, %s, partial %s", seed, e.id(), partial)
            .isEqualTo(expected);
        assertThat(reference.earnedEndorsements(best.result().plan().units()))
            .as("seed %d, %s, partial %s", seed, e.id(), partial).contains(e.id());
      }
    }
  }

  @ParameterizedTest(name = "seed={0}")
  @MethodSource("seeds")
  void minimalPlansOverPathwaysEqualBruteForce(long seed) {
    Qualification q = structure(seed);
    ReferenceChecker reference = new ReferenceChecker(q);
    Set<Set<String>> expected = new java.util.HashSet<>();
    List<String> units = new ArrayList<>(q.units().keySet());
    for (int mask = 0; mask < 1 << units.size(); mask++) {
      Set<String> plan = new LinkedHashSet<>();
      for (int i = 0; i < units.size(); i++) {
        if ((mask >> i & 1) != 0) {
          plan.add(units.get(i));
        }
      }
      if (!reference.achieves(plan)) {
        continue;
      }
      boolean minimal = true;
      for (String u : plan) {
        Set<String> less = new LinkedHashSet<>(plan);
        less.remove(u);
        minimal &= !reference.achieves(less);
      }
      if (minimal) {
        expected.add(plan);
      }
    }
    List<Set<String>> listed = new ArrayList<>();
    boolean complete = Planner.of(Checker.of(q)).minimalPlans(p -> listed.add(p.units()));
    assertThat(complete).as("seed %d", seed).isTrue();
    assertThat(listed).as("seed %d: each plan once", seed).doesNotHaveDuplicates();
    assertThat(new java.util.HashSet<>(listed)).as("seed %d", seed).isEqualTo(expected);
  }
}
