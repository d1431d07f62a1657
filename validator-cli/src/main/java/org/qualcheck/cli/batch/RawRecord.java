package org.qualcheck.cli.batch;

/**
 * One physical line of batch input: its 1-based line number and its text, or the reason it could
 * not be read as text.
 */
record RawRecord(long line, String text, String unreadable) {
  static RawRecord text(long line, String text) {
    return new RawRecord(line, text, null);
  }

  static RawRecord unreadable(long line, String why) {
    return new RawRecord(line, null, why);
  }

  boolean blank() {
    return text != null && text.isBlank();
  }
}
