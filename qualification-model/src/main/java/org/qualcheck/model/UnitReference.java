package org.qualcheck.model;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A unit reference number (URN) such as {@code F/601/1609}: a check letter, a three-digit block and
 * a four-digit block.
 *
 * <p>The format is enforced on construction; the check letter is not, so that a designer's typo
 * can be loaded and reported by lint rather than refused outright. See {@link #hasValidCheck()}.
 *
 * @param value the reference number as written, e.g. {@code F/601/1609}
 */
public record UnitReference(String value) implements Comparable<UnitReference> {
  private static final Pattern FORMAT = Pattern.compile("([A-Z])/(\\d{3})/(\\d{4})");

  /**
   * Checks the parts given.
   *
   * @param value the reference number as written, e.g. {@code F/601/1609}
   */
  public UnitReference {
    checkArgument(
        value != null && FORMAT.matcher(value).matches(),
        "a unit reference number is a letter, three digits and four digits, as in F/601/1609, not %s",
        value);
  }

  /**
   * Parses {@code text}, or returns empty if it does not have the URN format.
   *
   * @param text the unit reference number as written, such as {@code F/601/1609}
   * @return the unit reference number, or empty if {@code text} is not one
   */
  public static Optional<UnitReference> parse(String text) {
    if (text == null || !FORMAT.matcher(text.trim()).matches()) {
      return Optional.empty();
    }
    return Optional.of(new UnitReference(text.trim()));
  }

  /**
   * {@return whether {@code text} has the format of a unit reference number}
   *
   * @param text the text to test
   */
  public static boolean looksLike(String text) {
    return text != null && FORMAT.matcher(text.trim()).matches();
  }

  /** {@return the seven digits, in order} */
  public String digits() {
    Matcher m = FORMAT.matcher(value);
    checkArgument(m.matches());
    return m.group(2) + m.group(3);
  }

  /** {@return the check letter as written} */
  public char checkLetter() {
    return value.charAt(0);
  }

  /** {@return the check letter the digits call for} */
  public char expectedCheckLetter() {
    return CheckCharacters.unitReferenceLetter(digits());
  }

  /** {@return whether the written check letter matches the digits} */
  public boolean hasValidCheck() {
    return checkLetter() == expectedCheckLetter();
  }

  @Override
  public int compareTo(UnitReference o) {
    return value.compareTo(o.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
