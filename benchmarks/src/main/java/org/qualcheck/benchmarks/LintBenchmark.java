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
import org.qualcheck.lint.LintReport;
import org.qualcheck.lint.Linter;
import org.qualcheck.model.Qualification;
import org.qualcheck.synthetic.StructureGenerator;

/**
 * Lint of a whole structure, from scratch each time: the shipped 03455 spec, and a 100-unit
 * synthetic structure with eight optional groups, maxima, barred pairs and choose rules.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class LintBenchmark {
  Qualification ocr03455;
  Qualification synthetic100;

  @Setup
  public void setUp() {
    ocr03455 = Structures.ocr03455();
    synthetic100 =
        StructureGenerator.generate(
            42, new StructureGenerator.Settings(100, 8, true, 5, 0, 0, true, true));
  }

  @Benchmark
  public LintReport lint03455() {
    return Linter.lint(ocr03455);
  }

  @Benchmark
  public LintReport lintSynthetic100() {
    return Linter.lint(synthetic100);
  }
}
