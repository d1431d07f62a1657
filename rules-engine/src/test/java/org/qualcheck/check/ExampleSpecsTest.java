package org.qualcheck.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.qualcheck.model.Qualification;
import org.qualcheck.spec.SpecReader;

/** What the header of each illustrative spec under specs/examples says it shows, it does. */
class ExampleSpecsTest {
  static Checker checker(String file) {
    Qualification q = new SpecReader().read(Path.of("../specs/examples", file));
    return Checker.of(q);
  }

  static List<String> failing(CheckResult r) {
    return r.outcomes().stream().filter(o -> !o.holds()).map(o -> o.rule().id()).toList();
  }

  @Test
  void aUnitInTwoGroupsIsPlacedWhereTheRulesNeedIt() {
    CheckResult r = checker("unit-in-two-groups.yaml").check(Plan.of("A1", "B1", "X1"));
    assertThat(r.met()).isTrue();
    assertThat(r.placement()).containsEntry("X1", "C").containsEntry("B1", "B");
    CheckResult other = checker("unit-in-two-groups.yaml").check(Plan.of("A1", "C1", "X1"));
    assertThat(other.met()).isTrue();
    assertThat(other.placement()).containsEntry("X1", "B");
  }

  @Test
  void equivalentUnitsStandForEachOtherButCountOnce() {
    Checker c = checker("equivalent-units.yaml");
    assertThat(c.check(Plan.of("R2", "O1", "O2")).met()).isTrue();
    CheckResult both = c.check(Plan.of("R1", "R2", "O1"));
    assertThat(both.notCounted()).hasSize(1);
    // only one of R1 and R2 counts: 6 + 4 credits
    assertThat(failing(both)).containsExactly("optional-credits", "total-credits");
  }

  @Test
  void guidedLearningHoursAreAMinimumOfTheirOwn() {
    Checker c = checker("guided-learning-hours.yaml");
    // 24 credits but 175 hours, and nothing at Level 3
    assertThat(failing(c.check(Plan.of("U1", "U2", "U5", "U6"))))
        .containsExactly("total-glh", "level-3-credits");
    assertThat(c.check(Plan.of("U1", "U3", "U4", "U6")).met()).isTrue();
  }

  @Test
  void barredPairsAndChoicesRefuseWhatTheySay() {
    Checker c = checker("barred-and-choose.yaml");
    assertThat(c.check(Plan.of("C1", "P1", "S1", "S5")).met()).isTrue();
    assertThat(failing(c.check(Plan.of("C1", "P3", "S4", "S5")))).containsExactly("P3-not-with-S4");
    assertThat(failing(c.check(Plan.of("C1", "P1", "P2", "S1", "S2", "S5"))))
        .containsExactly("pathway", "S1-not-with-S2");
  }

  @Test
  void theDiplomaCapsCreditsFromGroupC() {
    // 19 mandatory, 6 from A, 16 from B: 41 credits, four short of 45
    Checker c = checker("level-2-diploma-customer-service.yaml");
    List<String> base = List.of("M1", "M2", "M3", "M4", "M5", "A1", "A2", "B1", "B2", "B4", "B5",
        "B6");
    assertThat(failing(c.check(Plan.of(base)))).containsExactly("total-credits");
    java.util.List<String> withC = new java.util.ArrayList<>(base);
    withC.addAll(List.of("C1", "C2"));
    assertThat(c.check(Plan.of(withC)).met()).isTrue();
    withC.add("C3");
    assertThat(failing(c.check(Plan.of(withC)))).containsExactly("group-C-at-most-7");
  }
}
