package org.qualcheck.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.qualcheck.model.Level;
import org.qualcheck.model.Qualification;
import org.qualcheck.record.Via;
import org.qualcheck.rule.Bounds;
import org.qualcheck.rule.Cap;
import org.qualcheck.rule.LevelFilter;
import org.qualcheck.rule.Measure;
import org.qualcheck.rule.Scope;
import org.qualcheck.rule.Total;
import org.qualcheck.rule.UnitFilter;

/** Caps on what counts, unit attributes and the attribute filters, as the reader builds them. */
class CapSpecTest {
  @Test
  void readsAttributesFiltersAndCaps() {
    Qualification q = Fixtures.load("valid-cap-and-attributes.yaml");
    assertThat(q.unit("G2").orElseThrow().attributes()).containsExactly("graded", "science");
    assertThat(q.unit("I1").orElseThrow().attributes()).isEmpty();
    assertThat(q.rules())
        .containsExactly(
            new Total(
                "graded-l3",
                Measure.CREDITS,
                Scope.wholePlan(),
                UnitFilter.level(Optional.of(LevelFilter.exactly(Level.LEVEL_3)))
                    .withAttribute("graded"),
                Bounds.atLeast(6)),
            new Total(
                "not-graded",
                Measure.CREDITS,
                Scope.wholePlan(),
                UnitFilter.none().withoutAttribute("graded"),
                Bounds.atMost(20)),
            new Cap("imported-cap", Measure.CREDITS, Scope.groups("IMPORTED"), UnitFilter.none(), 5),
            new Cap(
                "ungraded-units",
                Measure.UNITS,
                Scope.wholePlan(),
                UnitFilter.none().withAttribute("ungraded").withoutAttribute("science"),
                1),
            new Cap(
                "prior-learning-cap",
                Measure.CREDITS,
                Scope.wholePlan(),
                UnitFilter.none(),
                4,
                EnumSet.of(Via.RPL, Via.TRANSFER)));
  }

  @Test
  void everyProblemIsLocatedAndSaysWhatToDo() {
    SpecException e = Fixtures.failure("cap-problems.yaml");
    List<String> messages = e.problems().stream().map(SpecProblem::toString).toList();
    assertThat(messages)
        .anySatisfy(
            m ->
                assertThat(m)
                    .startsWith("specs/cap-problems.yaml:6:")
                    .contains("lists the attribute \"graded\" twice"))
        .anySatisfy(
            m ->
                assertThat(m)
                    .startsWith("specs/cap-problems.yaml:7:")
                    .contains("must be a list of attribute names"))
        .anySatisfy(
            m -> assertThat(m).startsWith("specs/cap-problems.yaml:10:").contains("\"max\""))
        .anySatisfy(
            m ->
                assertThat(m)
                    .startsWith("specs/cap-problems.yaml:12:")
                    .contains("an attribute name written as text"));
  }

  @Test
  void aUnitFilterAcceptsByLevelAndAttributes() {
    UnitFilter f =
        UnitFilter.level(Optional.of(LevelFilter.atLeast(Level.LEVEL_3)))
            .withAttribute("graded")
            .withoutAttribute("science");
    Qualification q = Fixtures.load("valid-cap-and-attributes.yaml");
    assertThat(f.accepts(q.unit("G1").orElseThrow())).isTrue();
    assertThat(f.accepts(q.unit("G2").orElseThrow())).isFalse();
    assertThat(f.accepts(q.unit("N1").orElseThrow())).isFalse();
    assertThat(f.accepts(q.unit("I1").orElseThrow())).isFalse();
    assertThat(f.toString()).isEqualTo(" at or above Level 3 from units marked graded and not science");
    assertThat(UnitFilter.none().accepts(q.unit("I1").orElseThrow())).isTrue();
  }
}
