package org.qualcheck.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qualcheck.spec.Fixtures.assertAt;
import static org.qualcheck.spec.Fixtures.failure;
import static org.qualcheck.spec.Fixtures.only;

import org.junit.jupiter.api.Test;

/** Specs whose shape breaks the schema: each problem is located and said in plain words. */
class SchemaProblemsTest {

  @Test
  void unknownKeySuggestsTheKeyMeant() {
    SpecProblem p = only(failure("unknown-key.yaml"));
    assertAt(p, "specs/unknown-key.yaml", 8, 5);
    assertThat(p.message())
        .isEqualTo("unit \"A1\" has an unknown key \"credit\"; did you mean \"credits\"?");
  }

  @Test
  void unknownKeyWithNothingCloseListsTheKeysAllowed() {
    SpecException e = failure("many-problems.yaml");
    assertThat(e.problems())
        .anySatisfy(
            p -> {
              assertAt(p, "specs/many-problems.yaml", 13, 5);
              assertThat(p.message())
                  .contains("unit \"A2\" has an unknown key \"colour\"")
                  .contains(
                      "\"number\", \"from-catalogue\", \"reference\", \"title\", \"credits\","
                          + " \"level\", \"glh\" and \"attributes\"");
            });
  }

  @Test
  void misspeltRuleKindIsOneProblemNotTwo() {
    SpecProblem p = only(failure("misspelt-rule-kind.yaml"));
    assertAt(p, "specs/misspelt-rule-kind.yaml", 12, 5);
    assertThat(p.message())
        .isEqualTo("rule \"enough\" has an unknown key \"totl\"; did you mean \"total\"?");
  }

  @Test
  void missingCreditsPointsAtTheUnit() {
    SpecProblem p = only(failure("missing-credits.yaml"));
    assertAt(p, "specs/missing-credits.yaml", 6, 5);
    assertThat(p.message()).isEqualTo("unit \"A1\" is missing the required key \"credits\"");
  }

  @Test
  void quotedCreditsAreTextNotANumber() {
    SpecProblem p = only(failure("credits-as-string.yaml"));
    assertAt(p, "specs/credits-as-string.yaml", 8, 14);
    assertThat(p.message())
        .isEqualTo(
            "\"credits\" of unit \"A1\" must be a whole number of at least 1, not \"4\""
                + " (write the number without quotes)");
  }

  @Test
  void zeroCreditsAreRefused() {
    SpecProblem p = only(failure("zero-credits.yaml"));
    assertAt(p, "specs/zero-credits.yaml", 8, 14);
    assertThat(p.message()).contains("\"credits\"", "whole number of at least 1", "not 0");
  }

  @Test
  void negativeCreditsAreRefused() {
    SpecProblem p = only(failure("negative-credits.yaml"));
    assertAt(p, "specs/negative-credits.yaml", 8, 14);
    assertThat(p.message())
        .isEqualTo("\"credits\" of unit \"A1\" must be a whole number of at least 1, not -2");
  }

  @Test
  void fractionalCreditsAreRefused() {
    SpecProblem p = only(failure("fractional-credits.yaml"));
    assertAt(p, "specs/fractional-credits.yaml", 8, 14);
    assertThat(p.message()).contains("\"credits\"", "whole number", "not 4.5");
  }

  @Test
  void wholeNumberWrittenWithAFractionIsRefused() {
    SpecProblem p = only(failure("whole-number-with-fraction.yaml"));
    assertAt(p, "specs/whole-number-with-fraction.yaml", 8, 14);
    assertThat(p.message()).contains("\"credits\"", "whole number", "not 4.0");
  }

  @Test
  void yesIsTextNotABooleanOrNumber() {
    SpecProblem p = only(failure("yes-as-credits.yaml"));
    assertAt(p, "specs/yes-as-credits.yaml", 8, 14);
    assertThat(p.message()).contains("\"credits\"", "whole number", "not \"yes\"");
  }

  @Test
  void levelNineIsOutsideTheFramework() {
    SpecProblem p = only(failure("level-nine.yaml"));
    assertAt(p, "specs/level-nine.yaml", 9, 12);
    assertThat(p.message()).startsWith("\"level\" of unit \"A1\" must be a level").endsWith("not 9");
  }

  @Test
  void malformedUnitReferenceIsRefused() {
    SpecProblem p = only(failure("bad-reference.yaml"));
    assertAt(p, "specs/bad-reference.yaml", 7, 16);
    assertThat(p.message())
        .contains("\"reference\" of unit \"A1\"", "unit reference number", "not \"F/601/160\"");
  }

  @Test
  void aSpecNeedsAtLeastOneUnit() {
    SpecProblem p = only(failure("no-units.yaml"));
    assertAt(p, "specs/no-units.yaml", 5, 8);
    assertThat(p.message()).isEqualTo("\"units\" must be a list of at least one unit, not an empty list");
  }

  @Test
  void aRuleMustSayWhatKindItIs() {
    SpecProblem p = only(failure("rule-without-kind.yaml"));
    assertAt(p, "specs/rule-without-kind.yaml", 11, 5);
    assertThat(p.message())
        .startsWith("rule \"lonely\" does not say what kind of rule it is")
        .contains("\"all-of\", \"total\", \"cap\", \"choose\", \"barred\" or \"equivalent\"");
  }

  @Test
  void aRuleHasOnlyOneKind() {
    SpecProblem p = only(failure("rule-with-two-kinds.yaml"));
    assertAt(p, "specs/rule-with-two-kinds.yaml", 12, 5);
    assertThat(p.message())
        .contains("the 1st rule has more than one kind (\"total\" and \"barred\")");
  }

  @Test
  void chooseTakesExactlyOrARangeNotBoth() {
    SpecProblem p = only(failure("choose-exactly-and-min.yaml"));
    assertAt(p, "specs/choose-exactly-and-min.yaml", 11, 13);
    assertThat(p.message()).contains("\"choose\" of the 1st rule gives both \"exactly\" and \"min\"");
  }

  @Test
  void totalNeedsABound() {
    SpecProblem p = only(failure("total-without-bounds.yaml"));
    assertAt(p, "specs/total-without-bounds.yaml", 11, 12);
    assertThat(p.message()).contains("\"total\" of the 1st rule needs a \"min\", a \"max\" or both");
  }

  @Test
  void barredNeedsTwoUnits() {
    SpecProblem p = only(failure("barred-one-unit.yaml"));
    assertAt(p, "specs/barred-one-unit.yaml", 11, 13);
    assertThat(p.message())
        .isEqualTo(
            "\"barred\" of the 1st rule must be a list of at least two unit numbers, not a list"
                + " of 1 entry");
  }

  @Test
  void everyProblemIsReportedAtOnceInFileOrder() {
    SpecException e = failure("many-problems.yaml");
    assertThat(e.problems())
        .extracting(p -> p.location().line() + ":" + p.location().column())
        .containsExactly("2:3", "2:9", "7:14", "8:12", "13:5", "15:22");
    assertThat(e.problems().get(0).message())
        .isEqualTo("the qualification is missing the required key \"source\"");
    assertThat(e.problems().get(1).message())
        .contains("\"code\" of the qualification must be text", "not 3455");
    assertThat(e.problems().get(3).message()).endsWith("not \"Level 9\"");
    assertThat(e.problems().get(5).message())
        .isEqualTo(
            "\"total.measure\" of the 1st rule must be one of credits, units or glh, not \"credit\"");
    assertThat(e.getMessage())
        .startsWith(
            "specs/many-problems.yaml:2:3: the qualification is missing the required key \"source\"\n");
  }
}
