package org.qualcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.qualcheck.check.Checker;
import org.qualcheck.check.Plan;
import org.qualcheck.check.PlanException;
import org.qualcheck.model.Qualification;
import org.qualcheck.spec.SpecReader;

/**
 * Unit lists as typed on a command line, against 03455: a plan is resolved and checked, or refused
 * with a plain sentence per problem; and the validate command answers with exit 0, 1 or 2 and no
 * stack trace, and no control character of the input reaches the terminal; nothing typed is
 * dropped (a {@code #} is text on the command line, not a comment). Replays kept inputs in a normal build; fuzzes with {@code JAZZER_FUZZ=1}.
 */
class PlanInputFuzzTest {
  private static final Qualification Q =
      new SpecReader().read(Path.of("../specs/ocr-03455-customer-service-l2.yaml"));
  private static final Checker CHECKER = Checker.of(Q);

  @FuzzTest(maxDuration = "60s")
  void resolvesOrRefusesEveryUnitList(byte[] bytes) {
    String typed = new String(bytes, StandardCharsets.UTF_8);
    assertThat(String.join("", PlanInput.units(typed, false)))
        .as("nothing typed in --units is dropped but separators")
        .isEqualTo(withoutSeparators(typed));
    assertThat(String.join("", PlanInput.units(typed, true)))
        .as("with spaced unit numbers, only commas and semicolons separate, and a unit is trimmed")
        .isEqualTo(String.join("", trimmedPieces(typed)));
    try {
      Plan plan = Plan.resolve(Q, PlanInput.tokens(typed, false));
      assertThat(CHECKER.check(plan).met()).isEqualTo(CHECKER.meets(plan));
    } catch (PlanException e) {
      assertThat(e.problems()).isNotEmpty().allSatisfy(p -> assertThat(p.message()).isNotBlank());
    }
    if (typed.length() < 200 && !typed.startsWith("-") && typed.indexOf('\0') < 0) {
      CliRun run = CliRun.of("validate", "--spec", "../specs/ocr-03455-customer-service-l2.yaml",
          "--units", typed);
      assertThat(run.exitCode()).isIn(0, 1, 2);
      assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ")
          .doesNotContainPattern(HostileSpecTest.CONTROLS);
    }
  }

  /** The text without commas, semicolons and white space (no-break spaces included). */
  private static String withoutSeparators(String typed) {
    StringBuilder s = new StringBuilder();
    for (char c : typed.toCharArray()) {
      boolean space = Character.isWhitespace(c) || Character.isSpaceChar(c);
      if (c != ',' && c != ';' && !space) {
        s.append(c);
      }
    }
    return s.toString();
  }

  /** The pieces between commas and semicolons, each without surrounding white space. */
  private static java.util.List<String> trimmedPieces(String typed) {
    java.util.List<String> out = new java.util.ArrayList<>();
    for (String piece : typed.split("[,;]", -1)) {
      int a = 0;
      int b = piece.length();
      while (a < b && isSpace(piece.charAt(a))) {
        a++;
      }
      while (b > a && isSpace(piece.charAt(b - 1))) {
        b--;
      }
      out.add(piece.substring(a, b));
    }
    return out;
  }

  private static boolean isSpace(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c);
  }
}
