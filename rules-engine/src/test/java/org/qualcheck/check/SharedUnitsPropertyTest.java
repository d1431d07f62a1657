package org.qualcheck.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.qualcheck.model.Qualification;
import org.qualcheck.synthetic.StructureGenerator;

/**
 * The placement search's reductions (interchangeable units taken together, mandatory units fixed
 * to their group, flow bounds, remembered refutations) against the brute-force reference, over
 * seeded random structures whose units are each listed in many groups. Small structures must never
 * be undecided. Each case is named by its seed; replay a failure by running that seed alone.
 */
class SharedUnitsPropertyTest {
  static LongStream seeds() {
    return LongStream.range(1, 401);
  }

  static Qualification structure(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed ^ 0x5EED);
    return StructureGenerator.sharedGroups(seed, 4 + rnd.nextInt(5), 2 + rnd.nextInt(3));
  }

  @ParameterizedTest(name = "seed={0}")
  @MethodSource("seeds")
  void agreesWithBruteForceReference(long seed) {
    Qualification q = structure(seed);
    Checker checker = Checker.of(q);
    ReferenceChecker reference = new ReferenceChecker(q);
    SplittableRandom rnd = new SplittableRandom(seed);
    for (int k = 0; k < 30; k++) {
      Plan plan =
          k % 2 == 0 ? RandomPlans.random(q, rnd) : RandomPlans.nearBoundary(q, rnd, reference::meets);
      boolean expected = reference.meets(plan.units());
      Verdict verdict = checker.verdict(plan);
      assertThat(verdict).as("seed %d, plan %s", seed, plan)
          .isEqualTo(expected ? Verdict.MET : Verdict.NOT_MET);
      CheckResult result = checker.check(plan);
      assertThat(result.verdict()).as("seed %d, plan %s: explained", seed, plan).isEqualTo(verdict);
      assertThat(result.failures().isEmpty()).as("seed %d, plan %s", seed, plan).isEqualTo(expected);
      for (var placed : result.placement().entrySet()) {
        assertThat(q.groups()).as("seed %d, plan %s", seed, plan).containsKey(placed.getValue());
      }
    }
  }

  /** Guards the comparison against vacuity: the random plans must both meet and fail. */
  @Test
  void randomPlansIncludeBothVerdicts() {
    int met = 0;
    int total = 0;
    for (long seed = 1; seed <= 400; seed++) {
      Qualification q = structure(seed);
      ReferenceChecker reference = new ReferenceChecker(q);
      SplittableRandom rnd = new SplittableRandom(seed);
      for (int k = 0; k < 30; k++) {
        Plan plan =
            k % 2 == 0 ? RandomPlans.random(q, rnd) : RandomPlans.nearBoundary(q, rnd, reference::meets);
        total++;
        if (reference.meets(plan.units())) {
          met++;
        }
      }
    }
    assertThat(met).isBetween(total / 20, total - total / 20);
  }
}
