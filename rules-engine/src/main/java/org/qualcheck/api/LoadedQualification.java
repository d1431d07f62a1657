package org.qualcheck.api;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import org.qualcheck.check.CheckResult;
import org.qualcheck.check.Checker;
import org.qualcheck.check.Plan;
import org.qualcheck.check.PlanException;
import org.qualcheck.check.RuleOutcome;
import org.qualcheck.explain.StructureText;
import org.qualcheck.lint.LintReport;
import org.qualcheck.lint.Linter;
import org.qualcheck.model.Qualification;
import org.qualcheck.plan.PlanAnswer;
import org.qualcheck.plan.PlanOptions;
import org.qualcheck.plan.Planner;
import org.qualcheck.progress.RecordChecker;
import org.qualcheck.progress.RecordResult;
import org.qualcheck.record.LearnerRecord;

/**
 * One qualification, read and compiled once, that checks, completes and explains plans: the object
 * an application keeps for each qualification it offers. Get one from {@link Qualcheck}.
 *
 * <p>Plans are given as the units a learner chose, each by unit number ({@code A3}) or unit
 * reference number ({@code R/601/1212}), in any order. Every method delegates to the engine's
 * {@link Checker} and {@link Planner}, which are available for questions this class does not ask.
 *
 * <p>Immutable and thread-safe: share one instance between any number of threads. Each call works
 * on the caller's thread with its own state, so concurrent calls give exactly the answers they give
 * one at a time.
 */
public final class LoadedQualification {
  private final Checker checker;
  private final Planner planner;
  private final RecordChecker records;

  LoadedQualification(Checker checker) {
    this.checker = checkNotNull(checker, "checker");
    this.planner = Planner.of(checker);
    this.records = RecordChecker.of(checker);
  }

  /**
   * Checks a learner's record as of a date: whether the units achieved by then (within any time
   * limit) meet the rules, so that the certificate can be claimed; whether the units achieved, in
   * progress and planned together meet them; and the cheapest units to add. See {@link
   * RecordChecker}.
   *
   * @param record the learner's record, built or read with {@link
   *     org.qualcheck.record.RecordReader}
   * @param asOf the date to check as of
   * @return the answers, with every rule's outcome for the achieved units
   * @throws org.qualcheck.check.PlanException if a unit of the record is not in the
   *     qualification (other than one obtained by credit transfer) or is given twice
   * @throws IllegalArgumentException if the qualification has a time limit and the record has
   *     achieved units but no registration date
   */
  public RecordResult check(LearnerRecord record, LocalDate asOf) {
    return records.check(record, asOf);
  }

  /** {@return the qualification: its code, title, units, groups and rules} */
  public Qualification qualification() {
    return checker.qualification();
  }

  /**
   * Resolves the units a learner chose into a plan, which later calls can reuse without resolving
   * again.
   *
   * @param unitsOrReferences the units chosen, each by unit number or unit reference number
   * @return the plan of the units as this qualification numbers them
   * @throws PlanException naming every missing, blank or unknown unit and every unit
   *     given twice (also when once by number and once by reference number)
   */
  public Plan plan(Collection<String> unitsOrReferences) {
    checkNotNull(unitsOrReferences, "unitsOrReferences");
    return Plan.resolve(qualification(), unitsOrReferences);
  }

  /**
   * Checks the units a learner chose: the verdict, {@link CheckResult#met()}, and for every rule
   * what it asks, what the plan achieves, how far short it falls and which units counted.
   *
   * @param unitsOrReferences the units chosen, each by unit number or unit reference number
   * @return the verdict with every rule's outcome
   * @throws PlanException if a unit is unknown or given twice; see {@link #plan}
   */
  public CheckResult check(Collection<String> unitsOrReferences) {
    return check(plan(unitsOrReferences));
  }

  /**
   * Checks a plan, resolved by {@link #plan} or made with {@link Plan#of}, with every rule's
   * outcome.
   *
   * @param plan the plan to check
   * @return the verdict with every rule's outcome
   * @throws PlanException if a unit is unknown or given twice; see {@link #plan}
   */
  public CheckResult check(Plan plan) {
    checkNotNull(plan, "plan");
    return checker.check(plan);
  }

  /**
   * The verdict alone for the units a learner chose, without explanations: the fast path for
   * checking a whole cohort.
   *
   * @param unitsOrReferences the units chosen, each by unit number or unit reference number
   * @return whether the units are proved to meet every rule
   * @throws PlanException if a unit is unknown or given twice; see {@link #plan}
   */
  public boolean meets(Collection<String> unitsOrReferences) {
    return meets(plan(unitsOrReferences));
  }

  /**
   * The verdict alone for a plan, resolved by {@link #plan} or made with {@link Plan#of}.
   *
   * @param plan the plan to check
   * @return whether the plan is proved to meet every rule
   * @throws PlanException if a unit is unknown or given twice; see {@link #plan}
   */
  public boolean meets(Plan plan) {
    checkNotNull(plan, "plan");
    return checker.meets(plan);
  }

  /**
   * The cheapest units to add so that the plan meets the rules: fewest credits added, then fewest
   * units, then the earliest units in the spec's order. {@link PlanAnswer#best()} is empty when no
   * addition can work, and {@link PlanAnswer#conflict()} then names the rules that cannot all hold.
   *
   * @param unitsOrReferences the units chosen so far, each by unit number or unit reference number
   * @return the best completion, if any, with the conflict when there is none
   * @throws PlanException if a unit is unknown or given twice; see {@link #plan}
   */
  public PlanAnswer complete(Collection<String> unitsOrReferences) {
    return complete(plan(unitsOrReferences), PlanOptions.defaults());
  }

  /**
   * The cheapest completions of a plan already resolved by {@link #plan}, within {@code options}:
   * units never to add, units to favour among equally cheap answers, and how many alternatives to
   * return beyond the best.
   *
   * @param plan the plan chosen so far
   * @param options units to exclude and prefer, and how many alternatives to return
   * @return the best completion and its alternatives, with the conflict when there is none
   * @throws PlanException if a unit of the plan is unknown or given twice; see {@link
   *     #plan}
   * @throws IllegalArgumentException if the options name a unit this qualification does not have
   */
  public PlanAnswer complete(Plan plan, PlanOptions options) {
    checkNotNull(plan, "plan");
    checkNotNull(options, "options");
    return planner.complete(plan, options);
  }

  /**
   * One plain sentence per rule, in the qualification's rule order, saying whether the checked plan
   * meets it, what it asks and how the plan fares, for showing to an assessor or learner, e.g.
   * {@code "optional-level-2 not met: at least 11 credits at Level 2 from groups B, C, D and E; 5
   * credits (B2), 6 short"}.
   *
   * @param result a result of this qualification's check
   * @return one sentence per rule, in rule order
   * @throws IllegalArgumentException if the result is of another qualification's check
   */
  public List<String> explain(CheckResult result) {
    checkNotNull(result, "result");
    checkArgument(
        result.qualification().equals(qualification().code()),
        "the result is of a check against %s, not %s",
        result.qualification(),
        qualification().code());
    return result.outcomes().stream()
        .map(LoadedQualification::sentence)
        .collect(ImmutableList.toImmutableList());
  }

  private static String sentence(RuleOutcome outcome) {
    return outcome.ruleId()
        + (outcome.holds() ? " met: " : " not met: ")
        + outcome.requirement()
        + "; "
        + outcome.explanation();
  }

  /**
   * The structure as a specification prints it: groups and units as a table, then the rules of
   * combination in plain English, generated from the rules.
   *
   * @return the groups, units and rules in plain English
   */
  public String describe() {
    return StructureText.text(qualification());
  }

  /**
   * A designer's findings on the structure: unsatisfiable rules, dead units, implied rules and
   * figures that disagree, each exact. Runs searches over the plan space, so it costs far more than
   * a check; call it when a spec changes, not per learner.
   *
   * @return the findings, each exact
   */
  public LintReport lint() {
    return Linter.lint(qualification());
  }

  /**
   * {@return the engine's checker for this qualification, for questions beyond those asked here}
   */
  public Checker checker() {
    return checker;
  }

  /**
   * {@return the engine's planner for this qualification: repairs, what-if questions, minimal
   * plans}
   */
  public Planner planner() {
    return planner;
  }

  /**
   * {@return the qualification's code and title, e.g. {@code "03455 OCR Level 2 NVQ Certificate
   * ..."}}
   */
  @Override
  public String toString() {
    return qualification().toString();
  }
}
