package org.qualcheck.check;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;

/**
 * The verdict on a plan and, for every rule in the qualification's order, how the plan fares.
 *
 * @param qualification the qualification's code
 * @param plan the plan checked
 * @param met whether the plan is proved to meet every rule: some reading of it meets them all
 * @param outcomes one outcome per rule, in rule order
 * @param placement for each counted unit listed in a group, the group it counts toward
 * @param notCounted units in the plan that count toward nothing because an equivalent unit counts
 * @param undecided whether the search over the plan's readings reached its bound before it could
 *     prove the plan met or not met; {@code met} is then false and the outcomes are those of the
 *     best reading found, which need not be the best there is
 */
public record CheckResult(
    String qualification,
    Plan plan,
    boolean met,
    ImmutableList<RuleOutcome> outcomes,
    ImmutableMap<String, String> placement,
    ImmutableList<String> notCounted,
    boolean undecided) {

  public CheckResult {
    checkNotNull(qualification, "qualification");
    checkNotNull(plan, "plan");
    checkNotNull(outcomes, "outcomes");
    checkNotNull(placement, "placement");
    checkNotNull(notCounted, "notCounted");
    checkArgument(!(met && undecided), "a plan proved met is decided");
  }

  /** The three-valued verdict: met, not met, or undecided when the search reached its bound. */
  public Verdict verdict() {
    return met ? Verdict.MET : undecided ? Verdict.UNDECIDED : Verdict.NOT_MET;
  }

  /** The outcomes of the rules the plan does not meet. */
  public ImmutableList<RuleOutcome> failures() {
    return outcomes.stream().filter(o -> !o.holds()).collect(ImmutableList.toImmutableList());
  }
}
