package org.qualcheck.framework.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.qualcheck.framework.Framework;
import org.qualcheck.model.Qualification;
import org.qualcheck.record.AchievementEntry;
import org.qualcheck.record.LearnerRecord;
import org.qualcheck.record.QualificationEntry;
import org.qualcheck.record.Status;
import org.qualcheck.record.UnitEntry;
import org.qualcheck.spec.FrameworkReader;
import org.qualcheck.spec.SpecReader;

/** The shipped Customer Service apprenticeship framework, with 03455 judged from a learner's units. */
class CustomerServiceFrameworkTest {
  private static final Framework FRAMEWORK =
      new FrameworkReader().read(Path.of("../specs/frameworks/customer-service-apprenticeship-l2.yaml"));
  private static final Qualification OCR_03455 =
      new SpecReader().read(Path.of("../specs/ocr-03455-customer-service-l2.yaml"));
  private static final LocalDate ON = LocalDate.of(2026, 6, 1);
  private static final LocalDate MAY = LocalDate.of(2026, 5, 1);

  /** A learner with 03455's units (a valid plan), the certificate, Functional Skills and ERR. */
  private static LearnerRecord.Builder nearlyDone() {
    LearnerRecord.Builder b = LearnerRecord.builder("L1001");
    for (String unit : List.of("F1", "F2", "A3", "B2", "C3", "D2", "A4")) {
      b.unit(UnitEntry.achieved(unit, MAY));
    }
    return b.qualification(QualificationEntry.achieved("principles-of-customer-service-l2", MAY))
        .qualification(QualificationEntry.achieved("functional-skills-maths-l1", MAY))
        .qualification(QualificationEntry.achieved("FUNCTIONAL-SKILLS-ENGLISH-L1", MAY))
        .qualification(
            new QualificationEntry(
                "key-skills-communication-l1", Status.IN_PROGRESS, java.util.Optional.empty()))
        .achievement(AchievementEntry.of("employee-rights-and-responsibilities", MAY));
  }

  @Test
  void aLearnerLackingOnlyPersonalLearningAndThinkingSkillsHasOneMissingComponent() {
    FrameworkResult r =
        FrameworkChecker.of(FRAMEWORK, List.of(OCR_03455)).check(nearlyDone().build(), ON);
    assertThat(r.complete()).isFalse();
    assertThat(r.incomplete()).extracting(ComponentOutcome::id).containsExactly("plts");
    assertThat(r.incomplete().get(0).missing())
        .extracting(o -> o.requirement().name() + ": " + o.reason())
        .containsExactly("personal-learning-and-thinking-skills: not in the record");
    ComponentOutcome competence = r.components().get(0);
    assertThat(competence.complete()).isTrue();
    assertThat(competence.requirements().get(0).checkedBySpec()).isTrue();
    assertThat(r.components().get(2).alternative()).isEqualTo("functional-skills");
  }

  @Test
  void withPlts_itIsComplete_butNotAsOfADayBeforeTheUnitsWereAchieved() {
    LearnerRecord record =
        nearlyDone()
            .achievement(AchievementEntry.of("personal-learning-and-thinking-skills", MAY))
            .build();
    FrameworkChecker checker = FrameworkChecker.of(FRAMEWORK, List.of(OCR_03455));
    assertThat(checker.check(record, ON).complete()).isTrue();
    FrameworkResult early = checker.check(record, MAY.minusDays(1));
    assertThat(early.incomplete())
        .extracting(ComponentOutcome::id)
        .containsExactly("competence", "technical-knowledge", "skills", "employee-rights", "plts");
    assertThat(early.components().get(0).missing().get(0).reason())
        .isEqualTo("no unit of it is achieved");
    assertThat(early.components().get(1).missing().get(0).reason())
        .isEqualTo("achieved on 2026-05-01, after 2026-04-30");
  }

  @Test
  void withoutItsSpec_03455IsLookedUpAmongTheRecordsQualifications() {
    LearnerRecord record =
        nearlyDone()
            .achievement(AchievementEntry.of("personal-learning-and-thinking-skills", MAY))
            .build();
    FrameworkResult r = FrameworkChecker.of(FRAMEWORK).check(record, ON);
    assertThat(r.incomplete()).extracting(ComponentOutcome::id).containsExactly("competence");
    assertThat(r.incomplete().get(0).missing().get(0).reason()).isEqualTo("not in the record");
  }

  @Test
  void unitsShortOfTheRulesNameTheRulesNotMet() {
    LearnerRecord record =
        LearnerRecord.builder("L2").unit(UnitEntry.achieved("F1", MAY)).build();
    RequirementOutcome o =
        FrameworkChecker.of(FRAMEWORK, List.of(OCR_03455))
            .check(record, ON)
            .components()
            .get(0)
            .missing()
            .get(0);
    assertThat(o.held()).isFalse();
    assertThat(o.reason()).startsWith("its 1 achieved units do not meet rules \"mandatory\", ");
  }

  @Test
  void aSpecTheFrameworkDoesNotRequireIsRefused() {
    Qualification other =
        org.qualcheck.synthetic.StructureGenerator.generate(
            1, org.qualcheck.synthetic.StructureGenerator.Settings.minimaOnly(4, 1));
    assertThatThrownBy(() -> FrameworkChecker.of(FRAMEWORK, List.of(other)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "framework customer-service-apprenticeship-l2 does not require qualification "
                + other.code());
    assertThatThrownBy(() -> FrameworkChecker.of(FRAMEWORK, List.of(OCR_03455, OCR_03455)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("two specs have the code 03455");
  }

  @Test
  void aSpecJudgedQualificationHonoursItsTimeLimitAndNeedsARegistrationDate() {
    Qualification limited =
        new SpecReader()
            .read(
                "limited.yaml",
                "qualification: {code: LIM, title: Limited, source: test, time-limit: {years: 1}}\n"
                    + "units:\n  - {number: U1, title: One, credits: 4, level: 2}\n"
                    + "rules:\n  - {id: all, all-of: {units: [U1]}}\n");
    Framework f =
        new Framework(
            "f",
            "F",
            "test",
            List.of(
                org.qualcheck.framework.Component.of(
                    "c", "C", org.qualcheck.framework.Requirement.qualification("LIM"))));
    FrameworkChecker checker = FrameworkChecker.of(f, List.of(limited));
    LearnerRecord inTime =
        LearnerRecord.of("L", LocalDate.of(2025, 9, 1), List.of(UnitEntry.achieved("U1", MAY)));
    LearnerRecord late =
        LearnerRecord.of(
            "L", LocalDate.of(2024, 9, 1), List.of(UnitEntry.achieved("U1", MAY)));
    LearnerRecord undated = LearnerRecord.builder("L").unit(UnitEntry.achieved("U1", MAY)).build();
    assertThat(checker.check(inTime, ON).complete()).isTrue();
    assertThat(checker.check(late, ON).complete()).isFalse();
    RequirementOutcome o = checker.check(undated, ON).components().get(0).missing().get(0);
    assertThat(o.reason()).startsWith("its units cannot be checked: ").contains("registered");
  }
}
