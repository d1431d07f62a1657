package org.qualcheck.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.qualcheck.check.CheckResult;
import org.qualcheck.check.Checker;
import org.qualcheck.check.Plan;
import org.qualcheck.check.Verdict;
import org.qualcheck.compile.CompiledQualification;
import org.qualcheck.model.Qualification;
import org.qualcheck.synthetic.StructureGenerator;

/**
 * Checking the plan of every unit where each unit is listed in every group and each group needs a
 * unit: {@code units} units in {@code groups} groups. With one group more than units the plan is
 * not met (refuted by the flow bound); with as many groups as units it is met (by the placement
 * the flow suggests). Once exponential in the units, 8 in 9 groups took about ten seconds.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SharedUnitsBenchmark {
  @Param({"8x9", "10x11", "30x31", "31x31"})
  String shape;

  Checker checker;
  CompiledQualification compiled;
  Plan plan;
  long[] bits;

  @Setup
  public void setUp() {
    String[] parts = shape.split("x");
    Qualification q =
        StructureGenerator.sharedUnits(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
    checker = Checker.of(q);
    compiled = checker.compiled();
    plan = Plan.of(List.copyOf(q.units().keySet()));
    bits = compiled.bits(plan);
  }

  @Benchmark
  public Verdict verdict() {
    return compiled.verdict(bits);
  }

  @Benchmark
  public CheckResult explainedCheck() {
    return checker.check(plan);
  }
}
