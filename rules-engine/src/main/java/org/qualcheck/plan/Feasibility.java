package org.qualcheck.plan;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.Optional;
import org.qualcheck.check.Plan;

/**
 * Whether a partial plan can be completed to meet the rules, with a completed plan that proves it.
 *
 * @param plan a plan containing the partial plan that meets the rules, if one was found
 * @param decided false only when the search reached its bound before finding a plan or ruling
 *     every plan out
 */
public record Feasibility(Optional<Plan> plan, boolean decided) {
  /**
   * Checks the parts given.
   *
   * @param plan a plan containing the partial plan that meets the rules, if one was found
   * @param decided false only when the search reached its bound before finding a plan or ruling
   *     every plan out
   */
  public Feasibility {
    checkNotNull(plan, "plan");
    checkArgument(decided || plan.isEmpty(), "a plan found decides the question");
  }

  /** {@return whether a plan exists: then {@link #plan} is one} */
  public boolean possible() {
    return plan.isPresent();
  }

  /** {@return whether no plan exists: the search ruled every one out} */
  public boolean impossible() {
    return decided && plan.isEmpty();
  }
}
