package org.qualcheck.benchmarks;

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
import org.qualcheck.check.CheckResult;
import org.qualcheck.check.Checker;
import org.qualcheck.check.Plan;
import org.qualcheck.compile.CompiledQualification;

/** Checking one 03455 plan: the verdict alone, and the fully explained result. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CheckBenchmark {
  Checker checker;
  CompiledQualification compiled;
  Plan plan;
  long[] bits;

  @Setup
  public void setUp() {
    checker = Checker.of(Structures.ocr03455());
    compiled = checker.compiled();
    plan = Plan.of("F1", "F2", "A3", "B2", "C3", "D2");
    bits = compiled.bits(plan);
  }

  @Benchmark
  public boolean verdictOnCompiledPlan() {
    return compiled.meets(bits);
  }

  @Benchmark
  public CheckResult explainedCheck() {
    return checker.check(plan);
  }
}
