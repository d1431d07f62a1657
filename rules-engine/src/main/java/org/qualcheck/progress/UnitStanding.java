package org.qualcheck.progress;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.Optional;
import org.qualcheck.record.UnitEntry;

/**
 * One unit of a learner's record as a check sees it: the entry as recorded, the qualification's
 * unit it stands for, and whether it counts.
 *
 * @param entry the unit as the record gives it
 * @param number the unit number in the qualification; empty for a transferred unit the
 *     qualification does not have
 * @param standing whether and toward what it counts
 */
public record UnitStanding(UnitEntry entry, Optional<String> number, Standing standing) {
  /**
   * Checks the parts given.
   *
   * @param entry the unit as the record gives it
   * @param number the unit number in the qualification, if it has the unit
   * @param standing whether and toward what it counts
   */
  public UnitStanding {
    checkNotNull(entry, "entry");
    checkNotNull(number, "number");
    checkNotNull(standing, "standing");
  }
}
