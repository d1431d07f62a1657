package org.qualcheck.rule;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.OptionalLong;

/**
 * A minimum and/or a maximum, both inclusive and non-negative; at least one is present.
 *
 * @param min the least value admitted, if any
 * @param max the greatest value admitted, if any
 */
public record Bounds(OptionalLong min, OptionalLong max) {
  /**
   * Checks the parts given.
   *
   * @param min the least value admitted, if any
   * @param max the greatest value admitted, if any
   */
  public Bounds {
    checkNotNull(min, "min");
    checkNotNull(max, "max");
    checkArgument(min.isPresent() || max.isPresent(), "a bound needs a minimum or a maximum");
    checkArgument(min.orElse(0) >= 0 && max.orElse(0) >= 0, "bounds cannot be negative");
    checkArgument(
        min.isEmpty() || max.isEmpty() || min.getAsLong() <= max.getAsLong(),
        "the minimum %s is above the maximum %s",
        min,
        max);
  }

  /**
   * {@return bounds with this minimum and no maximum}
   *
   * @param min the smallest value admitted
   */
  public static Bounds atLeast(long min) {
    return new Bounds(OptionalLong.of(min), OptionalLong.empty());
  }

  /**
   * {@return bounds with this maximum and no minimum}
   *
   * @param max the largest value admitted
   */
  public static Bounds atMost(long max) {
    return new Bounds(OptionalLong.empty(), OptionalLong.of(max));
  }

  /**
   * {@return bounds from {@code min} to {@code max}, both inclusive}
   *
   * @param min the smallest value admitted
   * @param max the largest value admitted
   */
  public static Bounds between(long min, long max) {
    return new Bounds(OptionalLong.of(min), OptionalLong.of(max));
  }

  /**
   * {@return bounds admitting {@code n} alone}
   *
   * @param n the one value admitted
   */
  public static Bounds exactly(long n) {
    return between(n, n);
  }

  /**
   * {@return whether the value lies within the bounds}
   *
   * @param value the figure to test
   */
  public boolean admits(long value) {
    return value >= min.orElse(0) && (max.isEmpty() || value <= max.getAsLong());
  }

  /** {@return the lowest admitted value (0 when there is no minimum)} */
  public long lowest() {
    return min.orElse(0);
  }

  /** {@return the highest admitted value, or {@link Long#MAX_VALUE} when there is no maximum} */
  public long highest() {
    return max.orElse(Long.MAX_VALUE);
  }

  /** "at least 20", "at most 7", "exactly 1", "between 2 and 4". */
  @Override
  public String toString() {
    if (min.isPresent() && max.isPresent()) {
      return min.getAsLong() == max.getAsLong()
          ? "exactly " + min.getAsLong()
          : "between " + min.getAsLong() + " and " + max.getAsLong();
    }
    return min.isPresent() ? "at least " + min.getAsLong() : "at most " + max.getAsLong();
  }
}
