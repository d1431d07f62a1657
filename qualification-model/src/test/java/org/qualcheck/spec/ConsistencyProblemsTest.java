package org.qualcheck.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qualcheck.spec.Fixtures.assertAt;
import static org.qualcheck.spec.Fixtures.failure;
import static org.qualcheck.spec.Fixtures.load;
import static org.qualcheck.spec.Fixtures.only;

import org.junit.jupiter.api.Test;
import org.qualcheck.model.Level;
import org.qualcheck.model.Qualification;

/** Specs that fit the schema but do not hang together: names, references and bounds. */
class ConsistencyProblemsTest {

  @Test
  void groupNamingAnUndeclaredUnit() {
    SpecProblem p = only(failure("undeclared-unit-in-group.yaml"));
    assertAt(p, "specs/undeclared-unit-in-group.yaml", 13, 17);
    assertThat(p.message())
        .isEqualTo("group \"A\" names unit \"A9\", which is not declared under \"units\"");
  }

  @Test
  void rulesNamingUndeclaredGroupsAndUnits() {
    SpecException e = failure("undeclared-names-in-rules.yaml");
    assertThat(e.problems()).hasSize(2);
    assertAt(e.problems().get(0), "specs/undeclared-names-in-rules.yaml", 15, 23);
    assertThat(e.problems().get(0).message())
        .isEqualTo("the 1st rule names group \"Z\", which is not declared under \"groups\"");
    assertAt(e.problems().get(1), "specs/undeclared-names-in-rules.yaml", 16, 26);
    assertThat(e.problems().get(1).message())
        .isEqualTo("the 2nd rule names unit \"B7\", which is not declared under \"units\"");
  }

  @Test
  void unitDeclaredTwice() {
    SpecProblem p = only(failure("unit-declared-twice.yaml"));
    assertAt(p, "specs/unit-declared-twice.yaml", 10, 13);
    assertThat(p.message())
        .isEqualTo("unit \"A1\" is declared twice under \"units\"; the first is on line 6");
  }

  @Test
  void groupDeclaredTwice() {
    SpecProblem p = only(failure("group-declared-twice.yaml"));
    assertAt(p, "specs/group-declared-twice.yaml", 14, 9);
    assertThat(p.message())
        .isEqualTo("group \"A\" is declared twice under \"groups\"; the first is on line 11");
  }

  @Test
  void explicitRuleIdClashingWithADefaultOne() {
    SpecProblem p = only(failure("rule-id-twice.yaml"));
    assertAt(p, "specs/rule-id-twice.yaml", 13, 5);
    assertThat(p.message()).startsWith("two rules have the id \"rule-2\"; the first is on line 11");
  }

  @Test
  void unitListedTwiceInOneGroup() {
    SpecProblem p = only(failure("unit-twice-in-group.yaml"));
    assertAt(p, "specs/unit-twice-in-group.yaml", 13, 17);
    assertThat(p.message()).isEqualTo("group \"A\" lists unit \"A1\" twice");
  }

  @Test
  void minimumAboveMaximum() {
    SpecProblem p = only(failure("min-above-max.yaml"));
    assertAt(p, "specs/min-above-max.yaml", 12, 18);
    assertThat(p.message())
        .isEqualTo("rule \"impossible\" has a minimum of 30 above its maximum of 20, so no plan could meet it");
  }

  @Test
  void lowestLevelAboveHighest() {
    SpecProblem p = only(failure("lowest-above-highest.yaml"));
    assertAt(p, "specs/lowest-above-highest.yaml", 5, 20);
    assertThat(p.message())
        .isEqualTo("the qualification's lowest level (Level 3) is above its highest level (Level 1)");
  }

  @Test
  void unitLevelOutsideTheQualificationsRangeIsLeftToLint() {
    String text =
        Fixtures.text("valid-minimal.yaml").replace("level: E3", "level: 7");
    Qualification q = Fixtures.READER.read("specs/level-out-of-range.yaml", text);
    assertThat(q.unit("A3").orElseThrow().level()).isEqualTo(Level.LEVEL_7);
    assertThat(q.highestLevel()).isEqualTo(Level.LEVEL_3);
  }

  @Test
  void theValidFixtureLoads() {
    assertThat(load("valid-minimal.yaml").units()).hasSize(3);
  }
}
