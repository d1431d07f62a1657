package org.qualcheck.record;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What a centre knows about one learner: when they registered, and each unit with its status, date
 * and provenance; for frameworks, also whole qualifications and named achievements.
 *
 * <p>A unit, a qualification code or an achievement appears at most once (compared without regard
 * to case, as plans compare units). Whether the units belong to a qualification is a question for
 * the check, which resolves each by unit number or unit reference number.
 *
 * <p>Immutable and thread-safe. Build one with {@link #of}, {@link #plan} or {@link #builder}, or
 * read one from JSON with {@link RecordReader}.
 *
 * @param learner the learner's identifier, such as an MIS learner number
 * @param registered when the learner registered for the qualification, if recorded; time limits
 *     count from it
 * @param units the units, in the order given
 * @param qualifications whole qualifications, in the order given
 * @param achievements named achievements, in the order given
 */
public record LearnerRecord(
    String learner,
    Optional<LocalDate> registered,
    List<UnitEntry> units,
    List<QualificationEntry> qualifications,
    List<AchievementEntry> achievements) {

  /**
   * Checks the parts given.
   *
   * @param learner the learner's identifier
   * @param registered when the learner registered, if recorded
   * @param units the units, each at most once
   * @param qualifications whole qualifications, each code at most once
   * @param achievements named achievements, each at most once
   */
  public LearnerRecord {
    learner = Texts.identifier(learner, "a record's learner");
    checkNotNull(registered, "registered");
    units = ImmutableList.copyOf(checkNotNull(units, "units"));
    qualifications = ImmutableList.copyOf(checkNotNull(qualifications, "qualifications"));
    achievements = ImmutableList.copyOf(checkNotNull(achievements, "achievements"));
    once(units.stream().map(UnitEntry::unit).toList(), "unit");
    once(qualifications.stream().map(QualificationEntry::code).toList(), "qualification");
    once(achievements.stream().map(AchievementEntry::id).toList(), "achievement");
  }

  private static void once(List<String> names, String what) {
    Map<String, String> seen = new HashMap<>();
    for (String name : names) {
      String earlier = seen.putIfAbsent(key(name), name);
      checkArgument(
          earlier == null,
          "the record lists %s %s twice%s",
          what,
          name,
          earlier == null || earlier.equals(name) ? "" : " (also as " + earlier + ")");
    }
  }

  /** How two names of a unit, qualification or achievement are compared: without case. */
  static String key(String name) {
    return name.toUpperCase(Locale.ROOT);
  }

  /**
   * {@return a record of these units, without qualifications or achievements}
   *
   * @param learner the learner's identifier
   * @param registered when the learner registered
   * @param units the units, each at most once
   */
  public static LearnerRecord of(String learner, LocalDate registered, List<UnitEntry> units) {
    checkNotNull(registered, "registered");
    return new LearnerRecord(learner, Optional.of(registered), units, List.of(), List.of());
  }

  /**
   * The record of a bare plan: every unit planned, by assessment, with no dates and no
   * registration date. This is what a plain list of units has always meant.
   *
   * @param learner the learner's identifier
   * @param units the units, each by unit number or unit reference number, each at most once
   * @return the record of those planned units
   */
  public static LearnerRecord plan(String learner, Collection<String> units) {
    checkNotNull(units, "units");
    List<UnitEntry> entries = new ArrayList<>();
    for (String unit : units) {
      entries.add(UnitEntry.planned(unit));
    }
    return new LearnerRecord(learner, Optional.empty(), entries, List.of(), List.of());
  }

  /**
   * {@return a builder for a record of this learner, with nothing recorded yet}
   *
   * @param learner the learner's identifier
   */
  public static Builder builder(String learner) {
    return new Builder(learner);
  }

  /**
   * {@return the units with this status, in the order given}
   *
   * @param status the status wanted
   */
  public List<UnitEntry> units(Status status) {
    checkNotNull(status, "status");
    return units.stream().filter(u -> u.status() == status).toList();
  }

  /**
   * {@return the entry for this unit as the record writes it (in any case), or empty}
   *
   * @param unit the unit as written in the record
   */
  public Optional<UnitEntry> unit(String unit) {
    checkNotNull(unit, "unit");
    String k = key(unit.strip());
    return units.stream().filter(u -> key(u.unit()).equals(k)).findFirst();
  }

  /**
   * Collects a record's parts one at a time. Not thread-safe; the record it builds is. {@link
   * #build()} checks the whole record, as the constructor does.
   */
  public static final class Builder {
    private final String learner;
    private Optional<LocalDate> registered = Optional.empty();
    private final List<UnitEntry> units = new ArrayList<>();
    private final List<QualificationEntry> qualifications = new ArrayList<>();
    private final List<AchievementEntry> achievements = new ArrayList<>();

    private Builder(String learner) {
      this.learner = learner;
    }

    /**
     * {@return this builder, with the registration date set}
     *
     * @param date when the learner registered
     */
    public Builder registered(LocalDate date) {
      this.registered = Optional.of(checkNotNull(date, "date"));
      return this;
    }

    /**
     * {@return this builder, with one more unit}
     *
     * @param entry the unit
     */
    public Builder unit(UnitEntry entry) {
      units.add(checkNotNull(entry, "entry"));
      return this;
    }

    /**
     * {@return this builder, with one more whole qualification}
     *
     * @param entry the qualification
     */
    public Builder qualification(QualificationEntry entry) {
      qualifications.add(checkNotNull(entry, "entry"));
      return this;
    }

    /**
     * {@return this builder, with one more named achievement}
     *
     * @param entry the achievement
     */
    public Builder achievement(AchievementEntry entry) {
      achievements.add(checkNotNull(entry, "entry"));
      return this;
    }

    /** {@return the record built so far} */
    public LearnerRecord build() {
      return new LearnerRecord(learner, registered, units, qualifications, achievements);
    }
  }
}
