package org.qualcheck.cli.batch;

import java.util.List;
import java.util.Map;
import org.qualcheck.model.Qualification;
import org.qualcheck.model.UnitList;
import org.qualcheck.record.LearnerRecord;

/**
 * A batch record as read: the learner, the qualification code it names (if any), its units (a
 * JSON list's items, or a CSV cell's text, split only once the qualification is known, since
 * whether spaces separate units depends on its unit numbers) and the columns to pass through; or,
 * for a malformed record, the reason.
 */
record ParsedRecord(
    long line,
    String learner,
    String qualification,
    List<String> units,
    String unitsCell,
    Map<String, String> passthrough,
    String error,
    LearnerRecord record) {

  /** A plan: the learner's units, all planned, checked as plans always were. */
  ParsedRecord(long line, String learner, String qualification, List<String> units,
      String unitsCell, Map<String, String> passthrough, String error) {
    this(line, learner, qualification, units, unitsCell, passthrough, error, null);
  }

  /** A learner record (statuses, dates, provenance), checked as of the batch's date. */
  static ParsedRecord record(long line, String qualification, LearnerRecord record) {
    return new ParsedRecord(line, record.learner(), qualification, List.of(), null, Map.of(),
        null, record);
  }

  static ParsedRecord error(long line, String learner, String error) {
    return new ParsedRecord(line, learner, null, List.of(), null, Map.of(), error);
  }

  /** The record's units, a CSV cell split by {@link UnitList}'s rule for this qualification. */
  List<String> unitsUnder(Qualification q) {
    return unitsCell == null ? units : UnitList.split(q, unitsCell);
  }
}
