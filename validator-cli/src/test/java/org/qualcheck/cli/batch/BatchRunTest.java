package org.qualcheck.cli.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
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

  @Test
  void lineNumbersAndLongLinesSurviveTheCutIntoChunks() throws Exception {
    long seed = System.nanoTime();
    System.out.println("lineNumbersAndLongLinesSurviveTheCutIntoChunks seed: " + seed);
    SplittableRandom rnd = new SplittableRandom(seed);
    BatchRun run = new BatchRun(List.of(new SpecReader().read(
        Path.of("src/test/resources/specs/small-two-groups.yaml"))), 2);
    for (int round = 0; round < 6; round++) {
      ByteArrayOutputStream in = new ByteArrayOutputStream();
      in.writeBytes("\uFEFF".getBytes(StandardCharsets.UTF_8));
      List<Long> tooLong = new ArrayList<>();
      long line = 1;
      for (int i = 0; i < 3000; i++, line++) {
        int kind = rnd.nextInt(100);
        String text;
        if (kind == 0) {
          int length = Lines.MAX_LINE_BYTES - 2 + rnd.nextInt(3 * Chunk.CAPACITY);
          text = "{\"learner\": \"" + "x".repeat(length) + "\"}";
          if (text.length() + (line == 1 ? 3 : 0) > Lines.MAX_LINE_BYTES) {
            tooLong.add(line);
          }
        } else if (kind < 5) {
          text = List.of("", " ", "\r", "\t").get(kind - 1);
        } else {
          text = "{\"learner\": \"L" + i + "\", \"units\": [\"M1\", \"X2\", \"Y1\"]}"
              + (rnd.nextBoolean() ? "\r" : "");
        }
        in.writeBytes(text.getBytes(StandardCharsets.UTF_8));
        if (i < 2999 || rnd.nextBoolean()) {
          in.write('\n');
        }
      }
      byte[] input = in.toByteArray();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      BatchRun.Summary s = run.run(new ByteArrayInputStream(input), BatchRun.Format.JSONL, out,
          BatchRun.Format.JSONL, n -> { });
      List<Long> expected = recordLines(input, 1);
      assertThat(lineNumbers(out.toByteArray())).as("seed %d", seed).isEqualTo(expected);
      assertThat(s.records()).isEqualTo(expected.size());
      assertThat(s.errors()).as("seed %d", seed).isEqualTo(tooLong.size());
      for (String r : out.toString(StandardCharsets.UTF_8).split("\n")) {
        if (r.contains("error")) {
          assertThat(r).contains("longer than 65536 bytes");
          assertThat(tooLong).contains(lineNumbers(r.getBytes(StandardCharsets.UTF_8)).get(0));
        }
      }
    }
  }

  /** The line of every JSON lines result, in output order. */
  static List<Long> lineNumbers(byte[] jsonLines) {
    List<Long> lines = new ArrayList<>();
    for (String r : new String(jsonLines, StandardCharsets.UTF_8).split("\n")) {
      int at = r.indexOf("\"line\":") + 7;
      int end = at;
      while (Character.isDigit(r.charAt(end))) {
        end++;
      }
      lines.add(Long.parseLong(r.substring(at, end)));
    }
    return lines;
  }

  /**
   * The numbers of the lines that are records, from line {@code from} on: worked out here on the
   * whole input, independently of how the batch cuts it into chunks.
   */
  static List<Long> recordLines(byte[] input, long from) {
    List<Long> lines = new ArrayList<>();
    int start = 0;
    long line = 1;
    while (start < input.length) {
      int end = start;
      while (end < input.length && input[end] != '\n') {
        end++;
      }
      if (line >= from && isRecord(input, start, end, line)) {
        lines.add(line);
      }
      start = end + 1;
      line++;
    }
    return lines;
  }

  private static boolean isRecord(byte[] input, int start, int end, long line) {
    if (end - start > Lines.MAX_LINE_BYTES) {
      return true;
    }
    int s = line == 1 && end - start >= 3 && (input[start] & 0xff) == 0xEF
        && (input[start + 1] & 0xff) == 0xBB && (input[start + 2] & 0xff) == 0xBF
        ? start + 3 : start;
    int e = end > s && input[end - 1] == '\r' ? end - 1 : end;
    try {
      return !StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(input, s, e - s))
          .toString().isBlank();
    } catch (CharacterCodingException bad) {
      return true;
    }
  }
}
