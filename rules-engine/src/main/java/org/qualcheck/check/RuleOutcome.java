package org.qualcheck.check;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.OptionalLong;
import org.qualcheck.rule.Rule;

/**
 * How a plan fares against one rule.
 *
 * @param rule the rule
 * @param holds whether the plan meets it
 * @param requirement what the rule asks, in plain English ("at least 20 credits from groups B, C, D
 *     and E")
 * @param minimum the least figure the rule admits
 * @param maximum the greatest figure the rule admits; empty when the rule has no maximum
 * @param achieved the plan's figure: credits, units or hours summed, or requirements met
 * @param shortfall how far the figure is below the minimum; zero when it is not
 * @param excess how far the figure is above the maximum; zero when it is not
 * @param counted the plan's units that make up the figure, in unit order
 * @param missing for mandatory units, those the plan lacks; empty otherwise
 * @param notCounted for caps, the plan's units in the cap's scope that do not count, in unit
 *     order; empty otherwise
 */
public record RuleOutcome(
    Rule rule,
    boolean holds,
    String requirement,
    long minimum,
    OptionalLong maximum,
    long achieved,
    long shortfall,
    long excess,
    List<String> counted,
    List<String> missing,
    List<String> notCounted) {

  /**
   * Checks the parts given; collections are copied, so the value is immutable.
   *
   * @param rule the rule
   * @param holds whether the plan meets it
   * @param requirement what the rule asks, in plain English ("at least 20 credits from groups B,
   *     C, D and E")
   * @param minimum the least figure the rule admits
   * @param maximum the greatest figure the rule admits; empty when the rule has no maximum
   * @param achieved the plan's figure: credits, units or hours summed, or requirements met
   * @param shortfall how far the figure is below the minimum; zero when it is not
   * @param excess how far the figure is above the maximum; zero when it is not
   * @param counted the plan's units that make up the figure, in unit order
   * @param missing for mandatory units, those the plan lacks; empty otherwise
   * @param notCounted for caps, the plan's units in the cap's scope that do not count; empty
   *     otherwise
   */
  public RuleOutcome {
    checkNotNull(rule, "rule");
    checkNotNull(requirement, "requirement");
    checkNotNull(maximum, "maximum");
    counted = ImmutableList.copyOf(checkNotNull(counted, "counted"));
    missing = ImmutableList.copyOf(checkNotNull(missing, "missing"));
    notCounted = ImmutableList.copyOf(checkNotNull(notCounted, "notCounted"));
  }

  /**
   * An outcome of a rule that leaves no unit uncounted (every kind but a cap).
   *
   * @param rule the rule
   * @param holds whether the plan meets it
   * @param requirement what the rule asks, in plain English
   * @param minimum the least figure the rule admits
   * @param maximum the greatest figure the rule admits; empty when the rule has no maximum
   * @param achieved the plan's figure: credits, units or hours summed, or requirements met
   * @param shortfall how far the figure is below the minimum; zero when it is not
   * @param excess how far the figure is above the maximum; zero when it is not
   * @param counted the plan's units that make up the figure, in unit order
   * @param missing for mandatory units, those the plan lacks; empty otherwise
   */
  public RuleOutcome(
      Rule rule,
      boolean holds,
      String requirement,
      long minimum,
      OptionalLong maximum,
      long achieved,
      long shortfall,
      long excess,
      List<String> counted,
      List<String> missing) {
    this(
        rule, holds, requirement, minimum, maximum, achieved, shortfall, excess, counted, missing,
        List.of());
  }

  /** {@return the rule's id, as the spec names it, e.g. {@code optional-level-2}} */
  public String ruleId() {
    return rule.id();
  }

  /**
   * One plain sentence on how the plan fares, e.g. "10 credits (A3, B2), 1 short". Worded on
   * demand, so checks that only read figures do not pay for it.
   *
   * @return the sentence on how the plan fares
   */
  public String explanation() {
    return RuleText.explanation(this);
  }

  /** {@return whether the rule has a maximum: the same as {@code maximum().isPresent()}} */
  public boolean bounded() {
    return maximum.isPresent();
  }
}
