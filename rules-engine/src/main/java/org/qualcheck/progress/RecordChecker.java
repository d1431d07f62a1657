package org.qualcheck.progress;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.qualcheck.check.CheckResult;
import org.qualcheck.check.Checker;
import org.qualcheck.check.Plan;
import org.qualcheck.check.PlanException;
import org.qualcheck.check.PlanProblem;
import org.qualcheck.model.Qualification;
import org.qualcheck.model.Unit;
import org.qualcheck.model.UnitReference;
import org.qualcheck.plan.Completion;
import org.qualcheck.plan.PlanOptions;
import org.qualcheck.plan.Planner;
import org.qualcheck.record.LearnerRecord;
import org.qualcheck.record.UnitEntry;
import org.qualcheck.record.Via;

/**
 * Checks learner records against one qualification as of a date.
 *
 * <p>A unit counts toward the certificate ({@link RecordResult#achieved()}) when it is achieved on
 * or before the as-of date (or undated) and, if the qualification has a time limit of N years,
 * achieved within N years of the learner's registration, before or after it. Units in progress and
 * planned count toward being on track while the time limit has not passed. A unit obtained by
 * credit transfer is named by its unit reference number and counts wherever the qualification has
 * a unit with that reference number; one the qualification lacks counts toward nothing. Totals
 * with a {@code via} filter count only units obtained in the ways they name; every other rule
 * counts exempted, transferred and RPL units with their credit value like assessed ones.
 *
 * <p>Immutable and thread-safe; create one per qualification and share it.
 */
public final class RecordChecker {
  private final Checker checker;
  private final Planner planner;
  private final boolean provenanceMatters;

  private RecordChecker(Checker checker) {
    this.checker = checker;
    this.planner = Planner.of(checker);
    this.provenanceMatters = checker.compiled().dependsOnProvenance();
  }

  /**
   * {@return a record checker for this qualification, compiled once}
   *
   * @param qualification the qualification to check records against
   */
  public static RecordChecker of(Qualification qualification) {
    return new RecordChecker(Checker.of(qualification));
  }

  /**
   * {@return a record checker sharing a plan checker's compiled qualification}
   *
   * @param checker the checker of plans for the qualification
   */
  public static RecordChecker of(Checker checker) {
    return new RecordChecker(checkNotNull(checker, "checker"));
  }

  /** {@return the qualification records are checked against} */
  public Qualification qualification() {
    return checker.qualification();
  }

  /**
   * Checks a record as of a date.
   *
   * @param record the learner's record
   * @param asOf the date to check as of: units achieved after it do not count yet
   * @return whether the certificate can be claimed, whether the learner is on track, what remains
   *     and how every unit stands
   * @throws PlanException if a unit is not in the qualification (other than one obtained by
   *     credit transfer), is given twice, or was transferred but is named by its unit number
   * @throws IllegalArgumentException if the qualification has a time limit and the record has
   *     achieved units but no registration date to count the limit from
   */
  public RecordResult check(LearnerRecord record, LocalDate asOf) {
    checkNotNull(record, "record");
    checkNotNull(asOf, "asOf");
    Qualification q = checker.qualification();
    List<Optional<String>> numbers = resolve(q, record);
    OptionalInt limit = q.timeLimitYears();
    boolean anyAchieved = record.units().stream().anyMatch(UnitEntry::isAchieved);
    checkArgument(
        limit.isEmpty() || record.registered().isPresent() || !anyAchieved,
        "%s must be completed within %s years of registration, so the record of %s needs its"
            + " \"registered\" date",
        q.code(),
        limit.orElse(0),
        record.learner());
    Optional<LocalDate> from =
        limit.isPresent() ? record.registered().map(r -> r.minusYears(limit.getAsInt()))
            : Optional.empty();
    Optional<LocalDate> until =
        limit.isPresent() ? record.registered().map(r -> r.plusYears(limit.getAsInt()))
            : Optional.empty();
    boolean passed = until.isPresent() && asOf.isAfter(until.get());
    List<String> achieved = new ArrayList<>();
    List<String> onTrack = new ArrayList<>();
    Map<String, Via> provenance = new HashMap<>();
    List<UnitStanding> standings = new ArrayList<>();
    for (int i = 0; i < record.units().size(); i++) {
      UnitEntry e = record.units().get(i);
      Optional<String> number = numbers.get(i);
      Standing standing;
      if (number.isEmpty()) {
        standing = Standing.NOT_IN_QUALIFICATION;
      } else if (e.isAchieved()) {
        boolean inWindow =
            e.date().isEmpty()
                || (from.map(f -> !e.date().get().isBefore(f)).orElse(true)
                    && until.map(u -> !e.date().get().isAfter(u)).orElse(true));
        if (!inWindow) {
          standing = Standing.OUTSIDE_TIME_LIMIT;
        } else if (e.date().isPresent() && e.date().get().isAfter(asOf)) {
          standing = Standing.NOT_YET;
        } else {
          standing = Standing.ACHIEVED;
        }
      } else {
        standing = passed ? Standing.OUTSIDE_TIME_LIMIT : Standing.PENDING;
      }
      if (standing != Standing.NOT_IN_QUALIFICATION && standing != Standing.OUTSIDE_TIME_LIMIT) {
        onTrack.add(number.get());
        if (e.via() != Via.ASSESSMENT) {
          provenance.put(number.get(), e.via());
        }
      }
      if (standing == Standing.ACHIEVED) {
        achieved.add(number.get());
      }
      standings.add(new UnitStanding(e, number, standing));
    }
    Checker own = provenanceMatters && !provenance.isEmpty() ? Checker.of(q, provenance) : checker;
    Planner plans = own == checker ? planner : Planner.of(own);
    CheckResult achievedCheck = own.check(Plan.of(achieved));
    Plan all = Plan.of(onTrack);
    CheckResult onTrackCheck = own.check(all);
    Optional<Completion> remaining =
        passed ? Optional.empty() : plans.complete(all, PlanOptions.defaults()).best();
    return new RecordResult(
        record.learner(), asOf, achievedCheck, onTrackCheck, remaining, standings, passed);
  }

  /**
   * The unit number each record unit stands for, or empty for a transferred unit the
   * qualification does not have; every other problem is refused at once.
   */
  private static List<Optional<String>> resolve(Qualification q, LearnerRecord record) {
    List<Optional<String>> out = new ArrayList<>();
    List<PlanProblem> problems = new ArrayList<>();
    Map<String, String> firstSpelling = new LinkedHashMap<>();
    for (int i = 0; i < record.units().size(); i++) {
      UnitEntry e = record.units().get(i);
      String token = e.unit();
      Optional<Unit> unit;
      if (e.via() == Via.TRANSFER) {
        if (!UnitReference.looksLike(token.toUpperCase(java.util.Locale.ROOT))) {
          problems.add(
              new PlanProblem(
                  PlanProblem.Kind.UNKNOWN,
                  i,
                  token,
                  q.findUnit(token).flatMap(Unit::reference).map(UnitReference::value),
                  "unit "
                      + token
                      + " was obtained by credit transfer, so name it by its unit reference"
                      + " number: unit numbers differ between qualifications"));
          out.add(Optional.empty());
          continue;
        }
        unit = q.findUnit(token);
        if (unit.isEmpty()) {
          out.add(Optional.empty());
          continue;
        }
      } else {
        unit = q.findUnit(token);
        if (unit.isEmpty()) {
          try {
            Plan.resolve(q, List.of(token));
          } catch (PlanException x) {
            PlanProblem p = x.problems().get(0);
            problems.add(new PlanProblem(p.kind(), i, token, p.suggestion(), p.message()));
          }
          out.add(Optional.empty());
          continue;
        }
      }
      String number = unit.get().number();
      String earlier = firstSpelling.putIfAbsent(number, token);
      if (earlier != null) {
        problems.add(
            new PlanProblem(
                PlanProblem.Kind.REPEATED,
                i,
                token,
                Optional.of(number),
                "unit " + number + " is given twice in the record, as " + earlier + " and as "
                    + token));
      }
      out.add(Optional.of(number));
    }
    if (!problems.isEmpty()) {
      throw new PlanException(problems);
    }
    return out;
  }

}
