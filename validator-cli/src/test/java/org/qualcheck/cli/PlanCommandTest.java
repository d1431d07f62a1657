package org.qualcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class PlanCommandTest {
  static final String CS = "../specs/ocr-03455-customer-service-l2.yaml";
  static final String BARRED = "src/test/resources/specs/barred-and-maximum.yaml";

  static JsonNode json(CliRun run) throws Exception {
    return new ObjectMapper().readTree(run.out());
  }

  @Test
  void completesFromTheMandatoryUnitsWithTwentyCredits() throws Exception {
    CliRun run = CliRun.of("plan", "--spec", CS, "--units", "F1,F2", "--format", "json");
    assertThat(run.exitCode()).as("not met as given").isEqualTo(1);
    JsonNode j = json(run);
    assertThat(j.get("met").booleanValue()).isFalse();
    assertThat(j.get("kind").asText()).isEqualTo("completion");
    assertThat(j.get("add")).hasSize(4);
    assertThat(j.get("remove")).isEmpty();
    CliRun check = CliRun.of("validate", "--spec", CS, "--units",
        "F1,F2," + String.join(",", new ObjectMapper().convertValue(j.get("add"), String[].class)));
    assertThat(check.exitCode()).as(check.out()).isZero();
  }

  @Test
  void textNamesTheUnitsToAddAndTheAlternatives() {
    CliRun run = CliRun.of("plan", "--spec", CS, "--units", "F1,F2", "--alternatives", "2");
    assertThat(run.exitCode()).as("not met as given").isEqualTo(1);
    assertThat(run.out())
        .contains("Cheapest completion:")
        .contains("(20 credits added)")
        .contains("Alternatives:")
        .contains("  2. add ");
  }

  @Test
  void unitNumberColumnIsAsWideAsTheLongestNumber() {
    CliRun run = CliRun.of("plan", "--spec", "src/test/resources/specs/long-unit-numbers.yaml",
        "--units", "M1");
    assertThat(run.exitCode()).as("not met as given: %s", run.err()).isEqualTo(1);
    assertThat(run.out()).contains(
        "    + HSC 2028               4 cr  Level 2  Move and position individuals\n"
            + "    + SHC 21                 3 cr  Level 2  Introduction to communication\n");
  }

  @Test
  void aPlanThatMeetsTheRulesNeedsNothing() throws Exception {
    CliRun run =
        CliRun.of("plan", "--spec", CS, "--units", "F1,F2,A3,B2,C3,D2", "--format", "json");
    assertThat(run.exitCode()).isZero();
    JsonNode j = json(run);
    assertThat(j.get("met").booleanValue()).isTrue();
    assertThat(j.get("add")).isEmpty();
    assertThat(j.get("remove")).isEmpty();
  }

  @Test
  void excludingAWholeGroupNamesTheRuleThatCannotBeMet() throws Exception {
    CliRun run = CliRun.of("plan", "--spec", CS, "--units", "F1,F2", "--exclude",
        "C1,C2,C3,C4,C5,C6,C7", "--format", "json");
    assertThat(run.exitCode()).isEqualTo(1);
    JsonNode j = json(run);
    assertThat(j.get("kind").asText()).isEqualTo("none");
    assertThat(j.get("conflict").get("rules")).hasSize(1);
    assertThat(j.get("conflict").get("rules").get(0).asText()).isEqualTo("one-from-D");
  }

  @Test
  void aBarredPairIsRepairedByRemovingTheCheaperUnit() throws Exception {
    CliRun run = CliRun.of("plan", "--spec", BARRED, "--units", "M1,P1,P2", "--format", "json");
    assertThat(run.exitCode()).as("not met as given").isEqualTo(1);
    JsonNode j = json(run);
    assertThat(j.get("kind").asText()).isEqualTo("repair");
    assertThat(j.get("remove")).hasSize(1);
    assertThat(j.get("remove").get(0).asText()).isEqualTo("P1");
    assertThat(j.get("add")).isEmpty();
  }

  @Test
  void aBrokenMaximumIsRepaired() {
    CliRun run = CliRun.of("plan", "--spec", BARRED, "--units", "M1,P2,P3");
    assertThat(run.exitCode()).as("not met as given").isEqualTo(1);
    assertThat(run.out()).contains("Adding units alone cannot help").contains("remove P2");
  }

  @Test
  void whatIfClassifiesEveryOtherUnit() throws Exception {
    CliRun run =
        CliRun.of("plan", "--spec", BARRED, "--units", "M1,P2", "--what-if", "--format", "json");
    JsonNode w = json(run).get("whatIf");
    assertThat(w.get("removable")).isEmpty();
    assertThat(w.get("additions").get("P1").asText()).isEqualTo("harmful");
    assertThat(w.get("additions").get("P4").asText()).isEqualTo("neutral");
    assertThat(w.get("additions").get("P3").asText()).isEqualTo("harmful");
  }

  @Test
  void badOptionsExitTwo() {
    assertThat(CliRun.of("plan", "--spec", CS, "--units", "F1", "--exclude", "Q9").exitCode())
        .isEqualTo(2);
    assertThat(CliRun.of("plan", "--spec", CS, "--units", "F1", "--alternatives", "-1").exitCode())
        .isEqualTo(2);
  }
}
