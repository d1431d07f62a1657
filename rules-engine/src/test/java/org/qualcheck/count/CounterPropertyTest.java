package org.qualcheck.count;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.qualcheck.check.Checker;
import org.qualcheck.check.Plan;
import org.qualcheck.compile.CompiledQualification;
import org.qualcheck.model.Qualification;
import org.qualcheck.plan.Planner;
import org.qualcheck.synthetic.StructureGenerator;
import org.qualcheck.synthetic.StructureGenerator.Settings;

/** Exact counts and listings against brute force over every subset of small random structures. */
class CounterPropertyTest {
  static LongStream seeds() {
    return LongStream.range(1, 151);
  }

  /** Seeds whose structure has meeting plans of the target size, to guard against vacuity. */
  static final Tally NON_EMPTY = new Tally();

  static final class Tally {
    private final Set<Long> yes = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final Set<Long> all = java.util.concurrent.ConcurrentHashMap.newKeySet();

    void add(long seed, boolean hit) {
      all.add(seed);
      if (hit) {
        yes.add(seed);
      }
    }
  }

  @org.junit.jupiter.api.AfterAll
  static void enoughStructuresHadPlansToCount() {
    assertThat(NON_EMPTY.yes.size()).as("seeds with plans of the target size")
        .isGreaterThan(NON_EMPTY.all.size() / 4);
  }

  @ParameterizedTest(name = "seed={0}")
  @MethodSource("seeds")
  void countsAndListsEqualBruteForce(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    Qualification q =
        StructureGenerator.generate(
            seed, new Settings(6 + rnd.nextInt(8), 1 + rnd.nextInt(3), true, 2, 0, 0, true, true));
    Checker checker = Checker.of(q);
    CompiledQualification c = checker.compiled();
    assertThat(Counter.supports(c)).isTrue();
    List<String> units = new ArrayList<>(q.units().keySet());
    Set<Set<String>> meeting = new HashSet<>();
    Set<Set<String>> minimal = new HashSet<>();
    List<Long> meetingCredits = new ArrayList<>();
    for (long mask = 0; mask < (1L << units.size()); mask++) {
      Set<String> plan = new HashSet<>();
      long credits = 0;
      for (int i = 0; i < units.size(); i++) {
        if ((mask & (1L << i)) != 0) {
          plan.add(units.get(i));
          credits += q.units().get(units.get(i)).credits();
        }
      }
      if (checker.meets(Plan.of(plan))) {
        meeting.add(plan);
        meetingCredits.add(credits);
        boolean isMinimal = true;
        for (String u : plan) {
          Set<String> smaller = new HashSet<>(plan);
          smaller.remove(u);
          isMinimal &= !checker.meets(Plan.of(smaller));
        }
        if (isMinimal) {
          minimal.add(plan);
        }
      }
    }
    long target =
        meetingCredits.isEmpty() ? 20 : meetingCredits.get(rnd.nextInt(meetingCredits.size()));
    long withTarget = meetingCredits.stream().filter(x -> x == target).count();
    NON_EMPTY.add(seed, withTarget > 0);
    assertThat(Counter.allPlans(c).count()).as("seed %d: all plans", seed)
        .isEqualTo(BigInteger.valueOf(meeting.size()));
    assertThat(Counter.plansWithCredits(c, target).count())
        .as("seed %d: plans of %d credits", seed, target)
        .isEqualTo(BigInteger.valueOf(withTarget));
    Set<Set<String>> listed = new HashSet<>();
    List<Plan> listedInOrder = new ArrayList<>();
    Counter.allPlans(c).list(p -> {
      listedInOrder.add(p);
      listed.add(new HashSet<>(p.units()));
    });
    assertThat(listedInOrder).as("seed %d: no plan listed twice", seed).hasSize(listed.size());
    assertThat(listed).as("seed %d: listed plans", seed).isEqualTo(meeting);
    Set<Set<String>> minimalFound = new HashSet<>();
    List<Plan> minimalInOrder = new ArrayList<>();
    Planner.of(checker).minimalPlans(p -> {
      minimalInOrder.add(p);
      minimalFound.add(new HashSet<>(p.units()));
    });
    assertThat(minimalInOrder).as("seed %d: no minimal plan twice", seed).hasSize(minimalFound.size());
    assertThat(minimalFound).as("seed %d: minimal plans", seed).isEqualTo(minimal);
  }
}
