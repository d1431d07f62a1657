package org.qualcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One table of exit codes, true for every command: 0 the rules are met (or nothing wrong was
 * found), 1 they are not, 2 a bad command line or plan or a missing file, 3 an invalid spec, 70
 * output that could not be written. Each case runs with every command registered, as tests and
 * help do, and with only the command named, as the launcher does.
 */
class ExitCodesTest {
  static final String CS = "../specs/ocr-03455-customer-service-l2.yaml";
  static final String BAD = "src/test/resources/specs/unknown-key.yaml";
  static final String LINT_ERROR = "../rules-engine/src/test/resources/lint/unsatisfiable.yaml";
  static final String MET = "F1,F2,A3,B2,C3,D2";
  static final String NOT_MET = "F1,F2,A1,B2,C1,D8";
  static final String FRAMEWORK = "../specs/frameworks/customer-service-apprenticeship-l2.yaml";
  static final String APPRENTICE = "../examples/apprentice-L2001.json";

  @TempDir static Path dir;

  static Stream<Arguments> cases() throws IOException {
    Path met = Files.writeString(dir.resolve("met.csv"), "learner,units\nL1,F1 F2 A3 B2 C3 D2\n");
    Path notMet =
        Files.writeString(
            dir.resolve("not-met.csv"), "learner,units\nL1,F1 F2 A3 B2 C3 D2\nL2,F1 F2\n");
    String out = dir.resolve("results.jsonl").toString();
    Path done =
        Files.writeString(
            dir.resolve("done.json"),
            Files.readString(Path.of(APPRENTICE))
                .replace("\"in-progress\"", "\"achieved\"")
                .replace("\"date\": \"2025-10-01\"}", "\"date\": \"2025-10-01\"},"
                    + " {\"id\": \"personal-learning-and-thinking-skills\"}"));
    List<Arguments> cases = new ArrayList<>();
    Object[][] table = {
      {0, new String[] {"validate", "--spec", CS, "--units", MET}},
      {1, new String[] {"validate", "--spec", CS, "--units", NOT_MET}},
      {2, new String[] {"validate", "--spec", CS, "--units", "F1,Z9"}},
      {2, new String[] {"validate", "--spec", CS}},
      {2, new String[] {"validate", "--spec", "no-such-spec.yaml", "--units", MET}},
      {3, new String[] {"validate", "--spec", BAD, "--units", MET}},
      {0, new String[] {"plan", "--spec", CS, "--units", MET}},
      {1, new String[] {"plan", "--spec", CS, "--units", "F1,F2"}},
      {1, new String[] {"plan", "--spec", CS, "--units", "F1,F2", "--exclude", "C1,C2,C3,C4,C5,C6,C7"}},
      {2, new String[] {"plan", "--spec", CS, "--units", "F1,Z9"}},
      {3, new String[] {"plan", "--spec", BAD, "--units", MET}},
      {0, new String[] {"batch", "--spec", CS, "--input", met.toString(), "--output", out}},
      {1, new String[] {"batch", "--spec", CS, "--input", notMet.toString(), "--output", out}},
      {2, new String[] {"batch", "--spec", CS, "--input", "no-such.csv", "--output", out}},
      {3, new String[] {"batch", "--spec", BAD, "--input", met.toString(), "--output", out}},
      {0, new String[] {"framework", "--spec", FRAMEWORK, "--record", done.toString(),
          "--qualification-spec", CS, "--on", "2026-06-01"}},
      {1, new String[] {"framework", "--spec", FRAMEWORK, "--record", APPRENTICE,
          "--qualification-spec", CS}},
      {2, new String[] {"framework", "--spec", FRAMEWORK, "--record", "no-such-record.json"}},
      {2, new String[] {"framework", "--spec", FRAMEWORK, "--record", APPRENTICE, "--on", "soon"}},
      {3, new String[] {"framework", "--spec", BAD, "--record", APPRENTICE}},
      {0, new String[] {"lint", CS}},
      {1, new String[] {"lint", LINT_ERROR}},
      {2, new String[] {"lint", "no-such-spec.yaml"}},
      {3, new String[] {"lint", BAD}},
      {0, new String[] {"show", CS}},
      {2, new String[] {"show"}},
      {2, new String[] {"show", "no-such-spec.yaml"}},
      {3, new String[] {"show", BAD}},
      {0, new String[] {"count", "--spec", CS, "--credits", "28"}},
      {2, new String[] {"count", "--spec", CS, "--credits", "many"}},
      {3, new String[] {"count", "--spec", BAD}},
      {2, new String[] {}},
      {2, new String[] {"no-such-command"}},
      {0, new String[] {"--help"}},
    };
    for (Object[] row : table) {
      for (boolean onlyTheCommand : new boolean[] {false, true}) {
        cases.add(Arguments.of(row[0], List.of((String[]) row[1]), onlyTheCommand));
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}: {1} (only the command built: {2})")
  @MethodSource("cases")
  void everyCommandExitsByTheOneTable(int expected, List<String> args, boolean onlyTheCommand) {
    String[] array = args.toArray(new String[0]);
    CliRun run = onlyTheCommand ? CliRun.asMain(array) : CliRun.of(array);
    assertThat(run.exitCode())
        .as("%s\nout: %s\nerr: %s", args, run.out(), run.err())
        .isEqualTo(expected);
  }

  private static List<Integer> listedCodes(String help) {
    String list = help.substring(help.indexOf("Exit codes:"));
    List<Integer> codes = new ArrayList<>();
    Matcher m = Pattern.compile("(?m)^\\s+(\\d+)\\s").matcher(list);
    while (m.find()) {
      codes.add(Integer.parseInt(m.group(1)));
    }
    return codes;
  }

  /** Every code {@link ExitCode} defines, in ascending order. */
  private static List<Integer> definedCodes() throws IllegalAccessException {
    List<Integer> codes = new ArrayList<>();
    for (Field f : ExitCode.class.getFields()) {
      if (Modifier.isStatic(f.getModifiers()) && f.getType() == int.class) {
        codes.add(f.getInt(null));
      }
    }
    codes.sort(null);
    return codes;
  }

  @Test
  void theTopLevelHelpListsEveryExitCode() throws IllegalAccessException {
    CliRun run = CliRun.of("--help");
    assertThat(definedCodes()).containsExactly(0, 1, 2, 3, 4, 70);
    assertThat(listedCodes(run.out())).isEqualTo(definedCodes());
  }

  @Test
  void eachCommandsHelpListsOnlyCodesOfTheTableAnd70() {
    for (String command :
        List.of("validate", "plan", "batch", "framework", "lint", "show", "count")) {
      CliRun run = CliRun.of(command, "--help");
      assertThat(run.exitCode()).isZero();
      assertThat(listedCodes(run.out()))
          .as(command)
          .contains(0, 2, 3, 70)
          .isSubsetOf(listedCodes(CliRun.of("--help").out()));
    }
  }

  @Test
  void theOneCommandBuiltHelpsAsTheFullCommandLineDoes() {
    for (String command :
        List.of("validate", "plan", "batch", "framework", "lint", "show", "count")) {
      assertThat(CliRun.asMain(command, "--help").out())
          .isEqualTo(CliRun.of(command, "--help").out());
    }
  }
}
