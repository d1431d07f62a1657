package org.qualcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LintCommandTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String CS = "../specs/ocr-03455-customer-service-l2.yaml";
  static final String FIXTURES = "../rules-engine/src/test/resources/lint/";
  static final List<String> PLANTED =
      List.of("unsatisfiable", "dead-unit", "redundant-rule", "not-implied", "barred-mandatory",
          "declared-credits", "check-character", "level-out-of-range", "evaded-maximum",
          "inert-cap", "unknown-attribute");

  static String[] args(String command, String format, List<String> files) {
    List<String> a = new ArrayList<>(List.of(command, "--format", format));
    a.addAll(files);
    return a.toArray(new String[0]);
  }

  static List<String> planted() {
    return PLANTED.stream().map(k -> FIXTURES + k + ".yaml").toList();
  }

  @Test
  void theShippedSpecIsClean() {
    CliRun run = CliRun.of("lint", CS);
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).isEqualTo(CS + ": no findings\n");
  }

  @Test
  void everyShippedSpecAndCatalogueIsClean() throws Exception {
    List<String> files;
    try (var walk = java.nio.file.Files.walk(java.nio.file.Path.of("../specs"))) {
      // Framework specs are not qualifications; the framework command reads them.
      files = walk.map(Object::toString)
          .filter(f -> f.endsWith(".yaml") && !f.contains("/frameworks/"))
          .sorted()
          .toList();
    }
    assertThat(files).hasSizeGreaterThanOrEqualTo(9);
    CliRun run = CliRun.of(args("lint", "text", files));
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out().lines()).hasSize(files.size()).allMatch(l -> l.endsWith(": no findings"));
  }

  @Test
  void aCatalogueIsLintedForItsUnitsCheckLetters() {
    String file = "src/test/resources/lint/catalogue-with-wrong-check-letter.yaml";
    CliRun run = CliRun.of("lint", file);
    assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
    assertThat(run.out()).startsWith(file + ":11:16: error: unit reference number L/601/1615 has check"
        + " letter L, but its digits give R [check-character]");
  }

  @Test
  void eachPlantedDefectIsFoundInItsFixture() {
    for (String kind : PLANTED) {
      String file = FIXTURES + kind + ".yaml";
      CliRun run = CliRun.of("lint", file);
      assertThat(run.out()).as(kind).containsPattern(
          "(?m)^" + java.util.regex.Pattern.quote(file) + ":\\d+:\\d+: (error|warning): .*\\[" + kind + "]$");
      boolean error = !List.of("dead-unit", "redundant-rule", "not-implied", "evaded-maximum",
              "inert-cap")
          .contains(kind);
      assertThat(run.exitCode()).as(kind).isEqualTo(error ? 1 : 0);
    }
  }

  @Test
  void aSpecThatCannotLoadHasEveryProblemReportedAndExitsThree() {
    CliRun run = CliRun.of("lint", CS, "src/test/resources/specs/several-problems.yaml");
    assertThat(run.exitCode()).isEqualTo(3);
    List<String> located = run.err().lines()
        .filter(l -> l.startsWith("src/test/resources/specs/several-problems.yaml:")).toList();
    assertThat(located).hasSize(5);
    assertThat(located.get(0)).startsWith("src/test/resources/specs/several-problems.yaml:5:");
    assertThat(located.get(1)).startsWith("src/test/resources/specs/several-problems.yaml:6:");
    assertThat(located.get(2)).startsWith("src/test/resources/specs/several-problems.yaml:7:");
    assertThat(located.get(3)).isEqualTo("src/test/resources/specs/several-problems.yaml:9:43:"
        + " group \"G\" names unit \"U7\", which is not declared under \"units\"");
    assertThat(located.get(4)).isEqualTo(
        "src/test/resources/specs/several-problems.yaml: cannot be loaded (4 problems)");
    assertThat(run.out()).contains(CS + ": no findings");
  }

  @Test
  void aMissingFileIsACommandLineError() {
    CliRun run = CliRun.of("lint", CS, "no-such.yaml");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("no-such.yaml: no such spec file");
  }

  @Test
  void jsonFitsTheLintSchemaAndCountsBySeverity() throws Exception {
    List<String> files = new ArrayList<>(planted());
    files.add("src/test/resources/specs/several-problems.yaml");
    CliRun run = CliRun.of(args("lint", "json", files));
    assertThat(run.exitCode()).isEqualTo(3);
    JsonNode out = JSON.readTree(run.out());
    Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
        .getSchema(JSON.readTree(java.nio.file.Path.of("../specs/schema/lint-result.schema.json").toFile()));
    assertThat(schema.validate(out)).as(out.toString()).isEmpty();
    assertThat(out.get("format").asText()).isEqualTo("qualcheck-lint/1");
    assertThat(out.get("files")).hasSize(PLANTED.size() + 1);
    JsonNode unsat = out.get("files").get(0);
    assertThat(unsat.get("loaded").asBoolean()).isTrue();
    assertThat(unsat.get("findings").get(0).get("kind").asText()).isEqualTo("unsatisfiable");
    assertThat(unsat.get("findings").get(0).get("line").asInt()).isEqualTo(19);
    JsonNode notImplied = out.get("files").get(3).get("findings").get(0);
    assertThat(notImplied.get("plan")).hasSize(2);
    JsonNode broken = out.get("files").get(PLANTED.size());
    assertThat(broken.get("loaded").asBoolean()).isFalse();
    assertThat(broken.get("problems").size()).isEqualTo(4);
    // the unknown-attribute fixture is also unsatisfiable: its misspelt filter takes in no unit
    assertThat(out.get("totals").get("error").asInt()).isEqualTo(8);
    assertThat(out.get("totals").get("warning").asInt()).isEqualTo(6);
  }

  @Test
  void sarifFitsTheOasisSchemaAndPointsAtEachFinding() throws Exception {
    List<String> files = new ArrayList<>(planted());
    files.add("src/test/resources/specs/several-problems.yaml");
    CliRun run = CliRun.of(args("lint", "sarif", files));
    assertThat(run.exitCode()).isEqualTo(3);
    JsonNode sarif = JSON.readTree(run.out());
    Schema schema;
    try (InputStream in = LintCommandTest.class.getResourceAsStream("/schema/sarif-schema-2.1.0.json")) {
      schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(JSON.readTree(in));
    }
    assertThat(schema.validate(sarif)).as(sarif.toString()).isEmpty();
    assertThat(sarif.get("version").asText()).isEqualTo("2.1.0");
    JsonNode run0 = sarif.get("runs").get(0);
    JsonNode rules = run0.get("tool").get("driver").get("rules");
    Set<String> seen = new HashSet<>();
    for (JsonNode result : run0.get("results")) {
      String ruleId = result.get("ruleId").asText();
      assertThat(rules.get(result.get("ruleIndex").asInt()).get("id").asText()).isEqualTo(ruleId);
      JsonNode location = result.get("locations").get(0).get("physicalLocation");
      assertThat(location.get("artifactLocation").get("uri").asText()).doesNotContain("\\");
      assertThat(location.get("region").get("startLine").asInt()).isPositive();
      seen.add(ruleId);
    }
    assertThat(seen).containsAll(PLANTED).contains("load-error");
  }

  @Test
  void anEvadedMaximumComesWithThePlanThatEvadesItInJsonAndSarif() throws Exception {
    String file = FIXTURES + "evaded-maximum.yaml";
    JsonNode finding =
        JSON.readTree(CliRun.of("lint", "--format", "json", file).out())
            .get("files").get(0).get("findings").get(0);
    assertThat(finding.get("kind").asText()).isEqualTo("evaded-maximum");
    assertThat(finding.get("severity").asText()).isEqualTo("warning");
    assertThat(finding.get("line").asInt()).isEqualTo(18);
    assertThat(finding.get("rules").toString()).isEqualTo("[\"imported-at-most-5\"]");
    assertThat(finding.get("units").toString()).isEqualTo("[\"I1\",\"I2\"]");
    assertThat(finding.get("plan").toString()).isEqualTo("[\"M1\",\"O1\",\"O2\",\"I1\",\"I2\"]");
    JsonNode run0 = JSON.readTree(CliRun.of("lint", "--format", "sarif", file).out()).get("runs").get(0);
    JsonNode result = run0.get("results").get(0);
    assertThat(result.get("ruleId").asText()).isEqualTo("evaded-maximum");
    assertThat(result.get("level").asText()).isEqualTo("warning");
    assertThat(result.get("locations").get(0).get("physicalLocation").get("region")
        .get("startLine").asInt()).isEqualTo(18);
    assertThat(run0.get("tool").get("driver").get("rules").get(result.get("ruleIndex").asInt())
        .get("shortDescription").get("text").asText()).startsWith("A maximum never binds");
  }

  @Test
  void sarifOfACleanSpecHasNoResults() throws Exception {
    JsonNode sarif = JSON.readTree(CliRun.of("lint", "--format", "sarif", CS).out());
    assertThat(sarif.get("runs").get(0).get("results")).isEmpty();
    assertThat(sarif.get("runs").get(0).get("tool").get("driver").get("name").asText())
        .isEqualTo("qualcheck");
  }
}
