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
        + ",PLACEHOLDER-DM1,PLACEHOLDER-DK1,PLACEHOLDER-C1,PLACEHOLDER-C2,PLACEHOLDER-C3"
        + ",PLACEHOLDER-DC1,PLACEHOLDER-DK2", "--format", "json");
    JsonNode out = JSON.readTree(run.out());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(out.get("achievedPathways").toString()).isEqualTo("[\"dementia\"]");
    assertThat(out.get("pathways")).hasSize(3);
    assertThat(ResultSchemasTest.schema("check-result.schema.json").validate(out)).isEmpty();
  }
}
