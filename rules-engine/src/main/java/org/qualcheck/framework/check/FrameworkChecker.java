package org.qualcheck.framework.check;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableMap;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.qualcheck.framework.Alternative;
import org.qualcheck.framework.Component;
import org.qualcheck.framework.Framework;
import org.qualcheck.framework.Requirement;
import org.qualcheck.model.Qualification;
import org.qualcheck.progress.RecordChecker;
import org.qualcheck.progress.RecordResult;
import org.qualcheck.progress.Standing;
import org.qualcheck.record.AchievementEntry;
import org.qualcheck.record.LearnerRecord;
import org.qualcheck.record.QualificationEntry;
import org.qualcheck.record.Status;
import org.qualcheck.record.UnitEntry;

/**
 * Checks learner records against one apprenticeship framework, as of a date.
 *
 * <p>A required qualification for which a spec was given is held when its record check ({@link
 * RecordChecker}) finds it achieved as of the date: its rules met by the record's units achieved
 * by then, within its time limit, with provenance filters and credit transfer by unit reference
 * number; units the spec does not know belong to other qualifications and are passed over. A required
 * qualification without a spec is held when the record lists it among its qualifications as
 * achieved, undated or dated on or before the date. A named achievement is held when the record
 * lists it among its achievements, undated or dated on or before the date. Codes and ids are
 * compared without regard to case.
 *
 * <p>Immutable and thread-safe; make one per framework and set of specs, and share it.
 */
public final class FrameworkChecker {
  private final Framework framework;
  private final ImmutableMap<String, RecordChecker> specs;

  private FrameworkChecker(Framework framework, ImmutableMap<String, RecordChecker> specs) {
    this.framework = framework;
    this.specs = specs;
  }

  /**
   * {@return a checker for this framework that takes every required qualification from the
   * record's qualifications}
   *
   * @param framework the framework to check against
   */
  public static FrameworkChecker of(Framework framework) {
    return of(framework, List.of());
  }

  /**
   * {@return a checker for this framework that judges the qualifications these specs describe
   * from the record's units}
   *
   * @param framework the framework to check against
   * @param specs qualifications the framework requires, each by the code the framework names it
   *     by, no code twice
   * @throws IllegalArgumentException if a spec's code is not a qualification the framework
   *     requires, or two specs have one code
   */
  public static FrameworkChecker of(Framework framework, Collection<Qualification> specs) {
    checkNotNull(framework, "framework");
    checkNotNull(specs, "specs");
    Set<String> required =
        framework.qualificationCodes().stream().map(FrameworkChecker::key).collect(Collectors.toSet());
    ImmutableMap.Builder<String, RecordChecker> checkers = ImmutableMap.builder();
    Set<String> seen = new LinkedHashSet<>();
    for (Qualification q : specs) {
      String code = key(q.code());
      checkArgument(
          required.contains(code),
          "framework %s does not require qualification %s",
          framework.code(),
          q.code());
      checkArgument(seen.add(code), "two specs have the code %s", q.code());
      checkers.put(code, RecordChecker.of(q));
    }
    return new FrameworkChecker(framework, checkers.build());
  }

  /** {@return the framework checked against} */
  public Framework framework() {
    return framework;
  }

  /**
   * {@return whether a spec judges this qualification, rather than the record's qualifications}
   *
   * @param code the qualification's code
   */
  public boolean judgesBySpec(String code) {
    checkNotNull(code, "code");
    return specs.containsKey(key(code));
  }

  /**
   * Checks a learner record as of a date: what it holds then, and what each component lacks.
   *
   * @param record the learner's record
   * @param on the date to judge as of; achievements dated later do not count yet
   * @return every component's outcome, and whether all are complete
   */
  public FrameworkResult check(LearnerRecord record, LocalDate on) {
    checkNotNull(record, "record");
    checkNotNull(on, "on");
    List<ComponentOutcome> outcomes = new ArrayList<>();
    for (Component c : framework.components()) {
      outcomes.add(component(c, record, on));
    }
    return new FrameworkResult(
        framework,
        record.learner(),
        on,
        outcomes.stream().allMatch(ComponentOutcome::complete),
        outcomes);
  }

  private ComponentOutcome component(Component c, LearnerRecord record, LocalDate on) {
    List<RequirementOutcome> all = new ArrayList<>();
    Alternative best = null;
    List<RequirementOutcome> bestMissing = null;
    for (Alternative a : c.alternatives()) {
      List<RequirementOutcome> missing = new ArrayList<>();
      for (Requirement r : a.requirements()) {
        RequirementOutcome o = requirement(r, record, on);
        all.add(o);
        if (!o.held()) {
          missing.add(o);
        }
      }
      if (bestMissing == null || missing.size() < bestMissing.size()) {
        best = a;
        bestMissing = missing;
      }
    }
    return new ComponentOutcome(c, bestMissing.isEmpty(), best.id(), bestMissing, all);
  }

  private RequirementOutcome requirement(Requirement r, LearnerRecord record, LocalDate on) {
    if (r.kind() == Requirement.Kind.ACHIEVEMENT) {
      Optional<AchievementEntry> entry =
          record.achievements().stream().filter(a -> key(a.id()).equals(key(r.name()))).findFirst();
      if (entry.isEmpty()) {
        return new RequirementOutcome(r, false, false, "not in the record");
      }
      return dated(r, entry.get().date(), on);
    }
    RecordChecker checker = specs.get(key(r.name()));
    if (checker != null) {
      return bySpec(r, checker, record, on);
    }
    Optional<QualificationEntry> entry =
        record.qualifications().stream().filter(q -> key(q.code()).equals(key(r.name()))).findFirst();
    if (entry.isEmpty()) {
      return new RequirementOutcome(r, false, false, "not in the record");
    }
    if (entry.get().status() != Status.ACHIEVED) {
      return new RequirementOutcome(
          r, false, false, entry.get().status() == Status.PLANNED ? "planned" : "in progress");
    }
    return dated(r, entry.get().date(), on);
  }

  private static RequirementOutcome dated(Requirement r, Optional<LocalDate> date, LocalDate on) {
    if (date.isEmpty()) {
      return new RequirementOutcome(r, true, false, "achieved");
    }
    if (date.get().isAfter(on)) {
      return new RequirementOutcome(
          r, false, false, "achieved on " + date.get() + ", after " + on);
    }
    return new RequirementOutcome(r, true, false, "achieved on " + date.get());
  }

  /**
   * The qualification judged by its spec from the record's units, as a record check of that
   * qualification judges them as of {@code on} (time limit, provenance and credit transfer
   * included). The record's other units belong to the framework's other qualifications and are
   * left out; qualifications and achievements play no part.
   */
  private static RequirementOutcome bySpec(
      Requirement r, RecordChecker checker, LearnerRecord record, LocalDate on) {
    Qualification q = checker.qualification();
    List<UnitEntry> own = new ArrayList<>();
    for (UnitEntry u : record.units()) {
      if (q.findUnit(u.unit()).isPresent()) {
        own.add(u);
      }
    }
    RecordResult result;
    try {
      result =
          checker.check(
              new LearnerRecord(record.learner(), record.registered(), own, List.of(), List.of()),
              on);
    } catch (IllegalArgumentException e) {
      // a unit transferred but named by its unit number, or a time limit without a registration
      // date: the record cannot say whether the qualification is achieved, so it is not held
      return new RequirementOutcome(
          r,
          false,
          true,
          "its units cannot be checked: " + String.join("; ", e.getMessage().lines().toList()));
    }
    long achieved =
        result.units().stream().filter(u -> u.standing() == Standing.ACHIEVED).count();
    if (result.isAchieved()) {
      return new RequirementOutcome(
          r, true, true, "its " + achieved + " achieved units meet its rules");
    }
    if (achieved == 0) {
      return new RequirementOutcome(r, false, true, "no unit of it is achieved");
    }
    List<String> failed =
        result.achieved().failures().stream().map(o -> "\"" + o.rule().id() + "\"").toList();
    return new RequirementOutcome(
        r,
        false,
        true,
        "its "
            + achieved
            + " achieved units do not meet"
            + (failed.size() == 1 ? " rule " : " rules ")
            + String.join(", ", failed));
  }

  private static String key(String name) {
    return name.toUpperCase(Locale.ROOT);
  }
}
