package org.qualcheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntPredicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.qualcheck.api.LoadedQualification;
import org.qualcheck.api.Qualcheck;
import org.qualcheck.check.CheckResult;
import org.qualcheck.check.Checker;
import org.qualcheck.check.Plan;
import org.qualcheck.check.PlanException;
import org.qualcheck.check.PlanProblem;
import org.qualcheck.count.Counter;
import org.qualcheck.model.Qualification;
import org.qualcheck.model.Unit;
import org.qualcheck.plan.Completion;
import org.qualcheck.plan.PlanOptions;
import org.qualcheck.plan.Planner;
import org.qualcheck.spec.SpecReader;
import org.qualcheck.synthetic.StructureGenerator;

/**
 * One loaded qualification used from many threads at once gives exactly the answers it gives on
 * one thread: checks, verdicts, explanations, completions and counts, through the engine and
 * through the embedding entry point.
 */
class ConcurrentUseTest {
  record Answer(boolean meets, String explained, List<String> completion) {}

  static Answer answer(Checker checker, Planner planner, Plan plan) {
    CheckResult r = checker.check(plan);
    StringBuilder explained = new StringBuilder().append(r.met());
    r.outcomes().forEach(o -> explained.append('|').append(o.explanation()));
    explained.append(r.placement());
    return new Answer(checker.meets(plan), explained.toString(),
        planner.complete(plan, PlanOptions.defaults()).best().map(c -> c.add())
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
    int questions = plans.size() + (count.isEmpty() ? 0 : 1);
    assertSameOnEightThreads(questions, () -> k -> k == plans.size()
        ? Counter.allPlans(checker.compiled()).count().toString().equals(count)
        : answer(checker, planner, plans.get(k)).equals(expected.get(k)));
  }

  /**
   * Asks questions {@code 0..questions-1} from eight threads at once, three rounds each, every
   * thread starting at a different question, and asserts that every answer is the one-thread
   * answer. Each thread builds its asker on its own thread, so it can load what it asks of there.
   */
  static void assertSameOnEightThreads(int questions, Supplier<IntPredicate> askerPerThread)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        int offset = t;
        Callable<Boolean> task = () -> {
          IntPredicate sameAsAlone = askerPerThread.get();
          for (int round = 0; round < 3; round++) {
            for (int i = 0; i < questions; i++) {
              if (!sameAsAlone.test((i + offset * 17) % questions)) {
                return false;
              }
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

  /** What the embedding entry point says about one learner's units, or why it refuses them. */
  record FacadeAnswer(
      boolean meets,
      CheckResult result,
      List<String> explained,
      Optional<Completion> best,
      List<String> refused) {}

  static FacadeAnswer answer(LoadedQualification q, List<String> units) {
    try {
      CheckResult result = q.check(units);
      return new FacadeAnswer(
          q.meets(units), result, q.explain(result), q.complete(units).best(), List.of());
    } catch (PlanException e) {
      return new FacadeAnswer(false, null, List.of(), Optional.empty(), e.problems().stream().map(PlanProblem::message).toList());
    }
  }

  @Test
  void theEmbeddingEntryPointFromEightThreads() throws Exception {
    Path spec = Path.of("../specs/ocr-03455-customer-service-l2.yaml");
    LoadedQualification shared = Qualcheck.load(spec);
    List<Unit> units = new ArrayList<>(shared.qualification().units().values());
    SplittableRandom rnd = new SplittableRandom(7);
    List<List<String>> plans = new ArrayList<>();
    for (int i = 0; i < 150; i++) {
      List<String> chosen = new ArrayList<>();
      for (Unit u : units) {
        if (rnd.nextInt(5) == 0) {
          chosen.add(rnd.nextBoolean() ? u.number() : u.reference().orElseThrow().value());
        }
      }
      if (i % 25 == 0) {
        chosen.add(rnd.nextBoolean() ? "Z9" : units.get(0).number());
      }
      plans.add(chosen);
    }
    List<FacadeAnswer> expected = new ArrayList<>();
    for (List<String> plan : plans) {
      expected.add(answer(shared, plan));
    }
    assertThat(expected).anyMatch(a -> a.meets()).anyMatch(a -> !a.refused().isEmpty());
    assertSameOnEightThreads(plans.size(), () -> {
      LoadedQualification own = Qualcheck.load(spec);
      return k -> answer(k % 2 == 0 ? shared : own, plans.get(k)).equals(expected.get(k));
    });
  }
}
