package org.qualcheck.record;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.time.LocalDate;
import java.util.Optional;

/**
 * One unit in a learner's record: the unit (by unit number or unit reference number, as in a
 * plan), how far the learner has got with it, when it was achieved, and how its credit was
 * obtained.
 *
 * <p>A unit obtained by {@link Via#TRANSFER credit transfer} may say which qualification it was
 * achieved in ({@code from}); any unit may cite the evidence held for it.
 *
 * @param unit the unit number or unit reference number, stripped of surrounding white space
 * @param status achieved, in progress or planned
 * @param date when the unit was achieved (or, for others, is expected to be), if recorded
 * @param via how the credit was obtained; {@link Via#ASSESSMENT} unless the record says otherwise
 * @param from the qualification a transferred unit was achieved in, if recorded
 * @param evidence what evidence is held for the unit, such as a certificate number, if recorded
 */
public record UnitEntry(
    String unit,
    Status status,
    Optional<LocalDate> date,
    Via via,
    Optional<String> from,
    Optional<String> evidence) {

  /**
   * Checks the parts given.
   *
   * @param unit the unit number or unit reference number
   * @param status achieved, in progress or planned
   * @param date when the unit was achieved (or is expected to be), if recorded
   * @param via how the credit was obtained
   * @param from the qualification a transferred unit was achieved in, if recorded; only for {@link
   *     Via#TRANSFER}
   * @param evidence what evidence is held for the unit, if recorded
   */
  public UnitEntry {
    unit = Texts.identifier(unit, "a record's unit");
    checkNotNull(status, "status");
    checkNotNull(date, "date");
    checkNotNull(via, "via");
    checkNotNull(from, "from");
    checkNotNull(evidence, "evidence");
    from = from.map(f -> Texts.identifier(f, "the qualification a unit was transferred from"));
    checkArgument(
        from.isEmpty() || via == Via.TRANSFER,
        "unit %s names the qualification it came from, which only a transferred unit does",
        unit);
    evidence = evidence.map(e -> Texts.identifier(e, "a unit's evidence"));
  }

  /**
   * {@return a unit achieved by assessment on this date}
   *
   * @param unit the unit number or unit reference number
   * @param date when it was achieved
   */
  public static UnitEntry achieved(String unit, LocalDate date) {
    return achieved(unit, date, Via.ASSESSMENT);
  }

  /**
   * {@return a unit achieved on this date in this way}
   *
   * @param unit the unit number or unit reference number
   * @param date when it was achieved
   * @param via how the credit was obtained
   */
  public static UnitEntry achieved(String unit, LocalDate date, Via via) {
    checkNotNull(date, "date");
    return new UnitEntry(
        unit, Status.ACHIEVED, Optional.of(date), via, Optional.empty(), Optional.empty());
  }

  /**
   * {@return a unit being studied, without a date}
   *
   * @param unit the unit number or unit reference number
   */
  public static UnitEntry inProgress(String unit) {
    return new UnitEntry(
        unit, Status.IN_PROGRESS, Optional.empty(), Via.ASSESSMENT, Optional.empty(),
        Optional.empty());
  }

  /**
   * {@return a unit chosen but not started, without a date}
   *
   * @param unit the unit number or unit reference number
   */
  public static UnitEntry planned(String unit) {
    return new UnitEntry(
        unit, Status.PLANNED, Optional.empty(), Via.ASSESSMENT, Optional.empty(), Optional.empty());
  }

  /**
   * {@return this entry, recording the qualification a transferred unit was achieved in}
   *
   * @param qualification the qualification's number or name, such as {@code 600/2870/1}
   */
  public UnitEntry withFrom(String qualification) {
    return new UnitEntry(unit, status, date, via, Optional.of(qualification), evidence);
  }

  /**
   * {@return this entry, recording the evidence held for the unit}
   *
   * @param text the evidence, such as {@code certificate 1234}
   */
  public UnitEntry withEvidence(String text) {
    return new UnitEntry(unit, status, date, via, from, Optional.of(text));
  }

  /** {@return whether the unit is achieved, whatever its date} */
  public boolean isAchieved() {
    return status == Status.ACHIEVED;
  }
}
