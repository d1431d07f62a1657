package org.qualcheck.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.qualcheck.model.Group;
import org.qualcheck.model.Level;
import org.qualcheck.model.Qualification;
import org.qualcheck.model.Unit;
import org.qualcheck.rule.AllOf;
import org.qualcheck.rule.Bounds;
import org.qualcheck.rule.LevelFilter;
import org.qualcheck.rule.Measure;
import org.qualcheck.rule.Rule;
import org.qualcheck.rule.Scope;
import org.qualcheck.rule.Total;

/**
 * The transcription of the OCR Level 2 NVQ Certificate in Customer Service (03455) in {@code
 * specs/}: units, groups and rules as the student guide prints them.
 */
class Ocr03455SpecTest {
  static final Path SPEC = Path.of("../specs/ocr-03455-customer-service-l2.yaml");

  /**
   * Unit number, unit accreditation number, credit value and level of every unit, as printed in
   * the unit tables of the OCR Level 2 NVQ Certificate in Customer Service (03455) Student Guide,
   * Skills for Business, (c) OCR 2011.
   */
  static final List<String> PRINTED =
      List.of(
          "F1 F/601/1609 4 1",
          "F2 L/601/1614 4 2",
          "A1 R/601/1209 5 1",
          "A2 L/601/1211 5 1",
          "A3 R/601/1212 5 2",
          "A4 L/601/0933 5 2",
          "A5 D/601/0936 6 2",
          "A6 H/601/1215 5 2",
          "A7 M/601/1217 6 2",
          "A8 T/601/1218 6 2",
          "A9 M/601/1220 6 2",
          "A10 T/601/1221 5 2",
          "A11 F/601/1223 5 2",
          "A12 J/601/1224 6 2",
          "A13 R/601/1226 6 3",
          "A14 D/601/1228 8 3",
          "A15 D/601/1231 7 3",
          "A16 K/601/1233 7 3",
          "B1 A/601/1205 5 1",
          "B2 J/601/1210 5 2",
          "B3 Y/601/1213 5 2",
          "B4 K/601/1216 5 2",
          "B5 A/601/1219 8 2",
          "B6 A/601/1222 4 2",
          "B7 L/601/1225 5 2",
          "B8 Y/601/1227 4 2",
          "B9 H/601/1229 6 3",
          "B10 Y/601/1230 6 3",
          "B11 H/601/1232 7 3",
          "C1 M/601/1508 5 1",
          "C2 T/601/1509 4 1",
          "C3 M/601/1511 6 2",
          "C4 T/601/1512 6 2",
          "C5 J/601/1515 6 3",
          "C6 D/601/1519 10 3",
          "C7 D/601/1522 6 3",
          "D1 T/601/1526 6 2",
          "D2 A/601/1530 5 2",
          "D3 R/601/1534 6 2",
          "D4 H/601/1540 5 2",
          "D5 M/601/1542 5 2",
          "D6 R/601/1548 6 2",
          "D7 Y/601/1549 5 2",
          "D8 D/601/1553 8 3",
          "D9 H/601/1554 7 3",
          "D10 K/601/1555 8 3",
          "D11 H/601/1568 7 3",
          "D12 H/601/1571 10 3",
          "D13 T/601/1574 7 3");

  private static Qualification q;

  @BeforeAll
  static void load() {
    q = Fixtures.READER.read(SPEC);
  }

  @Test
  void identifiesTheQualification() {
    assertThat(q.code()).isEqualTo("03455");
    assertThat(q.title()).isEqualTo("OCR Level 2 NVQ Certificate in Customer Service");
    assertThat(q.source()).contains("Student Guide", "OCR 2011", "Level 2 Certificate in Customer Service");
    assertThat(q.number()).isEmpty();
    assertThat(q.lowestLevel()).isEqualTo(Level.LEVEL_1);
    assertThat(q.highestLevel()).isEqualTo(Level.LEVEL_3);
  }

  @Test
  void hasEveryPrintedUnitWithItsReferenceCreditsAndLevel() {
    assertThat(q.units()).hasSize(49);
    assertThat(PRINTED).hasSize(49);
    for (String row : PRINTED) {
      String[] f = row.split(" ");
      Unit u = q.unit(f[0]).orElseThrow();
      assertThat(u.reference().orElseThrow().value()).as(f[0]).isEqualTo(f[1]);
      assertThat(u.credits()).as(f[0]).isEqualTo(Integer.parseInt(f[2]));
      assertThat(u.level()).as(f[0]).isEqualTo(Level.parse(f[3]).orElseThrow());
    }
    assertThat(q.units().keySet())
        .containsExactlyElementsOf(PRINTED.stream().map(r -> r.split(" ")[0]).toList());
  }

  @Test
  void spotChecksUnitsAgainstTheTables() {
    assertThat(q.unit("A14")).contains(unit("A14", "D/601/1228", "Use customer service as a competitive tool", 8, 3));
    assertThat(q.unit("C6")).contains(unit("C6", "D/601/1519", "Apply risk assessment to customer service", 10, 3));
    assertThat(q.unit("D12")).contains(unit("D12", "H/601/1571", "Gather, analyse and interpret customer feedback", 10, 3));
    assertThat(q.unit("F1")).contains(unit("F1", "F/601/1609", "Communicate using customer service language", 4, 1));
    assertThat(q.unit("B3").orElseThrow().title()).isEqualTo("Deliver customer service on your customer's premises");
    assertThat(q.unit("D10").orElseThrow().title()).isEqualTo("Develop your own and others' customer service skills");
    assertThat(q.unit("C1").orElseThrow().title()).isEqualTo("Recognise and deal with customer queries, requests and problems");
  }

  @Test
  void groupsHoldTheUnitsOfTheirTablesDespiteTheLettering() {
    assertThat(q.groups().keySet()).containsExactly("A", "B", "C", "D", "E");
    assertThat(q.groups().get("A").units()).containsExactly("F1", "F2");
    assertThat(q.groups().get("B").units()).containsExactlyElementsOf(numbered("A", 16));
    assertThat(q.groups().get("C").units()).containsExactlyElementsOf(numbered("B", 11));
    assertThat(q.groups().get("D").units()).containsExactlyElementsOf(numbered("C", 7));
    assertThat(q.groups().get("E").units()).containsExactlyElementsOf(numbered("D", 13));
    assertThat(q.groups().values().stream().mapToInt(g -> g.units().size()).sum()).isEqualTo(49);
  }

  @Test
  void groupCreditsAddUp() {
    Group a = q.groups().get("A");
    assertThat(a.declaredCredits()).hasValue(8);
    assertThat(credits(a)).isEqualTo(8);
    assertThat(credits(q.groups().get("B"))).isEqualTo(5 + 5 + 5 + 5 + 6 + 5 + 6 + 6 + 6 + 5 + 5 + 6 + 6 + 8 + 7 + 7);
    assertThat(credits(q.groups().get("C"))).isEqualTo(5 + 5 + 5 + 5 + 8 + 4 + 5 + 4 + 6 + 6 + 7);
    assertThat(credits(q.groups().get("D"))).isEqualTo(5 + 4 + 6 + 6 + 6 + 10 + 6);
    assertThat(credits(q.groups().get("E"))).isEqualTo(6 + 5 + 6 + 5 + 5 + 6 + 5 + 8 + 7 + 8 + 7 + 10 + 7);
  }

  @Test
  void rulesReadTheRuleOfCombinationInOrder() {
    Scope optional = Scope.groups("B", "C", "D", "E");
    assertThat(q.rules())
        .containsExactly(
            new AllOf("mandatory", Scope.groups("A")),
            atLeast("one-from-B", Measure.UNITS, Scope.groups("B"), Optional.empty(), 1),
            atLeast("one-from-C", Measure.UNITS, Scope.groups("C"), Optional.empty(), 1),
            atLeast("one-from-D", Measure.UNITS, Scope.groups("D"), Optional.empty(), 1),
            atLeast("one-from-E", Measure.UNITS, Scope.groups("E"), Optional.empty(), 1),
            atLeast("optional-credits", Measure.CREDITS, optional, Optional.empty(), 20),
            atLeast(
                "optional-level-2",
                Measure.CREDITS,
                optional,
                Optional.of(LevelFilter.exactly(Level.LEVEL_2)),
                11),
            atLeast("total-credits", Measure.CREDITS, Scope.wholePlan(), Optional.empty(), 28));
  }

  @Test
  void everyUnitReferenceHasAValidCheckLetter() {
    assertThat(q.units().values())
        .allSatisfy(u -> assertThat(u.reference().orElseThrow().hasValidCheck()).as(u.number()).isTrue());
  }

  @Test
  void recordsWhereEachPartIsWritten() {
    assertThat(q.location("unit:F1")).hasValueSatisfying(l -> assertThat(l.line()).isPositive());
    assertThat(q.location("group:E")).isPresent();
    assertThat(q.location("rule:optional-level-2")).isPresent();
    assertThat(q.locations()).hasSize(49 + 5 + 8);
  }

  private static Unit unit(String number, String urn, String title, int credits, int level) {
    return new Unit(
        number,
        Optional.of(new org.qualcheck.model.UnitReference(urn)),
        title,
        credits,
        Level.parse(Integer.toString(level)).orElseThrow(),
        java.util.OptionalInt.empty());
  }

  private static Rule atLeast(
      String id, Measure measure, Scope scope, Optional<LevelFilter> level, long min) {
    return new Total(id, measure, scope, level, Bounds.atLeast(min));
  }

  private static List<String> numbered(String letter, int count) {
    return java.util.stream.IntStream.rangeClosed(1, count).mapToObj(i -> letter + i).toList();
  }

  @Test
  void addsUpTheCreditsOfAnyUnitsItDeclares() {
    for (Group g : q.groups().values()) {
      assertThat(q.credits(g.units())).as(g.id()).isEqualTo(credits(g));
    }
    assertThat(q.credits(java.util.List.of())).isZero();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> q.credits(java.util.List.of("F1", "Z9")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Z9");
  }

  private static int credits(Group g) {
    return g.units().stream().mapToInt(n -> q.unit(n).orElseThrow().credits()).sum();
  }
}
