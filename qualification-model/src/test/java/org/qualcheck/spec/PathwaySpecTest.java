package org.qualcheck.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.qualcheck.model.Qualification;
import org.qualcheck.model.Variant;
import org.qualcheck.rule.AllOf;
import org.qualcheck.rule.Total;

/** Pathways and endorsed titles as the reader builds and refuses them. */
class PathwaySpecTest {
  private static final SpecReader READER = Fixtures.READER;

  private static final String HEAD =
      """
      qualification: {code: P, title: Pathways, source: test}
      units:
        - {number: U1, title: One, credits: 4, level: 2}
        - {number: U2, title: Two, credits: 4, level: 2}
      groups:
        - {id: G, title: G, units: [U1, U2]}
      rules:
        - {id: common, total: {min: 4}}
      """;

  @Test
  void readsPathwaysAndEndorsementsWithTheirRules() {
    Qualification q =
        READER.read(
            "p.yaml",
            HEAD
                + """
                pathways:
                  - id: one
                    title: Pathway One
                    description: as printed
                    rules:
                      - {id: one-u1, all-of: {units: [U1]}}
                  - id: two
                    title: Pathway Two
                    rules:
                      - {total: {groups: [G], min: 8}}
                endorsements:
                  - id: e
                    title: Endorsed
                    rules:
                      - {all-of: {units: [U2]}, implied: true}
                """);
    assertThat(q.rules()).extracting(r -> r.id()).containsExactly("common");
    assertThat(q.pathways()).extracting(Variant::id).containsExactly("one", "two");
    assertThat(q.pathways().get(0).description()).contains("as printed");
    assertThat(q.pathways().get(0).rules().get(0)).isInstanceOf(AllOf.class);
    assertThat(q.pathways().get(1).rules().get(0)).isInstanceOf(Total.class);
    assertThat(q.pathways().get(1).rules().get(0).id()).isEqualTo("two-rule-1");
    assertThat(q.endorsements().get(0).rules().get(0).id()).isEqualTo("e-rule-1");
    assertThat(q.impliedRules()).containsExactly("e-rule-1");
    assertThat(q.location("rule:one-u1")).hasValueSatisfying(l -> assertThat(l.line()).isEqualTo(14));
    assertThat(q.location("pathway:two")).isPresent();
    assertThat(q.routes()).hasSize(2);
    assertThat(q.routes().get(1).rules()).extracting(r -> r.id())
        .containsExactly("common", "two-rule-1");
    assertThat(q.routesWith("e").get(0).rules()).extracting(r -> r.id())
        .containsExactly("common", "one-u1", "e-rule-1");
  }

  @Test
  void refusesRepeatedIdsAndUndeclaredNamesAtTheirPlace() {
    SpecException e =
        catchThrowableOfType(
            SpecException.class,
            () ->
                READER.read(
                    "p.yaml",
                    HEAD
                        + """
                        pathways:
                          - id: one
                            title: One
                            rules:
                              - {id: common, all-of: {units: [U9]}}
                          - id: one
                            title: Again
                            rules:
                              - {total: {groups: [H], min: 1, max: 0}}
                        """));
    assertThat(e.problems())
        .extracting(p -> p.location().line() + ":" + p.location().column() + ": " + p.message())
        .containsExactly(
            "13:14: two rules have the id \"common\"; the first is on line 8, so give this one"
                + " another id",
            "13:39: rule \"common\" names unit \"U9\", which is not declared under \"units\"",
            "14:9: two pathways have the id \"one\"; the first is on line 10, so give this one"
                + " another id",
            "17:27: the 1st rule of pathway \"one\" names group \"H\", which is not declared under"
                + " \"groups\"",
            "17:36: the 1st rule of pathway \"one\" has a minimum of 1 above its maximum of 0, so"
                + " no plan could meet it");
  }

  @Test
  void aMalformedPathwayRuleIsNamedByItsPathway() {
    SpecException e =
        catchThrowableOfType(
            SpecException.class,
            () ->
                READER.read(
                    "p.yaml",
                    HEAD
                        + """
                        pathways:
                          - id: one
                            title: One
                            rules:
                              - {total: {min: "4"}}
                              - {colour: red}
                        """));
    assertThat(e.problems())
        .extracting(p -> p.location().line() + ": " + p.message())
        .containsExactly(
            "13: \"total.min\" of the 1st rule of pathway \"one\" must be a whole number of at least 0,"
                + " not \"4\" (write the number without quotes)",
            "14: the 2nd rule of pathway \"one\" has an unknown key \"colour\"; the keys allowed"
                + " here are \"id\", \"description\", \"implied\", \"all-of\", \"total\", \"cap\","
                + " \"choose\", \"barred\" and \"equivalent\"");
  }
}
