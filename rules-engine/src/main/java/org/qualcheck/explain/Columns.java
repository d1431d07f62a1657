package org.qualcheck.explain;

/**
 * Pads text into the aligned columns of the text reports ({@link StructureText} and the command
 * line's). The reports are printed once per command, so they use these rather than {@code
 * String.format}, whose first use in a process compiles and runs a regular expression over every
 * format string: a cost each command pays at start-up for a few lines of output.
 */
public final class Columns {
  private Columns() {}

  /**
   * Appends {@code text}, then spaces up to {@code width} characters (as {@code %-Ns} does).
   *
   * @param s the text being built
   * @param text the cell
   * @param width the column's width; a longer cell is appended whole
   * @return {@code s}, for the next cell
   */
  public static StringBuilder left(StringBuilder s, String text, int width) {
    s.append(text);
    for (int i = text.length(); i < width; i++) {
      s.append(' ');
    }
    return s;
  }

  /**
   * Appends spaces, then {@code number}, to fill {@code width} characters (as {@code %Nd} does).
   *
   * @param s the text being built
   * @param number the cell
   * @param width the column's width; a longer number is appended whole
   * @return {@code s}, for the next cell
   */
  public static StringBuilder right(StringBuilder s, long number, int width) {
    String text = Long.toString(number);
    for (int i = text.length(); i < width; i++) {
      s.append(' ');
    }
    return s.append(text);
  }
}
