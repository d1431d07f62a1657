package org.qualcheck.count;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.qualcheck.check.Checker;
import org.qualcheck.check.ReferenceChecker;
import org.qualcheck.model.Qualification;
import org.qualcheck.synthetic.StructureGenerator;
import org.qualcheck.synthetic.StructureGenerator.Settings;

/**
 * Counts and listings of plans achieving a qualification with pathways equal brute force over
 * every plan of seeded random small simple structures. Each case is named by its seed.
 */
class PathwayCounterPropertyTest {
  static LongStream seeds() {
    return LongStream.range(1, 121);
  }

  @ParameterizedTest(name = "seed={0}")
  @MethodSource("seeds")
  void countsAndListingsEqualBruteForce(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    Qualification q =
        StructureGenerator.withVariants(
            seed,
            StructureGenerator.generate(
                seed, new Settings(6 + rnd.nextInt(4), 1 + rnd.nextInt(3), true, 1, 0, 0, true,
                    false)),
            rnd.nextInt(5),
            rnd.nextInt(2));
    Checker checker = Checker.of(q);
    assertThat(PathwayCounter.supports(checker)).as("seed %d", seed).isTrue();
    ReferenceChecker reference = new ReferenceChecker(q);
    List<String> units = new ArrayList<>(q.units().keySet());
    long all = 0;
    long credits = rnd.nextInt(8, 30);
    long withCredits = 0;
    Set<Set<String>> expected = new java.util.HashSet<>();
    for (int mask = 0; mask < 1 << units.size(); mask++) {
      Set<String> plan = new LinkedHashSet<>();
      for (int i = 0; i < units.size(); i++) {
        if ((mask >> i & 1) != 0) {
          plan.add(units.get(i));
        }
      }
      if (reference.achieves(plan)) {
        all++;
        expected.add(plan);
        if (q.credits(plan) == credits) {
          withCredits++;
        }
      }
    }
    assertThat(PathwayCounter.allPlans(checker).count()).as("seed %d", seed)
        .isEqualTo(BigInteger.valueOf(all));
    assertThat(PathwayCounter.plansWithCredits(checker, credits).count())
        .as("seed %d, %d credits", seed, credits).isEqualTo(BigInteger.valueOf(withCredits));
    List<Set<String>> listed = new ArrayList<>();
    PathwayCounter.allPlans(checker).list(p -> listed.add(p.units()));
    assertThat(listed).as("seed %d: each plan once", seed).doesNotHaveDuplicates();
    assertThat(new java.util.HashSet<>(listed)).as("seed %d", seed).isEqualTo(expected);
  }
}
