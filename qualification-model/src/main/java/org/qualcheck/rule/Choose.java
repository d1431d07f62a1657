package org.qualcheck.rule;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.util.List;

/**
 * The number of plan units taken from a set must lie within bounds: "choose exactly one of", "at
 * least two of", "at most three of". Units count whichever group they are placed in.
 *
 * @param id the rule's id, unique in the qualification
 * @param units the unit numbers to choose from
 * @param bounds how many of them the plan may take
 */
public record Choose(String id, List<String> units, Bounds bounds) implements Rule {
  /**
   * Checks the parts given; collections are copied, so the value is immutable.
   *
   * @param id the rule's id, unique in the qualification
   * @param units the unit numbers to choose from
   * @param bounds how many of them the plan may take
   */
  public Choose {
    checkNotNull(id, "id");
    units = ImmutableList.copyOf(checkNotNull(units, "units"));
    checkArgument(!units.isEmpty(), "rule %s: choose needs units", id);
    checkNotNull(bounds, "bounds");
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.visitChoose(this);
  }
}
