package org.qualcheck.rule;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.Sets;
import java.util.EnumSet;
import java.util.Set;
import org.qualcheck.record.Via;

/**
 * A cap on what counts, as opposed to a ban: the plan may hold more, but at most {@code max} of
 * the measure from the units in scope (and passing the filter) count. The checker chooses which of
 * those units count, as it chooses placements; a unit that does not count adds nothing to any other
 * rule. Units count whole. "A maximum of 35 optional credits can be derived from other Level 3
 * BTEC units." Checked against a learner record, a cap may take in only the units whose credit was
 * obtained in certain ways ({@code via}): "no more than 30 credits through prior learning or
 * credit transfer".
 *
 * @param id the rule's id, unique in the qualification
 * @param measure what the cap limits: credits, units or guided learning hours
 * @param scope the units capped
 * @param filter which units of the scope are capped
 * @param max the most of the measure that may count from the capped units
 * @param via the ways of obtaining credit a unit must have to be capped; empty for any way
 */
public record Cap(
    String id, Measure measure, Scope scope, UnitFilter filter, long max, Set<Via> via)
    implements Rule {
  /**
   * Checks the parts given.
   *
   * @param id the rule's id, unique in the qualification
   * @param measure what the cap limits: credits, units or guided learning hours
   * @param scope the units capped
   * @param filter which units of the scope are capped
   * @param max the most of the measure that may count from the capped units, at least 0
   * @param via the ways of obtaining credit a unit must have to be capped; empty for any way
   */
  public Cap {
    checkNotNull(id, "id");
    checkNotNull(measure, "measure");
    checkNotNull(scope, "scope");
    checkNotNull(filter, "filter");
    checkArgument(max >= 0, "rule %s: a cap cannot be negative", id);
    via = Sets.immutableEnumSet(checkNotNull(via, "via"));
  }

  /**
   * A cap on units however their credit was obtained.
   *
   * @param id the rule's id, unique in the qualification
   * @param measure what the cap limits: credits, units or guided learning hours
   * @param scope the units capped
   * @param filter which units of the scope are capped
   * @param max the most of the measure that may count from the capped units, at least 0
   */
  public Cap(String id, Measure measure, Scope scope, UnitFilter filter, long max) {
    this(id, measure, scope, filter, max, EnumSet.noneOf(Via.class));
  }

  /**
   * Whether a unit whose credit was obtained this way is capped.
   *
   * @param way how the unit's credit was obtained
   * @return true when the cap takes in every way, or names this one
   */
  public boolean counts(Via way) {
    return via.isEmpty() || via.contains(way);
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.visitCap(this);
  }
}
