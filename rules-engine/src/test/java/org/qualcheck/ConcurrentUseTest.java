package org.qualcheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.qualcheck.check.CheckResult;
import org.qualcheck.check.Checker;
import org.qualcheck.check.Plan;
import org.qualcheck.count.Counter;
import org.qualcheck.model.Qualification;
import org.qualcheck.plan.PlanOptions;
import org.qualcheck.plan.Planner;
import org.qualcheck.spec.SpecReader;
import org.qualcheck.synthetic.StructureGenerator;

/**
 * One loaded qualification used from many threads at once gives exactly the answers it gives on
 * one thread: checks, verdicts, explanations, completions and counts.
 */
class ConcurrentUseTest {
  record Answer(boolean meets, String explained, List<String> completion) {}

  static Answer answer(Checker checker, Planner planner, Plan plan) {
    CheckResult r = checker.check(plan);
    StringBuilder explained = new StringBuilder().append(r.met());
    r.outcomes().forEach(o -> explained.append('|').append(o.explanation()));
    explained.append(r.placement());
    return new Answer(checker.meets(plan), explained.toString(),
        planner.complete(plan, PlanOptions.defaults()).best().map(c -> (List<String>) c.add())
            .orElse(List.of()));
  }

  static void hammer(Qualification q) throws Exception {
    Checker checker = Checker.of(q);
    Planner planner = Planner.of(checker);
    List<String> units = new ArrayList<>(q.units().keySet());
    SplittableRandom rnd = new SplittableRandom(99);
    List<Plan> plans = new ArrayList<>();
    for (int i = 0; i < 150; i++) {
      List<String> chosen = new ArrayList<>();
      for (String u : units) {
        if (rnd.nextInt(5) == 0) {
          chosen.add(u);
        }
      }
      plans.add(Plan.of(chosen));
    }
    List<Answer> expected = new ArrayList<>();
    for (Plan p : plans) {
      expected.add(answer(checker, planner, p));
    }
    String count = Counter.supports(checker.compiled())
        ? Counter.allPlans(checker.compiled()).count().toString() : "";
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        int offset = t;
        Callable<Boolean> task = () -> {
          for (int round = 0; round < 3; round++) {
            for (int i = 0; i < plans.size(); i++) {
              int k = (i + offset * 17) % plans.size();
              if (!answer(checker, planner, plans.get(k)).equals(expected.get(k))) {
                return false;
              }
            }
            if (!count.isEmpty()
                && !Counter.allPlans(checker.compiled()).count().toString().equals(count)) {
              return false;
            }
          }
          return true;
        };
        results.add(pool.submit(task));
      }
      for (Future<Boolean> f : results) {
        assertThat(f.get()).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void theShipped03455SpecFromEightThreads() throws Exception {
    hammer(new SpecReader().read(Path.of("../specs/ocr-03455-customer-service-l2.yaml")));
  }

  @Test
  void aStructureWithSharedAndEquivalentUnitsFromEightThreads() throws Exception {
    hammer(StructureGenerator.generate(
        5, new StructureGenerator.Settings(24, 4, true, 2, 2, 6, true, true)));
  }
}
