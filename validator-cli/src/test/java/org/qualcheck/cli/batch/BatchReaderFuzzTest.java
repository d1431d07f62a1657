package org.qualcheck.cli.batch;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.qualcheck.model.Qualification;
import org.qualcheck.spec.SpecReader;

/**
 * Arbitrary bytes as a batch file, read as CSV and as JSON lines: either refused as a whole (no
 * usable CSV header) or answered with exactly one result per non-blank line, never an exception.
 * Replays kept inputs in a normal build; fuzzes with {@code JAZZER_FUZZ=1}.
 */
class BatchReaderFuzzTest {
  private static final Qualification Q =
      new SpecReader().read(Path.of("../specs/ocr-03455-customer-service-l2.yaml"));
  private static final BatchRun RUN = new BatchRun(List.of(Q), 2);

  @FuzzTest(maxDuration = "60s")
  void oneResultPerRecord(byte[] input) throws Exception {
    long records = 0;
    String asText = new String(input, StandardCharsets.ISO_8859_1);
    for (String line : asText.split("\n", -1)) {
      String l = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
      if (!l.isBlank() || l.length() > LineReader.MAX_LINE_BYTES) {
        records++;
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    BatchRun.Summary jsonl = RUN.run(new ByteArrayInputStream(input), BatchRun.Format.JSONL, out,
        BatchRun.Format.JSONL, n -> { });
    assertThat(jsonl.records()).isEqualTo(records);
    assertThat(out.toString(StandardCharsets.UTF_8).lines().count()).isEqualTo(records);
    try {
      ByteArrayOutputStream csvOut = new ByteArrayOutputStream();
      BatchRun.Summary csv = RUN.run(new ByteArrayInputStream(input), BatchRun.Format.CSV,
          csvOut, BatchRun.Format.JSONL, n -> { });
      assertThat(csv.records()).isLessThan(Math.max(records, 1));
      assertThat(csv.met() + csv.notMet() + csv.errors()).isEqualTo(csv.records());
    } catch (BatchInputException e) {
      assertThat(e.getMessage()).isNotBlank();
    }
  }
}
