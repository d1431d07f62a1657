package org.qualcheck.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.qualcheck.model.Level;

/** The wording helpers behind spec problems, and the schema's agreement with the model on levels. */
class PhrasesTest {
  private static final List<String> UNIT_KEYS =
      List.of("number", "reference", "title", "credits", "level", "glh");

  @Test
  void suggestsTheKeyMeantForSmallSlips() {
    assertThat(Phrases.closest("credit", UNIT_KEYS)).isEqualTo("credits");
    assertThat(Phrases.closest("Credits", UNIT_KEYS)).isEqualTo("credits");
    assertThat(Phrases.closest("titel", UNIT_KEYS)).isEqualTo("title");
    assertThat(Phrases.closest("refer", UNIT_KEYS)).isEqualTo("reference");
    assertThat(Phrases.closest("levle", UNIT_KEYS)).isEqualTo("level");
    assertThat(Phrases.closest("glhs", UNIT_KEYS)).isEqualTo("glh");
  }

  @Test
  void suggestsNothingWhenNothingIsClose() {
    assertThat(Phrases.closest("colour", UNIT_KEYS)).isNull();
    assertThat(Phrases.closest("x", UNIT_KEYS)).isNull();
  }

  @Test
  void ordinals() {
    assertThat(List.of(1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 101, 111))
        .extracting(Phrases::ordinal)
        .containsExactly(
            "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "23rd", "101st",
            "111th");
  }

  @Test
  void quotedLists() {
    assertThat(Phrases.quotedList(List.of("a"), "or")).isEqualTo("\"a\"");
    assertThat(Phrases.quotedList(List.of("a", "b", "c"), "or")).isEqualTo("\"a\", \"b\" or \"c\"");
    assertThat(Phrases.joined(List.of("x"), "and")).isEqualTo("x");
    assertThat(Phrases.joined(List.of("x", "y", "z"), "and")).isEqualTo("x, y and z");
  }

  /** A unit level written as text loads exactly when the model can parse it. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "E1", "e3", "Entry 2", "entry  1", "1", "8", "Level 4", "level 8", " 2 ",
        "E4", "Entry1", "Level 9", "0", "L2", "Level", "two", "2.5", "E 1"
      })
  void theSchemaAcceptsTheLevelsTheModelParses(String written) {
    String yaml =
        "qualification: {code: \"T\", title: t, source: s}\n"
            + "units:\n"
            + "  - {number: A1, title: t, credits: 1, level: \""
            + written
            + "\"}\n"
            + "rules: []\n";
    boolean parses = Level.parse(written).isPresent();
    boolean loads;
    try {
      Level loaded = Fixtures.READER.read("level.yaml", yaml).unit("A1").orElseThrow().level();
      assertThat(Level.parse(written)).contains(loaded);
      loads = true;
    } catch (SpecException e) {
      assertThat(e.problems()).singleElement().satisfies(p -> assertThat(p.message()).contains("must be a level"));
      loads = false;
    }
    assertThat(loads).isEqualTo(parses);
  }
}
