package org.qualcheck.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
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

  static IntStream seeds() {
    return IntStream.range(0, 200);
  }

  /**
   * Levels written with any mix of spacing, as a spec's author might type them, parse as a regular
   * expression collapsing each run of {@code \s} would read them: the reference below is that
   * reading, written as the parser once was.
   */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void readsSpacingAsTheRegularExpressionDid(int seed) {
    Random random = new Random(seed);
    String[] spaces = {" ", "\t", "\n", "\u000B", "\f", "\r", "\u00A0", "\u2003", "\u001C", "_"};
    Level level = Level.values()[random.nextInt(Level.values().length)];
    String[] words = (random.nextBoolean() ? level.label() : level.code()).split(" ");
    StringBuilder text = new StringBuilder();
    for (int w = 0; w <= words.length; w++) {
      int run = random.nextInt(4);
      for (int k = 0; k < run || (w > 0 && w < words.length && k == 0); k++) {
        text.append(spaces[random.nextInt(spaces.length)]);
      }
      if (w < words.length) {
        text.append(random.nextBoolean() ? words[w].toUpperCase(Locale.ROOT) : words[w]);
      }
    }
    String t = text.toString().trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    Optional<Level> expected = Optional.empty();
    for (Level l : Level.values()) {
      if (t.equals(l.code().toLowerCase(Locale.ROOT)) || t.equals(l.label().toLowerCase(Locale.ROOT))) {
        expected = Optional.of(l);
      }
    }
    assertThat(Level.parse(text.toString())).as("seed %s: %s", seed, text).isEqualTo(expected);
  }
}
