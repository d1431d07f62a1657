package org.qualcheck.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.qualcheck.model.Qualification;
import org.qualcheck.spec.SpecReader;

/**
 * The five rules of the OCR Level 2 NVQ Certificate in Customer Service (03455), each failing on
 * its own and at its boundary, checked against the shipped spec.
 */
class Ocr03455Test {
  static Qualification q;
  static Checker checker;

  @BeforeAll
  static void load() {
    q = new SpecReader().read(Path.of("../specs/ocr-03455-customer-service-l2.yaml"));
    checker = Checker.of(q);
  }

  static CheckResult check(String... units) {
    return checker.check(Plan.resolve(q, List.of(units)));
  }

  static RuleOutcome outcome(CheckResult r, String id) {
    return r.outcomes().stream().filter(o -> o.ruleId().equals(id)).findFirst().orElseThrow();
  }

  @Test
  void aPlanMeetingEveryRule() {
    CheckResult r = check("F1", "F2", "A3", "B2", "C3", "D2");
    assertThat(r.met()).isTrue();
    assertThat(r.failures()).isEmpty();
    assertThat(outcome(r, "optional-credits").achieved()).isEqualTo(21);
    assertThat(outcome(r, "optional-level-2").achieved()).isEqualTo(21);
    assertThat(outcome(r, "total-credits").achieved()).isEqualTo(29);
    assertThat(outcome(r, "total-credits").counted())
        .containsExactly("F1", "F2", "A3", "B2", "C3", "D2");
    assertThat(r.placement()).containsEntry("A3", "B").containsEntry("F1", "A");
  }

  @Test
  void missingMandatoryUnitFailsOnlyTheMandatoryRuleAndNamesIt() {
    CheckResult r = check("F1", "A3", "B2", "C3", "D2", "D1");
    assertThat(r.met()).isFalse();
    assertThat(r.failures()).extracting(RuleOutcome::ruleId).containsExactly("mandatory");
    RuleOutcome m = outcome(r, "mandatory");
    assertThat(m.missing()).containsExactly("F2");
    assertThat(m.shortfall()).isEqualTo(1);
  }

  @Test
  void anEmptyOptionalGroupFailsItsOwnRule() {
    CheckResult r = check("F1", "F2", "A3", "A4", "B2", "D2");
    assertThat(r.failures()).extracting(RuleOutcome::ruleId).containsExactly("one-from-D");
    assertThat(outcome(r, "one-from-D").achieved()).isZero();
    assertThat(outcome(r, "one-from-D").shortfall()).isEqualTo(1);
  }

  @Test
  void nineteenOptionalCreditsIsOneShortOfTwenty() {
    // A3 5 + B6 4 + C2 4 + D1 6 = 19 optional credits, 27 in all
    CheckResult r = check("F1", "F2", "A3", "B6", "C2", "D1");
    assertThat(r.failures())
        .extracting(RuleOutcome::ruleId)
        .containsExactly("optional-credits", "total-credits");
    assertThat(outcome(r, "optional-credits").achieved()).isEqualTo(19);
    assertThat(outcome(r, "optional-credits").shortfall()).isEqualTo(1);
    assertThat(outcome(r, "total-credits").achieved()).isEqualTo(27);
    assertThat(outcome(r, "total-credits").shortfall()).isEqualTo(1);
    assertThat(outcome(r, "total-credits").holds()).isFalse();
  }

  @Test
  void twentyEightCreditsExactlyIsEnough() {
    // optional: A3 5 + B6 4 + C3 6 + D2 5 = 20, all Level 2
    CheckResult r = check("F1", "F2", "A3", "B6", "C3", "D2");
    assertThat(outcome(r, "total-credits").achieved()).isEqualTo(28);
    assertThat(outcome(r, "optional-credits").achieved()).isEqualTo(20);
    assertThat(r.met()).isTrue();
  }

  @Test
  void tenLevelTwoCreditsIsOneShortOfEleven() {
    // A3 5 (L2) + B2 5 (L2) + C1 5 (L1) + D8 8 (L3): 23 optional credits, 10 at Level 2
    CheckResult r = check("F1", "F2", "A3", "B2", "C1", "D8");
    assertThat(r.failures()).extracting(RuleOutcome::ruleId).containsExactly("optional-level-2");
    RuleOutcome l2 = outcome(r, "optional-level-2");
    assertThat(l2.achieved()).isEqualTo(10);
    assertThat(l2.shortfall()).isEqualTo(1);
    assertThat(l2.counted()).containsExactly("A3", "B2");
  }

  @Test
  void elevenLevelTwoCreditsIsEnough() {
    // A1 5 (L1) + B2 5 (L2) + C1 5 (L1) + D1 6 (L2): 21 optional credits, 11 at Level 2
    CheckResult r = check("F1", "F2", "A1", "B2", "C1", "D1");
    assertThat(outcome(r, "optional-level-2").achieved()).isEqualTo(11);
    assertThat(r.met()).isTrue();
  }

  @Test
  void levelThreeCreditsDoNotCountAsLevelTwo() {
    // all optional units at Level 3: A13 6, B9 6, C5 6, D8 8 = 26 optional credits, none at Level 2
    CheckResult r = check("F1", "F2", "A13", "B9", "C5", "D8");
    assertThat(outcome(r, "optional-credits").holds()).isTrue();
    assertThat(outcome(r, "optional-level-2").achieved()).isZero();
    assertThat(r.failures()).extracting(RuleOutcome::ruleId).containsExactly("optional-level-2");
  }

  @Test
  void mandatoryCreditsDoNotCountTowardTheOptionalLevelTwoCredits() {
    // F2 is Level 2 but mandatory; optional Level 2 credits come only from groups B to E
    CheckResult r = check("F1", "F2", "A1", "B1", "C1", "D2");
    assertThat(outcome(r, "optional-level-2").achieved()).isEqualTo(5);
    assertThat(outcome(r, "optional-level-2").counted()).containsExactly("D2");
  }

  @Test
  void unitsMayBeNamedByUnitReferenceNumber() {
    CheckResult byNumber = check("F1", "F2", "A3", "B2", "C3", "D2");
    CheckResult byReference =
        check("F/601/1609", "L/601/1614", "R/601/1212", "J/601/1210", "M/601/1511", "A/601/1530");
    assertThat(byReference.plan()).isEqualTo(byNumber.plan());
    assertThat(byReference.met()).isTrue();
  }

  @Test
  void unknownAndRepeatedUnitsAreRefusedByName() {
    assertThatThrownBy(() -> check("F1", "F2", "Z9"))
        .isInstanceOf(PlanException.class)
        .hasMessageContaining("\"Z9\"");
    assertThatThrownBy(() -> check("F1", "F2", "F1"))
        .isInstanceOf(PlanException.class)
        .hasMessageContaining("F1 is given twice");
    assertThatThrownBy(() -> check("F1", "F/601/1609"))
        .isInstanceOf(PlanException.class)
        .hasMessageContaining("F1 is given twice, as F1 and as F/601/1609");
  }

  @Test
  void creditsAboveTheMinimumAreAllowed() {
    CheckResult r = check("F1", "F2", "A3", "A4", "A5", "B2", "B5", "C3", "C6", "D2", "D12");
    assertThat(r.met()).isTrue();
    assertThat(outcome(r, "total-credits").achieved()).isGreaterThan(28);
  }
}
