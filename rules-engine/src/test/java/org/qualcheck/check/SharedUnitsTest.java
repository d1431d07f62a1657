package org.qualcheck.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.qualcheck.compile.CompiledQualification;
import org.qualcheck.compile.SearchBudget;
import org.qualcheck.model.Group;
import org.qualcheck.model.Level;
import org.qualcheck.model.Qualification;
import org.qualcheck.model.Unit;
import org.qualcheck.rule.Bounds;
import org.qualcheck.rule.Measure;
import org.qualcheck.rule.Scope;
import org.qualcheck.rule.Total;
import org.qualcheck.synthetic.StructureGenerator;

/**
 * Plans whose units are each listed in many groups: once an exponential search over placements,
 * now settled by taking interchangeable units together and bounding by a flow, or, where a
 * structure defeats both, ended undecided within the search bound. The timeouts only guard against
 * a hang; speed is measured by the benchmarks.
 */
class SharedUnitsTest {
  static Plan allUnits(Qualification q) {
    return Plan.of(List.copyOf(q.units().keySet()));
  }

  @ParameterizedTest(name = "{0} units in {1} groups")
  @CsvSource({"8, 9", "10, 11", "30, 31", "60, 61", "1, 2"})
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void tooFewUnitsForTheirGroupsAreRefuted(int units, int groups) {
    Qualification q = StructureGenerator.sharedUnits(units, groups);
    Checker checker = Checker.of(q);
    Plan plan = allUnits(q);
    assertThat(checker.verdict(plan)).isEqualTo(Verdict.NOT_MET);
    assertThat(checker.meets(plan)).isFalse();
    CheckResult result = checker.check(plan);
    assertThat(result.met()).isFalse();
    assertThat(result.undecided()).isFalse();
    assertThat(result.verdict()).isEqualTo(Verdict.NOT_MET);
    // the explanation is the best reading: one unit in each group but one
    assertThat(result.failures()).hasSize(groups - units);
  }

  @ParameterizedTest(name = "{0} units in {1} groups")
  @CsvSource({"9, 9", "11, 11", "31, 31", "40, 31", "61, 61"})
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void enoughUnitsForTheirGroupsAreMet(int units, int groups) {
    Qualification q = StructureGenerator.sharedUnits(units, groups);
    Checker checker = Checker.of(q);
    Plan plan = allUnits(q);
    assertThat(checker.verdict(plan)).isEqualTo(Verdict.MET);
    CheckResult result = checker.check(plan);
    assertThat(result.met()).isTrue();
    assertThat(result.undecided()).isFalse();
    assertThat(result.failures()).isEmpty();
    assertThat(result.placement().values()).containsAll(q.groups().keySet());
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void aPlanOneUnitShortInOneGroupOfTenIsNotMetButEveryOtherRuleIs() {
    Qualification q = StructureGenerator.sharedUnits(10, 11);
    CheckResult result = Checker.of(q).check(allUnits(q));
    assertThat(result.failures()).singleElement()
        .satisfies(o -> assertThat(o.shortfall()).isEqualTo(1));
  }

  /**
   * Units of distinct even credits, each in groups A and B, and exactly an odd number of credits
   * counted in A: no placement meets it, but neither the flow (which may split credits) nor the
   * bounds can tell, every unit is of a kind of its own, and the totals reachable part way are too
   * many to remember. The search ends at its bound, undecided, and says so.
   */
  static Qualification subsetSum(int units) {
    Qualification.Builder b = Qualification.builder("SUBSET-SUM").title("Subset sum")
        .source("constructed to defeat the placement search's reductions");
    List<String> numbers = new ArrayList<>();
    long total = 0;
    for (int i = 0; i < units; i++) {
      int credits = 100 + 14 * i;
      total += credits;
      numbers.add("U" + (i + 1));
      b.unit(new Unit("U" + (i + 1), Optional.empty(), "Unit " + (i + 1), credits, Level.LEVEL_2,
          OptionalInt.empty()));
    }
    b.group(Group.of("A", "Group A", numbers));
    b.group(Group.of("B", "Group B", numbers));
    b.rule(new Total("odd-credits-in-A", Measure.CREDITS, Scope.groups("A"), Optional.empty(),
        Bounds.exactly(total / 2 | 1)));
    return b.build();
  }

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void aStructureThatDefeatsTheReductionsEndsUndecided() {
    Qualification q = subsetSum(60);
    Checker checker = Checker.of(q);
    Plan plan = allUnits(q);
    assertThat(checker.verdict(plan)).isEqualTo(Verdict.UNDECIDED);
    assertThat(checker.meets(plan)).isFalse();
    CheckResult result = checker.check(plan);
    assertThat(result.met()).isFalse();
    assertThat(result.undecided()).isTrue();
    assertThat(result.verdict()).isEqualTo(Verdict.UNDECIDED);
  }

  @Test
  void theSameStructureSmallEnoughIsDecided() {
    // eight units: few enough placements for the bound, so the verdict is exact
    Qualification q = subsetSum(8);
    assertThat(Checker.of(q).verdict(allUnits(q))).isEqualTo(Verdict.NOT_MET);
  }

  @Test
  void aSharedBudgetEndsEverySearchDrawingOnItOnceSpent() {
    Qualification q = subsetSum(8);
    CompiledQualification compiled = CompiledQualification.of(q);
    long[] plan = compiled.bits(allUnits(q));
    SearchBudget budget = SearchBudget.of(10);
    assertThat(compiled.verdict(plan, null, budget)).isEqualTo(Verdict.UNDECIDED);
    assertThat(budget.exceeded()).isTrue();
    assertThat(compiled.verdict(plan, null, budget)).isEqualTo(Verdict.UNDECIDED);
    assertThat(compiled.verdict(plan, null, SearchBudget.of(100_000))).isEqualTo(Verdict.NOT_MET);
  }

  @Test
  void theEstimateOfReadingsTakesInterchangeableUnitsTogether() {
    Qualification q = StructureGenerator.sharedUnits(8, 9);
    CompiledQualification compiled = CompiledQualification.of(q);
    // eight interchangeable units in nine groups: C(16, 8) multisets, not 9^8 sequences
    assertThat(compiled.readingsAfterReductions(compiled.bits(allUnits(q)))).isEqualTo(12870.0);
  }
}
