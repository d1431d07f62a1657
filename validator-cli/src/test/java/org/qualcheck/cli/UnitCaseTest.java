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
 * Unit numbers and reference numbers go in any case on the command line and in batch records, as
 * they do in the library, and a plan in lower case gets the same answer as the same plan as the
 * spec writes it.
 */
class UnitCaseTest {
  static final String CS = "../specs/ocr-03455-customer-service-l2.yaml";
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void validateTakesUnitsInAnyCase() {
    CliRun exact = CliRun.of("validate", "--spec", CS, "--units", "F1,F2,A3,B2,C3,D2");
    CliRun lower = CliRun.of("validate", "--spec", CS, "--units", "f1,f2,a3,b2,c3,d2");
    CliRun reference = CliRun.of("validate", "--spec", CS, "--units", "f/601/1609,F2,A3,B2,C3,D2");
    assertThat(lower.exitCode()).isEqualTo(0);
    assertThat(lower.err()).isEmpty();
    assertThat(lower.out()).isEqualTo(exact.out());
    assertThat(reference.out()).isEqualTo(exact.out());
  }

  @Test
  void aUnitGivenTwiceInTwoCasesIsRefused() {
    CliRun run = CliRun.of("validate", "--spec", CS, "--units", "F1,f1,F2");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("unit F1 is given twice, as F1 and as f1");
  }

  @Test
  void batchTakesUnitsInAnyCaseInCsvAndJsonLines() throws Exception {
    Path csv = dir.resolve("plans.csv");
    Files.writeString(
        csv,
        "learner,units\n"
            + "L1,F1 F2 A3 B2 C3 D2\n"
            + "L2,f1 f2 a3 b2 c3 d2\n"
            + "L3,F1 f2 A1 b2 C1 d8\n"
            + "L4,F1 F2 A1 B2 C1 D8\n"
            + "L5,f1 F1\n",
        StandardCharsets.UTF_8);
    Path jsonl = dir.resolve("plans.jsonl");
    Files.writeString(
        jsonl,
        "{\"learner\":\"L1\",\"units\":[\"F1\",\"F2\",\"A3\",\"B2\",\"C3\",\"D2\"]}\n"
            + "{\"learner\":\"L2\",\"units\":[\"f1\",\"f2\",\"a3\",\"b2\",\"c3\",\"d2\"]}\n",
        StandardCharsets.UTF_8);
    for (Path in : List.of(csv, jsonl)) {
      Path out = dir.resolve(in.getFileName() + ".results.jsonl");
      CliRun run =
          CliRun.of("batch", "--spec", CS, "--input", in.toString(), "--output", out.toString());
      assertThat(run.exitCode()).as("%s: %s", in, run.err()).isIn(0, 1);
      List<JsonNode> results = new ArrayList<>();
      for (String line : Files.readAllLines(out)) {
        results.add(JSON.readTree(line));
      }
      JsonNode exact = results.get(0);
      JsonNode lower = results.get(1);
      assertThat(lower.get("met").booleanValue()).as("%s", in).isTrue();
      assertThat(withoutLineAndLearner(lower)).isEqualTo(withoutLineAndLearner(exact));
      if (in.equals(csv)) {
        assertThat(withoutLineAndLearner(results.get(2)))
            .isEqualTo(withoutLineAndLearner(results.get(3)));
        assertThat(results.get(2).get("met").booleanValue()).isFalse();
        assertThat(results.get(4).get("error").asText()).contains("F1 is given twice");
      }
    }
  }

  static JsonNode withoutLineAndLearner(JsonNode result) {
    com.fasterxml.jackson.databind.node.ObjectNode copy = result.deepCopy();
    copy.remove("line");
    copy.remove("learner");
    return copy;
  }
}
