package org.qualcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {
  static final String SMALL = "src/test/resources/specs/small-two-groups.yaml";
  static final String CS = "../specs/ocr-03455-customer-service-l2.yaml";
  static final String FOUNDATIONS =
      "../specs/examples/catalogue/customer-service-foundations-award.yaml";

  @Test
  void metPlanExitsZeroWithAReadableReport() {
    CliRun run = CliRun.of("validate", "--spec", CS, "--units", "F1,F2,A3,B2,C3,D2");
    assertThat(run.exitCode()).isEqualTo(0);
    assertThat(run.out())
        .contains("OCR Level 2 NVQ Certificate in Customer Service (03455)")
        .contains("Plan: 6 units, 29 credits")
        .contains("R/601/1212")
        .contains("MET: the plan meets all 8 rules.");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void anArgumentBeginningWithAnAtSignIsTakenAsItIsNotAsAFileOfArguments() {
    CliRun run = CliRun.of("validate", "--spec", CS, "--units", "@/");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .startsWith("qualcheck: unit \"@/\" is not in 03455")
        .doesNotContain("Exception")
        .doesNotContain("\tat ");
  }

  @Test
  void unmetPlanExitsOneAndSaysWhatIsShort() {
    CliRun run = CliRun.of("validate", "--spec", CS, "--units", "F1,F2,A3,B2,C1,D8");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out())
        .contains("FAIL  optional-level-2")
        .contains("10 credits (A3, B2), 1 short")
        .contains("NOT MET: 1 of 8 rules is not met.");
  }

  @Test
  void jsonHasTopLevelVerdictAndPerRuleDetail() throws Exception {
    CliRun run =
        CliRun.of("validate", "--spec", CS, "--units", "F1 F2 A3 B2 C1 D8", "--format", "json");
    assertThat(run.exitCode()).isEqualTo(1);
    JsonNode json = new ObjectMapper().readTree(run.out());
    assertThat(json.get("met").isBoolean()).isTrue();
    assertThat(json.get("met").booleanValue()).isFalse();
    assertThat(json.get("format").asText()).isEqualTo("qualcheck-check-result/1");
    assertThat(json.get("rules")).hasSize(8);
    JsonNode l2 = json.get("rules").get(6);
    assertThat(l2.get("id").asText()).isEqualTo("optional-level-2");
    assertThat(l2.get("holds").booleanValue()).isFalse();
    assertThat(l2.get("minimum").asLong()).isEqualTo(11);
    assertThat(l2.get("achieved").asLong()).isEqualTo(10);
    assertThat(l2.get("shortfall").asLong()).isEqualTo(1);
    assertThat(l2.has("maximum")).isFalse();
    assertThat(json.get("placement").get("A3").asText()).isEqualTo("B");
  }

  @Test
  void jsonVerdictIsTrueForAMetPlan() throws Exception {
    CliRun run =
        CliRun.of("validate", "--spec", SMALL, "--units", "M1,X2,Y1", "--format", "JSON");
    assertThat(run.exitCode()).isEqualTo(0);
    assertThat(new ObjectMapper().readTree(run.out()).get("met").booleanValue()).isTrue();
  }

  @Test
  void unknownUnitIsRefusedByNameWithExitTwo() {
    CliRun run = CliRun.of("validate", "--spec", SMALL, "--units", "M1,Q7");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("unit \"Q7\" is not in SMALL");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void repeatedUnitIsRefusedWithExitTwo() {
    CliRun run = CliRun.of("validate", "--spec", SMALL, "--units", "M1,X1,F/601/1609");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("unit M1 is given twice, as M1 and as F/601/1609");
  }

  @Test
  void invalidSpecExitsThreeWithALocatedMessageAndNoStackTrace() {
    CliRun run =
        CliRun.of("validate", "--spec", "src/test/resources/specs/unknown-key.yaml", "--units", "M1");
    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.err()).containsPattern("unknown-key\\.yaml:6:\\d+: ").contains("credit");
    assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void missingSpecFileExitsTwo() {
    CliRun run = CliRun.of("validate", "--spec", "no/such/spec.yaml", "--units", "M1");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("no/such/spec.yaml: no such spec file");
  }

  @Test
  void badCommandLinesExitTwoWithAHint() {
    assertThat(CliRun.of("validate", "--units", "M1").exitCode()).isEqualTo(2);
    assertThat(CliRun.of("validate", "--spec", SMALL).exitCode()).isEqualTo(2);
    CliRun both = CliRun.of("validate", "--spec", SMALL, "--units", "M1", "--plan", "x");
    assertThat(both.exitCode()).isEqualTo(2);
    assertThat(both.err()).contains("mutually exclusive").contains("--help");
    assertThat(CliRun.of("validate", "--spec", SMALL, "--units", "M1", "--format", "xml").exitCode())
        .isEqualTo(2);
    assertThat(CliRun.of("frobnicate").exitCode()).isEqualTo(2);
    assertThat(CliRun.of().exitCode()).isEqualTo(2);
  }

  @Test
  void helpAndVersionExitZero() {
    CliRun help = CliRun.of("--help");
    assertThat(help.exitCode()).isZero();
    assertThat(help.out()).contains("validate").contains("Exit codes");
    CliRun validateHelp = CliRun.of("validate", "--help");
    assertThat(validateHelp.out()).contains("--spec").contains("--units").contains("--plan");
    CliRun version = CliRun.of("--version");
    assertThat(version.exitCode()).isZero();
    assertThat(version.out()).startsWith("qualcheck ");
  }

  @Test
  void planMayComeFromAFileWithCommentsAndLines(@TempDir Path dir) throws Exception {
    Path plan = dir.resolve("plan.txt");
    Files.writeString(plan, "# learner 1042\nM1\nX2 ; Y1  # options\n");
    CliRun run = CliRun.of("validate", "--spec", SMALL, "--plan", plan.toString());
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("Plan: 3 units, 11 credits");
  }

  @Test
  void planMayComeFromStandardInput() {
    InputStream saved = System.in;
    try {
      System.setIn(new ByteArrayInputStream("M1,X1\n".getBytes(StandardCharsets.UTF_8)));
      CliRun run = CliRun.of("validate", "--spec", SMALL, "--plan", "-");
      assertThat(run.exitCode()).isEqualTo(1);
      assertThat(run.out()).contains("FAIL  one-from-Y").contains("7 credits (M1, X1), 2 short");
    } finally {
      System.setIn(saved);
    }
  }

  @Test
  void planFileProblemsExitTwo(@TempDir Path dir) throws Exception {
    Path binary = dir.resolve("plan.bin");
    Files.write(binary, new byte[] {(byte) 0xff, (byte) 0xfe, 'M', '1'});
    CliRun notText = CliRun.of("validate", "--spec", SMALL, "--plan", binary.toString());
    assertThat(notText.exitCode()).isEqualTo(2);
    assertThat(notText.err()).contains("is not UTF-8 text");
    CliRun missing = CliRun.of("validate", "--spec", SMALL, "--plan", dir.resolve("none").toString());
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err()).contains("no such plan file");
    CliRun folder = CliRun.of("validate", "--spec", SMALL, "--plan", dir.toString());
    assertThat(folder.exitCode()).isEqualTo(2);
    assertThat(folder.err()).contains("is a folder");
  }

  @Test
  void unitsTakenFromACatalogueAreCheckedLikeAnyOthers() {
    CliRun run = CliRun.of("validate", "--spec", FOUNDATIONS, "--units", "M1,M2,O1");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("Plan: 3 units, 13 credits")
        .contains("O1    R/601/1212   5 cr  Level 2  Communicate effectively with customers")
        .contains("MET: the plan meets all 3 rules.");
  }

  @Test
  void oneRuleOneUnitAndOneCreditAreSingular() {
    String spec = "src/test/resources/specs/one-rule.yaml";
    CliRun met = CliRun.of("validate", "--spec", spec, "--units", "M1");
    assertThat(met.exitCode()).as(met.err()).isZero();
    assertThat(met.out())
        .contains("Plan: 1 unit, 1 credit")
        .contains("all units of group M: the 1 required unit is in the plan")
        .contains("MET: the plan meets the 1 rule.");
    CliRun count = CliRun.of("count", "--spec", spec, "--credits", "1");
    assertThat(count.out()).isEqualTo("1 plan of exactly 1 credit meets the rules\n");
  }

  @Test
  void aUnitTakenFromACatalogueMayBeNamedByItsReferenceNumber() {
    CliRun run = CliRun.of("validate", "--spec", FOUNDATIONS, "--units", "F/601/1609,M2,O1");
    assertThat(run.exitCode()).as(run.err()).isZero();
  }

  @Test
  void aProblemInACatalogueIsLocatedInTheCatalogueWithExitThree(@TempDir Path dir)
      throws Exception {
    Path examples = Path.of(FOUNDATIONS).getParent();
    Path spec = dir.resolve("foundations.yaml");
    Files.copy(Path.of(FOUNDATIONS), spec);
    Path catalogue = dir.resolve("customer-service-units.yaml");
    Files.writeString(
        catalogue,
        Files.readString(examples.resolve("customer-service-units.yaml"))
            .replaceFirst("credits: 4", "credits: \"4\""));
    CliRun run = CliRun.of("validate", "--spec", spec.toString(), "--units", "M1");
    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.out()).isEmpty();
    assertThat(run.err())
        .isEqualTo(
            catalogue
                + ":18:14: \"credits\" of unit \"F/601/1609\" must be a whole number of at least"
                + " 1, not \"4\" (write the number without quotes)\n");
  }

  @Test
  void aMissingCatalogueIsLocatedInTheSpecWithExitThree(@TempDir Path dir) throws Exception {
    Path spec = dir.resolve("foundations.yaml");
    Files.copy(Path.of(FOUNDATIONS), spec);
    CliRun run = CliRun.of("validate", "--spec", spec.toString(), "--units", "M1");
    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.err())
        .isEqualTo(
            spec
                + ":17:5: catalogue \"customer-service-units.yaml\" does not exist; its path is"
                + " relative to the spec's folder\n");
  }

  @Test
  void theHelpSaysEverySeparatorThatUnitsAccepts() {
    String help = CliRun.of("validate", "--help").out().replaceAll("\\s+", " ");
    assertThat(help)
        .contains("--units=UNITS The plan's units, by unit number or unit reference number,"
            + " separated by commas or semicolons; spaces also separate them unless some unit"
            + " number of the spec holds a space");
    CliRun run =
        CliRun.of(
            "validate", "--spec", "../specs/ocr-03455-customer-service-l2.yaml", "--units",
            "F1 F2;A3, B2 ;C3 D2");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("Plan: 6 units, 29 credits");
  }
}
