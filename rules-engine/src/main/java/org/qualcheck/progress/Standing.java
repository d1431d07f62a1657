package org.qualcheck.progress;

/** Where one unit of a learner's record stands in a check as of a date. */
public enum Standing {
  /** Achieved by the as-of date and within the time limit: counts toward the certificate. */
  ACHIEVED,
  /** Recorded as achieved on a date after the as-of date: not yet counted, but on track. */
  NOT_YET,
  /** In progress or planned: counts toward being on track only. */
  PENDING,
  /**
   * Achieved outside the qualification's time limit, or not achieved when the limit has passed:
   * counts toward nothing.
   */
  OUTSIDE_TIME_LIMIT,
  /** Obtained by credit transfer but not in this qualification: counts toward nothing here. */
  NOT_IN_QUALIFICATION;

  /** {@return the name results use, such as {@code outside-time-limit}} */
  public String jsonName() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }
}
