package org.qualcheck.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.qualcheck.model.Level;
import org.qualcheck.model.SourceLocation;
import org.qualcheck.model.Unit;
import org.qualcheck.model.UnitReference;

/** A catalogue unit becomes an ordinary unit, and says how two statements of it differ. */
class CatalogueUnitTest {
  private static final CatalogueUnit UNIT =
      new CatalogueUnit(
          new UnitReference("F/601/1609"),
          "Communicate using customer service language",
          4,
          Level.LEVEL_1,
          OptionalInt.of(30),
          Set.of("graded"),
          new SourceLocation("a.yaml", 6, 16));

  @Test
  void becomesAnOrdinaryUnitUnderTheNumberAQualificationGivesIt() {
    assertThat(UNIT.numbered("F1"))
        .isEqualTo(
            new Unit(
                "F1",
                Optional.of(new UnitReference("F/601/1609")),
                "Communicate using customer service language",
                4,
                Level.LEVEL_1,
                OptionalInt.of(30),
                Set.of("graded")));
  }

  @Test
  void agreesWithAnotherStatementOfTheSameDetailsWrittenElsewhere() {
    CatalogueUnit elsewhere =
        new CatalogueUnit(
            UNIT.reference(),
            UNIT.title(),
            UNIT.credits(),
            UNIT.level(),
            UNIT.guidedLearningHours(),
            UNIT.attributes(),
            new SourceLocation("b.yaml", 9, 16));
    assertThat(UNIT.differencesFrom(elsewhere)).isEmpty();
  }

  @Test
  void namesEveryDetailThatDiffers() {
    CatalogueUnit other =
        new CatalogueUnit(
            UNIT.reference(),
            "Use customer service language",
            5,
            Level.LEVEL_2,
            OptionalInt.empty(),
            Set.of("ungraded"),
            new SourceLocation("b.yaml", 9, 16));
    assertThat(UNIT.differencesFrom(other))
        .containsExactly(
            "title \"Communicate using customer service language\" here but \"Use customer service"
                + " language\" there",
            "credits 4 here but 5 there",
            "Level 1 here but Level 2 there",
            "glh 30 here but none there",
            "attributes [graded] here but [ungraded] there");
  }
}
