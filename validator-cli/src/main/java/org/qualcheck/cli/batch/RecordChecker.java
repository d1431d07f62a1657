package org.qualcheck.cli.batch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.qualcheck.check.Checker;
import org.qualcheck.check.Plan;
import org.qualcheck.check.PlanException;
import org.qualcheck.check.Verdict;
import org.qualcheck.compile.CompiledRule;
import org.qualcheck.model.Qualification;

/**
 * Checks parsed batch records against one or more qualifications. Immutable and thread-safe: the
 * checkers it holds are.
 */
final class RecordChecker {
  /** The error result of a record whose check reached the placement search's bound. */
  static final String UNDECIDED = "undecided: the plan's units are listed in so many groups that"
      + " the search over where each counts reached its bound before it could prove the plan met"
      + " or not met";

  private final Map<String, Checker> byCode;
  private final Map<String, org.qualcheck.progress.RecordChecker> recordsByCode;
  private final Checker only;
  private final java.time.LocalDate asOf;

  RecordChecker(List<Qualification> qualifications) {
    this(qualifications, java.time.LocalDate.now());
  }

  /** Checks plans, and learner records as of {@code asOf}. */
  RecordChecker(List<Qualification> qualifications, java.time.LocalDate asOf) {
    this.byCode = new LinkedHashMap<>();
    this.recordsByCode = new LinkedHashMap<>();
    for (Qualification q : qualifications) {
      Checker c = Checker.of(q);
      byCode.put(q.code(), c);
      recordsByCode.put(q.code(), org.qualcheck.progress.RecordChecker.of(c));
    }
    this.only = qualifications.size() == 1 ? byCode.values().iterator().next() : null;
    this.asOf = asOf;
  }

  /** The checkers, one per qualification, in the order the specs were given. */
  List<Checker> checkers() {
    return List.copyOf(byCode.values());
  }

  Outcome check(ParsedRecord r) {
    if (r.error() != null) {
      return Outcome.error(r, r.qualification(), r.error());
    }
    Checker checker;
    if (r.qualification() == null) {
      if (only == null) {
        return Outcome.error(r, null, "the record names no qualification; with several specs each"
            + " record needs one of " + String.join(", ", byCode.keySet()));
      }
      checker = only;
    } else {
      checker = byCode.get(r.qualification());
      if (checker == null) {
        return Outcome.error(r, r.qualification(), "qualification \"" + r.qualification()
            + "\" is not among the specs given (" + String.join(", ", byCode.keySet()) + ")");
      }
    }
    String code = checker.qualification().code();
    if (r.record() != null) {
      return checkRecord(r, code);
    }
    // A record with no units is a learner who has not met the rules yet: checked like any other.
    Plan plan;
    try {
      plan = Plan.resolve(checker.qualification(), r.units());
    } catch (PlanException e) {
      return Outcome.error(r, code, e.getMessage().replace("\n", "; "));
    }
    Verdict verdict = checker.verdict(plan);
    if (verdict == Verdict.UNDECIDED) {
      return Outcome.error(r, code, UNDECIDED);
    }
    if (verdict == Verdict.MET) {
      return new Outcome(r.line(), r.learner(), code, true, List.of(), null, r.passthrough());
    }
    long[] figures = checker.figures(plan);
    List<Outcome.FailedRule> failed = new ArrayList<>();
    List<CompiledRule> rules = checker.compiled().rules();
    for (int k = 0; k < figures.length; k++) {
      CompiledRule rule = rules.get(k);
      long f = figures[k];
      if (!rule.admits(f)) {
        failed.add(new Outcome.FailedRule(rule.rule().id(), checker.requirements().get(k), f,
            Outcome.shortfall(rule, f), Outcome.excess(rule, f)));
      }
    }
    return new Outcome(r.line(), r.learner(), code, false, failed, null, r.passthrough());
  }

  /**
   * A learner record's outcome: met when the units achieved by the batch's date meet the rules,
   * the failing rules those of the achieved units, and whether the learner is on track.
   */
  private Outcome checkRecord(ParsedRecord r, String code) {
    org.qualcheck.progress.RecordResult result;
    try {
      result = recordsByCode.get(code).check(r.record(), asOf);
    } catch (PlanException e) {
      return Outcome.error(r, code, e.getMessage().replace("\n", "; "));
    } catch (IllegalArgumentException e) {
      return Outcome.error(r, code, e.getMessage());
    }
    if (result.achieved().undecided() || result.onTrack().undecided()) {
      return Outcome.error(r, code, UNDECIDED);
    }
    List<Outcome.FailedRule> failed = new ArrayList<>();
    for (org.qualcheck.check.RuleOutcome o : result.achieved().failures()) {
      failed.add(new Outcome.FailedRule(o.ruleId(), o.requirement(), o.achieved(), o.shortfall(),
          o.excess()));
    }
    return new Outcome(r.line(), r.learner(), code, result.isAchieved(), failed, null,
        r.passthrough(), result.isOnTrack());
  }
}
