package org.qualcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The text that {@code show}, {@code validate} and {@code plan} print for every spec shipped in
 * {@code specs/} and {@code specs/examples/}, character for character as recorded in {@code
 * text-reports/}: the tables are padded by hand rather than by {@code String.format}, and this
 * holds every column, width and line ending to what the format strings printed. Each recorded
 * file starts with the command's arguments, separated by tabs, on a line of their own.
 */
class TextReportsTest {
  private static final Path RECORDED = Path.of("src/test/resources/text-reports");

  static List<Path> recorded() throws IOException {
    try (Stream<Path> files = Files.list(RECORDED)) {
      List<Path> all = files.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
      assertThat(all).as("recorded reports").hasSizeGreaterThanOrEqualTo(39);
      return all;
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("recorded")
  void printsWhatWasRecorded(Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    int end = text.indexOf('\n');
    String[] args = text.substring(0, end).split("\t");
    CliRun run = CliRun.of(args);
    assertThat(run.err()).isEmpty();
    assertThat(run.exitCode()).isBetween(ExitCode.MET, ExitCode.NOT_MET);
    assertThat(run.out()).isEqualTo(text.substring(end + 1));
  }
}
