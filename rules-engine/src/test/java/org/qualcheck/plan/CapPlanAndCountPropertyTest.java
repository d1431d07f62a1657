package org.qualcheck.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
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
import org.qualcheck.check.Checker;
import org.qualcheck.check.Plan;
import org.qualcheck.check.ReferenceChecker;
import org.qualcheck.count.Counter;
import org.qualcheck.model.Qualification;
import org.qualcheck.synthetic.StructureGenerator;

/**
 * Planning and counting with caps on what counts and attribute filters, against the brute-force
 * reference over every subset of small random structures. Each case is named by its seed.
 */
class CapPlanAndCountPropertyTest {
  static LongStream seeds() {
    return LongStream.range(1, 121);
  }

  private static final Set<Long> COUNTED_SOME = java.util.concurrent.ConcurrentHashMap.newKeySet();
  private static final Set<Long> PLANNED_SOME = java.util.concurrent.ConcurrentHashMap.newKeySet();

  @AfterAll
  static void enoughStructuresHadPlans() {
    assertThat(COUNTED_SOME.size()).as("structures with plans to count").isGreaterThan(30);
    assertThat(PLANNED_SOME.size()).as("structures with completions").isGreaterThan(30);
  }

  record Subset(Set<String> units, long credits) {}

  /** Every subset of the units that the reference says meets the rules. */
  static List<Subset> meetingPlans(Qualification q) {
    ReferenceChecker reference = new ReferenceChecker(q);
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
      if (reference.meets(s)) {
        out.add(new Subset(s, credits));
      }
    }
    return out;
  }

  @ParameterizedTest(name = "seed={0}")
  @MethodSource("seeds")
  void countsAndListsEqualBruteForce(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    Qualification q = StructureGenerator.capped(seed, 5 + rnd.nextInt(6), 1 + rnd.nextInt(3), false);
    Checker checker = Checker.of(q);
    assertThat(Counter.supports(checker.compiled())).as("seed %d", seed).isTrue();
    List<Subset> meeting = meetingPlans(q);
    if (!meeting.isEmpty()) {
      COUNTED_SOME.add(seed);
    }
    assertThat(Counter.allPlans(checker.compiled()).count()).as("seed %d: all plans", seed)
        .isEqualTo(BigInteger.valueOf(meeting.size()));
    long target = meeting.isEmpty() ? 12 : meeting.get(rnd.nextInt(meeting.size())).credits();
    assertThat(Counter.plansWithCredits(checker.compiled(), target).count())
        .as("seed %d: plans of %d credits", seed, target)
        .isEqualTo(BigInteger.valueOf(meeting.stream().filter(s -> s.credits() == target).count()));
    Set<Set<String>> listed = new HashSet<>();
    List<Plan> inOrder = new ArrayList<>();
    Counter.allPlans(checker.compiled()).list(p -> {
      inOrder.add(p);
      listed.add(new HashSet<>(p.units()));
    });
    assertThat(inOrder).as("seed %d: no plan listed twice", seed).hasSize(listed.size());
    Set<Set<String>> expected = new HashSet<>();
    meeting.forEach(s -> expected.add(new HashSet<>(s.units())));
    assertThat(listed).as("seed %d: listed plans", seed).isEqualTo(expected);
  }

  @ParameterizedTest(name = "seed={0}")
  @MethodSource("seeds")
  void cheapestCompletionEqualsBruteForce(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    Qualification q = StructureGenerator.capped(seed, 5 + rnd.nextInt(6), 1 + rnd.nextInt(3));
    Checker checker = Checker.of(q);
    Planner planner = Planner.of(checker);
    List<Subset> meeting = meetingPlans(q);
    for (int k = 0; k < 5; k++) {
      List<String> chosen = new ArrayList<>();
      for (String u : q.units().keySet()) {
        if (rnd.nextInt(4) == 0) {
          chosen.add(u);
        }
      }
      Plan partial = Plan.of(chosen);
      long had = 0;
      for (String u : chosen) {
        had += q.units().get(u).credits();
      }
      long cheapest = Long.MAX_VALUE;
      int fewest = Integer.MAX_VALUE;
      for (Subset s : meeting) {
        if (s.units().containsAll(chosen)) {
          long added = s.credits() - had;
          int units = s.units().size() - chosen.size();
          if (added < cheapest || (added == cheapest && units < fewest)) {
            cheapest = added;
            fewest = units;
          }
        }
      }
      PlanAnswer answer = planner.complete(partial, PlanOptions.defaults().withAlternatives(3));
      if (cheapest == Long.MAX_VALUE) {
        assertThat(answer.options()).as("seed %d, plan %s", seed, partial).isEmpty();
        continue;
      }
      PLANNED_SOME.add(seed);
      assertThat(answer.options()).as("seed %d, plan %s", seed, partial).isNotEmpty();
      Completion best = answer.options().get(0);
      assertThat(best.creditsAdded()).as("seed %d, plan %s: credits added", seed, partial)
          .isEqualTo(cheapest);
      assertThat(best.add()).as("seed %d, plan %s: units added", seed, partial).hasSize(fewest);
      for (Completion c : answer.options()) {
        Set<String> result = new HashSet<>(c.result().plan().units());
        assertThat(new ReferenceChecker(q).meets(result))
            .as("seed %d, plan %s: completion %s", seed, partial, c.add()).isTrue();
      }
    }
  }
}
