package org.qualcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** validate on a qualification with pathways and an endorsed title, as text and as JSON. */
class PathwayCommandTest {
  static final String SPEC = "src/test/resources/specs/pathways-and-endorsement.yaml";
  static final String HSC = "../specs/pearson-edexcel-l2-diploma-hsc-adults.yaml";
  static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void aPlanMeetingOnePathwayIsMetAndTheReportNamesIt() {
    CliRun run = CliRun.of("validate", "--spec", SPEC, "--units", "M1,S1");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains("Common rules:\n  ok    mandatory")
        .contains("Pathway x (Pathway X): not met\n  FAIL  x-credits")
        .contains("Pathway y (Pathway Y): achieved\n  ok    y-credits")
        .contains("Endorsed title extra (with Extra): not met")
        .contains("MET: the plan meets the common rules and every rule of pathway y;"
            + " no endorsed title is earned.");
  }

  @Test
  void eachPathwayPlacesTheSharedUnitItsOwnWay() throws Exception {
    JsonNode out = JSON.readTree(
        CliRun.of("validate", "--spec", SPEC, "--units", "M1,S1,X1,Y1", "--format", "json").out());
    assertThat(out.get("met").asBoolean()).isTrue();
    assertThat(out.get("achievedPathways").toString()).isEqualTo("[\"x\",\"y\"]");
    assertThat(out.get("pathways").get(0).get("rules").get(0).get("counted").toString())
        .isEqualTo("[\"S1\",\"X1\"]");
    assertThat(out.get("pathways").get(1).get("rules").get(0).get("counted").toString())
        .isEqualTo("[\"S1\",\"Y1\"]");
    assertThat(out.get("endorsements").get(0).get("id").asText()).isEqualTo("extra");
    assertThat(out.get("endorsements").get(0).get("met").asBoolean()).isTrue();
    assertThat(ResultSchemasTest.schema("check-result.schema.json").validate(out)).isEmpty();
  }

  @Test
  void noPathwayMetFailsWithExitCodeOne() throws Exception {
    CliRun run = CliRun.of("validate", "--spec", SPEC, "--units", "M1,X1", "--format", "json");
    assertThat(run.exitCode()).isEqualTo(1);
    JsonNode out = JSON.readTree(run.out());
    assertThat(out.get("met").asBoolean()).isFalse();
    assertThat(out.get("achievedPathways").toString()).isEqualTo("[]");
    assertThat(out.get("rules")).hasSize(1);
    assertThat(ResultSchemasTest.schema("check-result.schema.json").validate(out)).isEmpty();
    assertThat(CliRun.of("validate", "--spec", SPEC, "--units", "M1,X1").out())
        .contains("NOT MET: no pathway is met; no endorsed title is earned.");
  }

  @Test
  void aQualificationWithoutPathwaysPrintsNoPathwayFields() throws Exception {
    JsonNode out = JSON.readTree(CliRun.of("validate", "--spec", ResultSchemasTest.CS,
        "--units", "F1,F2,A3,B2,C3,D2", "--format", "json").out());
    assertThat(out.has("pathways")).isFalse();
    assertThat(out.has("achievedPathways")).isFalse();
    assertThat(out.has("endorsements")).isFalse();
  }

  @Test
  void theShippedHealthAndSocialCareSpecHasThreePathways() throws Exception {
    String mandatory = "SHC21,SHC22,SHC23,SHC24,HSC024,HSC025,HSC026,HSC027,HSC028";
    CliRun run = CliRun.of("validate", "--spec", HSC, "--units", mandatory
        + ",PLACEHOLDER-DM1,PLACEHOLDER-DK1,PLACEHOLDER-DK2,PLACEHOLDER-DC1,PLACEHOLDER-DC2"
        + ",PLACEHOLDER-DC3,PLACEHOLDER-DC4", "--format", "json");
    JsonNode out = JSON.readTree(run.out());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(out.get("achievedPathways").toString()).isEqualTo("[\"dementia\"]");
    assertThat(out.get("pathways")).hasSize(3);
    assertThat(ResultSchemasTest.schema("check-result.schema.json").validate(out)).isEmpty();
  }

  @Test
  void batchNamesTheAchievedPathwaysAndEveryFailingPathwayRule(@org.junit.jupiter.api.io.TempDir
      java.nio.file.Path dir) throws Exception {
    java.nio.file.Path in = dir.resolve("in.csv");
    java.nio.file.Files.writeString(in, "learner,units,centre\nA,M1;S1,X\nB,M1;X1,Y\n"
        + "C,M1;S1;X1;Y1,Z\n");
    java.nio.file.Path csv = dir.resolve("out.csv");
    CliRun.of("batch", "--spec", SPEC, "--input", in.toString(), "--output", csv.toString());
    assertThat(java.nio.file.Files.readString(csv)).isEqualTo(
        "learner,line,qualification,met,failed_rules,error,pathways,centre\n"
            + "A,2,PW1,true,,,y,X\n"
            + "B,3,PW1,false,\"x-credits (5 short); y-credits (5 short)\",,,Y\n"
            + "C,4,PW1,true,,,x;y,Z\n");
    java.nio.file.Path jsonl = dir.resolve("out.jsonl");
    CliRun.of("batch", "--spec", SPEC, "--input", in.toString(), "--output", jsonl.toString());
    var lines = java.nio.file.Files.readAllLines(jsonl);
    var schema = ResultSchemasTest.schema("batch-result.schema.json");
    for (String line : lines) {
      assertThat(schema.validate(JSON.readTree(line))).as(line).isEmpty();
    }
    assertThat(JSON.readTree(lines.get(2)).get("achievedPathways").toString())
        .isEqualTo("[\"x\",\"y\"]");
  }

  @Test
  void planNamesThePathwayAndCompletesTowardAnEndorsedTitle() throws Exception {
    CliRun run = CliRun.of("plan", "--spec", SPEC, "--units", "M1,X1");
    assertThat(run.out()).contains("Cheapest completion:\n  add S1 (5 credits added)\n"
        + "  completes pathway x (Pathway X)\n");
    JsonNode out = JSON.readTree(
        CliRun.of("plan", "--spec", SPEC, "--units", "M1,S1", "--endorsement", "extra",
            "--format", "json").out());
    assertThat(out.get("add").toString()).isEqualTo("[\"X1\",\"Y1\"]");
    assertThat(out.get("kind").asText()).isEqualTo("completion");
    assertThat(out.get("endorsement").asText()).isEqualTo("extra");
    CliRun wrong = CliRun.of("plan", "--spec", SPEC, "--units", "M1", "--endorsement", "nope");
    assertThat(wrong.exitCode()).isEqualTo(2);
    assertThat(wrong.err()).isEqualTo("qualcheck: --endorsement names \"nope\", which is not an"
        + " endorsed title of the spec; its endorsed titles are extra\n");
  }

  @Test
  void countCountsEachPlanOnceOverPathways(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    java.nio.file.Path spec = dir.resolve("simple.yaml");
    java.nio.file.Files.writeString(spec, """
        qualification: {code: S, title: Simple, source: test}
        units:
          - {number: M1, title: M, credits: 4, level: 2}
          - {number: X1, title: X, credits: 3, level: 2}
          - {number: Y1, title: Y, credits: 5, level: 2}
        groups:
          - {id: M, title: M, units: [M1]}
          - {id: X, title: X, units: [X1]}
          - {id: Y, title: Y, units: [Y1]}
        rules:
          - {all-of: {groups: [M]}}
        pathways:
          - {id: x, title: X, rules: [{total: {groups: [X], min: 3}}]}
          - {id: y, title: Y, rules: [{total: {groups: [Y], min: 5}}]}
        """);
    // M1+X1, M1+Y1 and M1+X1+Y1; the last meets both pathways and is counted once
    CliRun run = CliRun.of("count", "--spec", spec.toString(), "--format", "json", "--list");
    JsonNode out = JSON.readTree(run.out());
    assertThat(out.get("count").asLong()).as(run.err()).isEqualTo(3);
    assertThat(out.get("plans").toString())
        .isEqualTo("[[\"M1\",\"X1\",\"Y1\"],[\"M1\",\"X1\"],[\"M1\",\"Y1\"]]");
    CliRun shared = CliRun.of("count", "--spec", SPEC);
    assertThat(shared.exitCode()).isEqualTo(2);
    assertThat(shared.err()).contains("has units listed in more than one group");
  }

  @Test
  void showRendersPathwaysAndEndorsementsInEnglishAndMermaid() {
    assertThat(CliRun.of("show", SPEC).out()).contains(
        "Pathways: you must also meet every rule of at least one of these 2 pathways.\n"
            + "Pathway x: Pathway X\n"
            + "  - at least 8 credits from group X [x-credits]\n"
            + "Pathway y: Pathway Y\n"
            + "  the Y route\n"
            + "  - at least 5 credits from group Y [y-credits]\n",
        "Endorsed title extra: with Extra\n  - all units X1 and Y1 [extra-units]\n");
    assertThat(CliRun.of("show", SPEC, "--format", "mermaid").out()).contains(
        "  subgraph p1[\"Pathway y: Pathway Y\"]\n"
            + "    r2{{\"y-credits: at least 5 credits from group Y\"}}\n"
            + "    r2 --> g2\n"
            + "  end\n",
        "  subgraph e0[\"Endorsed title extra: with Extra\"]\n");
  }
}
