package org.qualcheck.record;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import org.qualcheck.model.PrintableText;

/** The checks every identifier in a record passes: present, not blank, no control characters. */
final class Texts {
  private Texts() {}

  /** {@code text} stripped of surrounding white space, after checking it names something. */
  static String identifier(String text, String what) {
    checkNotNull(text, "%s", what);
    String stripped = text.strip();
    checkArgument(!stripped.isEmpty(), "%s is blank", what);
    checkArgument(
        PrintableText.firstControl(stripped) < 0,
        "%s %s holds a control character",
        what,
        PrintableText.escape(stripped));
    return stripped;
  }
}
