package org.qualcheck.check;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import org.qualcheck.rule.Rule;

/**
 * How a plan fares against one rule.
 *
 * @param rule the rule
 * @param holds whether the plan meets it
 * @param requirement what the rule asks, in plain English ("at least 20 credits from groups B, C, D
 *     and E")
 * @param minimum the least figure the rule admits
 * @param maximum the greatest figure the rule admits, or {@link Long#MAX_VALUE}
 * @param achieved the plan's figure: credits, units or hours summed, or requirements met
 * @param shortfall how far the figure is below the minimum; zero when it is not
 * @param excess how far the figure is above the maximum; zero when it is not
 * @param counted the plan's units that make up the figure, in unit order
 * @param missing for mandatory units, those the plan lacks; empty otherwise
 */
public record RuleOutcome(
    Rule rule,
    boolean holds,
    String requirement,
    long minimum,
    long maximum,
    long achieved,
    long shortfall,
    long excess,
    ImmutableList<String> counted,
    ImmutableList<String> missing) {

  public RuleOutcome {
    checkNotNull(rule, "rule");
    checkNotNull(requirement, "requirement");
    checkNotNull(counted, "counted");
    checkNotNull(missing, "missing");
  }

  public String ruleId() {
    return rule.id();
  }

  /**
   * One plain sentence on how the plan fares, e.g. "10 credits (A3, B2), 1 short". Worded on
   * demand, so checks that only read figures do not pay for it.
   */
  public String explanation() {
    return RuleText.explanation(this);
  }

  /** Whether the rule has a maximum. */
  public boolean bounded() {
    return maximum != Long.MAX_VALUE;
  }
}
