package org.qualcheck.check;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.util.List;

/**
 * How a plan fares against one pathway or endorsed title: whether it is met and the outcome of each
 * of its own rules (the common rules' outcomes are the result's).
 *
 * @param id the pathway's or endorsement's id
 * @param title its title as printed
 * @param met for a pathway, whether the plan meets the common rules and all of the pathway's rules
 *     under one reading; for an endorsement, whether the plan achieves the qualification (through
 *     some pathway, if it has pathways) and meets all of the endorsement's rules under one reading
 * @param undecided whether the placement search reached its bound before deciding {@code met}
 * @param outcomes the outcome of each of its own rules, in order, under the best reading found
 */
public record VariantOutcome(
    String id, String title, boolean met, boolean undecided, List<RuleOutcome> outcomes) {

  /**
   * Checks the parts given; the outcome list is copied, so the value is immutable.
   *
   * @param id the pathway's or endorsement's id
   * @param title its title as printed
   * @param met whether it is met
   * @param undecided whether the search reached its bound; never true when {@code met} is
   * @param outcomes the outcome of each of its own rules, in order
   */
  public VariantOutcome {
    checkNotNull(id, "id");
    checkNotNull(title, "title");
    outcomes = ImmutableList.copyOf(checkNotNull(outcomes, "outcomes"));
    checkArgument(!(met && undecided), "a pathway proved met is decided");
  }

  /** {@return the three-valued verdict: met, not met, or undecided at the search's bound} */
  public Verdict verdict() {
    return met ? Verdict.MET : undecided ? Verdict.UNDECIDED : Verdict.NOT_MET;
  }
}
