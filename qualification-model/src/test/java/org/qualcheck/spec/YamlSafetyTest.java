package org.qualcheck.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qualcheck.spec.Fixtures.assertAt;
import static org.qualcheck.spec.Fixtures.failure;
import static org.qualcheck.spec.Fixtures.failureOf;
import static org.qualcheck.spec.Fixtures.only;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * YAML that a spec never needs, or that is dangerous to read, is refused during parsing with a
 * located sentence: anchors and aliases, tags, repeated keys, extra documents, empty files, deep
 * nesting and oversized input.
 */
class YamlSafetyTest {

  @Test
  void anchorsAndAliasesAreRefused() {
    SpecException e = failure("alias.yaml");
    assertThat(e.problems()).hasSize(2);
    assertAt(e.problems().get(0), "specs/alias.yaml", 8, 14);
    assertThat(e.problems().get(0).message()).startsWith("the anchor \"&four\" is not allowed");
    assertAt(e.problems().get(1), "specs/alias.yaml", 12, 14);
    assertThat(e.problems().get(1).message()).startsWith("the alias \"*four\" is not allowed");
  }

  @Test
  @Timeout(10)
  void billionLaughsIsRefusedQuicklyAndReportedOncePerName() {
    SpecException e = failure("billion-laughs.yaml");
    assertAt(e.problems().get(0), "specs/billion-laughs.yaml", 2, 4);
    assertThat(e.problems().get(0).message()).startsWith("the anchor \"&a\" is not allowed");
    assertAt(e.problems().get(2), "specs/billion-laughs.yaml", 3, 8);
    assertThat(e.problems().get(2).message()).startsWith("the alias \"*a\" is not allowed");
    // nine anchors and eight distinct aliases, each reported at its first use
    assertThat(e.problems()).hasSize(17);
  }

  @Test
  void javaTagsAreRefusedAndNothingIsConstructed() {
    SpecException e = failure("java-tag.yaml");
    assertThat(e.problems()).hasSize(3);
    assertAt(e.problems().get(0), "specs/java-tag.yaml", 7, 12);
    assertThat(e.problems().get(0).message())
        .isEqualTo(
            "the tag \"!!javax.script.ScriptEngineManager\" is not allowed; a spec holds only"
                + " plain text, numbers, lists and mappings");
    assertThat(e.problems().get(2).message()).startsWith("the tag \"!!java.net.URL\"");
  }

  @Test
  void evenStandardTagsAreRefused() {
    SpecException e = failure("str-tag.yaml");
    assertThat(e.problems()).hasSize(2);
    assertAt(e.problems().get(0), "specs/str-tag.yaml", 8, 14);
    assertThat(e.problems().get(0).message()).startsWith("the tag \"!!int\" is not allowed");
    assertAt(e.problems().get(1), "specs/str-tag.yaml", 9, 12);
    assertThat(e.problems().get(1).message()).startsWith("the tag \"!!str\" is not allowed");
  }

  @Test
  void aRepeatedKeyIsRefusedWithBothLines() {
    SpecProblem p = only(failure("duplicate-key.yaml"));
    assertAt(p, "specs/duplicate-key.yaml", 9, 5);
    assertThat(p.message())
        .isEqualTo("the key \"credits\" is given twice in the same mapping; the first is on line 8");
  }

  @Test
  void aSecondDocumentIsRefused() {
    SpecProblem p = only(failure("two-documents.yaml"));
    assertAt(p, "specs/two-documents.yaml", 12, 1);
    assertThat(p.message()).startsWith("a second YAML document starts here");
  }

  @Test
  void anEmptyFileIsRefused() {
    SpecProblem p = only(failure("empty.yaml"));
    assertAt(p, "specs/empty.yaml", 1, 1);
    assertThat(p.message()).isEqualTo("the file is empty; a spec starts with \"qualification:\"");
  }

  @Test
  void aFileOfCommentsIsEmpty() {
    SpecProblem p = only(failure("comments-only.yaml"));
    assertAt(p, "specs/comments-only.yaml", 1, 1);
    assertThat(p.message()).startsWith("the file is empty");
  }

  @Test
  void theTopLevelMustBeAMapping() {
    SpecProblem list = only(failure("top-level-list.yaml"));
    assertAt(list, "specs/top-level-list.yaml", 1, 1);
    assertThat(list.message()).startsWith("the top level of the file must be a mapping").endsWith("not a list");
    SpecProblem text = only(failure("top-level-text.yaml"));
    assertAt(text, "specs/top-level-text.yaml", 1, 1);
    assertThat(text.message()).endsWith("not a single piece of text");
  }

  @Test
  void malformedYamlIsLocated() {
    SpecProblem p = only(failure("malformed.yaml"));
    assertAt(p, "specs/malformed.yaml", 9, 10);
    assertThat(p.message()).startsWith("the file is not well-formed YAML here");
  }

  @Test
  void aKeyMustBeText() {
    SpecProblem p = only(failure("complex-key.yaml"));
    assertAt(p, "specs/complex-key.yaml", 1, 4);
    assertThat(p.message()).isEqualTo("a key must be plain text, not a list or a mapping");
  }

  @Test
  void deepNestingIsRefused() {
    SpecProblem p = only(failure("deep-nesting.yaml"));
    assertAt(p, "specs/deep-nesting.yaml", 1, 66);
    assertThat(p.message()).isEqualTo("the file nests mappings and lists more than 64 levels deep");
  }

  @Test
  void deepBlockMappingsAreRefusedToo() {
    StringBuilder yaml = new StringBuilder();
    for (int i = 0; i < 200; i++) {
      yaml.append(" ".repeat(i)).append("k").append(i).append(":\n");
    }
    SpecProblem p = only(failureOf("deep.yaml", yaml.toString()));
    assertThat(p.location().line()).isBetween(60, 70);
    assertThat(p.message()).contains("more than 64 levels deep");
  }

  /**
   * A value may be 64 KB long, and Java reads decimal digits into a big number in time growing with
   * their square. A plain scalar that long is text to YAML 1.1, but a tag makes it a number, and
   * tagged values are typed before they are refused so that all that is wrong is reported: such a
   * number is refused as too long rather than read, as a whole number and with a fraction.
   */
  @Test
  @Timeout(10)
  void aTaggedNumberOfSixtyThousandDigitsIsRefusedUnread() {
    for (String number :
        new String[] {"!!int " + "9".repeat(60_000), "!!float 1." + "5".repeat(60_000)}) {
      String yaml = "qualification:\n  code: X\n  credits: " + number + "\n";
      SpecException e = failureOf("long-number.yaml", yaml);
      assertThat(e.problems()).hasSize(2);
      assertThat(e.problems().get(0).message()).startsWith("the tag \"!!");
      assertAt(e.problems().get(1), "long-number.yaml", 3, 12);
      assertThat(e.problems().get(1).message()).isEqualTo("a number here has too many digits");
    }
  }

  @Test
  @Timeout(10)
  void oversizedTextIsRefusedBeforeParsing() {
    String huge = "# " + "x".repeat(4 * 1024 * 1024) + "\n";
    SpecProblem p = only(failureOf("huge.yaml", huge));
    assertAt(p, "huge.yaml", 1, 1);
    assertThat(p.message()).startsWith("the file is larger than 4 MB");
  }

  @Test
  void overlongTextValueIsRefused() {
    String yaml = "qualification:\n  title: " + "x".repeat(70_000) + "\n";
    SpecProblem p = only(failureOf("long.yaml", yaml));
    assertThat(p.location().line()).isEqualTo(2);
    assertThat(p.message()).isEqualTo("a text value here is longer than 64 KB");
  }
}
