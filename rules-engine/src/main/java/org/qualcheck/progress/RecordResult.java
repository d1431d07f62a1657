package org.qualcheck.progress;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.qualcheck.check.CheckResult;
import org.qualcheck.plan.Completion;

/**
 * What a check of a learner's record answers as of a date.
 *
 * @param learner the learner's identifier
 * @param asOf the date the check was made as of
 * @param achieved the check of the units achieved by the date, within the time limit: every
 *     rule's outcome, its counted units those the certificate would be claimed with
 * @param onTrack the check of the units achieved, in progress and planned together
 * @param remaining the cheapest units to add to those achieved, in progress and planned so that
 *     they meet the rules, as {@code plan} gives it; empty when no addition can, or the time limit
 *     has passed
 * @param units each unit of the record, in record order, with its standing
 * @param timeLimitPassed whether the qualification's time limit ended before the as-of date, so
 *     that units not yet achieved can no longer count
 */
public record RecordResult(
    String learner,
    LocalDate asOf,
    CheckResult achieved,
    CheckResult onTrack,
    Optional<Completion> remaining,
    List<UnitStanding> units,
    boolean timeLimitPassed) {
  /**
   * Checks the parts given; the list is copied, so the value is immutable.
   *
   * @param learner the learner's identifier
   * @param asOf the date the check was made as of
   * @param achieved the check of the units achieved by the date
   * @param onTrack the check of the units achieved, in progress and planned
   * @param remaining the cheapest completion, if any
   * @param units each unit of the record with its standing
   * @param timeLimitPassed whether the time limit ended before the as-of date
   */
  public RecordResult {
    checkNotNull(learner, "learner");
    checkNotNull(asOf, "asOf");
    checkNotNull(achieved, "achieved");
    checkNotNull(onTrack, "onTrack");
    checkNotNull(remaining, "remaining");
    units = ImmutableList.copyOf(checkNotNull(units, "units"));
  }

  /** {@return the qualification's code} */
  public String qualification() {
    return achieved.qualification();
  }

  /**
   * {@return whether the achieved units alone meet the rules as of the date: the certificate can
   * be claimed}
   */
  public boolean isAchieved() {
    return achieved.met();
  }

  /** {@return the same as {@link #isAchieved()}: for a record, met means achieved} */
  public boolean met() {
    return achieved.met();
  }

  /** {@return whether the units achieved, in progress and planned together meet the rules} */
  public boolean isOnTrack() {
    return onTrack.met();
  }

  /**
   * {@return the standing of the record's unit that stands for this unit number, if any}
   *
   * @param number the unit number in the qualification
   */
  public Optional<UnitStanding> standingOf(String number) {
    return units.stream().filter(u -> u.number().equals(Optional.of(number))).findFirst();
  }
}
