package org.qualcheck.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.qualcheck.model.Qualification;

/**
 * What a spec cannot do to its readers: change a number's value by writing it in a YAML 1.1 form,
 * smuggle control characters into names or the file, name units ambiguously, or cost unbounded
 * time and memory by its size. Each fixture is named for what it shows.
 */
class SpecSafetyTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "octal-credits.yaml|8|14|\"017\" is not plain decimal: it has a leading zero",
        "hexadecimal-credits.yaml|8|14|\"0x1F\" is not plain decimal: it is hexadecimal",
        "binary-minimum.yaml|11|31|\"0b101\" is not plain decimal: it is binary",
        "plus-sign-minimum.yaml|11|31|\"+5\" is not plain decimal: it has a plus sign",
        "underscore-in-number.yaml|11|31|\"1_000\" is not plain decimal: it has underscores",
        "infinite-credits.yaml|8|14|\".inf\" is YAML's infinity",
        "not-a-number-minimum.yaml|11|31|\".nan\" is YAML's not-a-number",
      })
  void numbersNotInPlainDecimalAreRefusedWithTheReason(
      String fixture, int line, int column, String reason) {
    SpecProblem p = Fixtures.only(Fixtures.failure(fixture));
    Fixtures.assertAt(p, "specs/" + fixture, line, column);
    assertThat(p.message()).contains(reason);
  }

  @Test
  void plainNumbersStillLoad() {
    Qualification q = Fixtures.load("valid-minimal.yaml");
    assertThat(q.units().get("A1").credits()).isEqualTo(4);
  }

  @Test
  void aBooleanWrittenAsYesSaysTrueOrFalse() {
    SpecProblem p = Fixtures.only(Fixtures.failure("implied-yes.yaml"));
    assertThat(p.message()).contains("true or false").doesNotContain("something else");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "nul-byte.yaml|7|14|U+0000 (NUL)",
        "next-line-character.yaml|7|14|U+0085 (next line)",
      })
  void controlCharactersInTheFileAreReportedWhereTheyAre(
      String fixture, int line, int column, String named) {
    SpecProblem p = Fixtures.only(Fixtures.failure(fixture));
    Fixtures.assertAt(p, "specs/" + fixture, line, column);
    assertThat(p.message()).contains("the control character " + named).contains("not allowed");
  }

  @Test
  void everyRefusedCharacterIsReportedAtItsLineAndColumn() {
    String text = Fixtures.text("valid-minimal.yaml").replace("First unit", "Fi\u007Frst\u2028unit");
    SpecException e = Fixtures.failureOf("t.yaml", text);
    assertThat(e.problems()).extracting(p -> p.location().column()).containsExactly(14, 18);
    assertThat(e.problems()).extracting(SpecProblem::message)
        .allSatisfy(m -> assertThat(m).contains("control character"));
    assertThat(e.problems().get(1).message()).contains("U+2028 (line separator)");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "escape-sequence-in-unit-number.yaml|6|13|a unit number here (\"A\\u001B[2J1\") holds the control character U+001B",
        "newline-in-rule-id.yaml|11|9|a rule id here (\"one\\u0085two\") holds the control character U+0085",
        "control-character-in-code.yaml|2|9|the qualification's code here (\"T\\u001B1\") holds the control character U+001B",
      })
  void controlCharactersInNamesAreRefused(String fixture, int line, int column, String message) {
    SpecException e = Fixtures.failure(fixture);
    assertThat(e.problems()).anySatisfy(p -> {
      Fixtures.assertAt(p, "specs/" + fixture, line, column);
      assertThat(p.message()).startsWith(message);
    });
    assertThat(e.getMessage()).doesNotContainPattern("[\\x00-\\x09\\x0B-\\x1F\\x7F-\\x9F]");
  }

  @Test
  void controlCharactersInANameListedByARuleAreRefused() {
    String text =
        Fixtures.text("valid-minimal.yaml")
            .replace("- barred: [A2, A3]", "- barred: [A2, \"A3\\e[0m\"]");
    SpecException e = Fixtures.failureOf("t.yaml", text);
    assertThat(e.problems())
        .anySatisfy(p -> assertThat(p.message()).startsWith("a unit number here (\"A3\\u001B[0m\")"));
  }

  @Test
  void titlesMayHoldControlCharactersWrittenAsEscapes() {
    String text =
        Fixtures.text("valid-minimal.yaml")
            .replace("title: Test qualification", "title: \"Test\\e[2J\\nMET\"");
    assertThat(Fixtures.READER.read("t.yaml", text).title()).isEqualTo("Test\u001B[2J\nMET");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "comma-in-unit-number.yaml|\"A1,A2\" holds \",\", which plans use to separate units",
        "semicolon-in-unit-number.yaml|\"A;1\" holds \";\", which plans use to separate units",
        "hash-in-unit-number.yaml|\"A1#\" holds \"#\", which plans use to start a comment",
      })
  void unitNumbersNoPlanCouldNameAreRefused(String fixture, String message) {
    SpecProblem p = Fixtures.only(Fixtures.failure(fixture));
    Fixtures.assertAt(p, "specs/" + fixture, 6, 13);
    assertThat(p.message()).contains(message);
  }

  @Test
  void unitNumbersWithSpacesLoad() {
    assertThat(Fixtures.load("valid-unit-number-with-space.yaml").units())
        .containsOnlyKeys("SHC 31", "SHC 32");
  }

  @Test
  void twoUnitsWithOneReferenceNumberAreRefused() {
    SpecProblem p = Fixtures.only(Fixtures.failure("same-reference-twice.yaml"));
    Fixtures.assertAt(p, "specs/same-reference-twice.yaml", 15, 16);
    assertThat(p.message())
        .isEqualTo(
            "unit \"A2\" has the unit reference number \"F/601/1609\", which unit \"A1\" on line 10"
                + " also has; a unit reference number stands for one unit, so a plan naming it"
                + " would be ambiguous");
  }

  @Test
  void aUnitNumberThatIsAnotherUnitsReferenceNumberIsRefused() {
    SpecProblem p = Fixtures.only(Fixtures.failure("unit-number-is-another-reference.yaml"));
    Fixtures.assertAt(p, "specs/unit-number-is-another-reference.yaml", 11, 13);
    assertThat(p.message()).startsWith("unit number \"F/601/1609\" is the unit reference number of"
        + " unit \"A1\" (line 10)");
  }

  @Test
  void aUnitNumberEqualToItsOwnReferenceNumberLoads() {
    String text =
        Fixtures.text("valid-minimal.yaml").replace("number: A1", "number: F/601/1609")
            .replace("[A1, A2]", "[F/601/1609, A2]").replace("[A1, A3]", "[F/601/1609, A3]")
            .replace("units: [A1]", "units: [F/601/1609]");
    assertThat(Fixtures.READER.read("t.yaml", text).units()).containsKey("F/601/1609");
  }

  @Test
  void unitNumbersDifferingOnlyInCaseAreRefused() {
    SpecProblem p = Fixtures.only(Fixtures.failure("unit-numbers-differ-in-case.yaml"));
    Fixtures.assertAt(p, "specs/unit-numbers-differ-in-case.yaml", 10, 13);
    assertThat(p.message()).startsWith("unit numbers \"a1\" and \"A1\" (line 6) differ only in case");
  }

  // ----- limits -----

  /** A spec of {@code units} units in one group and {@code rules} rules naming that group. */
  private static String sized(int units, int groups, int rules) {
    StringBuilder s = new StringBuilder("qualification: {code: L, title: L, source: L}\nunits:\n");
    for (int u = 0; u < units; u++) {
      s.append("  - {number: U").append(u).append(", title: t, credits: 1, level: 1}\n");
    }
    s.append("groups:\n");
    for (int g = 0; g < groups; g++) {
      s.append("  - {id: G").append(g).append(", title: t, units: [U").append(g % units)
          .append("]}\n");
    }
    s.append("rules:\n");
    for (int r = 0; r < rules; r++) {
      s.append("  - total: {min: 1}\n");
    }
    return s.toString();
  }

  @Test
  void aSpecAtTheCountLimitsLoads() {
    Qualification q =
        Fixtures.READER.read(
            "t.yaml", sized(SpecReader.MAX_UNITS, SpecReader.MAX_GROUPS, SpecReader.MAX_RULES));
    assertThat(q.units()).hasSize(SpecReader.MAX_UNITS);
    assertThat(q.groups()).hasSize(SpecReader.MAX_GROUPS);
    assertThat(q.rules()).hasSize(SpecReader.MAX_RULES);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "units, 1001, 1, 1, 2",
    "groups, 10, 101, 1, 13",
    "rules, 10, 1, 251, 15",
  })
  void aSpecOneOverACountLimitIsRefusedAtTheList(
      String list, int units, int groups, int rules, int line) {
    SpecProblem p = Fixtures.only(Fixtures.failureOf("t.yaml", sized(units, groups, rules)));
    Fixtures.assertAt(p, "t.yaml", list.equals("units") ? 2 : line, 1);
    int count = list.equals("units") ? units : list.equals("groups") ? groups : rules;
    assertThat(p.message()).startsWith("this spec has " + count + " " + list + ", more than the");
  }

  @Test
  void groupListingsAndRuleCoverageAreBounded() {
    String units =
        IntStream.range(0, 100).mapToObj(i -> "U" + i).collect(Collectors.joining(", "));
    StringBuilder s = new StringBuilder("qualification: {code: L, title: L, source: L}\nunits:\n");
    for (int u = 0; u < 100; u++) {
      s.append("  - {number: U").append(u).append(", title: t, credits: 1, level: 1}\n");
    }
    s.append("groups:\n");
    for (int g = 0; g < 51; g++) {
      s.append("  - {id: G").append(g).append(", title: t, units: [").append(units).append("]}\n");
    }
    s.append("rules: []\n");
    SpecProblem p = Fixtures.only(Fixtures.failureOf("t.yaml", s.toString()));
    assertThat(p.message()).startsWith("the groups of this spec list 5100 units in all");

    StringBuilder r = new StringBuilder("qualification: {code: L, title: L, source: L}\nunits:\n");
    for (int u = 0; u < 100; u++) {
      r.append("  - {number: U").append(u).append(", title: t, credits: 1, level: 1}\n");
    }
    r.append("groups:\n  - {id: G, title: t, units: [").append(units).append("]}\nrules:\n");
    for (int i = 0; i < 251; i++) {
      r.append("  - total: {groups: [G], min: 1}\n");
    }
    SpecException e = Fixtures.failureOf("t.yaml", r.toString());
    assertThat(e.problems()).anySatisfy(q -> assertThat(q.message())
        .startsWith("the rules of this spec cover 25100 units in all"));
  }

  // ----- reading -----

  @Test
  @EnabledOnOs({OS.LINUX, OS.MAC})
  void aDeviceThatNeverEndsIsRefusedAsTooLarge() {
    SpecException e =
        catchThrowableOfType(SpecException.class, () -> new SpecReader().read(Path.of("/dev/zero")));
    assertThat(e).isNotNull();
    Fixtures.assertAt(Fixtures.only(e), "/dev/zero", 1, 1);
    assertThat(e.getMessage()).contains("larger than 4 MB");
  }

  @Test
  void anEmptyPathIsNamedAsSuch() {
    SpecException e =
        catchThrowableOfType(SpecException.class, () -> new SpecReader().read(Path.of("")));
    assertThat(Fixtures.only(e).message()).isEqualTo("an empty path was given; name the spec file");
  }

  @Test
  void anOverlongKeySaysSoWithTheLimit(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("long-key.yaml");
    Files.writeString(file, "k".repeat(3 << 20) + ": 1\n");
    SpecException e = catchThrowableOfType(SpecException.class, () -> new SpecReader().read(file));
    assertThat(Fixtures.only(e).message())
        .startsWith("a key here is longer than 1024 characters")
        .doesNotContain("single piece of text");
  }
}
