package org.qualcheck.cli.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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

  /**
   * A worker that runs out of heap stops the run with a sentence saying so and how to give Java
   * more, which the command prints as the reason the batch stopped (exit 70, nothing written),
   * rather than as an internal error to report.
   */
  @Test
  void aWorkerOutOfMemoryStopsTheRunSayingSo() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    BatchRun.InFlight failed = new BatchRun.InFlight(new Chunk(),
        java.util.concurrent.CompletableFuture.failedFuture(new OutOfMemoryError("Java heap space")));
    assertThatThrownBy(() -> BatchRun.write(failed, new ResultWriter.JsonLines(out), new long[4],
        n -> { }))
        .isInstanceOf(IOException.class)
        .hasMessageStartingWith("Java ran out of memory (its heap is at most ")
        .hasMessageEndingWith(" MB); give it more, e.g. QUALCHECK_JAVA_OPTS=-Xmx512m")
        .hasCauseInstanceOf(OutOfMemoryError.class);
    assertThat(out.size()).as("nothing of the failed chunk is written").isZero();
  }

  /**
   * Long CSV is gathered by learner on the thread that reads it, so that thread can run out of heap
   * too (a large input under a small heap); it stops the run with the same sentence.
   */
  @Test
  void runningOutOfMemoryWhileReadingStopsTheRunSayingSo() throws Exception {
    byte[] header = "learner,unit,status,date,via\nL1,F1,achieved,2026-01-05,\n"
        .getBytes(StandardCharsets.UTF_8);
    InputStream exhausting = new InputStream() {
      private int next;

      @Override
      public int read() {
        if (next < header.length) {
          return header[next++];
        }
        throw new OutOfMemoryError("Java heap space");
      }
    };
    BatchRun run = new BatchRun(List.of(new SpecReader().read(
        Path.of("../specs/ocr-03455-customer-service-l2.yaml"))), 2);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertThatThrownBy(() -> run.run(exhausting, BatchRun.Format.CSV, out, BatchRun.Format.JSONL,
        n -> { }))
        .isInstanceOf(IOException.class)
        .hasMessageStartingWith("Java ran out of memory (its heap is at most ")
        .hasMessageEndingWith(" MB); give it more, e.g. QUALCHECK_JAVA_OPTS=-Xmx512m")
        .hasCauseInstanceOf(OutOfMemoryError.class);
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

  private static final BatchRun SMALL = new BatchRun(List.of(new SpecReader().read(
      Path.of("src/test/resources/specs/small-two-groups.yaml"))), 2);

  /** The JSON lines results of running {@code input} through {@code run}. */
  static List<JsonNode> results(BatchRun run, InputStream input, BatchRun.Format format)
      throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    BatchRun.Summary s = run.run(input, format, out, BatchRun.Format.JSONL, n -> { });
    List<JsonNode> results = new ArrayList<>();
    for (String line : out.toString(StandardCharsets.UTF_8).split("\n", -1)) {
      if (!line.isEmpty()) {
        results.add(new ObjectMapper().readTree(line));
      }
    }
    assertThat(results).hasSize((int) s.records());
    return results;
  }

  static List<JsonNode> results(String input, BatchRun.Format format) throws Exception {
    return results(SMALL, new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
        format);
  }

  @Test
  void bareCarriageReturnsEndLines() throws Exception {
    List<JsonNode> r = results("learner,units\rA,M1 X2 Y1\rB,M1\r", BatchRun.Format.CSV);
    assertThat(r).extracting(n -> n.get("learner").asText()).containsExactly("A", "B");
    assertThat(r).extracting(n -> n.get("line").asLong()).containsExactly(2L, 3L);
    assertThat(r.get(1).get("met").booleanValue()).isFalse();
  }

  @Test
  void aStrayCarriageReturnNeverMergesTwoLearners() throws Exception {
    List<JsonNode> r = results("learner,units\nA,M1 X2 Y1\rB,M1\r\nC,M1 X2 Y1\n",
        BatchRun.Format.CSV);
    assertThat(r).extracting(n -> n.get("learner").asText()).containsExactly("A", "B", "C");
    assertThat(r).extracting(n -> n.get("line").asLong()).containsExactly(2L, 3L, 4L);
    assertThat(r).extracting(n -> n.get("met").booleanValue()).containsExactly(true, false, true);
    List<JsonNode> j = results("{\"learner\": \"A\", \"units\": [\"M1\"]}\r"
        + "{\"learner\": \"B\", \"units\": [\"M1\", \"X2\", \"Y1\"]}", BatchRun.Format.JSONL);
    assertThat(j).extracting(n -> n.get("learner").asText()).containsExactly("A", "B");
  }

  @Test
  void aCrLfPairCutBetweenTwoReadsIsOneLineEnd() throws Exception {
    // The header's CR ends one read of a byte-at-a-time input and its LF starts the next.
    String csv = "learner,units\r\nA,M1 X2 Y1\r\n\r\nB,M1\r\n";
    List<JsonNode> r = results(SMALL, new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)) {
      @Override
      public synchronized int read(byte[] b, int off, int len) {
        return super.read(b, off, Math.min(len, 1));
      }
    }, BatchRun.Format.CSV);
    assertThat(r).extracting(n -> n.get("line").asLong()).containsExactly(2L, 4L);
    // A chunk is cut just after a CR whose LF starts the next chunk.
    ByteArrayOutputStream in = new ByteArrayOutputStream();
    String record = "{\"learner\": \"L\", \"units\": [\"M1\", \"X2\", \"Y1\"]}";
    long lines = 0;
    while (in.size() + record.length() + 2 < Chunk.CAPACITY) {
      in.writeBytes((record + "\r\n").getBytes(StandardCharsets.UTF_8));
      lines++;
    }
    in.writeBytes(" ".repeat(Chunk.CAPACITY - in.size() - 1).getBytes(StandardCharsets.UTF_8));
    in.writeBytes(("\r\n" + record + "\r\n").getBytes(StandardCharsets.UTF_8));
    byte[] input = in.toByteArray();
    assertThat(input[Chunk.CAPACITY - 1]).isEqualTo((byte) '\r');
    List<JsonNode> j = results(SMALL, new ByteArrayInputStream(input), BatchRun.Format.JSONL);
    assertThat(j).hasSize((int) lines + 1);
    assertThat(j.get(j.size() - 1).get("line").asLong()).isEqualTo(lines + 2);
    assertThat(j).allMatch(n -> n.get("met").booleanValue());
  }

  @Test
  void anythingAfterTheJsonValueOnItsLineIsAnErrorForThatLine() throws Exception {
    String ok = "{\"learner\": \"A\", \"units\": [\"M1\", \"X2\", \"Y1\"]}";
    List<JsonNode> r = results(ok + " " + ok.replace("\"A\"", "\"B\"") + "\n"
        + ok + " junk\n" + ok + "}\n" + ok + "   \n", BatchRun.Format.JSONL);
    assertThat(r).hasSize(4);
    for (int i = 0; i < 3; i++) {
      assertThat(r.get(i).get("error").asText()).as("line %d", i + 1)
          .contains("more than one JSON value");
      assertThat(r.get(i).get("line").asLong()).isEqualTo(i + 1);
    }
    assertThat(r.get(3).get("met").booleanValue()).isTrue();
  }

  @Test
  void aFieldGivenTwiceInJsonLinesIsAnError() throws Exception {
    List<JsonNode> r = results(
        "{\"learner\": \"A\", \"units\": [\"M1\"], \"units\": [\"M1\", \"X2\", \"Y1\"]}\n"
        + "{\"learner\": \"A\", \"learner\": \"B\", \"units\": [\"M1\", \"X2\", \"Y1\"]}\n"
        + "{\"learner\": \"C\", \"units\": [\"M1\", \"X2\", \"Y1\"], \"o\": {\"k\": 1, \"k\": 2}}\n",
        BatchRun.Format.JSONL);
    assertThat(r).extracting(n -> n.get("error").asText()).containsExactly(
        "the record gives the field \"units\" more than once",
        "the record gives the field \"learner\" more than once",
        "the record gives the field \"k\" more than once");
  }

  @Test
  void aRecordWithNoUnitsIsNotMetWithTheFailingRules() throws Exception {
    for (BatchRun run : List.of(SMALL, new BatchRun(List.of(new SpecReader().read(
        Path.of("src/test/resources/specs/small-two-groups.yaml"))), 1, false, 0))) {
      List<JsonNode> csv = results(run, new ByteArrayInputStream(
          "learner,units\nA,\nB, ; \n".getBytes(StandardCharsets.UTF_8)), BatchRun.Format.CSV);
      List<JsonNode> json = results(run, new ByteArrayInputStream(
          "{\"learner\": \"A\", \"units\": []}\n".getBytes(StandardCharsets.UTF_8)),
          BatchRun.Format.JSONL);
      for (JsonNode n : List.of(csv.get(0), csv.get(1), json.get(0))) {
        assertThat(n.has("error")).as(n.toString()).isFalse();
        assertThat(n.get("met").booleanValue()).isFalse();
        assertThat(n.get("failed")).extracting(f -> f.get("rule").asText())
            .containsExactly("mandatory", "one-from-Y", "total-credits");
      }
    }
  }

  /** The line of every JSON lines result, in output order. */
  static List<Long> lineNumbers(byte[] jsonLines) {
    List<Long> lines = new ArrayList<>();
    String text = new String(jsonLines, StandardCharsets.UTF_8);
    if (text.isEmpty()) {
      return lines; // no records, no results ("".split gives one empty string)
    }
    for (String r : text.split("\n")) {
      if (!r.contains("\"line\":")) {
        throw new AssertionError("a result without a line: " + r);
      }
      int at = r.indexOf("\"line\":") + 7;
      int end = at;
      while (Character.isDigit(r.charAt(end))) {
        end++;
      }
      lines.add(Long.parseLong(r.substring(at, end)));
    }
    return lines;
  }

  /** Splits text read as ISO-8859-1 (one char per byte) into lines, as RFC 4180 readers do. */
  private static final java.util.regex.Pattern LINE_END =
      java.util.regex.Pattern.compile("\r\n|\r|\n");

  /**
   * The numbers of the lines that are records, from line {@code from} on: worked out here on the
   * whole input with a regular expression for line ends (CR LF, CR or LF), independently of how
   * the batch cuts it into chunks and finds line ends.
   */
  static List<Long> recordLines(byte[] input, long from) {
    List<Long> lines = new ArrayList<>();
    String text = new String(input, StandardCharsets.ISO_8859_1);
    java.util.regex.Matcher m = LINE_END.matcher(text);
    int start = 0;
    long line = 1;
    while (start < text.length()) {
      int end = m.find(start) ? m.start() : text.length();
      if (line >= from && isRecord(input, start, end, line)) {
        lines.add(line);
      }
      start = end < text.length() ? m.end() : end;
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
    try {
      return !StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(input, s, end - s))
          .toString().isBlank();
    } catch (CharacterCodingException bad) {
      return true;
    }
  }
}
