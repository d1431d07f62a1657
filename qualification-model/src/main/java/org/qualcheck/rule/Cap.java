package org.qualcheck.rule;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

/**
 * A cap on what counts, as opposed to a ban: the plan may hold more, but at most {@code max} of
 * the measure from the units in scope (and passing the filter) count. The checker chooses which of
 * those units count, as it chooses placements; a unit that does not count adds nothing to any other
 * rule. Units count whole. "A maximum of 35 optional credits can be derived from other Level 3
 * BTEC units."
 *
 * @param id the rule's id, unique in the qualification
 * @param measure what the cap limits: credits, units or guided learning hours
 * @param scope the units capped
 * @param filter which units of the scope are capped
 * @param max the most of the measure that may count from the capped units
 */
public record Cap(String id, Measure measure, Scope scope, UnitFilter filter, long max)
    implements Rule {
  /**
   * Checks the parts given.
   *
   * @param id the rule's id, unique in the qualification
   * @param measure what the cap limits: credits, units or guided learning hours
   * @param scope the units capped
   * @param filter which units of the scope are capped
   * @param max the most of the measure that may count from the capped units, at least 0
   */
  public Cap {
    checkNotNull(id, "id");
    checkNotNull(measure, "measure");
    checkNotNull(scope, "scope");
    checkNotNull(filter, "filter");
    checkArgument(max >= 0, "rule %s: a cap cannot be negative", id);
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.visitCap(this);
  }
}
