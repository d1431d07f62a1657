package org.qualcheck.record;

import static com.google.common.base.Preconditions.checkNotNull;

import java.time.LocalDate;
import java.util.Optional;

/**
 * A named achievement in a learner's record that is not a qualification of units, such as
 * Employee Rights and Responsibilities in an apprenticeship framework.
 *
 * @param id the achievement's identifier, as a framework names it
 * @param date when it was achieved, if recorded
 */
public record AchievementEntry(String id, Optional<LocalDate> date) {
  /**
   * Checks the parts given.
   *
   * @param id the achievement's identifier
   * @param date when it was achieved, if recorded
   */
  public AchievementEntry {
    id = Texts.identifier(id, "a record's achievement");
    checkNotNull(date, "date");
  }

  /**
   * {@return an achievement on this date}
   *
   * @param id the achievement's identifier
   * @param date when it was achieved
   */
  public static AchievementEntry of(String id, LocalDate date) {
    checkNotNull(date, "date");
    return new AchievementEntry(id, Optional.of(date));
  }
}
