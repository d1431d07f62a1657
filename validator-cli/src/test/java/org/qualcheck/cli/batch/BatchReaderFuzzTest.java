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
 * Arbitrary bytes as a batch file, read as CSV and as JSON lines, through the fast and the general
 * path: records in equal records out. Every non-blank line (ended by LF, CR or CR LF, found here
 * independently by {@link BatchRunTest#recordLines}) gets exactly one result carrying its line
 * number, in order; a CSV input is either refused as a whole (no usable header) or answered for
 * every line after its header; the two paths write the same bytes; nothing throws. The kept inputs
 * (bare CRs, mixed line ends, data after a JSON value, repeated fields) are replayed in a normal
 * build; {@code JAZZER_FUZZ=1} fuzzes.
 */
class BatchReaderFuzzTest {
  private static final Qualification Q =
      new SpecReader().read(Path.of("../specs/ocr-03455-customer-service-l2.yaml"));
  private static final BatchRun FAST = new BatchRun(List.of(Q), 2);
  private static final BatchRun GENERAL = new BatchRun(List.of(Q), 2, false, 0);

  @FuzzTest(maxDuration = "60s")
  void oneResultPerRecord(byte[] input) throws Exception {
    List<Long> records = BatchRunTest.recordLines(input, 1);
    byte[] jsonl = run(FAST, input, BatchRun.Format.JSONL, records);
    assertThat(run(GENERAL, input, BatchRun.Format.JSONL, records)).isEqualTo(jsonl);
    if (records.isEmpty()) {
      return;
    }
    List<Long> afterHeader = records.subList(1, records.size());
    byte[] csv;
    try {
      csv = run(FAST, input, BatchRun.Format.CSV, afterHeader);
    } catch (BatchInputException e) {
      assertThat(e.getMessage()).isNotBlank();
      return;
    }
    assertThat(run(GENERAL, input, BatchRun.Format.CSV, afterHeader)).isEqualTo(csv);
  }

  /** Runs the batch, requires one result per expected line in order, and returns the output. */
  private static byte[] run(BatchRun run, byte[] input, BatchRun.Format format, List<Long> lines)
      throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    BatchRun.Summary s = run.run(new ByteArrayInputStream(input), format, out,
        BatchRun.Format.JSONL, n -> { });
    assertThat(s.records()).isEqualTo(lines.size());
    assertThat(s.met() + s.notMet() + s.errors()).isEqualTo(s.records());
    byte[] bytes = out.toByteArray();
    assertThat(lines.isEmpty() ? List.of() : BatchRunTest.lineNumbers(bytes)).isEqualTo(lines);
    assertThat(new String(bytes, StandardCharsets.UTF_8).lines().count()).isEqualTo(lines.size());
    return bytes;
  }
}
