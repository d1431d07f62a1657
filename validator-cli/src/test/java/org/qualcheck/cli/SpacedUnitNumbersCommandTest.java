package org.qualcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Unit numbers with spaces ({@code SHC 21}, {@code HSC 2028}) are named on the command line, in
 * plan files and in batch records, by the one rule: commas and semicolons separate units, and
 * spaces separate them only in a spec whose unit numbers hold none. Both kinds of spec are
 * checked, and every refusal suggests a form that works.
 */
class SpacedUnitNumbersCommandTest {
  static final String SPACED = "src/test/resources/specs/long-unit-numbers.yaml";
  static final String CS = "../specs/ocr-03455-customer-service-l2.yaml";
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void validateNamesSpacedUnitsSeparatedByCommasOrSemicolonsInAnySpacingAndCase() {
    CliRun exact = CliRun.of("validate", "--spec", SPACED, "--units", "M1,SHC 21,HSC 2028");
    assertThat(exact.exitCode()).as(exact.err()).isZero();
    assertThat(exact.out()).contains("Plan: 3 units, 11 credits");
    CliRun loose = CliRun.of("validate", "--spec", SPACED, "--units", " m1 ; shc   21,  HSC 2028 ");
    assertThat(loose.exitCode()).as(loose.err()).isZero();
    assertThat(loose.out()).isEqualTo(exact.out());
  }

  @Test
  void spacesStillSeparateUnitsWhereNoUnitNumberHoldsOne() {
    CliRun run = CliRun.of("validate", "--spec", CS, "--units", "F1 F2 A3 B2 C3 D2");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("Plan: 6 units, 29 credits");
  }

  @Test
  void unitsRunTogetherWithSpacesAreRefusedWithTheListThatWorks() {
    CliRun run = CliRun.of("validate", "--spec", SPACED, "--units", "M1 SHC 21 HSC 2028");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("qualcheck: unit \"M1 SHC 21 HSC 2028\" is not in"
        + " LONG-NUMBERS; did you mean the units M1, SHC 21, HSC 2028? separate units with commas"
        + " or semicolons (unit numbers of LONG-NUMBERS hold spaces, so spaces do not separate"
        + " units), e.g. M1, SHC 21, HSC 2028\n");
    CliRun typed = CliRun.of("validate", "--spec", SPACED, "--units", "M1, SHC 21, HSC 2028");
    assertThat(typed.exitCode()).as("the suggested list works: %s", typed.err()).isZero();
  }

  @Test
  void aPlanFileTakesOneSpacedUnitALineOrCommaSeparated() throws Exception {
    Path plan = dir.resolve("plan.txt");
    Files.writeString(plan, "# the learner's units\nM1\nSHC 21   # communication\nhsc 2028, P1\n",
        StandardCharsets.UTF_8);
    CliRun run = CliRun.of("validate", "--spec", SPACED, "--plan", plan.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("Plan: 4 units, 16 credits");
  }

  @Test
  void whatPlanRecommendsCanBeTypedBack() throws Exception {
    CliRun plan = CliRun.of("plan", "--spec", SPACED, "--units", "M1", "--exclude", "p1",
        "--format", "json");
    assertThat(plan.exitCode()).as(plan.err()).isEqualTo(1);
    List<String> add = new ArrayList<>();
    JSON.readTree(plan.out()).get("add").forEach(u -> add.add(u.asText()));
    assertThat(add).containsExactlyInAnyOrder("SHC 21", "HSC 2028");
    CliRun check = CliRun.of("validate", "--spec", SPACED, "--units", "M1, " + String.join(", ", add));
    assertThat(check.exitCode()).as(check.err()).isZero();
  }

  @Test
  void batchSplitsCellsByTheRuleOfEachRecordsQualification() throws Exception {
    Path csv = dir.resolve("plans.csv");
    Files.writeString(csv, "learner,qualification,units\n"
        + "L1,LONG-NUMBERS,M1;SHC 21;HSC 2028\n"
        + "L2,LONG-NUMBERS,\"m1, shc  21 ,hsc 2028\"\n"
        + "L3,03455,F1 F2 A3;B2 C3 D2\n"
        + "L4,03455,\"F1,F2,A3,B2,C3,D2\"\n"
        + "L5,LONG-NUMBERS,M1 SHC 21 HSC 2028\n"
        + "L6,LONG-NUMBERS,M1;SHC;21\n", StandardCharsets.UTF_8);
    Path jsonl = dir.resolve("plans.jsonl");
    Files.writeString(jsonl, "{\"learner\":\"L1\",\"qualification\":\"LONG-NUMBERS\","
        + "\"units\":[\"M1\",\"SHC 21\",\"HSC 2028\"]}\n"
        + "{\"learner\":\"L2\",\"qualification\":\"LONG-NUMBERS\","
        + "\"units\":[\" m1\",\"shc  21\",\"HSC\\t2028\"]}\n"
        + "{\"learner\":\"L3\",\"qualification\":\"LONG-NUMBERS\","
        + "\"units\":[\"M1\",\"SHC\",\"21\"]}\n", StandardCharsets.UTF_8);
    // The fast path takes the plain records here; FastPathTest holds it to the general path.
    List<JsonNode> csvResults = batch(csv);
    assertThat(csvResults).extracting(r -> r.path("met").asBoolean())
        .containsExactly(true, true, true, true, false, false);
    assertThat(csvResults.get(4).get("error").asText()).contains(
        "did you mean the units M1, SHC 21, HSC 2028? separate units with commas or semicolons");
    assertThat(csvResults.get(5).get("error").asText()).contains(
        "unit \"SHC\" is not in LONG-NUMBERS, but \"SHC 21\" is: give \"SHC 21\" as one unit,"
            + " separating units with commas or semicolons, e.g. SHC 21,");
    List<JsonNode> jsonResults = batch(jsonl);
    assertThat(jsonResults).extracting(r -> r.path("met").asBoolean())
        .containsExactly(true, true, false);
    assertThat(jsonResults.get(2).get("error").asText()).contains("\"SHC 21\" is");
  }

  /** The results of a batch over both specs. */
  private List<JsonNode> batch(Path in) throws Exception {
    Path out = dir.resolve(in.getFileName() + ".results.jsonl");
    CliRun run = CliRun.of("batch", "--spec", SPACED, "--spec", CS, "--input", in.toString(),
        "--output", out.toString());
    assertThat(run.exitCode()).as(run.err()).isIn(0, 1);
    List<JsonNode> results = new ArrayList<>();
    for (String line : Files.readAllLines(out)) {
      results.add(JSON.readTree(line));
    }
    return results;
  }
}
