package org.qualcheck.cli.batch;

import java.util.List;
import java.util.Map;
import org.qualcheck.model.Qualification;
import org.qualcheck.model.UnitList;

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
    String error) {

  static ParsedRecord error(long line, String learner, String error) {
    return new ParsedRecord(line, learner, null, List.of(), null, Map.of(), error);
  }

  /** The record's units, a CSV cell split by {@link UnitList}'s rule for this qualification. */
  List<String> unitsUnder(Qualification q) {
    return unitsCell == null ? units : UnitList.split(q, unitsCell);
  }
}
