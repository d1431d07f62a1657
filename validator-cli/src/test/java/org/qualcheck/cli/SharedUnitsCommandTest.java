package org.qualcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The commands on structures whose units are each listed in many groups: decided at once where the
 * reductions apply, and an explicit undecided answer, with its own exit code, where they do not.
 * The timeouts only guard against a hang.
 */
class SharedUnitsCommandTest {
  static final String SHARED = "src/test/resources/specs/shared-units-8x9.yaml";
  static final String SUBSET_SUM = "src/test/resources/specs/undecided-subset-sum.yaml";
  static final String ALL_60 = "U1,U2,U3,U4,U5,U6,U7,U8,U9,U10,U11,U12,U13,U14,U15,U16,U17,U18,U19,U20,U21,U22,U23,U24,U25,U26,U27,U28,U29,U30,U31,U32,U33,U34,U35,U36,U37,U38,U39,U40,U41,U42,U43,U44,U45,U46,U47,U48,U49,U50,U51,U52,U53,U54,U55,U56,U57,U58,U59,U60";

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void eightUnitsInNineGroupsAreNotMet() {
    CliRun run = CliRun.of("validate", "--spec", SHARED, "--units", "U1,U2,U3,U4,U5,U6,U7,U8");
    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.NOT_MET);
    assertThat(run.out()).contains("NOT MET: 1 of 9 rules is not met.");
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void anUndecidedCheckExitsFourAndSaysWhy() {
    CliRun run = CliRun.of("validate", "--spec", SUBSET_SUM, "--units", ALL_60);
    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.UNDECIDED);
    assertThat(run.out()).contains("UNDECIDED: ").contains("reached its bound")
        .doesNotContain("NOT MET").doesNotContain("\nMET");
    assertThat(run.err()).isEmpty();
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void anUndecidedCheckInJsonSaysUndecidedAndNotMet() throws Exception {
    CliRun run =
        CliRun.of("validate", "--spec", SUBSET_SUM, "--units", ALL_60, "--format", "json");
    assertThat(run.exitCode()).isEqualTo(ExitCode.UNDECIDED);
    JsonNode json = new ObjectMapper().readTree(run.out());
    assertThat(json.get("met").booleanValue()).isFalse();
    assertThat(json.get("undecided").booleanValue()).isTrue();
    assertThat(ResultSchemasTest.schema("check-result.schema.json").validate(json)).isEmpty();
  }

  @Test
  void aDecidedCheckInJsonHasNoUndecidedField() throws Exception {
    CliRun run = CliRun.of("validate", "--spec", SHARED, "--units", "U1,U2", "--format", "json");
    JsonNode json = new ObjectMapper().readTree(run.out());
    assertThat(json.has("undecided")).isFalse();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"csv", "jsonl"})
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void batchCarriesAnUndecidedRecordAsSuchAndDecidesTheOthers(String format, @TempDir Path dir)
      throws Exception {
    Path in = dir.resolve("in." + format);
    String units = ALL_60.replace(',', ' ');
    Files.writeString(in, format.equals("csv")
        ? "learner,units\nA," + units + "\nB,U1 U2\n"
        : "{\"learner\": \"A\", \"units\": [\"" + ALL_60.replace(",", "\", \"") + "\"]}\n"
            + "{\"learner\": \"B\", \"units\": [\"U1\", \"U2\"]}\n");
    Path out = dir.resolve("out.jsonl");
    CliRun run = CliRun.of("batch", "--spec", SUBSET_SUM, "--input", in.toString(), "--output",
        out.toString());
    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.NOT_MET);
    List<String> lines = Files.readAllLines(out);
    assertThat(lines).hasSize(2);
    JsonNode a = new ObjectMapper().readTree(lines.get(0));
    assertThat(a.get("error").asText()).startsWith("undecided: ");
    JsonNode b = new ObjectMapper().readTree(lines.get(1));
    assertThat(b.get("met").booleanValue()).isFalse();
    assertThat(b.has("error")).isFalse();
  }

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void planSaysUndecidedAndExitsFourRatherThanClaimingNoChangeHelps() {
    CliRun run = CliRun.of("plan", "--spec", SUBSET_SUM, "--units", "U1,U2");
    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.UNDECIDED);
    assertThat(run.out()).contains("UNDECIDED: the search reached its bound")
        .doesNotContain("No change can make");
  }

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void whatIfSaysUndecidedWhereItCannotTellInsteadOfCallingUnitsNeutral() {
    CliRun run = CliRun.of("plan", "--spec", SUBSET_SUM, "--units", "U1,U2", "--what-if");
    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.UNDECIDED);
    assertThat(run.out()).contains("adding, undecided: U3")
        .contains("adding, neutral: none").contains("adding, harmful: none");
    CliRun decided = CliRun.of("plan", "--spec", SHARED, "--units", "U1", "--what-if");
    assertThat(decided.out()).contains("adding, neutral: U2, U3").doesNotContain("undecided");
  }

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void planProvesThatNoChangeHelpsEightUnitsInNineGroups() {
    CliRun run = CliRun.of("plan", "--spec", SHARED, "--units", "U1,U2");
    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.NOT_MET);
    assertThat(run.out()).contains("No change can make this plan meet the rules");
  }

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void countMinimalSaysUndecidedAndExitsFour() throws Exception {
    CliRun run = CliRun.of("count", "--spec", SUBSET_SUM, "--minimal");
    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.UNDECIDED);
    assertThat(run.out()).contains("UNDECIDED: ");
    CliRun json = CliRun.of("count", "--spec", SUBSET_SUM, "--minimal", "--format", "json");
    assertThat(new ObjectMapper().readTree(json.out()).get("undecided").booleanValue()).isTrue();
    CliRun decided = CliRun.of("count", "--spec", SHARED, "--minimal");
    assertThat(decided.exitCode()).isEqualTo(ExitCode.MET);
    assertThat(decided.out()).startsWith("0 plans are minimal").doesNotContain("UNDECIDED");
  }

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void lintWarnsOfExpensivePlacementAndSaysWhatItCouldNotDecide() {
    CliRun run = CliRun.of("lint", SUBSET_SUM);
    assertThat(run.out()).contains("[expensive-placement]").contains("60 units are each listed")
        .contains("[undecided]");
    CliRun shared = CliRun.of("lint", SHARED);
    assertThat(shared.out()).contains("no plan meets the rules").contains("[unsatisfiable]")
        .doesNotContain("[expensive-placement]");
  }

  @Test
  void helpListsTheUndecidedExitCode() {
    CliRun run = CliRun.of("validate", "--help");
    assertThat(run.out()).containsPattern("4\\s+undecided");
  }
}
