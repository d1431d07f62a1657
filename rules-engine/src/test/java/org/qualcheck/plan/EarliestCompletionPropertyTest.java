package org.qualcheck.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.qualcheck.check.Plan;
import org.qualcheck.check.ReferenceChecker;
import org.qualcheck.compile.Bits;
import org.qualcheck.compile.CompiledQualification;
import org.qualcheck.model.Qualification;
import org.qualcheck.synthetic.StructureGenerator;
import org.qualcheck.synthetic.StructureGenerator.Settings;

/**
 * The cheapest completion against brute force: among the completions adding the fewest credits,
 * then the fewest units, the planner must return the one whose added units come first in unit
 * order, with units excluded, in simple structures (where units that raise no failing rule are
 * ruled out without a search) as well as ones with shared units and equivalences; and the search's
 * lower bound at the root must never exceed what a completion adds, and be attained exactly when
 * the capped search finds a completion. Every subset of the units is checked with the independent
 * {@link ReferenceChecker}. Each case is named by its seed.
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

  @ParameterizedTest(name = "seed={0}")
  @MethodSource("seeds")
  void rootBoundNeverExceedsAnyCompletion(long seed) {
    Qualification q = structure(seed);
    List<String> order = new ArrayList<>(q.units().keySet());
    int n = order.size();
    ReferenceChecker reference = new ReferenceChecker(q);
    List<Long> meeting = new ArrayList<>();
    for (long mask = 0; mask < (1L << n); mask++) {
      if (reference.meets(names(order, mask))) {
        meeting.add(mask);
      }
    }
    CompiledQualification compiled = CompiledQualification.of(q);
    CompletionSearch.Tables tables = new CompletionSearch.Tables(compiled, new boolean[n]);
    boolean[] all = new boolean[compiled.rules().size()];
    Arrays.fill(all, true);
    SplittableRandom rnd = new SplittableRandom(seed ^ 0x5DEECE66DL);
    for (int k = 0; k < 12; k++) {
      long plan = 0;
      long excluded = 0;
      for (int i = 0; i < n; i++) {
        int roll = rnd.nextInt(10);
        if (roll < 1 + k % 4) {
          plan |= 1L << i;
        } else if (roll < 1 + k % 4 + k % 3) {
          excluded |= 1L << i;
        }
      }
      if (reference.meets(names(order, plan))) {
        continue;
      }
      long fewestCredits = Long.MAX_VALUE;
      int fewestUnits = Integer.MAX_VALUE;
      long cheapestCredits = Long.MAX_VALUE;
      int cheapestUnits = Integer.MAX_VALUE;
      for (long m : meeting) {
        if ((m & plan) != plan || (m & excluded) != 0) {
          continue;
        }
        long add = m & ~plan;
        long c = 0;
        for (int i = 0; i < n; i++) {
          if ((add & (1L << i)) != 0) {
            c += compiled.credits(i);
          }
        }
        int u = Long.bitCount(add);
        fewestCredits = Math.min(fewestCredits, c);
        fewestUnits = Math.min(fewestUnits, u);
        if (c < cheapestCredits || (c == cheapestCredits && u < cheapestUnits)) {
          cheapestCredits = c;
          cheapestUnits = u;
        }
      }
      long[] planBits = bits(compiled, plan);
      long[] excludedBits = bits(compiled, excluded);
      String why = "seed " + seed + ", plan " + names(order, plan) + ", excluding "
          + names(order, excluded);
      long[] bound =
          new CompletionSearch(tables, all, 1, Planner.NODE_BUDGET)
              .lowerBound(planBits, excludedBits);
      CompletionSearch.Candidate atBound =
          new CompletionSearch(tables, all, 1, Planner.NODE_BUDGET)
              .atLowerBound(planBits, excludedBits);
      if (fewestCredits == Long.MAX_VALUE) {
        assertThat(atBound).as(why).isNull();
        continue;
      }
      assertThat(bound).as(why).isNotNull();
      assertThat(bound[0]).as(why + ": credits").isLessThanOrEqualTo(fewestCredits);
      assertThat(bound[1]).as(why + ": units").isLessThanOrEqualTo(fewestUnits);
      boolean attained = bound[0] == cheapestCredits && bound[1] == cheapestUnits;
      assertThat(atBound != null).as(why + ": attained").isEqualTo(attained);
      if (atBound != null) {
        assertThat(atBound.credits()).as(why).isEqualTo(cheapestCredits);
        assertThat(atBound.added()).as(why).hasSize(cheapestUnits);
      }
    }
  }

  static long[] bits(CompiledQualification compiled, long mask) {
    long[] out = Bits.empty(compiled.unitCount());
    for (int i = 0; i < compiled.unitCount(); i++) {
      if ((mask & (1L << i)) != 0) {
        Bits.set(out, i);
      }
    }
    return out;
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
