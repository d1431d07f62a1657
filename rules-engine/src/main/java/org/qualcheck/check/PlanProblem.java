package org.qualcheck.check;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.Optional;

/**
 * One thing wrong with a plan, as data: what kind of problem, where in the list of units given,
 * the text given there, what to give instead when that can be told, and a plain sentence.
 *
 * @param kind what is wrong
 * @param position where in the units given the problem is, counting from 0
 * @param unit the text given there, as given; empty for a missing unit
 * @param suggestion what to give instead, when one unit fits: the unit number meant by a unit
 *     given twice, the one unit number or reference number a mistyped text is one letter away
 *     from, or the unit number a text makes joined by a space to the unknown text beside it
 *     ({@code SHC} and {@code 31} make {@code SHC 31})
 * @param message one plain sentence for a person, naming the unit and the qualification
 */
public record PlanProblem(
    Kind kind, int position, String unit, Optional<String> suggestion, String message) {

  /** What is wrong with a unit of a plan. */
  public enum Kind {
    /** The list of units holds {@code null} where a unit should be. */
    MISSING,
    /** A unit is empty or only white space. */
    BLANK,
    /** No unit of the qualification has this unit number or unit reference number. */
    UNKNOWN,
    /** A unit is given twice, by the same text or once by number and once by reference number. */
    REPEATED
  }

  /**
   * Checks the parts given.
   *
   * @param kind what is wrong
   * @param position where in the units given the problem is, counting from 0
   * @param unit the text given there, as given; empty for a missing unit
   * @param suggestion what to give instead, when one unit fits: the unit number meant by a unit
   *     given twice, the one unit number or reference number a mistyped text is one letter away
   *     from, or the unit number a text makes joined by a space to the unknown text beside it
   * @param message one plain sentence for a person, naming the unit and the qualification
   */
  public PlanProblem {
    checkNotNull(kind, "kind");
    checkArgument(position >= 0, "position %s is negative", position);
    checkNotNull(unit, "unit");
    checkNotNull(suggestion, "suggestion");
    checkNotNull(message, "message");
  }

  /** {@return the sentence alone, as {@link PlanException#getMessage()} lists it} */
  @Override
  public String toString() {
    return message;
  }
}
