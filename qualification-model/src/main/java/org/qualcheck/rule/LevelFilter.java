package org.qualcheck.rule;

import static com.google.common.base.Preconditions.checkNotNull;

import org.qualcheck.model.Level;

/** Restricts a {@link Total} to units at, at or above, or at or below a level. */
public record LevelFilter(Comparison comparison, Level level) {
  /** How a unit's level is compared with the filter's. */
  public enum Comparison {
    EXACTLY("at"),
    AT_LEAST("at or above"),
    AT_MOST("at or below");

    private final String words;

    Comparison(String words) {
      this.words = words;
    }

    public String words() {
      return words;
    }
  }

  public LevelFilter {
    checkNotNull(comparison, "comparison");
    checkNotNull(level, "level");
  }

  public static LevelFilter exactly(Level level) {
    return new LevelFilter(Comparison.EXACTLY, level);
  }

  public static LevelFilter atLeast(Level level) {
    return new LevelFilter(Comparison.AT_LEAST, level);
  }

  public static LevelFilter atMost(Level level) {
    return new LevelFilter(Comparison.AT_MOST, level);
  }

  public boolean accepts(Level unitLevel) {
    int c = unitLevel.compareTo(level);
    return switch (comparison) {
      case EXACTLY -> c == 0;
      case AT_LEAST -> c >= 0;
      case AT_MOST -> c <= 0;
    };
  }

  /** "at Level 2", "at or above Level 3". */
  @Override
  public String toString() {
    return comparison.words() + " " + level.label();
  }
}
