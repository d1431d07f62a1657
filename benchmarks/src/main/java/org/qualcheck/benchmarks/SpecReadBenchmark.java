package org.qualcheck.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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
import org.qualcheck.model.Qualification;
import org.qualcheck.spec.SpecReader;

/**
 * What reading the OCR 03455 spec costs, as every command pays it: {@link #firstRead} is the
 * first read in a fresh process (classes loaded and run interpreted, as on the command line, where
 * the process ends long before the compilers catch up), and {@link #read} a read once the process
 * is warm, as the server and the batch pay it.
 */
@State(Scope.Benchmark)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class SpecReadBenchmark {
  private static final String SPEC = "specs/ocr-03455-customer-service-l2.yaml";

  String text;

  /** A reader made once, for the warm reads; its own state, so that a first read loads nothing. */
  @State(Scope.Benchmark)
  public static class Warm {
    final SpecReader reader = new SpecReader();
  }

  @Setup
  public void setUp() {
    try (InputStream in = SpecReadBenchmark.class.getClassLoader().getResourceAsStream(SPEC)) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Making a reader and one read in a new process, with the launcher's compiler setting: the
   * start-up cost of the reader (its classes, the YAML parser's and the schema's) with the read.
   */
  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @Warmup(iterations = 0)
  @Measurement(iterations = 1)
  @Fork(value = 25, jvmArgsAppend = "-XX:TieredStopAtLevel=1")
  public Qualification firstRead() {
    return new SpecReader().read(SPEC, text);
  }

  /** A read in a warm process, by a reader made once. */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @Warmup(iterations = 3, time = 2)
  @Measurement(iterations = 5, time = 2)
  @Fork(1)
  public Qualification read(Warm warm) {
    return warm.reader.read(SPEC, text);
  }
}
