package org.qualcheck.model;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.util.List;

/**
 * How a typed list of units is split into units, and how a typed unit is matched to a unit
 * number: the one rule every way of naming units follows (the command line, plan files, batch
 * cells, the library).
 *
 * <p>Units are separated by commas or semicolons. White space also separates them, but only when
 * no unit number of the qualification holds a space: City &amp; Guilds numbers units {@code SHC
 * 31} and {@code HSC 024}, and a list such as {@code SHC 31, HSC 024} must not fall apart into four
 * words. White space around a unit is dropped, and a run of white space inside it matches a single
 * space, so {@code shc   31} names {@code SHC 31}, as case is already ignored.
 */
public final class UnitList {
  private UnitList() {}

  /**
   * {@return whether a character separates words: white space, including the no-break spaces
   * documents are copied with}
   *
   * @param c the character to test
   */
  public static boolean isSpace(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c);
  }

  /**
   * {@return whether some unit number of this qualification holds a space, so that only commas
   * and semicolons separate the units of a typed list}
   *
   * @param qualification the qualification whose units are named
   */
  public static boolean spaced(Qualification qualification) {
    checkNotNull(qualification, "qualification");
    return qualification.hasSpacedUnitNumbers();
  }

  /**
   * The units of a typed list, each without surrounding white space, empty ones left out.
   *
   * @param text the list as typed
   * @param spaced whether unit numbers hold spaces (see {@link #spaced}); then white space does not
   *     separate units
   * @return the units in the order typed
   */
  public static List<String> split(CharSequence text, boolean spaced) {
    checkNotNull(text, "text");
    ImmutableList.Builder<String> out = ImmutableList.builder();
    int start = 0;
    int n = text.length();
    for (int i = 0; i <= n; i++) {
      char c = i < n ? text.charAt(i) : ',';
      if (c == ',' || c == ';' || (!spaced && isSpace(c))) {
        String unit = strip(text.subSequence(start, i));
        if (!unit.isEmpty()) {
          out.add(unit);
        }
        start = i + 1;
      }
    }
    return out.build();
  }

  /**
   * The units of a typed list under this qualification's rule; see {@link #split(CharSequence,
   * boolean)}.
   *
   * @param qualification the qualification whose units are named
   * @param text the list as typed
   * @return the units in the order typed
   */
  public static List<String> split(Qualification qualification, CharSequence text) {
    return split(text, spaced(qualification));
  }

  /**
   * {@return how units are separated in a typed list under this qualification, as a phrase such as
   * "commas, semicolons or spaces"}
   *
   * @param qualification the qualification whose units are named
   */
  public static String separators(Qualification qualification) {
    return spaced(qualification) ? "commas or semicolons" : "commas, semicolons or spaces";
  }

  /**
   * {@return the text without surrounding white space and with each run of white space inside it
   * made one space}
   *
   * @param text the text as typed
   */
  public static String normalized(CharSequence text) {
    checkNotNull(text, "text");
    StringBuilder s = new StringBuilder(text.length());
    boolean pending = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (isSpace(c)) {
        pending = s.length() > 0;
      } else {
        if (pending) {
          s.append(' ');
          pending = false;
        }
        s.append(c);
      }
    }
    return s.toString();
  }

  /**
   * {@return the key by which a typed unit matches a unit number: {@link #normalized} and with
   * case folded as case-insensitive comparison of strings folds it}
   *
   * @param text the unit as typed, or a declared unit number
   */
  public static String key(CharSequence text) {
    String n = normalized(text);
    StringBuilder s = new StringBuilder(n.length());
    for (int i = 0; i < n.length(); i++) {
      s.append(Character.toLowerCase(Character.toUpperCase(n.charAt(i))));
    }
    return s.toString();
  }

  /**
   * {@return whether a unit number holds a space}
   *
   * @param number the unit number
   */
  public static boolean holdsSpace(String number) {
    for (int i = 0; i < number.length(); i++) {
      if (isSpace(number.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  private static String strip(CharSequence text) {
    int from = 0;
    int to = text.length();
    while (from < to && isSpace(text.charAt(from))) {
      from++;
    }
    while (to > from && isSpace(text.charAt(to - 1))) {
      to--;
    }
    return text.subSequence(from, to).toString();
  }
}
