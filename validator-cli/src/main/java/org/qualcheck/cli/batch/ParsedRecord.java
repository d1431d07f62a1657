package org.qualcheck.cli.batch;

import java.util.List;
import java.util.Map;

/**
 * A batch record as read: the learner, the qualification code it names (if any), the unit tokens
 * and the columns to pass through; or, for a malformed record, the reason.
 */
record ParsedRecord(
    long line,
    String learner,
    String qualification,
    List<String> units,
    Map<String, String> passthrough,
    String error) {

  static ParsedRecord error(long line, String learner, String error) {
    return new ParsedRecord(line, learner, null, List.of(), Map.of(), error);
  }
}
