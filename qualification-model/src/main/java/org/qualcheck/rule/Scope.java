package org.qualcheck.rule;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.util.List;

/**
 * What a rule looks at: the units placed in the named groups, plus the named units. A scope naming
 * neither groups nor units is the whole plan.
 */
public record Scope(List<String> groups, List<String> units) {
  private static final Scope WHOLE_PLAN = new Scope(ImmutableList.of(), ImmutableList.of());

  public Scope {
    groups = ImmutableList.copyOf(checkNotNull(groups, "groups"));
    units = ImmutableList.copyOf(checkNotNull(units, "units"));
  }

  /** Every unit in the plan. */
  public static Scope wholePlan() {
    return WHOLE_PLAN;
  }

  public static Scope groups(List<String> groups) {
    return new Scope(ImmutableList.copyOf(groups), ImmutableList.of());
  }

  public static Scope groups(String... groups) {
    return groups(List.of(groups));
  }

  public static Scope units(List<String> units) {
    return new Scope(ImmutableList.of(), ImmutableList.copyOf(units));
  }

  public boolean isWholePlan() {
    return groups.isEmpty() && units.isEmpty();
  }
}
