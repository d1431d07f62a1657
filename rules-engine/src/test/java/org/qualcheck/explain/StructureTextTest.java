package org.qualcheck.explain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.qualcheck.model.Qualification;
import org.qualcheck.spec.SpecReader;

class StructureTextTest {
  static Qualification q;

  @BeforeAll
  static void load() throws Exception {
    q = new SpecReader().read(Path.of("../specs/ocr-03455-customer-service-l2.yaml"));
  }

  @Test
  void tableListsEveryUnitUnderItsGroupWithGroupTotals() {
    String text = StructureText.text(q);
    assertThat(text).contains("Group A: Group A mandatory units (2 units, 8 credits)");
    assertThat(text).contains("(16 units, 93 credits)").contains("(11 units, 60 credits)")
        .contains("(7 units, 43 credits)").contains("(13 units, 85 credits)");
    assertThat(text).containsPattern("F1 +F/601/1609 +4 cr +Level 1 +Communicate using customer");
    assertThat(text).containsPattern("D12 +H/601/1571 +10 cr +Level 3 +Gather, analyse");
    for (String unit : q.units().keySet()) {
      assertThat(text).containsPattern("(?m)^  " + unit + " ");
    }
    assertThat(text).doesNotContain("Units in no group");
  }

  @Test
  void rulesReadAsTheSpecificationPrintsThemFromTheRulesThemselves() {
    assertThat(StructureText.rules(q)).isEqualTo("""
        To achieve this qualification, you must achieve a total of at least 28 credits made up as follows:
        - all units of group A (8 credits) [mandatory]
        - at least 1 unit from group B [one-from-B]
        - at least 1 unit from group C [one-from-C]
        - at least 1 unit from group D [one-from-D]
        - at least 1 unit from group E [one-from-E]
        - at least 20 credits from groups B, C, D and E [optional-credits]
        - at least 11 credits at Level 2 from groups B, C, D and E [optional-level-2]
        """);
  }

  @Test
  void withoutAWholePlanCreditTotalTheRulesAreListedPlainly() {
    Qualification noTotal = new SpecReader().read("inline.yaml", """
        qualification: {code: T, title: T, source: test}
        units:
          - {number: U1, title: One, credits: 3, level: E2}
          - {number: U2, title: Two, credits: 4, level: 1}
        rules:
          - {id: pick, choose: {units: [U1, U2], exactly: 1}}
        """);
    String text = StructureText.text(noTotal);
    assertThat(text).contains("Units in no group").containsPattern("U1 +3 cr +Entry 2 +One");
    assertThat(StructureText.rules(noTotal))
        .startsWith("To achieve this qualification, you must meet all of the following:\n- ")
        .contains("[pick]");
  }

  @Test
  void mermaidDrawsEachGroupAsASubgraphAndLinksEachRuleToItsScope() {
    String m = StructureText.mermaid(q);
    assertThat(m).startsWith("flowchart TB\n");
    assertThat(m.lines().filter(l -> l.startsWith("  subgraph ")).count()).isEqualTo(5);
    assertThat(m.lines().filter(l -> l.strip().equals("end")).count()).isEqualTo(5);
    assertThat(m.lines().filter(l -> l.contains("{{\"")).count()).isEqualTo(q.rules().size());
    // optional-credits reaches the four optional groups; total-credits names no group
    assertThat(m.lines().filter(l -> l.matches("  r5 --> g[1-4]")).count()).isEqualTo(4);
    assertThat(m).doesNotContain("r8 -->");
  }

  @Test
  void mermaidLabelsCannotBreakOutOfTheirQuotes() {
    assertThat(StructureText.label("say \"hi\"\nthere")).isEqualTo("say #quot;hi#quot; there");
  }
}
