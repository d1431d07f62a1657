package org.qualcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ShowCommandTest {
  static final String CS = "../specs/ocr-03455-customer-service-l2.yaml";

  @Test
  void showsTheTableAndTheRulesInWords() {
    CliRun run = CliRun.of("show", CS);
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .startsWith("OCR Level 2 NVQ Certificate in Customer Service (03455)\n")
        .contains("Group E: Group E optional units - development and improvement (13 units, 85 credits)")
        .contains("To achieve this qualification, you must achieve a total of at least 28 credits"
            + " made up as follows:")
        .contains("- at least 11 credits at Level 2 from groups B, C, D and E [optional-level-2]");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void mermaidIsAFlowchart() {
    CliRun run = CliRun.of("show", "--format", "mermaid", CS);
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).startsWith("flowchart TB\n").contains("subgraph g4[\"Group E:");
  }

  @Test
  void anInvalidSpecIsRefusedWithItsLocation() {
    CliRun run = CliRun.of("show", "src/test/resources/specs/unknown-key.yaml");
    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.err()).containsPattern("unknown-key\\.yaml:\\d+:\\d+: ");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void aMissingFileOrUnknownFormatIsACommandLineError() {
    assertThat(CliRun.of("show", "no-such-spec.yaml").exitCode()).isEqualTo(2);
    assertThat(CliRun.of("show", "--format", "pdf", CS).exitCode()).isEqualTo(2);
  }
}
