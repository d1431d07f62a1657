package org.qualcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** Caps on what counts and unit attributes, as the commands show them to people and programs. */
class CapCommandTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String BTEC = "../specs/examples/counted-credit-cap.yaml";
  static final String ACCESS = "../specs/gateway-access-to-he-medicine.yaml";
  static final String OVER_CAP = "1,2,3,4,O1,O2,O3,O4,O5,O6,O7,O8,O9,O10,O11,O12,O13,O14,X1,X2,X3,X4";

  @Test
  void aPlanOverTheCapIsMetAndSaysWhatDoesNotCount() {
    CliRun run = CliRun.of("validate", "--spec", BTEC, "--units", OVER_CAP);
    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .containsPattern("(?m)^  X4 .*not counted \\(over the cap other-btec-units\\)$")
        .contains("ok    other-btec-units  at most 35 credits from group OTHER count: 30 credits"
            + " count (X1, X2, X3); not counted, over the cap: X4")
        .contains("MET: the plan meets all 5 rules.");
  }

  @Test
  void theJsonNamesTheCapThatLeavesEachUnitOutAndFitsTheSchema() throws Exception {
    CliRun run = CliRun.of("validate", "--spec", BTEC, "--units", OVER_CAP, "--format", "json");
    JsonNode out = JSON.readTree(run.out());
    assertThat(out.get("notCountedBy").get("X4").asText()).isEqualTo("other-btec-units");
    JsonNode cap = out.get("rules").get(4);
    assertThat(cap.get("kind").asText()).isEqualTo("cap");
    assertThat(cap.get("notCounted").get(0).asText()).isEqualTo("X4");
    assertThat(out.get("rules").get(0).has("notCounted")).isFalse();
    assertThat(ResultSchemasTest.schema("check-result.schema.json").validate(out)).isEmpty();
  }

  @Test
  void planCompletesWithTheOwnUnitTheCapLeavesNeeded() {
    CliRun run = CliRun.of("plan", "--spec", BTEC, "--units",
        "1,2,3,4,O1,O2,O3,O4,O5,O6,O7,O8,O9,O10,X1,X2,X3,X4");
    assertThat(run.out()).contains("add O11 (10 credits added)");
  }

  @Test
  void countCountsEachPlanOnceUnderTheCap() {
    // 11 own optional units need three imported ones, 12 need two, and so on: C(15,11) x 5 +
    // C(15,12) x 11 + C(15,13) x 15 + 15 x 16 + 16
    assertThat(CliRun.of("count", "--spec", BTEC).out()).contains("13661 plans meet the rules");
  }

  @Test
  void showWordsCapsAndAttributes() {
    assertThat(CliRun.of("show", BTEC).out()).contains("- at most 35 credits from group OTHER"
        + " count (a plan may hold more; the rest count toward nothing) [other-btec-units]");
    assertThat(CliRun.of("show", "--format", "mermaid", BTEC).out()).contains("r4 -. caps .-> g2");
    String access = CliRun.of("show", ACCESS).out();
    assertThat(access)
        .containsPattern("(?m)^  UNG1 .*PLACEHOLDER ungraded unit 1  \\[ungraded\\]$")
        .contains("- at least 45 credits at Level 3 from units marked graded in total"
            + " [graded-level-3]");
    assertThat(CliRun.of("show", "--format", "mermaid", ACCESS).out())
        .contains("BIO2 · 6 cr · Level 3 · graded, six-or-nine-credit");
  }

  @Test
  void theAccessDiplomaCountsGradedAndUngradedCreditsApart() {
    CliRun run = CliRun.of("validate", "--spec", ACCESS, "--units",
        "CHEM1,CHEM2,CHEM3,BIO1,BIO2,BIO3,BIO4,OSM1,OSM2,OSM3,OSM4,UNG1,UNG2,UNG3");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out())
        .contains("ok    graded-level-3    at least 45 credits at Level 3 from units marked graded"
            + " in total: 45 credits")
        .contains("FAIL  ungraded-level-3  at least 15 credits at Level 3 from units marked"
            + " ungraded in total: 9 credits (UNG1, UNG2, UNG3), 6 short");
  }

  @Test
  void theShippedSpecsLintClean() {
    for (String spec : new String[] {BTEC, ACCESS}) {
      CliRun run = CliRun.of("lint", spec);
      assertThat(run.out()).as(spec).contains("no findings");
      assertThat(run.exitCode()).as(spec).isZero();
    }
  }
}
