package org.qualcheck.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Reading levels as specs write them, and their order. */
class LevelTest {

  @ParameterizedTest
  @CsvSource({
    "E1, ENTRY_1",
    "e2, ENTRY_2",
    "Entry 3, ENTRY_3",
    "'  entry   1 ', ENTRY_1",
    "1, LEVEL_1",
    "Level 2, LEVEL_2",
    "LEVEL 8, LEVEL_8",
    "' 3 ', LEVEL_3",
  })
  void parsesEveryWrittenForm(String text, Level expected) {
    assertThat(Level.parse(text)).contains(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "0", "9", "E4", "E0", "Entry", "Level", "Level 9", "L2", "Entry1", "two", "2.0"})
  void refusesAnythingElse(String text) {
    assertThat(Level.parse(text)).isEmpty();
  }

  @Test
  void refusesNull() {
    assertThat(Level.parse(null)).isEmpty();
  }

  @Test
  void everyLevelParsesFromItsCodeAndLabel() {
    for (Level level : Level.values()) {
      assertThat(Level.parse(level.code())).contains(level);
      assertThat(Level.parse(level.label())).contains(level);
      assertThat(level).hasToString(level.label());
    }
  }

  @Test
  void entryLevelsAreBelowLevelOne() {
    assertThat(Level.ENTRY_3).isLessThan(Level.LEVEL_1);
    assertThat(Level.LEVEL_2.within(Level.LEVEL_1, Level.LEVEL_3)).isTrue();
    assertThat(Level.LEVEL_3.within(Level.ENTRY_1, Level.LEVEL_2)).isFalse();
    assertThat(Level.ENTRY_2.within(Level.ENTRY_2, Level.ENTRY_2)).isTrue();
  }
}
