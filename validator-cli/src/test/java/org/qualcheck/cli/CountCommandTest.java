package org.qualcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CountCommandTest {
  static final String CS = "../specs/ocr-03455-customer-service-l2.yaml";

  @Test
  void countsThe03455PlansOfTwentyEightCredits() throws Exception {
    // 571 was also found by enumerating every optional combination of 20 credits by hand-written
    // search outside the engine: at most five optional units can make 20 credits.
    CliRun run = CliRun.of("count", "--spec", CS, "--credits", "28", "--format", "json");
    assertThat(run.exitCode()).isZero();
    JsonNode j = new ObjectMapper().readTree(run.out());
    assertThat(j.get("count").isIntegralNumber()).isTrue();
    assertThat(j.get("count").asLong()).isEqualTo(571);
  }

  @Test
  void listsExactlyAsManyPlansAsItCounts() {
    CliRun run = CliRun.of("count", "--spec", CS, "--credits", "28", "--list");
    String[] lines = run.out().strip().split("\n");
    assertThat(lines).hasSize(572);
    assertThat(lines[571]).isEqualTo("571 plans of exactly 28 credits meet the rules");
    for (int i = 0; i < 571; i++) {
      CliRun check = CliRun.of("validate", "--spec", CS, "--units", lines[i]);
      assertThat(check.exitCode()).as(lines[i]).isZero();
      if (i > 20) {
        break;
      }
    }
  }

  @Test
  void countsBeyondSixtyFourBitsAreExact(@TempDir Path dir) throws Exception {
    StringBuilder yaml = new StringBuilder(
        "qualification: {code: WIDE, title: Wide, source: test}\nunits:\n");
    StringBuilder group = new StringBuilder();
    for (int i = 1; i <= 80; i++) {
      yaml.append("  - {number: U").append(i).append(", title: U, credits: 1, level: 2}\n");
      group.append(i == 1 ? "" : ", ").append("U").append(i);
    }
    yaml.append("groups:\n  - {id: G, title: G, units: [").append(group).append("]}\n");
    yaml.append("rules:\n  - total: {groups: [G], min: 1}\n");
    Path spec = dir.resolve("wide.yaml");
    Files.writeString(spec, yaml);
    CliRun run = CliRun.of("count", "--spec", spec.toString(), "--format", "json");
    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode j = new ObjectMapper().readTree(run.out());
    assertThat(j.get("count").bigIntegerValue())
        .isEqualTo(BigInteger.TWO.pow(80).subtract(BigInteger.ONE));
  }

  @Test
  void minimalPlansAreCounted() {
    CliRun run = CliRun.of("count", "--spec", "src/test/resources/specs/barred-and-maximum.yaml",
        "--minimal", "--list");
    assertThat(run.exitCode()).isZero();
    // M1 with 5 to 8 optional credits, P1 and P2 never together, no unit removable:
    // {P2}, {P1,P4}, {P3}; P4 alone (2) is too few; {P1,P4}=5.
    assertThat(run.out()).contains("M1,P2").contains("M1,P3").contains("M1,P1,P4")
        .contains("3 plans are minimal");
  }

  @Test
  void creditsAndMinimalCannotBeCombined() {
    assertThat(CliRun.of("count", "--spec", CS, "--credits", "28", "--minimal").exitCode())
        .isEqualTo(2);
    assertThat(CliRun.of("count", "--spec", CS, "--credits", "-1").exitCode()).isEqualTo(2);
  }
  /** A writer whose reader has gone, as standard output is once {@code head -1} has exited. */
  static final class ClosedAfter extends java.io.Writer {
    private int left;

    ClosedAfter(int chars) {
      this.left = chars;
    }

    @Override
    public void write(char[] c, int off, int len) throws java.io.IOException {
      if (len > left) {
        throw new java.io.IOException("Broken pipe");
      }
      left -= len;
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }

  @Test
  void listingStopsAsSoonAsTheOutputIsClosed() {
    // 139,550,330,338,090 plans: listing them all would never end.
    for (String format : java.util.List.of("text", "json")) {
      java.io.StringWriter err = new java.io.StringWriter();
      int code = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
          java.time.Duration.ofSeconds(60),
          () -> QualcheckCommand.commandLine(new java.io.PrintWriter(new ClosedAfter(10_000)),
              new java.io.PrintWriter(err, true))
              .execute("count", "--spec", CS, "--list", "--format", format), format);
      assertThat(code).as(format).isEqualTo(70);
      assertThat(err.toString()).contains("standard output was closed")
          .doesNotContain("Exception");
    }
  }

  @Test
  void countListIntoAPipeClosedEarlyEndsPromptly() throws Exception {
    Path stderr = Files.createTempFile("qualcheck-count", ".txt");
    Process p = Processes.qualcheck("count", "--spec", CS, "--list")
        .redirectError(stderr.toFile()).start();
    try {
      var stdout = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream(),
          java.nio.charset.StandardCharsets.UTF_8));
      assertThat(stdout.readLine()).startsWith("F1");
      stdout.close(); // what head -1 does once it has its line
      assertThat(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    } finally {
      p.destroyForcibly();
    }
    assertThat(p.exitValue()).isEqualTo(70);
    assertThat(Files.readString(stderr)).contains("standard output was closed")
        .doesNotContain("Exception").doesNotContain("\tat ");
    Files.delete(stderr);
  }
}
