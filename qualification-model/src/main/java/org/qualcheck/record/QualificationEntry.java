package org.qualcheck.record;

import static com.google.common.base.Preconditions.checkNotNull;

import java.time.LocalDate;
import java.util.Optional;

/**
 * A whole qualification in a learner's record, for frameworks whose components are qualifications:
 * its code (as a spec or framework names it), how far the learner has got and when it was
 * achieved.
 *
 * @param code the qualification's code, such as {@code 03455} or a qualification number
 * @param status achieved, in progress or planned
 * @param date when it was achieved (or is expected to be), if recorded
 */
public record QualificationEntry(String code, Status status, Optional<LocalDate> date) {
  /**
   * Checks the parts given.
   *
   * @param code the qualification's code
   * @param status achieved, in progress or planned
   * @param date when it was achieved (or is expected to be), if recorded
   */
  public QualificationEntry {
    code = Texts.identifier(code, "a record's qualification code");
    checkNotNull(status, "status");
    checkNotNull(date, "date");
  }

  /**
   * {@return a qualification achieved on this date}
   *
   * @param code the qualification's code
   * @param date when it was achieved
   */
  public static QualificationEntry achieved(String code, LocalDate date) {
    checkNotNull(date, "date");
    return new QualificationEntry(code, Status.ACHIEVED, Optional.of(date));
  }
}
