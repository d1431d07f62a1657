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
import org.qualcheck.check.Plan;
import org.qualcheck.check.ReferenceChecker;
import org.qualcheck.model.Qualification;
import org.qualcheck.synthetic.StructureGenerator;
import org.qualcheck.synthetic.StructureGenerator.Settings;

/**
 * The best completion's tie-break against brute force: among the completions adding the fewest
 * credits, then the fewest units, the planner must return the one whose added units come first in
 * unit order, with units excluded, in simple structures (where units that raise no failing rule
 * are ruled out without a search) as well as ones with shared units and equivalences. Every subset
 * of the units is checked with the independent {@link ReferenceChecker}. Each case is named by its
 * seed.
 */
class EarliestCompletionPropertyTest {
  static LongStream seeds() {
    return LongStream.range(1, 201);
  }

  /**
   * Up to 14 units in up to three optional groups: minima only; maxima, barred pairs, choose rules
   * and guided learning hours; maxima and barred pairs; or, every fourth seed, all of those with
   * units shared between groups and an equivalence.
   */
  static Qualification structure(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed * 31 + 7);
    int units = 6 + rnd.nextInt(9);
    int groups = 1 + rnd.nextInt(3);
    Settings settings =
        switch ((int) (seed % 4)) {
          case 0 -> Settings.minimaOnly(units, groups);
          case 1 -> new Settings(units, groups, true, 3, 0, 0, true, true);
          case 2 -> new Settings(units, groups, true, 2, 0, 0, false, false);
          default -> new Settings(units, groups, true, 2, 1, 3, true, true);
        };
    return StructureGenerator.generate(seed, settings);
  }

  @ParameterizedTest(name = "seed={0}")
  @MethodSource("seeds")
  void cheapestCompletionTakesTheEarliestUnits(long seed) {
    Qualification q = structure(seed);
    List<String> order = new ArrayList<>(q.units().keySet());
    int n = order.size();
    long[] credits = new long[n];
    for (int i = 0; i < n; i++) {
      credits[i] = q.units().get(order.get(i)).credits();
    }
    ReferenceChecker reference = new ReferenceChecker(q);
    List<Long> meeting = new ArrayList<>();
    for (long mask = 0; mask < (1L << n); mask++) {
      if (reference.meets(names(order, mask))) {
        meeting.add(mask);
      }
    }
    Planner planner = Planner.of(q);
    SplittableRandom rnd = new SplittableRandom(seed);
    for (int k = 0; k < 12; k++) {
      long plan = 0;
      long excluded = 0;
      int taken = 1 + k % 5;
      for (int i = 0; i < n; i++) {
        int roll = rnd.nextInt(10);
        if (roll < taken) {
          plan |= 1L << i;
        } else if (roll < taken + k % 3) {
          excluded |= 1L << i;
        }
      }
      long best = -1;
      long bestCredits = Long.MAX_VALUE;
      for (long m : meeting) {
        if ((m & plan) != plan || (m & excluded) != 0) {
          continue;
        }
        long add = m & ~plan;
        long c = 0;
        for (int i = 0; i < n; i++) {
          if ((add & (1L << i)) != 0) {
            c += credits[i];
          }
        }
        boolean better =
            best < 0
                || c < bestCredits
                || (c == bestCredits && Long.bitCount(add) < Long.bitCount(best))
                || (c == bestCredits
                    && Long.bitCount(add) == Long.bitCount(best)
                    && (add & Long.lowestOneBit(add ^ best)) != 0);
        if (better) {
          best = add;
          bestCredits = c;
        }
      }
      Plan partial = Plan.of(names(order, plan));
      PlanAnswer answer =
          planner.complete(partial, PlanOptions.defaults().excluding(names(order, excluded)));
      String why = "seed " + seed + ", plan " + partial + ", excluding " + names(order, excluded);
      if (best < 0) {
        assertThat(answer.options()).as(why).isEmpty();
        continue;
      }
      Completion c = answer.best().orElseThrow();
      assertThat(c.creditsAdded()).as(why).isEqualTo(bestCredits);
      assertThat(c.add()).as(why).containsExactlyElementsOf(names(order, best));
    }
  }

  /** The units of the mask, in unit order. */
  static Set<String> names(List<String> order, long mask) {
    Set<String> out = new LinkedHashSet<>();
    for (int i = 0; i < order.size(); i++) {
      if ((mask & (1L << i)) != 0) {
        out.add(order.get(i));
      }
    }
    return out;
  }
}
