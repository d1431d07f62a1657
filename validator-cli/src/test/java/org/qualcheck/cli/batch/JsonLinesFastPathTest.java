package org.qualcheck.cli.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.qualcheck.check.Checker;
import org.qualcheck.model.Qualification;
import org.qualcheck.spec.SpecReader;

/**
 * The JSON lines fast path reads every line of a chunk with one parser. These tests pin what that
 * promises: a plain record costs about what a CSV one does in allocated memory (no parser, buffer
 * or symbol table of its own, which made JSON lines take several times the memory of CSV), and a
 * line the parser cannot finish (trailing data, an unclosed string, a value left open) never
 * spoils the lines after it.
 */
class JsonLinesFastPathTest {
  private static final Qualification CS =
      new SpecReader().read(Path.of("../specs/ocr-03455-customer-service-l2.yaml"));

  /** Lines that leave a parser fed them in the middle of a value, or with bytes unread. */
  private static final List<String> TRAPS = List.of(
      "{\"learner\": \"T\", \"units\": [\"F1\"]} {\"a\": \"}",
      "{\"learner\": \"T\", \"units\": [\"F1\"], \"c\": \"}",
      "{\"learner\": \"T\", \"units\": [\"F1\"], \"c\": {\"d\": \"}",
      "{\"learner\": \"T\", \"units\": [\"Z9\"], \"c\": {\"d\": [\"}\"]}}",
      "{\"learner\": \"T\", \"units\": [\"F1\", \"F1\"], \"c\": \"x\"}",
      "{\"registered\": \"2025-09-01\", \"learner\": \"T\", \"units\": [{\"unit\": \"F1\"}]}",
      "{\"learner\": \"T\", \"units\": [\"F1\"]}}",
      "{\"learner\": \"T\", \"units\": [\"F1\"]}{}",
      "{\"learner\": \"T\", \"units\": [\"F1\"], \"n\": tru}",
      "{\"learner\": \"T\", \"units\": [\"F1\"], \"n\": 12}",
      "{\"learner\": \"T\", \"units\": [\"F1\"], \"n\": \"\\u00\"}",
      "{\"learner\": \"T\" \"units\": [\"F1\"]}",
      "\"}",
      "5}",
      "{}",
      "{\"learner\": \"T\", \"units\": [\"F1\"], \"c\": \"\\\"}",
      "{\"learner\": \"T\", \"units\": [\"F1\"], /* } */ \"c\": \"x\"}",
      "[{\"learner\": \"T\"}, {}]}");

  static LongStream seeds() {
    return LongStream.range(1, 31);
  }

  @Test
  void aLineThePathTurnsAwayLeavesTheNextLineReadable() {
    FastPath fast = new FastPath(null, List.of(Checker.of(CS)));
    try (FastPath.Scratch s = fast.scratch()) {
      int n = 0;
      for (String trap : TRAPS) {
        byte[] t = trap.getBytes(StandardCharsets.US_ASCII);
        assertThat(fast.checkJson(t, 0, t.length, 1, s)).as(trap).isFalse();
        byte[] plain = ("{\"learner\": \"L" + n + "\", \"units\": [\"F1\", \"F2\", \"A3\"],"
            + " \"cohort\": \"" + n + "\"}").getBytes(StandardCharsets.US_ASCII);
        assertThat(fast.checkJson(plain, 0, plain.length, 2, s)).as("after " + trap).isTrue();
        assertThat(s.learnerText).as("after " + trap).isEqualTo("L" + n);
        assertThat(s.names).as("after " + trap).containsExactly("cohort");
        assertThat(new String(s.text, s.valueStart[0], s.valueLength[0]))
            .as("after " + trap).isEqualTo(Integer.toString(n));
        n++;
      }
    }
  }

  /**
   * Random cohorts of plain records and the traps above, the traps often several in a row: the
   * fast path and the general path write the same bytes, and every line keeps its number.
   */
  @ParameterizedTest(name = "seed={0}")
  @MethodSource("seeds")
  void trapsBetweenPlainRecordsGiveWhatTheGeneralPathGives(long seed) throws Exception {
    SplittableRandom rnd = new SplittableRandom(seed);
    StringBuilder in = new StringBuilder();
    int lines = 200 + rnd.nextInt(3000);
    for (int i = 0; i < lines; i++) {
      if (rnd.nextInt(5) == 0) {
        in.append(TRAPS.get(rnd.nextInt(TRAPS.size())));
      } else {
        in.append("{\"learner\": \"L").append(i).append("\", \"units\": [\"F1\", \"F2\"")
            .append(rnd.nextBoolean() ? ", \"A3\", \"B2\", \"C3\", \"D2\"" : ", \"B1\"")
            .append("]").append(rnd.nextBoolean() ? ", \"cohort\": \"" + i + "\"" : "")
            .append("}").append(rnd.nextInt(10) == 0 ? " \t" : "");
      }
      in.append(List.of("\n", "\r\n", "\r").get(rnd.nextInt(3)));
    }
    byte[] input = in.toString().getBytes(StandardCharsets.US_ASCII);
    for (BatchRun.Format out : BatchRun.Format.values()) {
      ByteArrayOutputStream fast = new ByteArrayOutputStream();
      ByteArrayOutputStream general = new ByteArrayOutputStream();
      BatchRun.Summary f = new BatchRun(List.of(CS), 1 + rnd.nextInt(3), true, FastPath.CACHED)
          .run(new ByteArrayInputStream(input), BatchRun.Format.JSONL, fast, out, x -> { });
      BatchRun.Summary g = new BatchRun(List.of(CS), 1, false, 0)
          .run(new ByteArrayInputStream(input), BatchRun.Format.JSONL, general, out, x -> { });
      String where = "seed " + seed + ", " + out;
      assertThat(f).as(where).isEqualTo(g);
      assertThat(f.records()).as(where).isEqualTo(lines);
      assertThat(fast.toString(StandardCharsets.UTF_8)).as(where)
          .isEqualTo(general.toString(StandardCharsets.UTF_8));
      if (out == BatchRun.Format.JSONL) {
        assertThat(BatchRunTest.lineNumbers(fast.toByteArray())).as(where)
            .isEqualTo(LongStream.rangeClosed(1, lines).boxed().toList());
      }
    }
  }

  /**
   * Checking and encoding a plain JSON record allocates a few dozen bytes (its learner's text), as
   * a CSV record allocates next to nothing: not a parser with its buffers and symbol table per line,
   * which cost about 900 bytes a record and made a JSON lines batch grow its heap to several times
   * a CSV one's. Counted by the JVM for this thread, over a cohort checked a second time so that
   * loading and first-use costs are not counted.
   */
  @Test
  void aPlainJsonRecordAllocatesAboutWhatACsvRecordDoes() throws Exception {
    int records = 20_000;
    List<byte[]> json = new ArrayList<>();
    List<byte[]> csv = new ArrayList<>();
    SplittableRandom rnd = new SplittableRandom(7);
    List<String> optional = List.of("A3", "B2", "C3", "D2", "B1", "C1", "D1", "A1", "D3");
    for (int i = 0; i < records; i++) {
      List<String> units = new ArrayList<>(List.of("F1", "F2"));
      for (int k = 0, extra = 3 + rnd.nextInt(4); k < extra; k++) {
        String u = optional.get(rnd.nextInt(optional.size()));
        if (!units.contains(u)) {
          units.add(u);
        }
      }
      json.add(("{\"learner\":\"L" + i + "\",\"units\":[\"" + String.join("\",\"", units)
          + "\"],\"cohort\":\"2026\"}").getBytes(StandardCharsets.US_ASCII));
      csv.add(("L" + i + "," + String.join(" ", units) + ",2026")
          .getBytes(StandardCharsets.US_ASCII));
    }
    FastPath jsonPath = new FastPath(null, List.of(Checker.of(CS)));
    FastPath csvPath =
        new FastPath(List.of("learner", "units", "cohort"), List.of(Checker.of(CS)));
    double perJson = 0;
    double perCsv = 0;
    for (int pass = 0; pass < 2; pass++) {
      perJson = allocatedPerRecord(jsonPath, json, true);
      perCsv = allocatedPerRecord(csvPath, csv, false);
    }
    System.out.printf("allocated per record: JSON lines %.1f bytes, CSV %.1f bytes%n",
        perJson, perCsv);
    assertThat(perJson).as("bytes allocated per JSON lines record (CSV: %.1f)", perCsv)
        .isLessThan(perCsv + 96);
  }

  /** Bytes this thread allocates per record to check and encode {@code lines}, chunk by chunk. */
  private static double allocatedPerRecord(FastPath fast, List<byte[]> lines, boolean json)
      throws Exception {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    assertThat(threads.isThreadAllocatedMemorySupported()).isTrue();
    threads.setThreadAllocatedMemoryEnabled(true);
    ResultWriter writer = new ResultWriter.JsonLines(java.io.OutputStream.nullOutputStream());
    Chunk.Output buffer = new Chunk.Output();
    int chunk = 1000;
    int taken = 0;
    long before = threads.getCurrentThreadAllocatedBytes();
    for (int from = 0; from < lines.size(); from += chunk) {
      buffer.reset();
      try (ResultWriter.Encoder encoder = writer.encoder(buffer);
          FastPath.Scratch s = fast.scratch()) {
        for (int i = from; i < Math.min(lines.size(), from + chunk); i++) {
          byte[] b = lines.get(i);
          if (json ? fast.checkJson(b, 0, b.length, i + 1, s)
              : fast.check(b, 0, b.length, i + 1, s)) {
            encoder.write(s, fast);
            taken++;
          }
        }
      }
    }
    long allocated = threads.getCurrentThreadAllocatedBytes() - before;
    assertThat(taken).as("records the fast path took").isEqualTo(lines.size());
    return (double) allocated / lines.size();
  }
}
