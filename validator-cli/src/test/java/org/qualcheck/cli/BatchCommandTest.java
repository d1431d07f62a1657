package org.qualcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qualcheck.check.Checker;
import org.qualcheck.check.Plan;
import org.qualcheck.model.Qualification;
import org.qualcheck.spec.SpecReader;

class BatchCommandTest {
  static final String CS = "../specs/ocr-03455-customer-service-l2.yaml";
  static final String SMALL = "src/test/resources/specs/small-two-groups.yaml";
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  List<JsonNode> jsonLines(Path file) throws Exception {
    List<JsonNode> out = new ArrayList<>();
    for (String line : Files.readAllLines(file)) {
      out.add(JSON.readTree(line));
    }
    return out;
  }

  @Test
  void malformedRecordsInTheMiddleGetErrorRecordsAndNothingIsLost() throws Exception {
    Path in = dir.resolve("plans.csv");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.writeBytes(("learner,units,cohort\n"
        + "L1,F1 F2 A3 B2 C3 D2,2026\n"
        + "L2,\"F1 F2 A3,2026\n"
        + "L3,F1 F2 A3 B2 C3 D2 Z9,2026\n").getBytes(StandardCharsets.UTF_8));
    bytes.writeBytes("L4,F1 F2 A3 \u00e9".getBytes(StandardCharsets.UTF_8));
    bytes.write(0xff);
    bytes.writeBytes((",2026\n"
        + "\n"
        + "L5,,2026\n"
        + "L6,F1 F1 A3,2026\n"
        + "L7,F1;F2;A1;B2;C1;D8,2026\n"
        + "L8,F1 F2,2026,extra\n"
        + ",F1 F2,2026\n"
        + "L9,F/601/1609 L/601/1614 R/601/1212 J/601/1210 M/601/1511 A/601/1530,2026\n")
        .getBytes(StandardCharsets.UTF_8));
    Files.write(in, bytes.toByteArray());
    Path out = dir.resolve("results.jsonl");
    CliRun run = CliRun.of("batch", "--spec", CS, "--input", in.toString(), "--output",
        out.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    List<JsonNode> results = jsonLines(out);
    assertThat(results).extracting(r -> r.get("line").asLong())
        .containsExactly(2L, 3L, 4L, 5L, 7L, 8L, 9L, 10L, 11L, 12L);
    assertThat(results.get(0).get("met").booleanValue()).isTrue();
    assertThat(results.get(0).get("learner").asText()).isEqualTo("L1");
    assertThat(results.get(0).get("columns").get("cohort").asText()).isEqualTo("2026");
    assertThat(results.get(1).get("error").asText()).contains("not valid CSV");
    assertThat(results.get(2).get("error").asText()).contains("\"Z9\"");
    assertThat(results.get(2).get("learner").asText()).isEqualTo("L3");
    assertThat(results.get(3).get("error").asText()).contains("not valid UTF-8");
    assertThat(results.get(4).get("met").booleanValue()).isFalse();
    assertThat(results.get(4).has("error")).isFalse();
    assertThat(results.get(5).get("error").asText()).contains("F1 is given twice");
    assertThat(results.get(6).get("met").booleanValue()).isFalse();
    assertThat(results.get(6).get("failed").get(0).get("rule").asText())
        .isEqualTo("optional-level-2");
    assertThat(results.get(6).get("failed").get(0).get("shortfall").asLong()).isEqualTo(6);
    assertThat(results.get(7).get("error").asText()).contains("4 fields but the header has 3");
    assertThat(results.get(8).get("error").asText()).contains("no learner");
    assertThat(results.get(9).get("met").booleanValue()).isTrue();
    for (JsonNode r : results) {
      assertThat(r.has("met") != r.has("error")).as(r.toString()).isTrue();
    }
    assertThat(run.err()).contains("10 records: 2 met, 2 not met, 6 errors");
  }

  @Test
  void aRecordOfOneFieldIsCountedInTheSingular() throws Exception {
    Path in = dir.resolve("one-field.csv");
    Files.writeString(in, "learner,units,cohort\nL1\n");
    Path out = dir.resolve("results.jsonl");
    CliRun.of("batch", "--spec", CS, "--input", in.toString(), "--output", out.toString());
    assertThat(jsonLines(out).get(0).get("error").asText())
        .isEqualTo("the record has 1 field but the header has 3");
  }

  @Test
  void orderIsKeptAcrossThreadsAndVerdictsMatchTheChecker() throws Exception {
    Qualification q = new SpecReader().read(Path.of(CS));
    Checker checker = Checker.of(q);
    List<String> units = new ArrayList<>(q.units().keySet());
    SplittableRandom rnd = new SplittableRandom(7);
    StringBuilder csv = new StringBuilder("learner,units\n");
    List<Boolean> expected = new ArrayList<>();
    for (int i = 0; i < 60_000; i++) {
      List<String> plan = new ArrayList<>(List.of("F1", "F2"));
      for (String u : units.subList(2, units.size())) {
        if (rnd.nextInt(9) == 0) {
          plan.add(u);
        }
      }
      expected.add(checker.meets(Plan.of(plan)));
      csv.append("L").append(i).append(',').append(String.join(" ", plan)).append('\n');
    }
    Path in = dir.resolve("many.csv");
    Files.writeString(in, csv);
    Path out = dir.resolve("many.jsonl");
    CliRun run = CliRun.of("batch", "--spec", CS, "--input", in.toString(), "--output",
        out.toString(), "--threads", "4");
    assertThat(run.exitCode()).isEqualTo(1);
    List<String> lines = Files.readAllLines(out);
    assertThat(lines).hasSize(60_000);
    for (int i = 0; i < lines.size(); i++) {
      JsonNode r = JSON.readTree(lines.get(i));
      assertThat(r.get("learner").asText()).isEqualTo("L" + i);
      assertThat(r.get("met").booleanValue()).as("learner %d", i).isEqualTo(expected.get(i));
    }
    assertThat(expected).contains(true, false);
  }

  @Test
  void jsonLinesInCsvOutWithPassThroughAndErrors() throws Exception {
    Path in = dir.resolve("plans.jsonl");
    Files.writeString(in, "{\"learner\": \"A\", \"units\": [\"M1\", \"X2\", \"Y1\"], \"centre\": \"C7\"}\n"
        + "{\"learner\": \"B\", \"units\": \"M1\"}\n"
        + "not json\n"
        + "{\"units\": [\"M1\"]}\n"
        + "{\"learner\": \"C\", \"units\": [\"M1\", 3]}\n"
        + "{\"learner\": \"D, \\\"the\\\" second\", \"units\": [\"M1\"]}\n");
    Path out = dir.resolve("results.csv");
    CliRun run = CliRun.of("batch", "--spec", SMALL, "--input", in.toString(), "--output",
        out.toString());
    assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
    List<List<String>> rows = csvRows(out);
    // JSON lines may hold learner records, so CSV output from them has an on_track column.
    assertThat(rows.get(0)).containsExactly("learner", "line", "qualification", "met",
        "failed_rules", "error", "on_track");
    assertThat(rows).hasSize(7);
    assertThat(rows.get(1)).startsWith("A", "1", "SMALL", "true");
    assertThat(rows.get(2).get(5)).contains("must be a list");
    assertThat(rows.get(3).get(5)).contains("not valid JSON");
    assertThat(rows.get(4).get(5)).contains("no \"learner\"");
    assertThat(rows.get(5).get(5)).contains("only text");
    assertThat(rows.get(6).get(0)).isEqualTo("D, \"the\" second");
    assertThat(rows.get(6).get(4)).contains("one-from-Y (1 short)");
  }

  @Test
  void severalSpecsAreChosenByTheRecordsQualification() throws Exception {
    Path in = dir.resolve("mixed.csv");
    Files.writeString(in, "learner,qualification,units\n"
        + "A,SMALL,M1 X2 Y1\n"
        + "B,03455,F1 F2 A3 B2 C3 D2\n"
        + "C,99999,F1\n"
        + "D,,F1\n");
    Path out = dir.resolve("mixed.jsonl");
    CliRun run = CliRun.of("batch", "--spec", SMALL, "--spec", CS, "--input", in.toString(),
        "--output", out.toString());
    List<JsonNode> r = jsonLines(out);
    assertThat(r).hasSize(4);
    assertThat(r.get(0).get("met").booleanValue()).isTrue();
    assertThat(r.get(1).get("met").booleanValue()).isTrue();
    assertThat(r.get(1).get("qualification").asText()).isEqualTo("03455");
    assertThat(r.get(2).get("error").asText()).contains("\"99999\" is not among the specs");
    assertThat(r.get(3).get("error").asText()).contains("names no qualification");
    assertThat(run.exitCode()).isEqualTo(1);
  }

  @Test
  void everyRecordMetExitsZeroAndStandardStreamsWork() throws Exception {
    Path in = dir.resolve("ok.csv");
    Files.writeString(in, "learner,units\nA,M1 X2 Y1\n");
    CliRun run = CliRun.of("batch", "--spec", SMALL, "--input", in.toString(), "--output", "-",
        "--output-format", "jsonl");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err()).contains("1 records: 1 met, 0 not met, 0 errors");
  }

  @Test
  void unwritableOutputExitsSeventyAndLeavesNoFile() throws Exception {
    Path in = dir.resolve("ok.csv");
    Files.writeString(in, "learner,units\nA,M1 X2 Y1\n");
    Path out = dir.resolve("no-such-folder").resolve("results.jsonl");
    CliRun run = CliRun.of("batch", "--spec", SMALL, "--input", in.toString(), "--output",
        out.toString());
    assertThat(run.exitCode()).isEqualTo(70);
    assertThat(run.err()).contains("the batch stopped").contains("was not written");
    assertThat(Files.exists(out)).isFalse();
  }

  @Test
  void inputThatCannotBeReadAtAllExitsTwo() throws Exception {
    Path noHeader = dir.resolve("no-header.csv");
    Files.writeString(noHeader, "name,plan\nA,M1\n");
    CliRun run = CliRun.of("batch", "--spec", SMALL, "--input", noHeader.toString(), "--output",
        dir.resolve("r.jsonl").toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("no \"learner\" column");
    assertThat(Files.exists(dir.resolve("r.jsonl"))).isFalse();
    assertThat(CliRun.of("batch", "--spec", SMALL, "--input", "x.txt", "--output", "y.jsonl")
        .err()).contains("cannot tell the format");
    assertThat(CliRun.of("batch", "--spec", SMALL, "--input", dir.resolve("none.csv").toString(),
        "--output", "y.jsonl").exitCode()).isEqualTo(2);
  }
  @Test
  void csvOutputNeverRepeatsAColumnName() throws Exception {
    Path in = dir.resolve("clash.csv");
    Files.writeString(in, "learner,met,units,error,line,failed_rules,input_met,cohort\n"
        + "A,yes,M1 X2 Y1,none,7,x,im,2026\n"
        + "B,no,M1,none,8,y,im2,2027\n");
    Path out = dir.resolve("clash-results.csv");
    CliRun run = CliRun.of("batch", "--spec", SMALL, "--input", in.toString(), "--output",
        out.toString());
    assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
    List<List<String>> rows = csvRows(out);
    assertThat(rows.get(0)).containsExactly("learner", "line", "qualification", "met",
        "failed_rules", "error", "input_met", "input_error", "input_line", "input_failed_rules",
        "input_input_met", "cohort");
    assertThat(rows.get(0)).doesNotHaveDuplicates();
    assertThat(rows.get(1)).containsExactly("A", "2", "SMALL", "true", "", "", "yes", "none", "7",
        "x", "im", "2026");
    assertThat(rows.get(2).subList(0, 4)).containsExactly("B", "3", "SMALL", "false");
    assertThat(rows.get(2).subList(6, 12)).containsExactly("no", "none", "8", "y", "im2", "2027");
  }

  @Test
  void anEmptyPlanIsNotMetForTheLibraryValidateAndBatch() throws Exception {
    Qualification q = new SpecReader().read(Path.of(SMALL));
    assertThat(Checker.of(q).meets(Plan.of(List.of()))).isFalse();
    CliRun validate = CliRun.of("validate", "--spec", SMALL, "--units", "");
    assertThat(validate.exitCode()).as(validate.err()).isEqualTo(1);
    assertThat(validate.out()).contains("NOT MET");
    Path in = dir.resolve("empty.csv");
    Files.writeString(in, "learner,units\nA,\nB,M1 X2 Y1\n");
    Path out = dir.resolve("empty.jsonl");
    CliRun batch = CliRun.of("batch", "--spec", SMALL, "--input", in.toString(), "--output",
        out.toString());
    assertThat(batch.exitCode()).as(batch.err()).isEqualTo(1);
    JsonNode a = jsonLines(out).get(0);
    assertThat(a.has("error")).as(a.toString()).isFalse();
    assertThat(a.get("met").booleanValue()).isFalse();
    assertThat(a.get("failed")).extracting(f -> f.get("rule").asText())
        .containsExactly("mandatory", "one-from-Y", "total-credits");
    assertThat(batch.err()).contains("2 records: 1 met, 1 not met, 0 errors");
  }

  @Test
  void batchToAClosedStandardOutputStopsAtOnce() throws Exception {
    StringBuilder csv = new StringBuilder("learner,units\n");
    for (int i = 0; i < 300_000; i++) {
      csv.append('L').append(i).append(",M1 X2 Y1\n");
    }
    Path in = dir.resolve("big.csv");
    Files.writeString(in, csv);
    Path stderr = dir.resolve("stderr.txt");
    Process p = Processes.qualcheck("batch", "--spec", SMALL, "--input", in.toString(),
        "--output", "-", "--output-format", "jsonl").redirectError(stderr.toFile()).start();
    try {
      var stdout = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream(),
          StandardCharsets.UTF_8));
      assertThat(stdout.readLine()).contains("\"learner\":\"L0\"");
      stdout.close();
      assertThat(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    } finally {
      p.destroyForcibly();
    }
    assertThat(p.exitValue()).isEqualTo(70);
    assertThat(Files.readString(stderr)).contains("standard output could not be written")
        .doesNotContain("Exception").doesNotContain("\tat ");
  }

  /** The rows of a CSV file, its header first, read by a CSV library rather than by hand. */
  private static List<List<String>> csvRows(Path file) throws IOException {
    List<List<String>> rows = new ArrayList<>();
    try (var it = new CsvMapper().readerFor(List.class)
        .with(com.fasterxml.jackson.dataformat.csv.CsvParser.Feature.WRAP_AS_ARRAY)
        .<List<String>>readValues(file.toFile())) {
      it.forEachRemaining(rows::add);
    }
    return rows;
  }
}
