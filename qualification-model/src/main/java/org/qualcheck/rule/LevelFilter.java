package org.qualcheck.rule;

import static com.google.common.base.Preconditions.checkNotNull;

import org.qualcheck.model.Level;

/**
 * Restricts a {@link Total} or {@link Cap} (through a {@link UnitFilter}) to units at, at or above, or at or below a level.
 *
 * @param comparison how a unit's level is compared with {@code level}
 * @param level the level compared with
 */
public record LevelFilter(Comparison comparison, Level level) {
  /** How a unit's level is compared with the filter's. */
  public enum Comparison {
    /** Units at the level only. */
    EXACTLY("at"),
    /** Units at the level or above it. */
    AT_LEAST("at or above"),
    /** Units at the level or below it. */
    AT_MOST("at or below");

    private final String words;

    Comparison(String words) {
      this.words = words;
    }

    /** {@return the comparison in words, e.g. {@code "at or above"}} */
    public String words() {
      return words;
    }
  }

  /**
   * Checks the parts given.
   *
   * @param comparison how a unit's level is compared with {@code level}
   * @param level the level compared with
   */
  public LevelFilter {
    checkNotNull(comparison, "comparison");
    checkNotNull(level, "level");
  }

  /**
   * {@return a filter for units at this level}
   *
   * @param level the level a unit must have
   */
  public static LevelFilter exactly(Level level) {
    return new LevelFilter(Comparison.EXACTLY, level);
  }

  /**
   * {@return a filter for units at this level or above}
   *
   * @param level the lowest level a unit may have
   */
  public static LevelFilter atLeast(Level level) {
    return new LevelFilter(Comparison.AT_LEAST, level);
  }

  /**
   * {@return a filter for units at this level or below}
   *
   * @param level the highest level a unit may have
   */
  public static LevelFilter atMost(Level level) {
    return new LevelFilter(Comparison.AT_MOST, level);
  }

  /**
   * {@return whether a unit at this level passes the filter}
   *
   * @param unitLevel the unit's level
   */
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
