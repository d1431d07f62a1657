package org.qualcheck.rule;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.util.List;

/**
 * Units that stand for one another (for instance an old and a new version of a unit). A plan may
 * hold more than one of them, but at most one counts: the others add nothing to any total or group.
 * A mandatory unit is satisfied by any counted unit equivalent to it.
 *
 * @param id the rule's id, unique in the qualification
 * @param units the unit numbers that stand for one another; at least two
 */
public record Equivalent(String id, List<String> units) implements Rule {
  /**
   * Checks the parts given; collections are copied, so the value is immutable.
   *
   * @param id the rule's id, unique in the qualification
   * @param units the unit numbers that stand for one another; at least two
   */
  public Equivalent {
    checkNotNull(id, "id");
    units = ImmutableList.copyOf(checkNotNull(units, "units"));
    checkArgument(units.size() >= 2, "rule %s: an equivalence names at least two units", id);
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.visitEquivalent(this);
  }
}
