package org.qualcheck.model;

import static com.google.common.base.Preconditions.checkNotNull;

/**
 * Text from a spec or a plan made safe to print on a terminal: control characters are written as
 * visible escapes, so that a title cannot clear the screen, move the cursor or start a line that
 * looks like part of a report.
 *
 * <p>The characters escaped are C0 controls (including tab and line breaks), DEL, C1 controls, the
 * Unicode line and paragraph separators, and the bidirectional overrides and isolates, which can
 * make text display in another order than it is written. Identifiers (unit numbers, group and rule
 * ids, codes) never hold them, because the spec reader refuses them; titles and descriptions may,
 * and every text output passes them through {@link #escape}.
 */
public final class PrintableText {
  private PrintableText() {}

  /**
   * {@return whether a code point is one that {@link #escape} writes as an escape}
   *
   * @param codePoint the code point to test
   */
  public static boolean isControl(int codePoint) {
    return codePoint < 0x20
        || (codePoint >= 0x7F && codePoint <= 0x9F)
        || codePoint == 0x2028
        || codePoint == 0x2029
        || (codePoint >= 0x202A && codePoint <= 0x202E)
        || (codePoint >= 0x2066 && codePoint <= 0x2069);
  }

  /**
   * {@return the index of the first control character in {@code text}, or -1 if it has none}
   *
   * @param text the text to search
   */
  public static int firstControl(CharSequence text) {
    checkNotNull(text, "text");
    for (int i = 0; i < text.length(); i++) {
      if (isControl(text.charAt(i))) {
        return i;
      }
    }
    return -1;
  }

  /**
   * {@code text} with each control character written as an escape: {@code \n}, {@code \r} and
   * {@code \t} for the common ones, {@code \u001B} style for the rest. Text without control
   * characters is returned as it is.
   *
   * @param text the text to make printable
   * @return the text with its control characters escaped
   */
  public static String escape(CharSequence text) {
    checkNotNull(text, "text");
    int first = firstControl(text);
    if (first < 0) {
      return text.toString();
    }
    StringBuilder s = new StringBuilder(text.length() + 8).append(text, 0, first);
    for (int i = first; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!isControl(c)) {
        s.append(c);
      } else if (c == '\n') {
        s.append("\\n");
      } else if (c == '\r') {
        s.append("\\r");
      } else if (c == '\t') {
        s.append("\\t");
      } else {
        s.append(String.format("\\u%04X", (int) c));
      }
    }
    return s.toString();
  }

  /**
   * {@return how a control character is named in messages, such as {@code U+001B}}
   *
   * @param codePoint the control character's code point
   */
  public static String codePointName(int codePoint) {
    return String.format("U+%04X", codePoint);
  }
}
