package org.qualcheck.cli.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.qualcheck.spec.SpecReader;

class BatchRunTest {
  /** An output that fails once a number of bytes have been written: a full disk or closed pipe. */
  static final class FailingAfter extends OutputStream {
    private long left;

    FailingAfter(long bytes) {
      this.left = bytes;
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      if (len > left) {
        throw new IOException("No space left on device");
      }
      left -= len;
    }
  }

  @Test
  void aFailingOutputStopsTheRunWithTheCause() throws Exception {
    StringBuilder csv = new StringBuilder("learner,units\n");
    for (int i = 0; i < 50_000; i++) {
      csv.append("L").append(i).append(",F1 F2 A3 B2 C3 D2\n");
    }
    BatchRun run = new BatchRun(List.of(new SpecReader().read(
        Path.of("../specs/ocr-03455-customer-service-l2.yaml"))), 2);
    assertThatThrownBy(() -> run.run(
        new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)),
        BatchRun.Format.CSV, new FailingAfter(100_000), BatchRun.Format.JSONL, n -> { }))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("No space left");
  }

  @Test
  void blankLinesAreNotRecordsAndCrLfLinesAre() throws Exception {
    BatchRun run = new BatchRun(List.of(new SpecReader().read(
        Path.of("src/test/resources/specs/small-two-groups.yaml"))), 1);
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    BatchRun.Summary s = run.run(new ByteArrayInputStream(
        "\r\nlearner,units\r\n\r\nA,M1 X2 Y1\r\n   \r\nB,M1\r\n".getBytes(StandardCharsets.UTF_8)),
        BatchRun.Format.CSV, out, BatchRun.Format.JSONL, n -> { });
    assertThat(s).isEqualTo(new BatchRun.Summary(2, 1, 1, 0));
    assertThat(out.toString(StandardCharsets.UTF_8).lines()).hasSize(2);
  }
}
