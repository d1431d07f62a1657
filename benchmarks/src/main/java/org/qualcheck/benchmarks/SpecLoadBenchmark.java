package org.qualcheck.benchmarks;

import java.util.ArrayList;
import java.util.List;
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
import org.qualcheck.model.Qualification;
import org.qualcheck.spec.SpecReader;
import org.qualcheck.synthetic.LargeSpecs;

/**
 * What loading a spec at the reader's limits costs: reading the text, compiling it, and one
 * check of a five-unit plan, as {@code validate} does. The spec is {@link LargeSpecs#atLimits()}:
 * the most units, groups, group listings, rules and rule coverage the reader accepts, all at once.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SpecLoadBenchmark {
  private final SpecReader reader = new SpecReader();
  String atLimits;
  Qualification loaded;
  List<String> plan;

  @Setup
  public void setUp() {
    atLimits = LargeSpecs.atLimits();
    loaded = reader.read("at-limits.yaml", atLimits);
    plan = new ArrayList<>(loaded.units().keySet()).subList(0, 5);
  }

  /**
   * Writes the spec at the limits to the file named by the one argument, for timing the command
   * line on it.
   */
  public static void main(String[] args) throws java.io.IOException {
    java.nio.file.Files.writeString(java.nio.file.Path.of(args[0]), LargeSpecs.atLimits());
  }

  /** Reading alone: YAML, the schema and the consistency checks. */
  @Benchmark
  public Qualification readAtLimits() {
    return reader.read("at-limits.yaml", atLimits);
  }

  /** Compiling a read spec, as every command does once. */
  @Benchmark
  public CompiledQualification compileAtLimits() {
    return CompiledQualification.of(loaded);
  }

  /** Everything {@code validate} does with a spec at the limits: read, compile, check. */
  @Benchmark
  public CheckResult readCompileAndValidateAtLimits() {
    Qualification q = reader.read("at-limits.yaml", atLimits);
    return Checker.of(q).check(Plan.resolve(q, plan));
  }
}
