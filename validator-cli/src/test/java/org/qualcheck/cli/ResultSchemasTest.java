package org.qualcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JSON that validate and batch print fits the published result schemas, and only that. */
class ResultSchemasTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String CS = "../specs/ocr-03455-customer-service-l2.yaml";

  static Schema schema(String name) throws Exception {
    return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
        .getSchema(JSON.readTree(Path.of("../specs/schema", name).toFile()));
  }

  @Test
  void validateOutputFitsTheCheckResultSchema() throws Exception {
    Schema schema = schema("check-result.schema.json");
    for (String[] args : new String[][] {
        {"--spec", CS, "--units", "F1,F2,A3,B2,C3,D2"},
        {"--spec", CS, "--units", "F1,A1,B2,C1,D8"},
        {"--spec", "src/test/resources/specs/barred-and-maximum.yaml", "--units", "M1,P1,P2,P3"}}) {
      String[] full = new String[args.length + 3];
      full[0] = "validate";
      System.arraycopy(args, 0, full, 1, args.length);
      full[args.length + 1] = "--format";
      full[args.length + 2] = "json";
      JsonNode out = JSON.readTree(CliRun.of(full).out());
      assertThat(schema.validate(out)).as(out.toString()).isEmpty();
    }
  }

  @Test
  void batchOutputFitsTheBatchResultSchema(@TempDir Path dir) throws Exception {
    Schema schema = schema("batch-result.schema.json");
    Path in = dir.resolve("in.csv");
    Files.writeString(in, "learner,units,centre\nA,F1 F2 A3 B2 C3 D2,X\nB,F1 F2,X\nC,F1 Q1,X\n"
        + "D,\"F1,X\n");
    Path out = dir.resolve("out.jsonl");
    CliRun.of("batch", "--spec", CS, "--input", in.toString(), "--output", out.toString());
    var lines = Files.readAllLines(out);
    assertThat(lines).hasSize(4);
    for (String line : lines) {
      assertThat(schema.validate(JSON.readTree(line))).as(line).isEmpty();
    }
  }

  @Test
  void batchOutputForLearnerRecordsFitsTheBatchResultSchema(@TempDir Path dir) throws Exception {
    Schema schema = schema("batch-result.schema.json");
    Path in = dir.resolve("in.csv");
    Files.writeString(in, "learner,unit,status,date,via\nA,F1,achieved,2026-01-05,\n"
        + "B,F1,achieved,,rpl\nA,F2,planned,,\nB,F2,finished,,\n");
    Path out = dir.resolve("out.jsonl");
    CliRun.of("batch", "--spec", CS, "--input", in.toString(), "--output", out.toString(),
        "--on", "2026-03-01");
    var lines = Files.readAllLines(out);
    assertThat(lines).hasSize(2);
    assertThat(JSON.readTree(lines.get(0)).get("onTrack").booleanValue()).isFalse();
    assertThat(JSON.readTree(lines.get(1)).get("error").asText()).startsWith("line 5: the status");
    for (String line : lines) {
      assertThat(schema.validate(JSON.readTree(line))).as(line).isEmpty();
    }
  }

  @Test
  void theSchemasRefuseWhatQualcheckNeverPrints() throws Exception {
    assertThat(schema("batch-result.schema.json")
        .validate(JSON.readTree("{\"line\": 2, \"met\": true, \"failed\": [], \"error\": \"x\"}")))
        .isNotEmpty();
    assertThat(schema("check-result.schema.json")
        .validate(JSON.readTree("{\"format\": \"qualcheck-check-result/2\"}")))
        .isNotEmpty();
  }
}
