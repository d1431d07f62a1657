package org.qualcheck.cli.batch;

import java.util.List;
import java.util.Map;
import org.qualcheck.record.LearnerRecord;

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
    String error,
    LearnerRecord record) {

  /** A plan: the learner's units, all planned, checked as plans always were. */
  ParsedRecord(long line, String learner, String qualification, List<String> units,
      Map<String, String> passthrough, String error) {
    this(line, learner, qualification, units, passthrough, error, null);
  }

  /** A learner record (statuses, dates, provenance), checked as of the batch's date. */
  static ParsedRecord record(long line, String qualification, LearnerRecord record) {
    return new ParsedRecord(line, record.learner(), qualification, List.of(), Map.of(), null,
        record);
  }

  static ParsedRecord error(long line, String learner, String error) {
    return new ParsedRecord(line, learner, null, List.of(), Map.of(), error);
  }
}
