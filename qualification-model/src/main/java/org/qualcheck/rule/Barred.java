package org.qualcheck.rule;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.util.List;

/**
 * Units that may not be taken together: a plan may hold at most one of them ("unit 59 cannot be
 * taken with unit 92").
 *
 * @param id the rule's id, unique in the qualification
 * @param units the unit numbers of which a plan may hold at most one; at least two
 */
public record Barred(String id, List<String> units) implements Rule {
  /**
   * Checks the parts given; collections are copied, so the value is immutable.
   *
   * @param id the rule's id, unique in the qualification
   * @param units the unit numbers of which a plan may hold at most one; at least two
   */
  public Barred {
    checkNotNull(id, "id");
    units = ImmutableList.copyOf(checkNotNull(units, "units"));
    checkArgument(units.size() >= 2, "rule %s: a barred combination names at least two units", id);
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.visitBarred(this);
  }
}
