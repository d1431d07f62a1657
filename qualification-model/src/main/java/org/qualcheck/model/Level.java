package org.qualcheck.model;

import java.util.Locale;
import java.util.Optional;

/**
 * A level of the regulated qualifications framework: Entry 1 to Entry 3, then Levels 1 to 8.
 *
 * <p>Levels are totally ordered from {@link #ENTRY_1} (lowest) to {@link #LEVEL_8} (highest), so
 * rules such as "credits at Level 2 or above" compare by {@link #compareTo}.
 */
public enum Level {
  /** Entry level 1. */
  ENTRY_1("Entry 1", "E1"),
  /** Entry level 2. */
  ENTRY_2("Entry 2", "E2"),
  /** Entry level 3. */
  ENTRY_3("Entry 3", "E3"),
  /** Level 1. */
  LEVEL_1("Level 1", "1"),
  /** Level 2. */
  LEVEL_2("Level 2", "2"),
  /** Level 3. */
  LEVEL_3("Level 3", "3"),
  /** Level 4. */
  LEVEL_4("Level 4", "4"),
  /** Level 5. */
  LEVEL_5("Level 5", "5"),
  /** Level 6. */
  LEVEL_6("Level 6", "6"),
  /** Level 7. */
  LEVEL_7("Level 7", "7"),
  /** Level 8. */
  LEVEL_8("Level 8", "8");

  private final String label;
  private final String code;

  Level(String label, String code) {
    this.label = label;
    this.code = code;
  }

  /** {@return the name as printed in specifications, e.g. "Entry 3" or "Level 2"} */
  public String label() {
    return label;
  }

  /** {@return the short form used in specs: "E1".."E3" for entry levels and "1".."8" otherwise} */
  public String code() {
    return code;
  }

  /**
   * {@return the level written in a spec, or empty if {@code text} is not one}
   *
   * <p>A spec writes {@code E1}..{@code E3}, {@code Entry 1}..{@code Entry 3}, {@code 1}..{@code 8}
   * or {@code Level 1}..{@code Level 8}, ignoring case and surrounding space.
   *
   * @param text the level as the spec writes it
   */
  public static Optional<Level> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String t = withSingleSpaces(text.trim().toLowerCase(Locale.ROOT));
    for (Level level : values()) {
      if (t.equals(level.code.toLowerCase(Locale.ROOT))
          || t.equals(level.label.toLowerCase(Locale.ROOT))) {
        return Optional.of(level);
      }
    }
    return Optional.empty();
  }

  /**
   * {@code text} with each run of whitespace (what {@code \s} matches in a regular expression: space,
   * tab, line feed, vertical tab, form feed, carriage return) written as one space. Without a regular
   * expression: every unit's level is parsed on every command's start-up.
   */
  private static String withSingleSpaces(String text) {
    StringBuilder s = new StringBuilder(text.length());
    boolean inRun = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean space = c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
      if (!space) {
        s.append(c);
      } else if (!inRun) {
        s.append(' ');
      }
      inRun = space;
    }
    return s.toString();
  }

  /**
   * {@return whether this level lies in the closed range {@code [low, high]}}
   *
   * @param low the lowest level of the range
   * @param high the highest level of the range
   */
  public boolean within(Level low, Level high) {
    return compareTo(low) >= 0 && compareTo(high) <= 0;
  }

  @Override
  public String toString() {
    return label;
  }
}
