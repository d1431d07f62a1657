package org.qualcheck.rule;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.util.List;

/**
 * The number of plan units taken from a set must lie within bounds: "choose exactly one of", "at
 * least two of", "at most three of". Units count whichever group they are placed in.
 */
public record Choose(String id, List<String> units, Bounds bounds) implements Rule {
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
