package org.qualcheck.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qualcheck.check.CheckResult;
import org.qualcheck.check.Plan;
import org.qualcheck.check.PlanException;
import org.qualcheck.check.PlanProblem;
import org.qualcheck.check.RuleOutcome;
import org.qualcheck.plan.Completion;
import org.qualcheck.plan.Conflict;
import org.qualcheck.plan.PlanAnswer;
import org.qualcheck.plan.PlanOptions;
import org.qualcheck.spec.SpecException;
import org.qualcheck.synthetic.StructureGenerator;

/** The embedding entry point against the shipped 03455 spec: load, check, complete, explain. */
class LoadedQualificationTest {
  static final Path SPEC = Path.of("../specs/ocr-03455-customer-service-l2.yaml");
  static final List<String> MET = List.of("F1", "F2", "A3", "B2", "C3", "D2");
  static final List<String> MET_BY_REFERENCE =
      List.of("F/601/1609", "L/601/1614", "R/601/1212", "J/601/1210", "M/601/1511", "A/601/1530");
  static final List<String> NOT_MET = List.of("F1", "F2", "A1", "B2", "C1", "D8");
  static final List<String> NOT_MET_BY_REFERENCE =
      List.of("F/601/1609", "L/601/1614", "R/601/1209", "J/601/1210", "M/601/1508", "D/601/1553");

  static LoadedQualification nvq;

  @BeforeAll
  static void load() {
    nvq = Qualcheck.load(SPEC);
  }

  @Test
  void loadsTheSpecFromAPath() {
    assertThat(nvq.qualification().code()).isEqualTo("03455");
    assertThat(nvq.qualification().units()).hasSize(49);
    assertThat(nvq.qualification().rules()).hasSize(8);
    assertThat(nvq).hasToString("03455 OCR Level 2 NVQ Certificate in Customer Service");
  }

  @Test
  void loadsTheSameSpecFromAReader() throws IOException {
    try (Reader in = Files.newBufferedReader(SPEC)) {
      LoadedQualification fromText = Qualcheck.load("03455.yaml", in);
      assertThat(fromText.qualification().units()).isEqualTo(nvq.qualification().units());
      assertThat(fromText.qualification().rules()).isEqualTo(nvq.qualification().rules());
      assertThat(fromText.check(NOT_MET)).isEqualTo(nvq.check(NOT_MET));
    }
  }

  @Test
  void aBrokenSpecIsRefusedWithEveryProblemLocated() {
    String broken =
        "qualification: {code: X1, title: Broken}\n"
            + "units:\n"
            + "  - {number: M1, title: One, credit: 4, level: 2}\n";
    SpecException e =
        catchThrowableOfType(
            SpecException.class, () -> Qualcheck.load("broken.yaml", new StringReader(broken)));
    assertThat(e.problems()).isNotEmpty();
    assertThat(e.problems())
        .allSatisfy(p -> assertThat(p.location().file()).isEqualTo("broken.yaml"));
    assertThat(e.getMessage()).contains("broken.yaml:3:").contains("\"credits\"");
  }

  @Test
  void aMissingSpecFileIsRefusedAsASpecProblem(@TempDir Path dir) {
    Path missing = dir.resolve("missing.yaml");
    assertThatThrownBy(() -> Qualcheck.load(missing))
        .isInstanceOf(SpecException.class)
        .hasMessage(missing + ":1:1: the file does not exist");
  }

  @Test
  void aPlanMeetingTheRulesByUnitNumbers() {
    CheckResult result = nvq.check(MET);
    assertThat(result.met()).isTrue();
    assertThat(result.failures()).isEmpty();
    assertThat(result.outcomes()).hasSize(8).allMatch(RuleOutcome::holds);
    assertThat(result.placement()).containsEntry("A3", "B").containsEntry("D2", "E");
    assertThat(nvq.meets(MET)).isTrue();
  }

  @Test
  void aPlanMeetingTheRulesByUnitReferenceNumbers() {
    CheckResult result = nvq.check(MET_BY_REFERENCE);
    assertThat(result.met()).isTrue();
    assertThat(result).isEqualTo(nvq.check(MET));
    assertThat(result.plan().units()).containsExactlyElementsOf(MET);
    assertThat(nvq.meets(MET_BY_REFERENCE)).isTrue();
  }

  @Test
  void aPlanShortOfLevel2CreditsByUnitNumbers() {
    CheckResult result = nvq.check(NOT_MET);
    assertThat(result.met()).isFalse();
    assertThat(result.failures()).singleElement().satisfies(o -> {
      assertThat(o.ruleId()).isEqualTo("optional-level-2");
      assertThat(o.achieved()).isEqualTo(5);
      assertThat(o.shortfall()).isEqualTo(6);
      assertThat(o.counted()).containsExactly("B2");
    });
    assertThat(nvq.meets(NOT_MET)).isFalse();
  }

  @Test
  void aPlanShortOfLevel2CreditsByUnitReferenceNumbers() {
    CheckResult result = nvq.check(NOT_MET_BY_REFERENCE);
    assertThat(result.met()).isFalse();
    assertThat(result).isEqualTo(nvq.check(NOT_MET));
    assertThat(nvq.meets(NOT_MET_BY_REFERENCE)).isFalse();
  }

  @Test
  void numbersAndReferenceNumbersMixInOnePlan() {
    List<String> mixed = List.of("F1", "L/601/1614", "A3", "J/601/1210", "C3", "A/601/1530");
    assertThat(nvq.check(mixed)).isEqualTo(nvq.check(MET));
  }

  @Test
  void aResolvedPlanChecksLikeTheUnitsItCameFrom() {
    Plan plan = nvq.plan(NOT_MET_BY_REFERENCE);
    assertThat(plan.units()).containsExactlyElementsOf(NOT_MET);
    assertThat(nvq.check(plan)).isEqualTo(nvq.check(NOT_MET));
    assertThat(nvq.meets(plan)).isFalse();
  }

  @Test
  void anUnknownUnitIsRefusedByEveryQuestion() {
    List<String> withUnknown = List.of("F1", "F2", "Z9");
    String problem =
        "unit \"Z9\" is not in 03455; give a unit number such as F1 or a unit reference number";
    for (ThrowingCallable question :
        List.<ThrowingCallable>of(
            () -> nvq.check(withUnknown),
            () -> nvq.meets(withUnknown),
            () -> nvq.complete(withUnknown),
            () -> nvq.plan(withUnknown))) {
      PlanException e = catchThrowableOfType(PlanException.class, question);
      assertThat(e.problems())
          .containsExactly(
              new PlanProblem(PlanProblem.Kind.UNKNOWN, 2, "Z9", Optional.empty(), problem));
    }
  }

  @Test
  void aUnitGivenByNumberAndByReferenceNumberIsRefused() {
    PlanException e =
        catchThrowableOfType(PlanException.class, () -> nvq.check(List.of("F1", "F/601/1609")));
    assertThat(e.problems())
        .containsExactly(
            new PlanProblem(
                PlanProblem.Kind.REPEATED,
                1,
                "F/601/1609",
                Optional.of("F1"),
                "unit F1 is given twice, as F1 and as F/601/1609"));
  }

  @Test
  void completesAPartialPlanWithTheCheapestUnits() {
    PlanAnswer answer = nvq.complete(List.of("F1", "F2"));
    assertThat(answer.current().met()).isFalse();
    Completion best = answer.best().orElseThrow();
    assertThat(best.add()).containsExactly("A1", "B2", "C2", "D1");
    assertThat(best.creditsAdded()).isEqualTo(20);
    assertThat(best.remove()).isEmpty();
    assertThat(best.result().met()).isTrue();
    assertThat(nvq.meets(best.result().plan())).isTrue();
    assertThat(answer.conflict()).isEmpty();
  }

  @Test
  void aPlanThatMeetsTheRulesNeedsNothingAdded() {
    Completion best = nvq.complete(MET_BY_REFERENCE).best().orElseThrow();
    assertThat(best.add()).isEmpty();
    assertThat(best.result()).isEqualTo(nvq.check(MET));
  }

  @Test
  void completesWithinOptionsOrNamesTheRulesThatConflict() {
    PlanAnswer answer =
        nvq.complete(
            nvq.plan(List.of("F1", "F2")),
            PlanOptions.defaults().excluding(List.of("C1", "C2", "C3", "C4", "C5", "C6", "C7")));
    assertThat(answer.best()).isEmpty();
    assertThat(answer.conflict().map(Conflict::rules).orElseThrow()).containsExactly("one-from-D");
  }

  @Test
  void explainsEveryRuleInOneSentence() {
    List<String> sentences = nvq.explain(nvq.check(NOT_MET));
    assertThat(sentences).hasSize(8);
    assertThat(sentences.get(0))
        .isEqualTo("mandatory met: all units of group A; all 2 required units are in the plan");
    assertThat(sentences)
        .contains(
            "optional-level-2 not met: at least 11 credits at Level 2 from groups B, C, D and E;"
                + " 5 credits (B2), 6 short");
  }

  @Test
  void refusesToExplainAnotherQualificationsResult() {
    LoadedQualification other =
        Qualcheck.of(
            StructureGenerator.generate(3, StructureGenerator.Settings.minimaOnly(12, 3)));
    CheckResult result = other.check(List.of());
    assertThatThrownBy(() -> nvq.explain(result))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not 03455");
  }

  @Test
  void wrapsAQualificationAlreadyInMemory() {
    LoadedQualification same = Qualcheck.of(nvq.qualification());
    assertThat(same.check(NOT_MET)).isEqualTo(nvq.check(NOT_MET));
    assertThat(same.complete(List.of("F1", "F2")).best().map(Completion::add))
        .isEqualTo(nvq.complete(List.of("F1", "F2")).best().map(Completion::add));
  }

  @Test
  void compilesOnceAndHandsOutTheSameEngine() {
    assertThat(nvq.checker()).isSameAs(nvq.checker());
    assertThat(nvq.planner()).isSameAs(nvq.planner());
    assertThat(nvq.planner().checker()).isSameAs(nvq.checker());
    assertThat(nvq.checker().qualification()).isSameAs(nvq.qualification());
  }

  @Test
  void describesAndLintsTheStructure() {
    assertThat(nvq.describe())
        .contains("Group A: Group A mandatory units (2 units, 8 credits)")
        .contains("you must achieve a total of at least 28 credits made up as follows:");
    assertThat(nvq.lint().findings()).isEmpty();
    assertThat(nvq.lint().qualification()).isSameAs(nvq.qualification());
  }
}
