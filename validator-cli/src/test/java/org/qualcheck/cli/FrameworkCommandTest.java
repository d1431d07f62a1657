package org.qualcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code qualcheck framework} end to end: verdicts, exit codes, text, JSON and its schema. */
class FrameworkCommandTest {
  static final String FRAMEWORK = "../specs/frameworks/customer-service-apprenticeship-l2.yaml";
  static final String CS = ResultSchemasTest.CS;

  static final String UNITS =
      "\"units\": [{\"unit\": \"F1\", \"status\": \"achieved\", \"date\": \"2026-02-10\"},"
          + " {\"unit\": \"L/601/1614\", \"status\": \"achieved\", \"date\": \"2026-02-10\"},"
          + " {\"unit\": \"A3\", \"status\": \"achieved\", \"date\": \"2026-03-02\"},"
          + " {\"unit\": \"B2\", \"status\": \"achieved\", \"date\": \"2026-03-20\"},"
          + " {\"unit\": \"C3\", \"status\": \"achieved\", \"date\": \"2026-04-14\"},"
          + " {\"unit\": \"D2\", \"status\": \"achieved\", \"date\": \"2026-04-14\"},"
          + " {\"unit\": \"A4\", \"status\": \"achieved\", \"date\": \"2026-05-05\"}]";

  static final String OTHERS =
      "\"qualifications\": ["
          + "{\"code\": \"principles-of-customer-service-l2\", \"status\": \"achieved\","
          + " \"date\": \"2026-05-20\"},"
          + "{\"code\": \"functional-skills-maths-l1\", \"status\": \"achieved\"},"
          + "{\"code\": \"functional-skills-english-l1\", \"status\": \"in-progress\"}],"
          + " \"achievements\": [{\"id\": \"employee-rights-and-responsibilities\","
          + " \"date\": \"2025-10-01\"}%s]";

  @TempDir Path dir;

  private String record(String name, String body) throws Exception {
    Path file = dir.resolve(name);
    Files.writeString(file, "{\"learner\": \"L1001\", " + body + "}");
    return file.toString();
  }

  private String onTrack() throws Exception {
    return record("on-track.json", UNITS + ", " + String.format(OTHERS, ""));
  }

  private String complete() throws Exception {
    return record(
        "complete.json",
        UNITS
            + ", "
            + String.format(OTHERS, ", {\"id\": \"personal-learning-and-thinking-skills\"}")
                .replace("\"in-progress\"", "\"achieved\""));
  }

  @Test
  void namesEachMissingComponentAndExitsOne() throws Exception {
    CliRun run =
        CliRun.of("framework", "--spec", FRAMEWORK, "--record", onTrack(),
            "--qualification-spec", CS, "--on", "2026-06-01");
    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.NOT_MET);
    assertThat(run.err()).isEmpty();
    assertThat(run.out().lines())
        .containsExactly(
            "Apprenticeship in Customer Service (Level 2) (customer-service-apprenticeship-l2),"
                + " learner L1001, as of 2026-06-01: not complete; missing skills, plts",
            "  complete  competence: Level 2 NVQ Certificate in Customer Service (qualification"
                + " 03455: its 7 achieved units meet its rules)",
            "  complete  technical-knowledge: Level 2 Certificate in Principles of Customer Service"
                + " (qualification principles-of-customer-service-l2: achieved on 2026-05-20)",
            "  MISSING   skills: Key Skills or Functional Skills, nearest functional-skills"
                + " (qualification functional-skills-english-l1: in progress)",
            "  complete  employee-rights: Employee Rights and Responsibilities (achievement"
                + " employee-rights-and-responsibilities: achieved on 2025-10-01)",
            "  MISSING   plts: Personal Learning and Thinking Skills (achievement"
                + " personal-learning-and-thinking-skills: not in the record)");
  }

  @Test
  void aCompleteRecordExitsZero_butNotAsOfADayBeforeItsLastUnit() throws Exception {
    String record = complete();
    CliRun run =
        CliRun.of("framework", "--spec", FRAMEWORK, "--record", record,
            "--qualification-spec", CS, "--on", "2026-06-01");
    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.MET);
    assertThat(run.out()).startsWith(
        "Apprenticeship in Customer Service (Level 2) (customer-service-apprenticeship-l2),"
            + " learner L1001, as of 2026-06-01: complete\n");
    CliRun early =
        CliRun.of("framework", "--spec", FRAMEWORK, "--record", record,
            "--qualification-spec", CS, "--on", "2026-04-13");
    assertThat(early.exitCode()).isEqualTo(ExitCode.NOT_MET);
    assertThat(early.out()).contains("missing competence, technical-knowledge\n");
  }

  @Test
  void withoutTheQualificationSpec_03455MustBeInTheRecordsQualifications() throws Exception {
    CliRun run =
        CliRun.of("framework", "--spec", FRAMEWORK, "--record", complete(), "--on", "2026-06-01");
    assertThat(run.exitCode()).isEqualTo(ExitCode.NOT_MET);
    assertThat(run.out())
        .contains("missing competence\n")
        .contains("  MISSING   competence: Level 2 NVQ Certificate in Customer Service"
            + " (qualification 03455: not in the record)");
  }

  @Test
  void jsonFitsTheFrameworkResultSchemaAndSaysWhatIsMissing() throws Exception {
    CliRun run =
        CliRun.of("framework", "--spec", FRAMEWORK, "--record", onTrack(),
            "--qualification-spec", CS, "--on", "2026-06-01", "--format", "json");
    assertThat(run.exitCode()).isEqualTo(ExitCode.NOT_MET);
    JsonNode json = ResultSchemasTest.JSON.readTree(run.out());
    assertThat(ResultSchemasTest.schema("framework-result.schema.json").validate(json)).isEmpty();
    assertThat(json.get("complete").booleanValue()).isFalse();
    assertThat(json.get("on").asText()).isEqualTo("2026-06-01");
    JsonNode skills = json.get("components").get(2);
    assertThat(skills.get("id").asText()).isEqualTo("skills");
    assertThat(skills.get("complete").booleanValue()).isFalse();
    assertThat(skills.get("alternative").asText()).isEqualTo("functional-skills");
    assertThat(skills.get("missing").toString()).isEqualTo("[\"functional-skills-english-l1\"]");
    assertThat(skills.get("requirements")).hasSize(4);
    assertThat(json.get("components").get(0).get("requirements").get(0).get("checkedBySpec")
        .booleanValue()).isTrue();
    CliRun done =
        CliRun.of("framework", "--spec", FRAMEWORK, "--record", complete(),
            "--qualification-spec", CS, "--on", "2026-06-01", "--format", "json");
    JsonNode doneJson = ResultSchemasTest.JSON.readTree(done.out());
    assertThat(ResultSchemasTest.schema("framework-result.schema.json").validate(doneJson)).isEmpty();
    assertThat(doneJson.get("complete").booleanValue()).isTrue();
  }

  @Test
  void theSchemaRefusesWhatQualcheckNeverPrints() throws Exception {
    assertThat(ResultSchemasTest.schema("framework-result.schema.json")
        .validate(ResultSchemasTest.JSON.readTree(
            "{\"format\": \"qualcheck-framework-result/1\", \"complete\": true}")))
        .isNotEmpty();
  }

  @Test
  void aQualificationSpecTheFrameworkDoesNotRequireIsAUsageError() throws Exception {
    String other = "../specs/examples/level-2-diploma-customer-service.yaml";
    CliRun run =
        CliRun.of("framework", "--spec", FRAMEWORK, "--record", onTrack(),
            "--qualification-spec", other);
    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).startsWith("qualcheck: " + other + ": qualification ")
        .contains(" is not required by framework customer-service-apprenticeship-l2, which"
            + " requires 03455, principles-of-customer-service-l2, ");
    CliRun twice =
        CliRun.of("framework", "--spec", FRAMEWORK, "--record", onTrack(),
            "--qualification-spec", CS, "--qualification-spec", CS);
    assertThat(twice.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(twice.err()).isEqualTo(
        "qualcheck: " + CS + ": qualification 03455 is given twice, also by " + CS + "\n");
  }

  @Test
  void badInputsGetOneLocatedLineAndTheirExitCode() throws Exception {
    CliRun missing = CliRun.of("framework", "--spec", "nope.yaml", "--record", onTrack());
    assertThat(missing.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(missing.err()).isEqualTo("qualcheck: nope.yaml: no such framework file\n");

    Path bad = dir.resolve("bad.yaml");
    Files.writeString(bad, "framework: {code: f, title: F, source: S}\ncomponents:\n"
        + "  - {id: a, title: A}\n");
    CliRun invalid = CliRun.of("framework", "--spec", bad.toString(), "--record", onTrack());
    assertThat(invalid.exitCode()).isEqualTo(ExitCode.INVALID_SPEC);
    assertThat(invalid.err()).isEqualTo(bad + ":3:5: component \"a\" does not say what it"
        + " requires; give it one of \"qualification\", \"achievement\" or \"one-of\"\n");

    CliRun spec = CliRun.of("framework", "--spec", CS, "--record", onTrack());
    assertThat(spec.exitCode()).isEqualTo(ExitCode.INVALID_SPEC);
    assertThat(spec.err()).contains("this is a qualification spec, not a framework spec");

    String brokenRecord = record("broken.json", "\"units\": [{\"unit\": \"F1\", \"status\": 3}]");
    CliRun record = CliRun.of("framework", "--spec", FRAMEWORK, "--record", brokenRecord);
    assertThat(record.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(record.err()).startsWith(brokenRecord + ":1:");
    assertThat(record.out()).isEmpty();

    CliRun date =
        CliRun.of("framework", "--spec", FRAMEWORK, "--record", onTrack(), "--on", "2026-02-30");
    assertThat(date.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(date.err())
        .contains("a date is written YYYY-MM-DD, such as 2026-03-01, and 2026-02-30 is not a day"
            + " of the calendar");
  }

  @Test
  void theTopLevelHelpListsTheCommand() {
    CliRun run = CliRun.of("--help");
    assertThat(run.out()).contains("  framework ").contains("framework is complete");
  }

  /** The README's framework example runs as written, on the shipped record, with the output shown. */
  @Test
  void theReadmeFrameworkExampleRunsAsWritten() throws Exception {
    java.util.List<String> readme = Files.readAllLines(Path.of("../README.md"));
    int command =
        readme.indexOf(
            "$ ./qualcheck framework --spec specs/frameworks/customer-service-apprenticeship-l2.yaml \\");
    assertThat(command).isPositive();
    assertThat(readme.get(command + 1)).isEqualTo("    --record examples/apprentice-L2001.json \\");
    assertThat(readme.get(command + 2))
        .isEqualTo("    --qualification-spec specs/ocr-03455-customer-service-l2.yaml --on 2026-06-01");
    java.util.List<String> shown =
        readme.subList(command + 3, readme.size()).stream()
            .takeWhile(l -> !l.startsWith("$ echo"))
            .toList();
    CliRun run =
        CliRun.of("framework", "--spec", FRAMEWORK, "--record", "../examples/apprentice-L2001.json",
            "--qualification-spec", CS, "--on", "2026-06-01");
    assertThat(run.out().lines().toList()).isEqualTo(shown);
    assertThat(readme.get(command + 3 + shown.size() + 1)).isEqualTo(String.valueOf(run.exitCode()));
  }
}
