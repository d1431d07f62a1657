package org.qualcheck.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.qualcheck.explain.StructureText;
import org.qualcheck.model.Group;
import org.qualcheck.model.Level;
import org.qualcheck.model.Qualification;
import org.qualcheck.model.Unit;
import org.qualcheck.rule.AllOf;
import org.qualcheck.rule.Bounds;
import org.qualcheck.rule.Measure;
import org.qualcheck.rule.Scope;
import org.qualcheck.rule.Total;

/** Rule texts and explanations agree in number with the figures they print. */
class RuleTextTest {
  static Unit unit(String number, int credits) {
    return new Unit(number, Optional.empty(), "Unit " + number, credits, Level.LEVEL_2,
        OptionalInt.empty());
  }

  /** One mandatory unit M1 of 1 credit, two more mandatory units N1 and N2, one option P1. */
  static Qualification q() {
    return Qualification.builder("GRAMMAR")
        .title("Grammar")
        .source("test")
        .unit(unit("M1", 1))
        .unit(unit("N1", 2))
        .unit(unit("N2", 2))
        .unit(unit("P1", 3))
        .group(Group.of("M", "Mandatory", List.of("M1")))
        .group(Group.of("N", "Also mandatory", List.of("N1", "N2")))
        .group(Group.of("P", "Options", List.of("P1")))
        .rule(new AllOf("one-mandatory", Scope.groups("M")))
        .rule(new AllOf("two-mandatory", Scope.groups("N")))
        .rule(new AllOf("named-unit", Scope.units(List.of("P1"))))
        .rule(new Total("one-option", Measure.UNITS, Scope.groups("P"), Optional.empty(),
            Bounds.exactly(1)))
        .rule(new Total("at-most-one-credit", Measure.CREDITS, Scope.groups("M"), Optional.empty(),
            Bounds.atMost(1)))
        .rule(new Total("zero-or-one", Measure.UNITS, Scope.groups("P"), Optional.empty(),
            Bounds.between(0, 1)))
        .build();
  }

  static RuleOutcome outcome(CheckResult r, String rule) {
    return r.outcomes().stream().filter(o -> o.ruleId().equals(rule)).findFirst().orElseThrow();
  }

  @Test
  void oneRequiredUnitIsSingular() {
    Checker checker = Checker.of(q());
    CheckResult met = checker.check(Plan.of("M1", "N1", "N2", "P1"));
    assertThat(outcome(met, "one-mandatory").explanation())
        .isEqualTo("the 1 required unit is in the plan");
    assertThat(outcome(met, "two-mandatory").explanation())
        .isEqualTo("all 2 required units are in the plan");
    CheckResult missing = checker.check(Plan.of("N1", "P1"));
    assertThat(outcome(missing, "one-mandatory").explanation())
        .isEqualTo("the 1 required unit is missing: M1");
    assertThat(outcome(missing, "two-mandatory").explanation())
        .isEqualTo("1 of 2 required units is missing: N2");
    assertThat(outcome(checker.check(Plan.of("P1")), "two-mandatory").explanation())
        .isEqualTo("2 of 2 required units are missing: N1 and N2");
  }

  @Test
  void requirementsEndingInOneAreSingular() {
    Qualification q = q();
    List<String> texts = q.rules().stream().map(r -> RuleText.requirement(r, q)).toList();
    assertThat(texts).containsExactly(
        "all units of group M",
        "all units of group N",
        "unit P1",
        "exactly 1 unit from group P",
        "at most 1 credit from group M",
        "between 0 and 1 units from group P");
  }

  @Test
  void structureTextCountsOneUnitAndOneCreditInTheSingular() {
    assertThat(StructureText.text(q()))
        .contains("Group M: Mandatory (1 unit, 1 credit)")
        .contains("- all units of group M (1 credit) [one-mandatory]");
  }
}
