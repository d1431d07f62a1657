package org.qualcheck.cli.batch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.qualcheck.model.Qualification;
import org.qualcheck.spec.SpecReader;

/**
 * Records in equal records out, for random byte streams: lines of plain records, quoted and
 * badly quoted fields, JSON with trailing data or repeated fields, blank lines and junk bytes,
 * each ended at random by LF, CR or CR LF (or, last, by nothing), sometimes long enough to cross
 * chunks. Through the real batch run, fast and general path, CSV and JSON lines in, both outputs:
 * every line that the independent reference ({@link BatchRunTest#recordLines}) calls a record
 * gets exactly one result with its line number, in order, and the two paths agree byte for byte.
 * Each case names its seed; rerun a failure by adding its seed to {@link #seeds}.
 */
class RecordsInRecordsOutTest {
  private static final Qualification CS =
      new SpecReader().read(Path.of("../specs/ocr-03455-customer-service-l2.yaml"));

  static Stream<Long> seeds() {
    long now = System.nanoTime();
    System.out.println("RecordsInRecordsOutTest: also seed " + now);
    return Stream.concat(LongStream.rangeClosed(1, 16).boxed(), Stream.of(21306467342587L, now));
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void everyRecordLineGetsOneResult(long seed) throws Exception {
    SplittableRandom rnd = new SplittableRandom(seed);
    for (BatchRun.Format in : BatchRun.Format.values()) {
      byte[] input = stream(rnd, in);
      List<Long> expected = BatchRunTest.recordLines(input, 1);
      if (in == BatchRun.Format.CSV) {
        expected = expected.subList(1, expected.size()); // the header
      }
      int threads = 1 + rnd.nextInt(3);
      byte[] reference = null;
      for (boolean fast : new boolean[] {true, false}) {
        BatchRun run = new BatchRun(List.of(CS), threads, fast, fast ? FastPath.CACHED : 0);
        String where = "seed " + seed + ", " + in + " in, fast path " + fast;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BatchRun.Summary s = run.run(new ByteArrayInputStream(input), in, out,
            BatchRun.Format.JSONL, n -> { });
        assertThat(s.records()).as(where).isEqualTo(expected.size());
        assertThat(s.met() + s.notMet() + s.errors()).as(where).isEqualTo(s.records());
        assertThat(BatchRunTest.lineNumbers(out.toByteArray())).as(where).isEqualTo(expected);
        if (reference == null) {
          reference = out.toByteArray();
        } else {
          assertThat(out.toByteArray()).as(where).isEqualTo(reference);
        }
        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        run.run(new ByteArrayInputStream(input), in, csv, BatchRun.Format.CSV, n -> { });
        assertThat(csvLineColumn(csv.toByteArray())).as(where + ", CSV out")
            .isEqualTo(expected);
      }
    }
  }

  /** The {@code line} column of every row of CSV results, read with a CSV reader. */
  private static List<Long> csvLineColumn(byte[] csv) throws Exception {
    List<Long> lines = new ArrayList<>();
    try (var rows = new CsvMapper().readerFor(String[].class)
        .with(CsvParser.Feature.WRAP_AS_ARRAY).<String[]>readValues(csv)) {
      String[] header = rows.next();
      assertThat(header[1]).isEqualTo("line");
      rows.forEachRemaining(r -> lines.add(Long.parseLong(r[1])));
    }
    return lines;
  }

  /** A random input of the given format, its lines ended at random. */
  private static byte[] stream(SplittableRandom rnd, BatchRun.Format format) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    boolean csv = format == BatchRun.Format.CSV;
    int lines = rnd.nextInt(8) == 0 ? 3000 + rnd.nextInt(4000) : rnd.nextInt(60);
    int ends = rnd.nextInt(5); // 0-2: one kind of line end throughout; 3-4: mixed
    if (csv) {
      while (rnd.nextInt(4) == 0) {
        write(out, blank(rnd));
        out.writeBytes(end(rnd, ends));
      }
      write(out, rnd.nextBoolean() ? "learner,units,cohort" : "units,learner,cohort");
      out.writeBytes(end(rnd, ends));
    }
    for (int i = 0; i < lines; i++) {
      int kind = rnd.nextInt(100);
      if (kind < 60) {
        write(out, csv ? csvRecord(rnd, i) : jsonRecord(rnd, i));
      } else if (kind < 70) {
        write(out, blank(rnd));
      } else if (kind < 78) {
        write(out, csv ? List.of("\"L" + i + ",F1 F2,2026", "L" + i + ",\"F1\" F2,x",
            "\"L" + i + "\",\"F1 \"\"F2\",2026", "L\"" + i + ",F1,\"").get(rnd.nextInt(4))
            : List.of("{\"learner\": \"L" + i + "\"", "\"L" + i + "\"", "[1, 2]", "null")
                .get(rnd.nextInt(4)));
      } else if (kind < 86) {
        String r = csv ? csvRecord(rnd, i) : jsonRecord(rnd, i);
        write(out, csv ? r + "," + r : List.of(r + " " + r, r + " junk", r + "}",
            r.replace("{", "{\"learner\": \"X\", ")).get(rnd.nextInt(4)));
      } else if (kind < 94) {
        int n = 1 + rnd.nextInt(40);
        for (int k = 0; k < n; k++) {
          int b = rnd.nextInt(256);
          if (b != '\r' && b != '\n') {
            out.write(b);
          }
        }
      } else if (kind < 97) {
        write(out, "x".repeat(rnd.nextInt(Chunk.CAPACITY + 1000)));
      } else {
        write(out, "\"" + "\r\n".repeat(1 + rnd.nextInt(3)) + "\"");
        continue; // the quoted line ends above end lines of their own
      }
      if (i < lines - 1 || rnd.nextBoolean()) {
        out.writeBytes(end(rnd, ends));
      }
    }
    return out.toByteArray();
  }

  private static String csvRecord(SplittableRandom rnd, int i) {
    String units = List.of("F1 F2 A3 B2 C3 D2", "F1;F2;A1;B2;C1;D8", "F1", "", "F1 Z9",
        "F1 F1").get(rnd.nextInt(6));
    return "L" + i + "," + (rnd.nextInt(5) == 0 ? "\"" + units + "\"" : units) + ",2026";
  }

  private static String jsonRecord(SplittableRandom rnd, int i) {
    String units = List.of("\"F1\", \"F2\", \"A3\", \"B2\", \"C3\", \"D2\"", "\"F1\"", "",
        "\"F1\", \"Z9\"").get(rnd.nextInt(4));
    return "{\"learner\": \"L" + i + "\", \"units\": [" + units + "], \"cohort\": \"2026\"}";
  }

  private static String blank(SplittableRandom rnd) {
    return List.of("", " ", "\t", "  \t ", "\u2003").get(rnd.nextInt(5));
  }

  /** A line end: of kind {@code ends} (0 LF, 1 CR, 2 CR LF), or any of them when mixed. */
  private static byte[] end(SplittableRandom rnd, int ends) {
    int k = ends < 3 ? ends : rnd.nextInt(3);
    return (k == 0 ? "\n" : k == 1 ? "\r" : "\r\n").getBytes(StandardCharsets.US_ASCII);
  }

  private static void write(ByteArrayOutputStream out, String s) {
    out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
  }
}
