package org.qualcheck.plan;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Optional;
import org.qualcheck.check.CheckResult;

/**
 * The planner's answer for a plan: the best change that makes it meet the rules and the next best
 * alternatives, or, when there is none, the rules that conflict.
 *
 * @param current the check of the plan as given
 * @param options the best change first, then alternatives in cost order; empty if none exists
 * @param conflict when no change can make the plan meet the rules, a smallest set of rules that
 *     cannot hold together with the units still available (with pathways, those of the first
 *     pathway)
 * @param pathway for a qualification with pathways, the id of the pathway the best change
 *     completes; empty otherwise
 */
public record PlanAnswer(
    CheckResult current,
    List<Completion> options,
    Optional<Conflict> conflict,
    Optional<String> pathway) {

  /**
   * An answer for a qualification without pathways.
   *
   * @param current the check of the plan as given
   * @param options the best change first, then alternatives in cost order; empty if none exists
   * @param conflict when no change can make the plan meet the rules, a smallest set of rules that
   *     cannot hold together with the units still available
   */
  public PlanAnswer(CheckResult current, List<Completion> options, Optional<Conflict> conflict) {
    this(current, options, conflict, Optional.empty());
  }

  /**
   * Checks the parts given; collections are copied, so the value is immutable.
   *
   * @param current the check of the plan as given
   * @param options the best change first, then alternatives in cost order; empty if none exists
   * @param conflict when no change can make the plan meet the rules, a smallest set of rules that
   *     cannot hold together with the units still available
   * @param pathway the id of the pathway the best change completes, if the qualification has
   *     pathways
   */
  public PlanAnswer {
    checkNotNull(current, "current");
    checkNotNull(pathway, "pathway");
    options = ImmutableList.copyOf(checkNotNull(options, "options"));
    checkNotNull(conflict, "conflict");
  }

  /** {@return the cheapest change, if any} */
  public Optional<Completion> best() {
    return options.isEmpty() ? Optional.empty() : Optional.of(options.get(0));
  }
}
