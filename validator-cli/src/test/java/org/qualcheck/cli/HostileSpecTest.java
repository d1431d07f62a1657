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
  static final Set<String> VALID = Set.of("byte-order-mark.yaml", "booleans-as-text.yaml");

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
}
