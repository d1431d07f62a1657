package org.qualcheck.model;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A regulated qualification number (QAN) such as {@code 601/5021/X}: three digits, four digits and
 * a check character (a digit, or {@code X} for ten).
 *
 * <p>As with {@link UnitReference}, only the format is enforced; {@link #hasValidCheck()} tells
 * whether the check character agrees with the digits.
 *
 * @param value the number as written, e.g. {@code 601/5021/X}
 */
public record QualificationNumber(String value) {
  private static final Pattern FORMAT = Pattern.compile("(\\d{3})/(\\d{4})/([0-9X])");

  /**
   * Checks the parts given.
   *
   * @param value the number as written, e.g. {@code 601/5021/X}
   */
  public QualificationNumber {
    checkArgument(
        value != null && FORMAT.matcher(value).matches(),
        "a qualification number is three digits, four digits and a check character, as in"
            + " 601/5021/X, not %s",
        value);
  }

  /**
   * Parses {@code text}, or returns empty if it does not have the QAN format.
   *
   * @param text the qualification number as written, such as {@code 601/5021/X}
   * @return the qualification number, or empty if {@code text} is not one
   */
  public static Optional<QualificationNumber> parse(String text) {
    if (text == null || !FORMAT.matcher(text.trim()).matches()) {
      return Optional.empty();
    }
    return Optional.of(new QualificationNumber(text.trim()));
  }

  /** {@return the seven digits, in order} */
  public String digits() {
    Matcher m = FORMAT.matcher(value);
    checkArgument(m.matches());
    return m.group(1) + m.group(2);
  }

  /** {@return the check character as written} */
  public char checkCharacter() {
    return value.charAt(value.length() - 1);
  }

  /** {@return the check character the digits call for} */
  public char expectedCheckCharacter() {
    return CheckCharacters.qualificationCheck(digits());
  }

  /** {@return whether the written check character matches the digits} */
  public boolean hasValidCheck() {
    return checkCharacter() == expectedCheckCharacter();
  }

  @Override
  public String toString() {
    return value;
  }
}
