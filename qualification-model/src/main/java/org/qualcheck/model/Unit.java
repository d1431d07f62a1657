package org.qualcheck.model;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableSet;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * One unit of a qualification: its unit number within the qualification (e.g. {@code A3}), its
 * unit reference number if it has one, title, credit value, level, guided learning hours and the
 * attributes the qualification's designer gives it (such as {@code graded}), which rules can filter
 * on.
 *
 * @param number the unit number used in the qualification's tables; unique within it
 * @param reference the regulated unit reference number, if published
 * @param title the unit title as printed
 * @param credits the credit value, at least 1
 * @param level the unit's framework level
 * @param guidedLearningHours guided learning hours, if published
 * @param attributes designer-chosen names such as {@code graded}, in the order written
 */
public record Unit(
    String number,
    Optional<UnitReference> reference,
    String title,
    int credits,
    Level level,
    OptionalInt guidedLearningHours,
    Set<String> attributes) {

  /**
   * Checks the parts given.
   *
   * @param number the unit number used in the qualification's tables; unique within it
   * @param reference the regulated unit reference number, if published
   * @param title the unit title as printed
   * @param credits the credit value, at least 1
   * @param level the unit's framework level
   * @param guidedLearningHours guided learning hours, if published
   * @param attributes designer-chosen names such as {@code graded}; copied, so the value is
   *     immutable
   */
  public Unit {
    checkArgument(number != null && !number.isBlank(), "a unit needs a unit number");
    checkArgument(
        PrintableText.firstControl(number) < 0
            && number.indexOf(',') < 0
            && number.indexOf(';') < 0
            && number.indexOf('#') < 0,
        "unit number %s holds a control character, a comma, a semicolon or #, so no plan could"
            + " name it",
        PrintableText.escape(number));
    checkNotNull(reference, "reference");
    checkNotNull(title, "title");
    checkArgument(credits > 0, "unit %s has credit value %s; it must be at least 1", number, credits);
    checkNotNull(level, "level");
    checkNotNull(guidedLearningHours, "guidedLearningHours");
    guidedLearningHours.ifPresent(
        h -> checkArgument(h >= 0, "unit %s has negative guided learning hours", number));
    attributes = ImmutableSet.copyOf(checkNotNull(attributes, "attributes"));
    for (String a : attributes) {
      checkArgument(
          !a.isBlank() && PrintableText.firstControl(a) < 0,
          "unit %s has an attribute that is blank or holds a control character",
          number);
    }
  }

  /**
   * A unit without attributes.
   *
   * @param number the unit number used in the qualification's tables; unique within it
   * @param reference the regulated unit reference number, if published
   * @param title the unit title as printed
   * @param credits the credit value, at least 1
   * @param level the unit's framework level
   * @param guidedLearningHours guided learning hours, if published
   */
  public Unit(
      String number,
      Optional<UnitReference> reference,
      String title,
      int credits,
      Level level,
      OptionalInt guidedLearningHours) {
    this(number, reference, title, credits, level, guidedLearningHours, Set.of());
  }

  /**
   * {@return this unit with these attributes instead of its own}
   *
   * @param names the attribute names
   */
  public Unit withAttributes(Set<String> names) {
    return new Unit(number, reference, title, credits, level, guidedLearningHours, names);
  }

  /**
   * {@return a unit with a reference number and no recorded guided learning hours}
   *
   * @param number the unit's number within the qualification, by which groups and rules name it
   * @param reference the regulated unit reference number, as written, such as {@code F/601/1609}
   * @param title the unit's title
   * @param credits the credit value, at least 1
   * @param level the unit's level
   */
  public static Unit of(String number, String reference, String title, int credits, Level level) {
    return new Unit(
        number, Optional.of(new UnitReference(reference)), title, credits, level, OptionalInt.empty());
  }

  /** {@return the guided learning hours, or zero where none are recorded} */
  public int guidedLearningHoursOrZero() {
    return guidedLearningHours.orElse(0);
  }

  @Override
  public String toString() {
    return number + reference.map(r -> " (" + r + ")").orElse("");
  }
}
