package org.qualcheck.cli.batch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.qualcheck.check.RuleOutcome;
import org.qualcheck.model.Qualification;
import org.qualcheck.model.Unit;
import org.qualcheck.progress.RecordChecker;
import org.qualcheck.progress.RecordResult;
import org.qualcheck.record.LearnerRecord;
import org.qualcheck.record.Status;
import org.qualcheck.record.UnitEntry;
import org.qualcheck.record.Via;
import org.qualcheck.synthetic.StructureGenerator;
import org.qualcheck.synthetic.StructureGenerator.Settings;

/**
 * Batch checks of learner records, in JSON lines and in long CSV with every learner's rows
 * shuffled among the others', agree record for record with the record checker (itself checked
 * against a brute-force reference in the engine's tests), on seeded random structures and records;
 * and a bad row makes its learner's result an error, never a shorter record. Cases are named by
 * seed.
 */
class LearnerRecordBatchTest {
  private static final LocalDate AS_OF = LocalDate.of(2024, 6, 1);
  private static final ObjectMapper JSON = new ObjectMapper();

  static LongStream seeds() {
    return LongStream.range(1, 41);
  }

  @ParameterizedTest(name = "seed={0}")
  @MethodSource("seeds")
  void jsonLinesAndLongCsvAgreeWithTheRecordChecker(long seed) throws Exception {
    Random rnd = new Random(seed);
    Qualification q =
        StructureGenerator.withRecordRules(seed, Settings.everything(5 + rnd.nextInt(6), 2));
    List<LearnerRecord> records = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      records.add(record(q, rnd, "L" + i));
    }
    Set<String> broken = new HashSet<>();
    StringBuilder jsonl = new StringBuilder();
    List<String[]> rows = new ArrayList<>();
    for (LearnerRecord r : records) {
      jsonl.append(json(r)).append('\n');
      for (UnitEntry e : r.units()) {
        rows.add(new String[] {r.learner(), e.unit(), e.status().jsonName(),
            e.date().map(Object::toString).orElse(""), e.via().jsonName(),
            r.registered().get().toString()});
      }
      if (rnd.nextInt(6) == 0) {
        broken.add(r.learner());
        rows.add(new String[] {r.learner(), "U1", "done", "", "", r.registered().get().toString()});
      }
    }
    Collections.shuffle(rows, rnd);
    StringBuilder csv = new StringBuilder("learner,unit,status,date,via,registered\n");
    CsvMapper mapper = new CsvMapper();
    for (String[] row : rows) {
      csv.append(mapper.writeValueAsString(row));
    }
    List<String> firstAppearance = new ArrayList<>();
    for (String[] row : rows) {
      if (!firstAppearance.contains(row[0])) {
        firstAppearance.add(row[0]);
      }
    }
    for (LearnerRecord r : records) {
      if (r.units().isEmpty() && !broken.contains(r.learner())) {
        firstAppearance.remove(r.learner()); // no rows, so not in the long input at all
      }
    }
    RecordChecker checker = RecordChecker.of(q);
    List<JsonNode> fromJson = run(q, jsonl.toString(), BatchRun.Format.JSONL);
    assertThat(fromJson).as("seed %d: records in, results out", seed).hasSize(records.size());
    for (int i = 0; i < records.size(); i++) {
      expect(fromJson.get(i), checker.check(records.get(i), AS_OF), "seed " + seed + " jsonl");
    }
    List<JsonNode> fromCsv = run(q, csv.toString(), BatchRun.Format.CSV);
    assertThat(fromCsv).extracting(n -> n.get("learner").asText())
        .as("seed %d: one result per learner, in order of first appearance", seed)
        .containsExactlyElementsOf(firstAppearance);
    for (JsonNode result : fromCsv) {
      String learner = result.get("learner").asText();
      if (broken.contains(learner)) {
        assertThat(result.get("error").asText()).as("seed %d, %s", seed, learner)
            .contains("the status is one of achieved, in-progress or planned, not \"done\"");
        continue;
      }
      LearnerRecord r = records.stream().filter(x -> x.learner().equals(learner)).findFirst()
          .orElseThrow();
      expect(result, checker.check(r, AS_OF), "seed " + seed + " csv");
    }
  }

  /**
   * CSV output of learner records says what JSON lines output says: an on_track column after
   * error, true or false as the record checker has it, and empty for a plan or an error (JSON lines
   * input may mix plans and records). Plain CSV input holds only plans and gets no such column.
   */
  @ParameterizedTest(name = "seed={0}")
  @MethodSource("seeds")
  void csvOutputSaysWhetherEachRecordIsOnTrack(long seed) throws Exception {
    Random rnd = new Random(seed);
    Qualification q =
        StructureGenerator.withRecordRules(seed, Settings.everything(5 + rnd.nextInt(6), 2));
    RecordChecker checker = RecordChecker.of(q);
    List<LearnerRecord> records = new ArrayList<>();
    StringBuilder jsonl = new StringBuilder();
    StringBuilder longCsv = new StringBuilder("learner,unit,status,date,via,registered\n");
    CsvMapper mapper = new CsvMapper();
    List<String> plan = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      LearnerRecord r = record(q, rnd, "L" + i);
      if (r.units().isEmpty()) {
        continue;
      }
      records.add(r);
      jsonl.append(json(r)).append('\n');
      if (i % 5 == 0) {
        jsonl.append("{\"learner\": \"P").append(i).append("\", \"units\": [\"")
            .append(r.units().get(0).unit()).append("\"]}\n");
        jsonl.append("{\"learner\": \"E").append(i).append("\", \"units\": 5}\n");
        plan.add("P" + i);
      }
      for (UnitEntry e : r.units()) {
        longCsv.append(mapper.writeValueAsString(new String[] {r.learner(), e.unit(),
            e.status().jsonName(), e.date().map(Object::toString).orElse(""), e.via().jsonName(),
            r.registered().get().toString()}));
      }
    }
    for (String[] input : List.of(new String[] {jsonl.toString(), "JSONL"},
        new String[] {longCsv.toString(), "CSV"})) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      new BatchRun(List.of(q), 2, AS_OF).run(
          new ByteArrayInputStream(input[0].getBytes(StandardCharsets.UTF_8)),
          BatchRun.Format.valueOf(input[1]), out, BatchRun.Format.CSV, n -> { });
      List<String[]> rows = new ArrayList<>();
      try (var it = mapper.readerFor(String[].class)
          .with(com.fasterxml.jackson.dataformat.csv.CsvParser.Feature.WRAP_AS_ARRAY)
          .<String[]>readValues(out.toByteArray())) {
        it.forEachRemaining(rows::add);
      }
      String where = "seed " + seed + ", " + input[1] + " in";
      assertThat(rows.get(0)).as(where).containsExactly("learner", "line", "qualification", "met",
          "failed_rules", "error", "on_track");
      int checked = 0;
      for (String[] row : rows.subList(1, rows.size())) {
        String learner = row[0];
        if (!row[5].isEmpty() || plan.contains(learner)) {
          assertThat(row[6]).as("%s: %s is not a checked record", where, learner).isEmpty();
          continue;
        }
        RecordResult expected = checker.check(records.stream()
            .filter(r -> r.learner().equals(learner)).findFirst().orElseThrow(), AS_OF);
        assertThat(row[3]).as("%s: %s met", where, learner)
            .isEqualTo(Boolean.toString(expected.isAchieved()));
        assertThat(row[6]).as("%s: %s on track", where, learner)
            .isEqualTo(Boolean.toString(expected.isOnTrack()));
        checked++;
      }
      assertThat(checked).as(where).isEqualTo(records.size());
    }
    ByteArrayOutputStream plans = new ByteArrayOutputStream();
    new BatchRun(List.of(q), 1, AS_OF).run(new ByteArrayInputStream(
        ("learner,units\nP1," + records.get(0).units().get(0).unit() + "\n")
            .getBytes(StandardCharsets.UTF_8)),
        BatchRun.Format.CSV, plans, BatchRun.Format.CSV, n -> { });
    assertThat(plans.toString(StandardCharsets.UTF_8))
        .startsWith("learner,line,qualification,met,failed_rules,error\n");
  }

  @Test
  void aLongCsvHeaderWithAnUnknownColumnIsRefusedAtLineOne() {
    Qualification q = StructureGenerator.withRecordRules(1, Settings.everything(6, 2));
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> run(q, "learner,unit,status,grade\nL1,U1,achieved,A\n", BatchRun.Format.CSV))
        .isInstanceOf(BatchInputException.class)
        .hasMessageStartingWith("line 1: the long format's header names the column \"grade\"");
  }

  private static void expect(JsonNode result, RecordResult expected, String what) {
    assertThat(result.has("error")).as("%s: %s", what, result).isFalse();
    assertThat(result.get("met").booleanValue()).as("%s: %s", what, result)
        .isEqualTo(expected.isAchieved());
    assertThat(result.get("onTrack").booleanValue()).as("%s: %s", what, result)
        .isEqualTo(expected.isOnTrack());
    List<String> failed = new ArrayList<>();
    result.get("failed").forEach(f -> failed.add(f.get("rule").asText()));
    assertThat(failed).as("%s: %s", what, result).containsExactlyElementsOf(
        expected.achieved().failures().stream().map(RuleOutcome::ruleId).toList());
  }

  private static List<JsonNode> run(Qualification q, String input, BatchRun.Format format)
      throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new BatchRun(List.of(q), 2, AS_OF).run(
        new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), format, out,
        BatchRun.Format.JSONL, n -> { });
    List<JsonNode> results = new ArrayList<>();
    for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
      if (!line.isEmpty()) {
        results.add(JSON.readTree(line));
      }
    }
    return results;
  }

  private static String json(LearnerRecord r) {
    ObjectNode o = JSON.createObjectNode().put("learner", r.learner())
        .put("registered", r.registered().get().toString());
    ArrayNode units = o.putArray("units");
    for (UnitEntry e : r.units()) {
      ObjectNode u = units.addObject().put("unit", e.unit()).put("status", e.status().jsonName())
          .put("via", e.via().jsonName());
      e.date().ifPresent(d -> u.put("date", d.toString()));
    }
    return o.toString();
  }

  private static LearnerRecord record(Qualification q, Random rnd, String learner) {
    LocalDate registered = AS_OF.minusDays(rnd.nextInt(6 * 365));
    List<UnitEntry> units = new ArrayList<>();
    for (Unit u : q.units().values()) {
      int pick = rnd.nextInt(6);
      if (pick < 2) {
        continue;
      }
      Status status = pick < 4 ? Status.ACHIEVED : pick == 4 ? Status.IN_PROGRESS : Status.PLANNED;
      Via via = rnd.nextInt(3) == 0 ? Via.values()[rnd.nextInt(4)] : Via.ASSESSMENT;
      String name = via == Via.TRANSFER || rnd.nextBoolean()
          ? u.reference().orElseThrow().value() : u.number();
      Optional<LocalDate> date = rnd.nextInt(5) == 0 ? Optional.empty()
          : Optional.of(registered.plusDays(rnd.nextInt(8 * 365) - 4 * 365));
      units.add(new UnitEntry(rnd.nextInt(4) == 0 ? name.toLowerCase(Locale.ROOT) : name, status,
          date, via, Optional.empty(), Optional.empty()));
    }
    Collections.shuffle(units, rnd);
    return new LearnerRecord(learner, Optional.of(registered), units, List.of(), List.of());
  }
}
