package org.qualcheck.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.qualcheck.model.Qualification;
import org.qualcheck.synthetic.StructureGenerator;
import org.qualcheck.synthetic.StructureGenerator.Settings;

/**
 * The checker's verdicts, achieved pathways and earned endorsed titles equal the brute-force
 * reference's for every plan of seeded random small structures with pathways and endorsements,
 * with and without units listed in two groups. Each case is named by its seed.
 */
class PathwayPropertyTest {
  static LongStream seeds() {
    return LongStream.range(1, 101);
  }

  static Qualification structure(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    Settings settings =
        seed % 2 == 0
            ? Settings.everything(5 + rnd.nextInt(4), 1 + rnd.nextInt(3))
            : new Settings(5 + rnd.nextInt(4), 2 + rnd.nextInt(2), true, 1, 0, 3, true, false);
    return StructureGenerator.withVariants(
        seed, StructureGenerator.generate(seed, settings), 1 + rnd.nextInt(3), rnd.nextInt(3));
  }

  /** Every plan of the qualification's units: the structures are small enough to try them all. */
  static List<Set<String>> allPlans(Qualification q) {
    List<String> units = new ArrayList<>(q.units().keySet());
    List<Set<String>> plans = new ArrayList<>();
    for (int mask = 0; mask < 1 << units.size(); mask++) {
      Set<String> plan = new LinkedHashSet<>();
      for (int i = 0; i < units.size(); i++) {
        if ((mask >> i & 1) != 0) {
          plan.add(units.get(i));
        }
      }
      plans.add(plan);
    }
    return plans;
  }

  @ParameterizedTest(name = "seed={0}")
  @MethodSource("seeds")
  void verdictsPathwaysAndEndorsementsEqualBruteForce(long seed) {
    Qualification q = structure(seed);
    Checker checker = Checker.of(q);
    ReferenceChecker reference = new ReferenceChecker(q);
    for (Set<String> units : allPlans(q)) {
      Plan plan = Plan.of(units);
      boolean expected = reference.achieves(units);
      CheckResult result = checker.check(plan);
      assertThat(result.met()).as("seed %d, plan %s: verdict", seed, units).isEqualTo(expected);
      assertThat(checker.meets(plan)).as("seed %d, plan %s: fast verdict", seed, units)
          .isEqualTo(expected);
      assertThat(result.achievedPathways()).as("seed %d, plan %s: pathways", seed, units)
          .isEqualTo(reference.metPathways(units));
      assertThat(result.earnedEndorsements()).as("seed %d, plan %s: endorsements", seed, units)
          .isEqualTo(reference.earnedEndorsements(units));
      for (VariantOutcome p : result.pathways()) {
        if (p.met()) {
          assertThat(p.outcomes()).as("seed %d, plan %s, pathway %s", seed, units, p.id())
              .allMatch(RuleOutcome::holds);
        }
      }
      if (expected) {
        assertThat(result.failures()).as("seed %d, plan %s: common rules", seed, units).isEmpty();
      }
    }
  }

  /** Guards the comparison against vacuity: the structures must let plans pass and fail. */
  @Test
  void structuresHaveBothOutcomesAndPathwaysThatDiffer() {
    int met = 0;
    int notMet = 0;
    int pathwaysDiffer = 0;
    int endorsed = 0;
    for (long seed = 1; seed < 101; seed++) {
      Qualification q = structure(seed);
      ReferenceChecker reference = new ReferenceChecker(q);
      for (Set<String> units : allPlans(q)) {
        if (reference.achieves(units)) {
          met++;
          if (reference.metPathways(units).size() < q.pathways().size()) {
            pathwaysDiffer++;
          }
          if (!reference.earnedEndorsements(units).isEmpty()) {
            endorsed++;
          }
        } else {
          notMet++;
        }
      }
    }
    System.out.printf("plans met %d, not met %d, met by some pathways only %d, endorsed %d%n",
        met, notMet, pathwaysDiffer, endorsed);
    assertThat(met).isGreaterThan(500);
    assertThat(notMet).isGreaterThan(500);
    assertThat(pathwaysDiffer).isGreaterThan(100);
    assertThat(endorsed).isGreaterThan(100);
  }
}
