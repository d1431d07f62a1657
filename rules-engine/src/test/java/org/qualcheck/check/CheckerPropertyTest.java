package org.qualcheck.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.qualcheck.model.Qualification;
import org.qualcheck.rule.Equivalent;
import org.qualcheck.synthetic.StructureGenerator;
import org.qualcheck.synthetic.StructureGenerator.Settings;

/**
 * Properties of the checker over seeded random structures and plans. Each case is named by its
 * seed; replay a failure by running the test with that seed alone.
 */
class CheckerPropertyTest {
  static LongStream seeds() {
    return LongStream.range(1, 301);
  }

  @ParameterizedTest(name = "seed={0}")
  @MethodSource("seeds")
  void agreesWithBruteForceReference(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    Qualification q =
        StructureGenerator.generate(
            seed, Settings.everything(6 + rnd.nextInt(9), 1 + rnd.nextInt(4)));
    Checker checker = Checker.of(q);
    ReferenceChecker reference = new ReferenceChecker(q);
    for (int k = 0; k < 40; k++) {
      Plan plan =
          k % 2 == 0 ? RandomPlans.random(q, rnd) : RandomPlans.nearBoundary(q, rnd, reference::meets);
      boolean expected = reference.meets(plan.units());
      assertThat(checker.meets(plan)).as("seed %d, plan %s: verdict", seed, plan).isEqualTo(expected);
      CheckResult result = checker.check(plan);
      assertThat(result.met()).as("seed %d, plan %s: explained verdict", seed, plan)
          .isEqualTo(expected);
      assertThat(result.failures().isEmpty()).as("seed %d, plan %s", seed, plan).isEqualTo(expected);
    }
  }

  @ParameterizedTest(name = "seed={0}")
  @MethodSource("seeds")
  void agreesWithReferenceWhenManyUnitsShareGroups(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    Qualification q =
        StructureGenerator.generate(
            seed, new Settings(10 + rnd.nextInt(5), 2 + rnd.nextInt(3), true, 1, 2, 8, true, false));
    Checker checker = Checker.of(q);
    ReferenceChecker reference = new ReferenceChecker(q);
    for (int k = 0; k < 30; k++) {
      Plan plan =
          k % 2 == 0 ? RandomPlans.random(q, rnd) : RandomPlans.nearBoundary(q, rnd, reference::meets);
      boolean expected = reference.meets(plan.units());
      assertThat(checker.meets(plan)).as("seed %d, plan %s", seed, plan).isEqualTo(expected);
      CheckResult result = checker.check(plan);
      assertThat(result.met()).as("seed %d, plan %s", seed, plan).isEqualTo(expected);
      if (expected) {
        assertThat(result.failures()).as("seed %d, plan %s", seed, plan).isEmpty();
        for (var placed : result.placement().entrySet()) {
          boolean listed = q.groups().get(placed.getValue()).contains(placed.getKey());
          boolean hasEquivalent =
              q.rules().stream()
                  .anyMatch(
                      r -> r instanceof Equivalent e && e.units().contains(placed.getKey()));
          assertThat(listed || hasEquivalent)
              .as("seed %d, plan %s: %s placed in %s", seed, plan, placed.getKey(),
                  placed.getValue())
              .isTrue();
        }
      }
    }
  }

  /** Guards the comparison above against vacuity: random plans must both meet and fail. */
  @Test
  void randomPlansIncludeBothVerdicts() {
    int met = 0;
    int total = 0;
    for (long seed = 1; seed <= 300; seed++) {
      SplittableRandom rnd = new SplittableRandom(seed);
      Qualification q =
          StructureGenerator.generate(
              seed, Settings.everything(6 + rnd.nextInt(9), 1 + rnd.nextInt(4)));
      ReferenceChecker reference = new ReferenceChecker(q);
      for (int k = 0; k < 40; k++) {
        total++;
        Plan plan =
            k % 2 == 0
                ? RandomPlans.random(q, rnd)
                : RandomPlans.nearBoundary(q, rnd, reference::meets);
        if (reference.meets(plan.units())) {
          met++;
        }
      }
    }
    assertThat(met).isBetween(total / 20, total - total / 20);
  }

  @ParameterizedTest(name = "seed={0}")
  @MethodSource("seeds")
  void orderOfUnitsNeverMatters(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    Qualification q = StructureGenerator.generate(seed, Settings.everything(12, 3));
    Checker checker = Checker.of(q);
    for (int k = 0; k < 10; k++) {
      Plan plan = RandomPlans.random(q, rnd);
      List<String> shuffled = new ArrayList<>(plan.units());
      RandomPlans.shuffle(shuffled, rnd);
      CheckResult a = checker.check(plan);
      CheckResult b = checker.check(Plan.of(shuffled));
      assertThat(b.met()).as("seed %d, plan %s", seed, plan).isEqualTo(a.met());
      for (int r = 0; r < a.outcomes().size(); r++) {
        assertThat(b.outcomes().get(r).achieved())
            .as("seed %d, plan %s, rule %s", seed, plan, a.outcomes().get(r).ruleId())
            .isEqualTo(a.outcomes().get(r).achieved());
      }
    }
  }

  @ParameterizedTest(name = "seed={0}")
  @MethodSource("seeds")
  void removingAMandatoryUnitAlwaysFails(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    Qualification q = StructureGenerator.generate(seed, Settings.everything(12, 3));
    Checker checker = Checker.of(q);
    for (int k = 0; k < 20; k++) {
      Plan plan = RandomPlans.random(q, rnd);
      for (String mandatory : q.groups().get("M").units()) {
        List<String> without = new ArrayList<>(plan.units());
        without.remove(mandatory);
        CheckResult result = checker.check(Plan.of(without));
        assertThat(result.met()).as("seed %d, plan %s without %s", seed, plan, mandatory).isFalse();
        assertThat(result.outcomes().get(0).missing()).contains(mandatory);
      }
    }
  }

  @ParameterizedTest(name = "seed={0}")
  @MethodSource("seeds")
  void addingAUnitNeverBreaksAPlanUnderMinimumRules(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    Qualification q = StructureGenerator.generate(seed, Settings.minimaOnly(12, 3));
    Checker checker = Checker.of(q);
    for (int k = 0; k < 30; k++) {
      Plan plan = RandomPlans.random(q, rnd);
      if (!checker.meets(plan)) {
        continue;
      }
      for (String extra : q.units().keySet()) {
        if (!plan.contains(extra)) {
          List<String> with = new ArrayList<>(plan.units());
          with.add(extra);
          assertThat(checker.meets(Plan.of(with)))
              .as("seed %d, plan %s plus %s", seed, plan, extra)
              .isTrue();
        }
      }
    }
  }
}
