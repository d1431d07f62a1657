package org.qualcheck.cli.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.qualcheck.check.Checker;
import org.qualcheck.model.Qualification;
import org.qualcheck.model.Unit;
import org.qualcheck.spec.SpecReader;

/**
 * The fast path ({@link FastPath}) must give byte for byte the output of the general path, for any
 * record: random cohorts mixing plain records with every kind the fast path hands over (quotes,
 * tabs, non-ASCII, bad UTF-8, control characters, unknown and repeated units, blank and long
 * lines, several qualifications). The seed is printed; rerun one with {@code -Dbatch.seed=N}.
 */
class FastPathTest {
  private static final SpecReader SPECS = new SpecReader();
  private static final Qualification CS =
      SPECS.read(Path.of("../specs/ocr-03455-customer-service-l2.yaml"));
  private static final Qualification EQUIVALENT =
      SPECS.read(Path.of("../specs/examples/equivalent-units.yaml"));
  private static final Qualification SHARED =
      SPECS.read(Path.of("../specs/examples/unit-in-two-groups.yaml"));
  /** Unit numbers with spaces ({@code SHC 21}): only semicolons separate a cell's units. */
  private static final Qualification SPACED =
      SPECS.read(Path.of("src/test/resources/specs/long-unit-numbers.yaml"));

  private static long seed() {
    String given = System.getProperty("batch.seed");
    long seed = given != null ? Long.parseLong(given) : System.nanoTime();
    System.out.println("FastPathTest seed: " + seed + " (rerun with -Dbatch.seed=" + seed + ")");
    return seed;
  }

  @Test
  void fastAndGeneralPathsWriteTheSameBytes() throws Exception {
    long seed = seed();
    SplittableRandom rnd = new SplittableRandom(seed);
    List<List<Qualification>> setups = List.of(List.of(CS), List.of(EQUIVALENT),
        List.of(SHARED), List.of(SPACED), List.of(CS, EQUIVALENT, SHARED, SPACED));
    List<String> headers = List.of("learner,units,cohort", "cohort,units,learner",
        "learner,qualification,units,centre,cohort", "units,learner", "learner,units");
    for (int round = 0; round < 24; round++) {
      List<Qualification> qs = setups.get(rnd.nextInt(setups.size()));
      String header = headers.get(rnd.nextInt(headers.size()));
      byte[] input = cohort(rnd, qs, header, 1500 + rnd.nextInt(3000));
      for (BatchRun.Format out : BatchRun.Format.values()) {
        int threads = 1 + rnd.nextInt(3);
        int cached = List.of(0, 1, 3, FastPath.CACHED).get(rnd.nextInt(4));
        ByteArrayOutputStream fast = new ByteArrayOutputStream();
        ByteArrayOutputStream general = new ByteArrayOutputStream();
        BatchRun.Summary f = new BatchRun(qs, threads, true, cached).run(
            new ByteArrayInputStream(input), BatchRun.Format.CSV, fast, out, n -> { });
        BatchRun.Summary g = new BatchRun(qs, threads, false, 0).run(
            new ByteArrayInputStream(input), BatchRun.Format.CSV, general, out, n -> { });
        String where = "seed " + seed + ", round " + round + ", header " + header + ", " + out
            + ", " + cached + " lists kept";
        assertThat(f).as(where).isEqualTo(g);
        assertThat(fast.toString(StandardCharsets.UTF_8)).as(where)
            .isEqualTo(general.toString(StandardCharsets.UTF_8));
        assertThat(fast.toByteArray()).as(where).isEqualTo(general.toByteArray());
        if (out == BatchRun.Format.JSONL) {
          assertThat(BatchRunTest.lineNumbers(fast.toByteArray())).as(where)
              .isEqualTo(BatchRunTest.recordLines(input, 2));
        }
      }
    }
  }

  @Test
  void fastAndGeneralPathsWriteTheSameBytesForJsonLines() throws Exception {
    long seed = seed();
    SplittableRandom rnd = new SplittableRandom(seed);
    List<List<Qualification>> setups = List.of(List.of(CS), List.of(EQUIVALENT),
        List.of(SPACED), List.of(CS, EQUIVALENT, SHARED, SPACED));
    for (int round = 0; round < 16; round++) {
      List<Qualification> qs = setups.get(rnd.nextInt(setups.size()));
      byte[] input = jsonCohort(rnd, qs, 1000 + rnd.nextInt(2000));
      for (BatchRun.Format out : BatchRun.Format.values()) {
        int threads = 1 + rnd.nextInt(3);
        int cached = List.of(0, 1, FastPath.CACHED).get(rnd.nextInt(3));
        ByteArrayOutputStream fast = new ByteArrayOutputStream();
        ByteArrayOutputStream general = new ByteArrayOutputStream();
        BatchRun.Summary f = new BatchRun(qs, threads, true, cached).run(
            new ByteArrayInputStream(input), BatchRun.Format.JSONL, fast, out, n -> { });
        BatchRun.Summary g = new BatchRun(qs, threads, false, 0).run(
            new ByteArrayInputStream(input), BatchRun.Format.JSONL, general, out, n -> { });
        String where = "seed " + seed + ", JSON lines round " + round + ", " + out + ", "
            + cached + " lists kept";
        assertThat(f).as(where).isEqualTo(g);
        assertThat(fast.toString(StandardCharsets.UTF_8)).as(where)
            .isEqualTo(general.toString(StandardCharsets.UTF_8));
        assertThat(fast.toByteArray()).as(where).isEqualTo(general.toByteArray());
      }
    }
  }

  @Test
  void thePlainJsonRecordIsTakenByTheFastPath() {
    FastPath fast = new FastPath(null, List.of(Checker.of(CS)));
    FastPath.Scratch s = fast.scratch();
    byte[] line = ("{\"units\": [\"F1\", \"F2\", \"R/601/1212\"], \"learner\": \" L7 \","
        + " \"qualification\": null, \"cohort\": \"2026\"}").getBytes(StandardCharsets.US_ASCII);
    assertThat(fast.checkJson(line, 0, line.length, 3, s)).isTrue();
    assertThat(s.learnerText).isEqualTo("L7");
    assertThat(s.names).containsExactly("cohort");
    assertThat(s.met).isFalse();
    for (String general : List.of("{\"learner\": \"L7\", \"units\": [\"F1\", \"Z9\"]}",
        "{\"learner\": \"L7\", \"units\": [\"F1\", \"F1\"]}",
        "{\"learner\": \"L7\", \"units\": []}", "{\"learner\": \"L7\", \"units\": \"F1\"}",
        "{\"learner\": \"L7\", \"units\": [\" F1\"]}", "{\"learner\": 7, \"units\": [\"F1\"]}",
        "{\"learner\": \"L7\", \"units\": [\"F1\"], \"n\": 1}",
        "{\"learner\": \"L7\", \"units\": [\"F1\"], \"learner\": \"L8\"}",
        "{\"learner\": \"L7\", \"units\": [\"F1\"]} x", "[1]", "{\"learner\": \"L\u00e97\"}",
        "{\"learner\": \"L7\", \"units\": [\"F1\"], \"qualification\": \"99\"}")) {
      byte[] b = general.getBytes(StandardCharsets.UTF_8);
      assertThat(fast.checkJson(b, 0, b.length, 3, s)).as(general).isFalse();
    }
  }

  @Test
  void thePlainRecordIsTakenByTheFastPath() {
    FastPath fast = new FastPath(List.of("learner", "units", "cohort"), List.of(Checker.of(CS)));
    FastPath.Scratch s = fast.scratch();
    byte[] line = " L7 ,F1;F2  B2 R/601/1212,2026".getBytes(StandardCharsets.US_ASCII);
    assertThat(fast.check(line, 0, line.length, 9, s)).isTrue();
    assertThat(new String(line, s.learnerStart, s.learnerEnd - s.learnerStart,
        StandardCharsets.US_ASCII)).isEqualTo("L7");
    assertThat(s.met).isFalse();
    for (String general : List.of("L7,F1 F2 Z9,2026", "L7,F1 F1,2026", "L7,,2026", " ,F1,2026",
        "L7,F1,2026,x", "L7,F1", "\"L7\",F1,2026", "L7,F1\tF2,2026", "L\u00e97,F1,2026")) {
      byte[] b = general.getBytes(StandardCharsets.UTF_8);
      assertThat(fast.check(b, 0, b.length, 9, s)).as(general).isFalse();
    }
  }

  @Test
  void aCellOfSpacedUnitNumbersIsTakenByTheFastPathAndSplitAtSemicolonsOnly() {
    FastPath fast = new FastPath(List.of("learner", "units"), List.of(Checker.of(SPACED)));
    FastPath.Scratch s = fast.scratch();
    byte[] line = "L7, M1 ;SHC 21;  HSC 2028 ".getBytes(StandardCharsets.US_ASCII);
    assertThat(fast.check(line, 0, line.length, 9, s)).as("taken").isTrue();
    assertThat(s.met).as("M1, SHC 21 and HSC 2028 meet the rules").isTrue();
    byte[] words = "L7,M1 SHC 21 HSC 2028".getBytes(StandardCharsets.US_ASCII);
    assertThat(fast.check(words, 0, words.length, 9, s))
        .as("spaces do not separate units here: one unknown unit, for the general path to word")
        .isFalse();
    for (String general : List.of("L7,M1;shc 21", "L7,M1;SHC  21", "L7,M1;SHC\t21")) {
      byte[] b = general.getBytes(StandardCharsets.US_ASCII);
      assertThat(fast.check(b, 0, b.length, 9, s)).as(general).isFalse();
    }
    FastPath json = new FastPath(null, List.of(Checker.of(SPACED)));
    byte[] record = "{\"learner\": \"L7\", \"units\": [\"M1\", \"SHC 21\", \"HSC 2028\"]}"
        .getBytes(StandardCharsets.US_ASCII);
    assertThat(json.checkJson(record, 0, record.length, 3, json.scratch())).isTrue();
  }

  /** A random JSON lines cohort: mostly plain records, with every kind of oddity now and then. */
  private static byte[] jsonCohort(SplittableRandom rnd, List<Qualification> qs, int records) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    if (rnd.nextBoolean()) {
      write(out, "\uFEFF");
    }
    for (int i = 0; i < records; i++) {
      if (rnd.nextInt(40) == 0) {
        write(out, List.of("", " ", "\t", "\r", "not json", "[1, 2]", "{", "null")
            .get(rnd.nextInt(8)) + "\n");
        continue;
      }
      Qualification q = qs.get(rnd.nextInt(qs.size()));
      List<String> fields = new ArrayList<>();
      if (rnd.nextInt(40) != 0) {
        fields.add("\"learner\": " + List.of("\"L" + i + "\"", "\"L" + i + "\"", "\"L" + i + "\"",
            "\" L" + i + " \"", "\"\"", "\"  \"", "5", "null", "\"L\\\"" + i + "\"",
            "\"L\\\\" + i + "\"", "\"L\u00e9" + i + "\"", "\"L\\u00e9" + i + "\"")
            .get(rnd.nextInt(12)));
      }
      if (rnd.nextInt(40) != 0) {
        fields.add("\"units\": " + jsonUnits(rnd, q));
      }
      if (rnd.nextInt(3) == 0) {
        fields.add("\"qualification\": " + List.of("\"" + q.code() + "\"", "\" " + q.code() + " \"",
            "\"\"", "null", "5", "\"99999\"").get(rnd.nextInt(6)));
      }
      int extra = rnd.nextInt(3);
      for (int k = 0; k < extra; k++) {
        fields.add(List.of("\"cohort\": \"2026\"", "\"centre\": \"C\\\"7\"", "\"n\": 5",
            "\"o\": {\"a\": 1}", "\"cohort\": \"2027\"", "\"e\": \"\"", "\"t\": \"a\\tb\"")
            .get(rnd.nextInt(7)));
      }
      java.util.Collections.shuffle(fields, new java.util.Random(rnd.nextLong()));
      write(out, "{" + String.join(rnd.nextBoolean() ? ", " : ",", fields) + "}");
      if (rnd.nextInt(100) == 0) {
        write(out, " {}");
      } else if (rnd.nextInt(100) == 0) {
        out.write(0xff);
      }
      write(out, lineEnd(rnd));
    }
    return out.toByteArray();
  }

  private static String jsonUnits(SplittableRandom rnd, Qualification q) {
    switch (rnd.nextInt(40)) {
      case 0:
        return "\"F1\"";
      case 1:
        return "null";
      case 2:
        return "[\"F1\", 3]";
      case 3:
        return "[[\"F1\"]]";
      default:
        break;
    }
    List<String> tokens = new ArrayList<>();
    for (String t : units(rnd, q).split(q.hasSpacedUnitNumbers() ? ";" : "[ ;\t]+")) {
      if (q.hasSpacedUnitNumbers() && rnd.nextInt(10) != 0) {
        t = t.strip();
      }
      if (t.isEmpty() && rnd.nextInt(4) != 0) {
        continue;
      }
      tokens.add("\"" + (rnd.nextInt(40) == 0 ? " " + t : t) + "\"");
    }
    if (rnd.nextInt(40) == 0) {
      tokens.add("\"\"");
    }
    return "[" + String.join(", ", tokens) + "]";
  }

  /** A random cohort: mostly plain records, with every kind of oddity now and then. */
  private static byte[] cohort(SplittableRandom rnd, List<Qualification> qs, String header,
      int records) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    write(out, header + lineEnd(rnd));
    List<String> columns = List.of(header.split(","));
    for (int i = 0; i < records; i++) {
      if (rnd.nextInt(40) == 0) {
        write(out, List.of("", " ", "  \t ", "\r", "\u2003").get(rnd.nextInt(5)) + "\n");
        continue;
      }
      if (rnd.nextInt(1500) == 0) {
        write(out, "L" + i + "," + "F1 ".repeat(Lines.MAX_LINE_BYTES / 3 + rnd.nextInt(30_000))
            + ",x\n");
        continue;
      }
      Qualification q = qs.get(rnd.nextInt(qs.size()));
      List<String> cells = new ArrayList<>();
      for (String c : columns) {
        cells.add(switch (c) {
          case "learner" -> learner(rnd, i);
          case "units" -> units(rnd, q);
          case "qualification" -> code(rnd, q);
          default -> other(rnd);
        });
      }
      if (rnd.nextInt(80) == 0) {
        cells.add("extra");
      } else if (rnd.nextInt(80) == 0) {
        cells.remove(cells.size() - 1);
      }
      write(out, String.join(",", cells));
      if (rnd.nextInt(200) == 0) {
        out.write(0xff);
      } else if (rnd.nextInt(200) == 0) {
        out.write(0x01);
      } else if (rnd.nextInt(200) == 0) {
        out.write(0x7f);
      }
      write(out, lineEnd(rnd));
    }
    if (rnd.nextBoolean()) {
      write(out, "Llast," + units(rnd, qs.get(0)));
    }
    return out.toByteArray();
  }

  private static String learner(SplittableRandom rnd, int i) {
    return switch (rnd.nextInt(30)) {
      case 0 -> "";
      case 1 -> "   ";
      case 2 -> " L" + i + " ";
      case 3 -> "\"L" + i + ", the \"\"second\"\"\"";
      case 4 -> "L\u00e9" + i;
      case 5 -> "L\\" + i + "/<&>'#";
      case 6 -> "\tL" + i;
      case 7 -> "\"L" + i;
      default -> "L" + i;
    };
  }

  private static String code(SplittableRandom rnd, Qualification q) {
    return switch (rnd.nextInt(12)) {
      case 0 -> "";
      case 1 -> " ";
      case 2 -> " " + q.code() + " ";
      case 3 -> "99999";
      default -> q.code();
    };
  }

  private static String other(SplittableRandom rnd) {
    return switch (rnd.nextInt(12)) {
      case 0 -> "";
      case 1 -> " 2026 ";
      case 2 -> "#x";
      case 3 -> "a\\b/c";
      case 4 -> "\"q, u\"";
      case 5 -> "caf\u00e9";
      default -> "2026";
    };
  }

  private static String units(SplittableRandom rnd, Qualification q) {
    boolean spaced = q.hasSpacedUnitNumbers();
    // Where unit numbers hold spaces only semicolons separate units, and spaces around one are
    // trimmed; elsewhere spaces separate too.
    List<String> separators = spaced ? List.of(";", "; ", " ;", " ; ", ";  ", ";\t")
        : List.of(" ", " ", " ", ";", "; ", "  ", "\t");
    String splitter = spaced ? "\\s*;\\s*" : "[ ;\t]+";
    List<Unit> all = new ArrayList<>(q.units().values());
    StringBuilder b = new StringBuilder();
    if (rnd.nextInt(8) == 0) {
      b.append(List.of(" ", ";", " ; ").get(rnd.nextInt(3)));
    }
    int n = rnd.nextInt(30) == 0 ? 0 : 1 + rnd.nextInt(Math.min(all.size(), 9));
    for (int k = 0; k < n; k++) {
      String token;
      int pick = rnd.nextInt(60);
      if (pick == 0) {
        token = spaced ? "SHC" : "Z9";
      } else if (pick == 1) {
        token = spaced ? "shc  21" : "f1";
      } else if (pick == 2 && !b.toString().replaceAll("[ ;\t]", "").isEmpty()) {
        token = b.toString().replaceAll("^[ ;\t]+", "").split(splitter)[0];
      } else {
        Unit u = all.remove(rnd.nextInt(all.size()));
        token = rnd.nextInt(5) == 0 && u.reference().isPresent()
            ? u.reference().get().value() : u.number();
        if (spaced && rnd.nextInt(10) == 0) {
          token = token.replace(" ", List.of("  ", "\t", " ").get(rnd.nextInt(3)));
        }
        if (all.isEmpty()) {
          all = new ArrayList<>(q.units().values());
        }
      }
      if (k > 0) {
        b.append(separators.get(rnd.nextInt(separators.size())));
      }
      b.append(token);
    }
    if (rnd.nextInt(8) == 0) {
      b.append(List.of(" ", ";", " ; ").get(rnd.nextInt(3)));
    }
    return b.toString();
  }

  /** A line end: mostly LF, sometimes CR LF or a bare CR. */
  private static String lineEnd(SplittableRandom rnd) {
    int k = rnd.nextInt(20);
    return k < 2 ? "\r\n" : k < 4 ? "\r" : "\n";
  }

  private static void write(ByteArrayOutputStream out, String s) {
    out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
  }
}
