package org.qualcheck.framework;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.qualcheck.model.PrintableText;

/** The checks on every name and title in a framework, and how names are compared. */
final class Names {
  private Names() {}

  /** {@code text} after checking it is present, not blank, trimmed and free of control characters. */
  static String text(String text, String what) {
    checkNotNull(text, "%s", what);
    checkArgument(!text.isBlank(), "%s is blank", what);
    checkArgument(text.strip().equals(text), "%s has white space around it", what);
    checkArgument(
        PrintableText.firstControl(text) < 0,
        "%s %s holds a control character",
        what,
        PrintableText.escape(text));
    return text;
  }

  /**
   * How two qualification codes or achievement ids are compared: without regard to case, as unit
   * numbers and a learner record's names are.
   */
  static String key(String name) {
    return name.toUpperCase(Locale.ROOT);
  }

  /** Checks that no two of {@code names} are the same, compared by {@link #key}. */
  static void distinct(List<String> names, String what) {
    Set<String> seen = new HashSet<>();
    for (String n : names) {
      checkArgument(seen.add(key(n)), "%s %s is given twice", what, n);
    }
  }
}
