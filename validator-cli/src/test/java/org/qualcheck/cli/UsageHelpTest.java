package org.qualcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The usage help of the top level and of every command, pinned word for word to the files in
 * {@code src/test/resources/usage} (named for the command whose help they hold), so that the
 * command model, declared in code, cannot drift from what users and the README have seen. Each is
 * printed as {@code qualcheck help COMMAND}, as {@code qualcheck COMMAND --help}, and with only the
 * command built, as the launcher builds it.
 */
class UsageHelpTest {
  private static final Path USAGE = Path.of("src/test/resources/usage");

  private static String expected(String file) throws IOException {
    return Files.readString(USAGE.resolve(file));
  }

  @Test
  void theTopLevelHelp() throws IOException {
    for (List<String> args : List.of(List.of("--help"), List.of("-h"), List.of("help"))) {
      CliRun run = CliRun.of(args.toArray(new String[0]));
      assertThat(run.exitCode()).as("%s", args).isZero();
      assertThat(run.out()).as("%s", args).isEqualTo(expected("qualcheck.txt"));
      assertThat(run.err()).isEmpty();
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"validate", "plan", "count", "batch", "framework", "lint", "show"})
  void eachCommandsHelp(String command) throws IOException {
    String help = expected("qualcheck-" + command + ".txt");
    for (CliRun run :
        List.of(
            CliRun.of("help", command),
            CliRun.of(command, "--help"),
            CliRun.of(command, "-h"),
            CliRun.asMain(command, "--help"))) {
      assertThat(run.exitCode()).isZero();
      assertThat(run.out()).isEqualTo(help);
      assertThat(run.err()).isEmpty();
    }
  }

  @Test
  void serveHasNoOptionsHereSoOnlyTheHelpCommandShowsIt() throws IOException {
    CliRun run = CliRun.of("help", "serve");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEqualTo(expected("qualcheck-serve.txt"));
  }

  @Test
  void theHelpCommandsOwnHelp() throws IOException {
    for (CliRun run : List.of(CliRun.of("help", "help"), CliRun.of("help", "--help"))) {
      assertThat(run.exitCode()).isZero();
      assertThat(run.out()).isEqualTo(expected("qualcheck-help.txt"));
    }
  }

  @Test
  void theHelpCommandRefusesAnUnknownCommand() {
    CliRun run = CliRun.of("help", "VALIDATE");
    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.out()).isEmpty();
    assertThat(run.err())
        .isEqualTo(
            "qualcheck: Unknown subcommand 'VALIDATE'.\n"
                + "Try 'qualcheck --help' for more information.\n");
  }

  @Test
  void theVersionIsTheBuildsAndJavas() {
    for (String option : List.of("--version", "-V")) {
      CliRun run = CliRun.of(option);
      assertThat(run.exitCode()).isZero();
      assertThat(run.out())
          .isEqualTo(
              "qualcheck (development build)\nJava " + System.getProperty("java.version") + "\n");
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"validate", "plan", "count", "batch", "framework", "lint", "show"})
  void aCommandsVersionOptionPrintsQualchecksVersion(String command) {
    for (CliRun run :
        List.of(CliRun.asMain(command, "--version"), CliRun.of(command, "-V"))) {
      assertThat(run.exitCode()).isZero();
      assertThat(run.out())
          .isEqualTo(
              "qualcheck (development build)\nJava " + System.getProperty("java.version") + "\n");
      assertThat(run.err()).isEmpty();
    }
  }
}
