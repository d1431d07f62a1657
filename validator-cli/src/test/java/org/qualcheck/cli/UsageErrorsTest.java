package org.qualcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What a bad command line prints, word for word, for each kind of mistake the command model
 * catches (a missing or unknown option, two exclusive options, a value of the wrong type, a
 * missing positional), with every command built and with only the command named: the options'
 * types, arities and groups are declared in code, and these pin what they mean.
 */
class UsageErrorsTest {
  static final String CS = "../specs/ocr-03455-customer-service-l2.yaml";
  static final String REC = "../examples/apprentice-L2001.json";

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of(new String[] {}, "qualcheck: name a command, such as validate\n"
            + "Try 'qualcheck --help' for more information.\n"),
        Arguments.of(new String[] {"--nope"}, "qualcheck: Unknown option: '--nope'\n"
            + "Try 'qualcheck --help' for more information.\n"),
        Arguments.of(new String[] {"nosuch"}, "qualcheck: Unmatched argument at index 0: 'nosuch'\n"
            + "Try 'qualcheck --help' for more information.\n"),
        Arguments.of(new String[] {"validate"}, "qualcheck: Missing required option: '--spec=FILE'\n"
            + "Try 'qualcheck validate --help' for more information.\n"),
        Arguments.of(new String[] {"validate", "--spec"},
            "qualcheck: Missing required parameter for option '--spec' (FILE)\n"
                + "Try 'qualcheck validate --help' for more information.\n"),
        Arguments.of(new String[] {"validate", "--spec", CS, "--spec", CS, "--units", "F1"},
            "qualcheck: option '--spec' (FILE) should be specified only once\n"
                + "Try 'qualcheck validate --help' for more information.\n"),
        Arguments.of(new String[] {"validate", "--spec", CS, "--units", "F1,F2", "--plan", "p"},
            "qualcheck: Error: --units=UNITS, --plan=FILE are mutually exclusive (specify only"
                + " one)\nTry 'qualcheck validate --help' for more information.\n"),
        Arguments.of(new String[] {"validate", "--spec", CS, "--units", "F1", "--format", "xml"},
            "qualcheck: Invalid value for option '--format': expected one of [TEXT, JSON]"
                + " (case-insensitive) but was 'xml'\n"
                + "Try 'qualcheck validate --help' for more information.\n"),
        Arguments.of(new String[] {"validate", "--spec", CS, "--record", REC, "--on", "2026-02-30"},
            "qualcheck: Invalid value for option '--on': a date is written YYYY-MM-DD, such as"
                + " 2026-03-01, and 2026-02-30 is not a day of the calendar\n"
                + "Try 'qualcheck validate --help' for more information.\n"),
        Arguments.of(new String[] {"validate", "--spec", CS, "extra"},
            "qualcheck: Unmatched argument at index 3: 'extra'\n"
                + "Try 'qualcheck validate --help' for more information.\n"),
        Arguments.of(new String[] {"plan", "--spec", CS},
            "qualcheck: Error: Missing required argument (specify one of these): (--units=UNITS |"
                + " --plan=FILE)\nTry 'qualcheck plan --help' for more information.\n"),
        Arguments.of(new String[] {"plan", "--spec", CS, "--units", "F1", "--alternatives", "x"},
            "qualcheck: Invalid value for option '--alternatives': 'x' is not an int\n"
                + "Try 'qualcheck plan --help' for more information.\n"),
        Arguments.of(new String[] {"count", "--spec", CS, "--credits", "many"},
            "qualcheck: Invalid value for option '--credits': 'many' is not a long\n"
                + "Try 'qualcheck count --help' for more information.\n"),
        Arguments.of(new String[] {"count", "--spec", CS, "--minimal", "--credits", "2"},
            "qualcheck: Error: --credits=N, --minimal are mutually exclusive (specify only one)\n"
                + "Try 'qualcheck count --help' for more information.\n"),
        Arguments.of(new String[] {"show"}, "qualcheck: Missing required parameter: 'SPEC'\n"
            + "Try 'qualcheck show --help' for more information.\n"),
        Arguments.of(new String[] {"show", CS, CS}, "qualcheck: Unmatched argument at index 2: '"
            + CS + "'\nTry 'qualcheck show --help' for more information.\n"),
        Arguments.of(new String[] {"show", CS, "--format", "pdf"},
            "qualcheck: Invalid value for option '--format': expected one of [TEXT, MERMAID]"
                + " (case-insensitive) but was 'pdf'\n"
                + "Try 'qualcheck show --help' for more information.\n"),
        Arguments.of(new String[] {"lint"}, "qualcheck: Missing required parameter: 'SPEC'\n"
            + "Try 'qualcheck lint --help' for more information.\n"),
        Arguments.of(new String[] {"batch", "--spec", CS},
            "qualcheck: Missing required options: '--input=FILE', '--output=FILE'\n"
                + "Try 'qualcheck batch --help' for more information.\n"),
        Arguments.of(new String[] {"batch", "--spec", CS, "--input", "a.csv", "--output",
                "b.jsonl", "--input-format", "xml"},
            "qualcheck: Invalid value for option '--input-format': expected one of [CSV, JSONL]"
                + " (case-insensitive) but was 'xml'\n"
                + "Try 'qualcheck batch --help' for more information.\n"),
        Arguments.of(new String[] {"batch", "--spec", CS, "--input", "a.csv", "--output",
                "b.jsonl", "--threads", "x"},
            "qualcheck: Invalid value for option '--threads': 'x' is not an int\n"
                + "Try 'qualcheck batch --help' for more information.\n"),
        Arguments.of(new String[] {"framework"},
            "qualcheck: Missing required options: '--spec=FILE', '--record=FILE'\n"
                + "Try 'qualcheck framework --help' for more information.\n"),
        Arguments.of(new String[] {"framework", "--spec", "f.yaml", "--record", REC, "--on", "soon"},
            "qualcheck: Invalid value for option '--on': a date is written YYYY-MM-DD, such as"
                + " 2026-03-01, and soon is not a day of the calendar\n"
                + "Try 'qualcheck framework --help' for more information.\n"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void aBadCommandLineGetsOneSentenceAndExit2(String[] args, String expected) {
    for (boolean onlyTheCommand : new boolean[] {false, true}) {
      CliRun run = onlyTheCommand ? CliRun.asMain(args) : CliRun.of(args);
      assertThat(run.exitCode())
          .as("only the command built: %s", onlyTheCommand)
          .isEqualTo(ExitCode.USAGE);
      assertThat(run.err()).isEqualTo(expected);
      assertThat(run.out()).isEmpty();
    }
  }
}
