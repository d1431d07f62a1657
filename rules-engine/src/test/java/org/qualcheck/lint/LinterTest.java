package org.qualcheck.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.qualcheck.check.Checker;
import org.qualcheck.check.Plan;
import org.qualcheck.model.Qualification;
import org.qualcheck.check.ReferenceChecker;
import org.qualcheck.rule.Bounds;
import org.qualcheck.rule.Measure;
import org.qualcheck.rule.Scope;
import org.qualcheck.rule.Total;
import org.qualcheck.spec.SpecReader;

/** Each fixture under {@code lint/} plants one defect; lint must find it and nothing else. */
class LinterTest {
  static LintReport lint(String fixture) {
    return Linter.lint(new SpecReader().read(Path.of("src/test/resources/lint/" + fixture)));
  }

  static List<FindingKind> kinds(LintReport r) {
    return r.findings().stream().map(Finding::kind).toList();
  }

  @Test
  void theShippedCustomerServiceSpecIsClean() {
    Qualification q = new SpecReader().read(Path.of("../specs/ocr-03455-customer-service-l2.yaml"));
    assertThat(Linter.lint(q).findings()).isEmpty();
  }

  @Test
  void withoutItsImpliedMarkTheCustomerServiceTotalMakesAnotherRuleRedundant() {
    // 8 credits from group A and 20 from groups B to E make 28, and every unit is in a group, so
    // the optional-credits rule and the total of 28 each imply the other: one must go.
    Qualification q = new SpecReader().read(Path.of("../specs/ocr-03455-customer-service-l2.yaml"));
    Qualification.Builder b = Qualification.builder(q.code()).title(q.title()).source(q.source());
    q.units().values().forEach(b::unit);
    q.groups().values().forEach(b::group);
    q.rules().forEach(b::rule);
    LintReport r = Linter.lint(b.build());
    assertThat(kinds(r)).containsExactly(FindingKind.REDUNDANT_RULE);
    assertThat(r.findings().get(0).rules()).containsExactly("optional-credits", "total-credits");
  }

  @Test
  void unsatisfiableNamesTheRulesThatCannotHoldTogether() {
    LintReport r = lint("unsatisfiable.yaml");
    assertThat(kinds(r)).containsExactly(FindingKind.UNSATISFIABLE);
    Finding f = r.findings().get(0);
    assertThat(f.rules())
        .containsExactly("one-from-B", "one-from-C", "one-from-D", "one-from-E", "optional-at-most-20");
    assertThat(f.message()).startsWith("no plan meets the rules: rules one-from-B (at least 1 unit");
    assertThat(f.message()).endsWith("; the cheapest plan meeting all but optional-at-most-20,"
        + " B1,C1,D1,E1, already breaks it: at most 20 credits from groups B, C, D and E, and it"
        + " achieves 24");
    assertThat(f.location().orElseThrow().line()).isEqualTo(19);
    assertThat(r.hasErrors()).isTrue();
  }

  @Test
  void deadUnitIsProvedByTheRuleItBreaks() {
    LintReport r = lint("dead-unit.yaml");
    assertThat(kinds(r)).containsExactly(FindingKind.DEAD_UNIT);
    Finding f = r.findings().get(0);
    assertThat(f.units()).containsExactly("P3");
    assertThat(f.rules()).containsExactly("optional-credits");
    assertThat(f.location().orElseThrow().line()).isEqualTo(7);
    assertThat(r.hasErrors()).isFalse();
  }

  @Test
  void redundantRuleNamesTheRulesThatImplyIt() {
    LintReport r = lint("redundant-rule.yaml");
    assertThat(kinds(r)).containsExactly(FindingKind.REDUNDANT_RULE);
    Finding f = r.findings().get(0);
    assertThat(f.rules()).containsExactly("one-from-P", "optional-credits");
    assertThat(f.message()).contains("is implied by rule optional-credits");
    assertThat(f.severity()).isEqualTo(Severity.WARNING);
  }

  @Test
  void aRuleMarkedImpliedThatIsNotComesWithAPlanProvingIt() {
    LintReport r = lint("not-implied.yaml");
    assertThat(kinds(r)).containsExactly(FindingKind.NOT_IMPLIED);
    Finding f = r.findings().get(0);
    Plan witness = f.plan().orElseThrow();
    Qualification q = r.qualification();
    assertThat(Checker.of(q).meets(witness)).isFalse();
    assertThat(Checker.of(q).check(witness).outcomes())
        .filteredOn(o -> !o.holds())
        .extracting(o -> o.rule().id())
        .containsExactly("total-credits");
    assertThat(f.message()).contains("the plan M1,P1 meets every other rule and breaks it");
  }

  /** The qualification with only the rules not marked implied. */
  static Qualification unmarked(Qualification q) {
    return LintPropertyTest.without(q, r -> q.impliedRules().contains(r.id()));
  }

  /** The qualification with the rules not marked implied and {@code rule}. */
  static Qualification unmarkedAnd(Qualification q, String rule) {
    return LintPropertyTest.without(
        q, r -> q.impliedRules().contains(r.id()) && !r.id().equals(rule));
  }

  @Test
  void twoRulesMarkedImpliedThatImplyOnlyEachOtherAreBothReported() {
    // each total implies the other, but the mandatory unit alone meets every unmarked rule
    LintReport r = lint("not-implied-mutual.yaml");
    assertThat(kinds(r)).containsExactly(FindingKind.NOT_IMPLIED, FindingKind.NOT_IMPLIED);
    Qualification q = r.qualification();
    for (Finding f : r.findings()) {
      Set<String> witness = f.plan().orElseThrow().units();
      assertThat(new ReferenceChecker(unmarked(q)).meets(witness)).isTrue();
      assertThat(new ReferenceChecker(unmarkedAnd(q, f.rules().get(0))).meets(witness)).isFalse();
      assertThat(f.message()).contains("meets every rule not marked implied and breaks it");
    }
    assertThat(r.findings().get(0).rules()).containsExactly("optional-credits", "total-credits");
    assertThat(r.findings().get(1).rules()).containsExactly("total-credits", "optional-credits");
    assertThat(r.findings().get(0).message()).isEqualTo("rule optional-credits is marked implied,"
        + " but the plan M1 meets every rule not marked implied and breaks it: at least 5 credits"
        + " from group P, and it achieves 0; it breaks rule total-credits too, also marked implied,"
        + " and a rule marked implied must follow from the rules not marked implied alone");
  }

  @Test
  void aRuleMarkedImpliedAndWrittenTwiceIsReportedOnBothCopies() {
    LintReport r = lint("not-implied-duplicate.yaml");
    assertThat(kinds(r)).containsExactly(FindingKind.NOT_IMPLIED, FindingKind.NOT_IMPLIED);
    assertThat(r.findings()).extracting(f -> f.rules().get(0))
        .containsExactly("eight-credits", "eight-credits-again");
    Qualification q = r.qualification();
    for (Finding f : r.findings()) {
      Set<String> witness = f.plan().orElseThrow().units();
      assertThat(new ReferenceChecker(unmarked(q)).meets(witness)).isTrue();
      assertThat(new ReferenceChecker(q).meets(witness)).isFalse();
      assertThat(f.message()).doesNotContain("every other rule");
    }
  }

  @Test
  void aRuleMarkedImpliedIsReportedWhenTheFirstPlanThatBreaksItIsAmbiguous() {
    // plans holding X1 break one-from-C with X1 counted in B and meet it with X1 counted in C; the
    // plan A1, B2, B1 breaks it however it is read
    LintReport r = lint("not-implied-shared-unit.yaml");
    assertThat(kinds(r)).containsExactly(FindingKind.NOT_IMPLIED);
    Finding f = r.findings().get(0);
    Qualification q = r.qualification();
    Set<String> witness = f.plan().orElseThrow().units();
    assertThat(new ReferenceChecker(unmarked(q)).meets(witness)).isTrue();
    assertThat(new ReferenceChecker(q).meets(witness)).isFalse();
    assertThat(witness).doesNotContain("X1");
    assertThat(f.message()).contains("meets every other rule and breaks it: at least 1 unit from"
        + " group C, and it achieves 0");
  }

  @Test
  void aRuleMarkedImpliedThatIsImpliedOnlyThroughASharedUnitIsNotReported() {
    // one unit from each of B and C is implied by 9 credits from B and C: B1 and B2 make only 8,
    // and any plan with X1 or C1 can count one of them in each group; every plan the search
    // meets is ambiguous, so it must see them all before it can say so
    Qualification q = new SpecReader().read(Path.of("../specs/examples/unit-in-two-groups.yaml"));
    Qualification.Builder b = Qualification.builder(q.code()).title(q.title()).source(q.source());
    q.units().values().forEach(b::unit);
    q.groups().values().forEach(b::group);
    q.rules().forEach(b::rule);
    b.implied("one-from-C");
    Qualification marked = b.build();
    assertThat(LintPropertyTest.meeting(marked))
        .isEqualTo(LintPropertyTest.meeting(unmarked(marked)));
    assertThat(Linter.lint(marked).findings()).isEmpty();
  }

  @Test
  void aMaximumOverUnitsAlsoListedInAnotherGroupIsReportedAsEvaded() {
    LintReport r = lint("evaded-maximum.yaml");
    assertThat(kinds(r)).containsExactly(FindingKind.EVADED_MAXIMUM);
    Finding f = r.findings().get(0);
    Qualification q = r.qualification();
    // the claim: the maximum never decides a plan
    assertThat(LintPropertyTest.meeting(q)).isEqualTo(
        LintPropertyTest.meeting(
            LintPropertyTest.without(q, x -> x.id().equals("imported-at-most-5"))));
    // the example: a plan with 10 credits of imported units that meets every rule
    Plan witness = f.plan().orElseThrow();
    assertThat(Checker.of(q).meets(witness)).isTrue();
    assertThat(witness.units()).contains("I1", "I2");
    assertThat(f.units()).containsExactly("I1", "I2");
    assertThat(f.location().orElseThrow().line()).isEqualTo(18);
    assertThat(f.message()).startsWith("the maximum of rule imported-at-most-5 (at most 5 credits"
        + " from group I) never binds: ");
    assertThat(f.message()).contains("holds 10 credits of units listed in group I yet meets every"
        + " rule, counting I1 and I2 in group O");
  }

  @Test
  void anEvadedMaximumOverManySharedUnitsIsProvedWithoutVisitingEveryPlan() {
    // 30 imported units listed in both I and O: far more plans exceed the cap than any search
    // could visit, but each imported unit can always be counted in O, whose rule has no maximum
    Qualification.Builder b =
        Qualification.builder("MANY").title("Many imported units").source("test");
    List<String> optional = new java.util.ArrayList<>();
    List<String> imported = new java.util.ArrayList<>();
    b.unit(new org.qualcheck.model.Unit("M1", Optional.empty(), "Mandatory", 4,
        org.qualcheck.model.Level.LEVEL_2, java.util.OptionalInt.empty()));
    for (int i = 1; i <= 30; i++) {
      for (String prefix : List.of("O", "I")) {
        b.unit(new org.qualcheck.model.Unit(prefix + i, Optional.empty(), "Unit " + prefix + i,
            1 + i % 5, org.qualcheck.model.Level.LEVEL_2, java.util.OptionalInt.empty()));
        (prefix.equals("O") ? optional : imported).add(prefix + i);
      }
    }
    List<String> all = new java.util.ArrayList<>(optional);
    all.addAll(imported);
    b.group(org.qualcheck.model.Group.of("M", "Mandatory", List.of("M1")));
    b.group(org.qualcheck.model.Group.of("O", "Optional", all));
    b.group(org.qualcheck.model.Group.of("I", "Imported", imported));
    b.rule(new org.qualcheck.rule.AllOf("mandatory", Scope.groups("M")));
    b.rule(new Total("optional-credits", Measure.CREDITS, Scope.groups("O"), Optional.empty(),
        Bounds.atLeast(40)));
    b.rule(new Total("imported-at-most-5", Measure.CREDITS, Scope.groups("I"), Optional.empty(),
        Bounds.atMost(5)));
    LintReport r = Linter.lint(b.build());
    assertThat(kinds(r)).containsExactly(FindingKind.EVADED_MAXIMUM);
    assertThat(Checker.of(r.qualification()).meets(r.findings().get(0).plan().orElseThrow()))
        .isTrue();
  }

  @Test
  void aMaximumThatSharedUnitsCannotAlwaysEvadeIsNotReported() {
    // B1 and B2 are listed in group B alone and together exceed its maximum
    Qualification q = new SpecReader().read(Path.of("../specs/examples/unit-in-two-groups.yaml"));
    Qualification.Builder b = Qualification.builder(q.code()).title(q.title()).source(q.source());
    q.units().values().forEach(b::unit);
    q.groups().values().forEach(b::group);
    q.rules().forEach(b::rule);
    b.rule(new Total("b-at-most-7", Measure.CREDITS, Scope.groups("B"), Optional.empty(),
        Bounds.atMost(7)));
    LintReport r = Linter.lint(b.build());
    assertThat(r.ofKind(FindingKind.EVADED_MAXIMUM)).isEmpty();
    assertThat(Checker.of(r.qualification()).meets(Plan.of("A1", "B1", "B2", "C1"))).isFalse();
  }

  @Test
  void barredMandatoryUnitsAreReportedWithTheUnsatisfiableStructure() {
    LintReport r = lint("barred-mandatory.yaml");
    assertThat(kinds(r))
        .containsExactlyInAnyOrder(FindingKind.BARRED_MANDATORY, FindingKind.UNSATISFIABLE);
    Finding f = r.ofKind(FindingKind.BARRED_MANDATORY).get(0);
    assertThat(f.units()).containsExactly("M1", "M2");
    assertThat(f.rules()).containsExactly("mandatory", "m1-not-with-m2");
    assertThat(r.ofKind(FindingKind.UNSATISFIABLE).get(0).rules())
        .containsExactly("mandatory", "m1-not-with-m2");
  }

  @Test
  void declaredCreditsThatDisagreeWithTheUnits() {
    LintReport r = lint("declared-credits.yaml");
    assertThat(kinds(r)).containsExactly(FindingKind.DECLARED_CREDITS);
    assertThat(r.findings().get(0).message())
        .isEqualTo("group M is printed as 9 credits, but every one of its units must be taken and"
            + " they add up to 8: M1 (4), M2 (4)");
  }

  @Test
  void wrongCheckCharactersOnUnitAndQualificationNumbers() {
    LintReport r = lint("check-character.yaml");
    assertThat(kinds(r)).containsExactly(FindingKind.CHECK_CHARACTER, FindingKind.CHECK_CHARACTER);
    assertThat(r.findings().get(0).message())
        .isEqualTo("qualification number 601/5021/9 ends in check character 9, but its digits give X");
    assertThat(r.findings().get(1).message())
        .isEqualTo("unit U1's reference number F/601/1608 has check letter F, but its digits give A");
    assertThat(r.findings().get(0).location().orElseThrow().line()).isEqualTo(7);
  }

  @Test
  void duplicateReferenceNumbersAreRefusedAtLoadBeforeLint() {
    org.qualcheck.spec.SpecException e = org.assertj.core.api.Assertions.catchThrowableOfType(
        org.qualcheck.spec.SpecException.class, () -> lint("duplicate-reference.yaml"));
    assertThat(e.problems()).singleElement().satisfies(p -> assertThat(p.message())
        .startsWith("unit \"U3\" has the unit reference number \"F/601/1609\""));
  }

  @Test
  void levelsOutsideTheQualificationsRange() {
    LintReport r = lint("level-out-of-range.yaml");
    assertThat(kinds(r)).containsExactly(FindingKind.LEVEL_OUT_OF_RANGE);
    assertThat(r.findings().get(0).units()).containsExactly("U3");
  }

  @Test
  void unitsSharedByManyGroupsAreWarnedOfAndEverythingElseIsDecided() {
    LintReport r = lint("expensive-placement.yaml");
    assertThat(kinds(r)).containsExactly(FindingKind.EXPENSIVE_PLACEMENT);
    assertThat(r.findings().get(0).units()).hasSize(12);
    assertThat(r.findings().get(0).message()).contains("12 units are each listed")
        .contains("1.4e+06 ways");
  }

  @Test
  void everyFindingKindHasAFixtureThatPlantsIt() {
    List<String> fixtures =
        List.of("unsatisfiable.yaml", "dead-unit.yaml", "redundant-rule.yaml", "not-implied.yaml",
            "barred-mandatory.yaml", "declared-credits.yaml", "check-character.yaml",
            "level-out-of-range.yaml", "evaded-maximum.yaml", "expensive-placement.yaml",
            "inert-cap.yaml", "unknown-attribute.yaml", "pathway-implied.yaml");
    java.util.Set<FindingKind> found = java.util.EnumSet.noneOf(FindingKind.class);
    fixtures.forEach(f -> found.addAll(kinds(lint(f))));
    // an undecided question needs a structure beyond the search bound, not a planted defect
    assertThat(found).containsAll(
        java.util.EnumSet.complementOf(java.util.EnumSet.of(FindingKind.UNDECIDED)));
  }

  @Test
  void aCapThatCanNeverBindIsReported() {
    LintReport r = lint("inert-cap.yaml");
    assertThat(kinds(r)).containsExactly(FindingKind.INERT_CAP);
    assertThat(r.findings().get(0).message())
        .isEqualTo("cap imported-cap can never leave a unit uncounted: the units it takes in add"
            + " up to at most 10 credits, within its 12 credits");
    assertThat(r.findings().get(0).location().orElseThrow().line()).isEqualTo(16);
  }

  @Test
  void anAttributeNoUnitCarriesIsReported() {
    LintReport r = lint("unknown-attribute.yaml");
    assertThat(r.ofKind(FindingKind.UNKNOWN_ATTRIBUTE)).singleElement()
        .satisfies(f -> assertThat(f.message()).isEqualTo("rule graded-credits filters on the"
            + " attribute \"grade\", which no unit carries; the units carry \"graded\" and"
            + " \"ungraded\""));
    assertThat(kinds(r)).contains(FindingKind.UNSATISFIABLE);
  }

  @Test
  void aPathwayWhosePlansAllAchieveAnotherIsReported() {
    LintReport r = lint("pathway-implied.yaml");
    assertThat(r.findings()).extracting(Finding::kind).containsExactly(FindingKind.PATHWAY_IMPLIED);
    assertThat(r.findings().get(0).message()).isEqualTo("every plan that achieves pathway narrow"
        + " also achieves pathway wide, so pathway narrow is never needed");
    assertThat(r.findings().get(0).location().orElseThrow().line()).isEqualTo(19);
  }
}
