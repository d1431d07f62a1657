package org.qualcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.qualcheck.spec.SpecException;
import org.qualcheck.spec.SpecReader;

/**
 * Every file of the hostile corpus (named after what it tries) through the command line and the
 * library: refused with exit 3 and located plain sentences, within a second, or, for the two that
 * are valid YAML specs in disguise, loaded.
 */
class HostileSpecTest {
  static final Path CORPUS = Path.of("src/test/resources/hostile");
  static final Set<String> VALID =
      Set.of("byte-order-mark.yaml", "booleans-as-text.yaml", "escape-sequences-in-titles.yaml");

  /** Characters that must never reach a terminal from a spec: all controls but the line feed. */
  static final String CONTROLS = "[\\x00-\\x09\\x0B-\\x1F\\x7F-\\x9F\\u2028\\u2029]";

  static Stream<Path> corpus() throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.list(CORPUS)) {
      files = s.sorted().toList();
    }
    assertThat(files).hasSizeGreaterThanOrEqualTo(17);
    return files.stream();
  }

  static void refused(Path file) {
    CliRun run = assertTimeoutPreemptively(Duration.ofSeconds(1),
        () -> CliRun.of("validate", "--spec", file.toString(), "--units", "U"));
    assertThat(run.exitCode()).as(run.err()).isEqualTo(3);
    assertThat(run.out()).isEmpty();
    String name = file.getFileName().toString();
    assertThat(run.err().lines()).isNotEmpty().allSatisfy(line -> assertThat(line)
        .matches(".*" + java.util.regex.Pattern.quote(name) + ":\\d+:\\d+: \\S.*")
        .doesNotContain("Exception").doesNotContain("\tat ")
        .doesNotContainIgnoringCase("jackson").doesNotContainIgnoringCase("snakeyaml"));
    assertThat(run.err()).doesNotContainPattern(CONTROLS);
    SpecException e = (SpecException) org.assertj.core.api.Assertions.catchThrowable(
        () -> new SpecReader().read(file));
    assertThat(e).isNotNull();
    assertThat(e.problems()).isNotEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void isRefusedOrLoaded(Path file) {
    if (VALID.contains(file.getFileName().toString())) {
      CliRun run = CliRun.of("validate", "--spec", file.toString(), "--units", "U");
      assertThat(run.exitCode()).as(run.err()).isZero();
      assertThat(run.out()).doesNotContainPattern(CONTROLS);
      assertThat(new SpecReader().read(file).units()).containsKey("U");
    } else {
      refused(file);
    }
  }

  @Test
  void nestingThousandsOfLevelsDeep(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("deep-nesting.yaml");
    Files.writeString(file, "qualification: " + "[".repeat(5000) + "]".repeat(5000) + "\n");
    refused(file);
  }

  @Test
  void aThirtyMegabyteDocument(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("thirty-megabytes.yaml");
    byte[] line = "- {number: U, title: a unit title of moderate length, credits: 4, level: 1}\n"
        .getBytes(StandardCharsets.US_ASCII);
    try (OutputStream out = Files.newOutputStream(file)) {
      out.write("units:\n".getBytes(StandardCharsets.US_ASCII));
      for (long written = 0; written < 30L << 20; written += line.length) {
        out.write(line);
      }
    }
    refused(file);
  }

  @Test
  void aFiveMegabyteKey(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("five-megabyte-key.yaml");
    Files.writeString(file, "k".repeat(5 << 20) + ": 1\n");
    refused(file);
  }

  @Test
  void aFolderIsAnInvalidSpecAndAMissingFileABadCommandLine(@TempDir Path dir) {
    CliRun folder = CliRun.of("validate", "--spec", dir.toString(), "--units", "U");
    assertThat(folder.exitCode()).isEqualTo(3);
    assertThat(folder.err()).doesNotContain("Exception");
    CliRun missing = CliRun.of("validate", "--spec", dir.resolve("none.yaml").toString(),
        "--units", "U");
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err()).contains("no such spec file");
  }

  @Test
  @EnabledOnOs({OS.LINUX, OS.MAC})
  void aDeviceThatNeverEndsIsRefusedAfterFourMegabytes() {
    CliRun run = assertTimeoutPreemptively(Duration.ofSeconds(5),
        () -> CliRun.of("validate", "--spec", "/dev/zero", "--units", "U"));
    assertThat(run.exitCode()).as(run.err()).isEqualTo(3);
    assertThat(run.err()).isEqualTo(
        "/dev/zero:1:1: the file is larger than 4 MB; a spec is far smaller, so this is not a spec"
            + System.lineSeparator());
  }

  @Test
  @EnabledOnOs({OS.LINUX, OS.MAC})
  void aPipeThatNeverEndsIsRefusedAfterFourMegabytes(@TempDir Path dir) throws Exception {
    Path fifo = dir.resolve("endless.yaml");
    assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
    Thread writer = new Thread(() -> {
      byte[] chunk = "- a line of a list that never ends\n".repeat(1000)
          .getBytes(StandardCharsets.US_ASCII);
      try (OutputStream out = Files.newOutputStream(fifo)) {
        while (true) {
          out.write(chunk);
        }
      } catch (IOException readerClosedThePipe) {
        // the reader stopped, as it should
      }
    });
    writer.setDaemon(true);
    writer.start();
    CliRun run = assertTimeoutPreemptively(Duration.ofSeconds(10),
        () -> CliRun.of("validate", "--spec", fifo.toString(), "--units", "U"));
    assertThat(run.exitCode()).as(run.err()).isEqualTo(3);
    assertThat(run.err()).startsWith(fifo + ":1:1: the file is larger than 4 MB");
    writer.join(10_000);
    assertThat(writer.isAlive()).isFalse();
  }

  @Test
  void anEmptySpecPathIsABadCommandLineThatSaysSo() {
    CliRun run = CliRun.of("validate", "--spec", "", "--units", "U");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("an empty path was given for the spec").doesNotContain("folder");
    CliRun plan = CliRun.of("validate", "--spec", CORPUS.resolve("booleans-as-text.yaml").toString(),
        "--plan", "");
    assertThat(plan.exitCode()).isEqualTo(2);
    assertThat(plan.err()).contains("an empty path was given for the plan").doesNotContain("folder");
  }

  @Test
  void titlesWithControlCharactersAreEscapedInEveryTextOutput() {
    String spec = CORPUS.resolve("escape-sequences-in-titles.yaml").toString();
    CliRun validate = CliRun.of("validate", "--spec", spec, "--units", "U");
    CliRun show = CliRun.of("show", spec);
    CliRun mermaid = CliRun.of("show", "--format", "mermaid", spec);
    CliRun plan = CliRun.of("plan", "--spec", spec, "--units", "U");
    CliRun lint = CliRun.of("lint", spec);
    for (CliRun run : List.of(validate, show, mermaid, plan, lint)) {
      assertThat(run.out() + run.err()).doesNotContainPattern(CONTROLS);
    }
    assertThat(validate.out()).startsWith("T\\u001B[2J\\u001B[H (Q)")
        .contains("U\\nMET: the plan meets all 9 rules.\\r")
        .doesNotContainPattern("(?m)^MET: the plan meets all 9");
    assertThat(show.out()).contains("G\\u001B]0;owned\\u0007").contains("S\\u0007");
    assertThat(plan.out()).startsWith("T\\u001B[2J\\u001B[H (Q)");
  }

  @Test
  void aHashInUnitsIsPartOfTheTextNotAComment() {
    String spec = CORPUS.resolve("booleans-as-text.yaml").toString();
    CliRun run = CliRun.of("validate", "--spec", spec, "--units", "U #,V");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("unit \"#\" is not in").contains("unit \"V\" is not in");
  }

  @Test
  void aPlanOfManyUnknownUnitsIsReportedInFiftyLinesAndACount(@TempDir Path dir)
      throws IOException {
    Path plan = dir.resolve("plan.txt");
    StringBuilder units = new StringBuilder();
    for (int i = 0; i < 100_000; i++) {
      units.append('X').append(i).append('\n');
    }
    Files.writeString(plan, units);
    CliRun run = CliRun.of("validate", "--spec", CORPUS.resolve("booleans-as-text.yaml").toString(),
        "--plan", plan.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    List<String> lines = run.err().lines().toList();
    assertThat(lines).hasSize(51);
    assertThat(lines.get(50))
        .isEqualTo("qualcheck: and 99950 more problems like those above; fix those first");
  }

  @Test
  void theExampleInAnUnknownUnitMessageCanBeTyped(@TempDir Path dir) throws IOException {
    Path spec = dir.resolve("spaced.yaml");
    Files.writeString(spec, "qualification: {code: Q, title: T, source: S}\n"
        + "units: [{number: SHC 31, reference: F/601/1609, title: U, credits: 4, level: 1}]\n"
        + "rules: [{total: {min: 1}}]\n");
    CliRun run = CliRun.of("validate", "--spec", spec.toString(), "--units", "X");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("give a unit number such as \"SHC 31\" or a unit reference"
        + " number (unit numbers of Q hold spaces, so units are separated by commas or semicolons");
    CliRun typed = CliRun.of("validate", "--spec", spec.toString(), "--units", "SHC 31");
    assertThat(typed.exitCode()).as("the example, typed: %s", typed.err()).isZero();
  }
}
