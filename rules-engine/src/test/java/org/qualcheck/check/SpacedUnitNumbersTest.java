package org.qualcheck.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.qualcheck.model.Level;
import org.qualcheck.model.Qualification;
import org.qualcheck.model.Unit;
import org.qualcheck.model.UnitList;
import org.qualcheck.model.UnitReference;

/**
 * Plans naming City &amp; Guilds style unit numbers ({@code SHC 31}): any spacing and case resolves,
 * and a plan that was split at a space inside a unit number, or that runs several unit numbers
 * together with spaces, is refused with a sentence naming the units meant and a form that works.
 */
class SpacedUnitNumbersTest {
  static final Qualification CG = Qualification.builder("4222-31")
      .unit(unit("SHC 31", null, 3))
      .unit(unit("HSC 024", null, 3))
      .unit(unit("Advo 301", null, 4))
      .unit(unit("CMH 302", null, 5))
      .build();

  static final Qualification PLAIN = Qualification.builder("P")
      .unit(unit("F1", null, 4))
      .unit(unit("F2", null, 4))
      .build();

  static Unit unit(String number, String reference, int credits) {
    return new Unit(number, Optional.ofNullable(reference).map(UnitReference::new), "t", credits,
        Level.LEVEL_3, OptionalInt.empty());
  }

  static List<PlanProblem> problems(Qualification q, List<String> units) {
    PlanException e = catchThrowableOfType(PlanException.class, () -> Plan.resolve(q, units));
    assertThat(e).as("a PlanException for %s", units).isNotNull();
    return e.problems();
  }

  @Test
  void spacedNumbersResolveInAnySpacingAndCase() {
    Plan plan = Plan.resolve(CG, UnitList.split(CG, " shc   31 ; HSC 024,ADVO\u00a0301"));
    assertThat(plan.units()).containsExactly("SHC 31", "HSC 024", "Advo 301");
  }

  @Test
  void aUnitNumberSplitAtItsSpaceSuggestsTheWholeNumberAndACommaSeparatedList() {
    List<PlanProblem> problems = problems(CG, List.of("SHC", "31", "HSC 024"));
    assertThat(problems).hasSize(2);
    assertThat(problems.get(0).suggestion()).contains("SHC 31");
    assertThat(problems.get(0).message()).isEqualTo("unit \"SHC\" is not in 4222-31, but \"SHC 31\""
        + " is: give \"SHC 31\" as one unit, separating units with commas or semicolons, e.g."
        + " SHC 31, HSC 024");
    assertThat(problems.get(1).position()).isEqualTo(1);
    assertThat(problems.get(1).suggestion()).contains("SHC 31");
  }

  @Test
  void unitNumbersRunTogetherWithSpacesAreNamedWithTheSeparatorsThatWork() {
    List<PlanProblem> problems = problems(CG, UnitList.split(CG, "SHC 31 HSC 024 advo 301"));
    assertThat(problems).singleElement().satisfies(p -> assertThat(p.message()).isEqualTo(
        "unit \"SHC 31 HSC 024 advo 301\" is not in 4222-31; did you mean the units SHC 31,"
            + " HSC 024, Advo 301? separate units with commas or semicolons (unit numbers of"
            + " 4222-31 hold spaces, so spaces do not separate units), e.g. SHC 31, HSC 024,"
            + " Advo 301"));
    List<PlanProblem> plain = problems(PLAIN, List.of("F1 F2"));
    assertThat(plain).singleElement().satisfies(p -> assertThat(p.message())
        .isEqualTo("unit \"F1 F2\" is not in P; did you mean the units F1, F2? separate units with"
            + " commas or semicolons, e.g. F1, F2"));
  }

  @Test
  void aNearMissSuggestsTheSpacedNumberInQuotes() {
    assertThat(problems(CG, List.of("SHC31"))).singleElement()
        .satisfies(p -> {
          assertThat(p.suggestion()).contains("SHC 31");
          assertThat(p.message()).isEqualTo("unit \"SHC31\" is not in 4222-31; did you mean"
              + " \"SHC 31\"?");
        });
  }

  @Test
  void anUnknownUnitIsAnsweredWithAnExampleThatCanBeTyped() {
    assertThat(problems(CG, List.of("XYZ 9"))).singleElement()
        .satisfies(p -> assertThat(p.message()).isEqualTo("unit \"XYZ 9\" is not in 4222-31; give"
            + " a unit number such as \"SHC 31\" or a unit reference number (unit numbers of"
            + " 4222-31 hold spaces, so units are separated by commas or semicolons, e.g. SHC 31,"
            + " HSC 024)"));
    assertThat(problems(PLAIN, List.of("Z9"))).singleElement()
        .satisfies(p -> assertThat(p.message())
            .isEqualTo("unit \"Z9\" is not in P; give a unit number such as F1 or a unit reference"
                + " number"));
  }

  @Test
  void theSameUnitInTwoSpacingsIsGivenTwice() {
    assertThat(problems(CG, List.of("SHC 31", "shc  31"))).singleElement()
        .satisfies(p -> {
          assertThat(p.kind()).isEqualTo(PlanProblem.Kind.REPEATED);
          assertThat(p.suggestion()).contains("SHC 31");
        });
  }
}
