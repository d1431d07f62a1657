package org.qualcheck.benchmarks;

import java.math.BigInteger;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.qualcheck.check.Checker;
import org.qualcheck.check.Plan;
import org.qualcheck.compile.CompiledQualification;
import org.qualcheck.count.Counter;
import org.qualcheck.model.Qualification;
import org.qualcheck.plan.PlanAnswer;
import org.qualcheck.plan.PlanOptions;
import org.qualcheck.plan.Planner;

/** Planning and counting: each invocation answers from scratch, with nothing cached between. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PlanBenchmark {
  Planner planner03455;
  Plan mandatory03455;
  CompiledQualification compiled03455;
  Planner planner500;
  Plan mandatory500;

  @Setup
  public void setUp() {
    Checker checker = Checker.of(Structures.ocr03455());
    planner03455 = Planner.of(checker);
    compiled03455 = checker.compiled();
    mandatory03455 = Plan.of("F1", "F2");
    Qualification big = Structures.synthetic500();
    planner500 = Planner.of(big);
    mandatory500 = Plan.of(big.groups().get("M").units());
  }

  @Benchmark
  public PlanAnswer cheapestCompletion03455FromMandatory() {
    return planner03455.complete(mandatory03455, PlanOptions.defaults());
  }

  @Benchmark
  public BigInteger count03455PlansOf28Credits() {
    return Counter.plansWithCredits(compiled03455, 28).count();
  }

  @Benchmark
  public BigInteger count03455PlansOfAnySize() {
    return Counter.allPlans(compiled03455).count();
  }

  @Benchmark
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public PlanAnswer cheapestCompletion500UnitsFromMandatory() {
    return planner500.complete(mandatory500, PlanOptions.defaults());
  }
}
