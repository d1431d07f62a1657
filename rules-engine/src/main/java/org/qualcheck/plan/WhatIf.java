package org.qualcheck.plan;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.List;
import java.util.Map;
import org.qualcheck.check.CheckResult;

/**
 * What each single change to a plan would do.
 *
 * @param current the check of the plan as given
 * @param removable units that can be taken out without making the rules harder to meet: for a plan
 *     that meets the rules, it still meets them; otherwise the cheapest way to meet them costs no
 *     more (a unit is not listed where a search reached its bound before it could tell)
 * @param additions for every unit not in the plan, what adding it would do
 */
public record WhatIf(
    CheckResult current,
    List<String> removable,
    Map<String, Effect> additions) {

  /** What adding one unit does to a plan. */
  public enum Effect {
    /** It is part of a cheapest way to meet the rules. */
    USEFUL,
    /** It neither helps nor hinders: the plan is as close to meeting the rules as before. */
    NEUTRAL,
    /**
     * It makes the rules harder or impossible to meet: it breaks a maximum or a barred
     * combination, or leaves a dearer completion.
     */
    HARMFUL,
    /**
     * It could not be told: a search behind the answer reached its bound, as it can where units
     * are listed in many groups.
     */
    UNDECIDED
  }

  /**
   * Checks the parts given; collections are copied, so the value is immutable.
   *
   * @param current the check of the plan as given
   * @param removable units that can be taken out without making the rules harder to meet: for a
   *     plan that meets the rules, it still meets them; otherwise the cheapest way to meet them
   *     costs no more
   * @param additions for every unit not in the plan, what adding it would do
   */
  public WhatIf {
    checkNotNull(current, "current");
    removable = ImmutableList.copyOf(checkNotNull(removable, "removable"));
    additions = ImmutableMap.copyOf(checkNotNull(additions, "additions"));
  }
}
