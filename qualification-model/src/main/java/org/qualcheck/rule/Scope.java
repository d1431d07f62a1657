package org.qualcheck.rule;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.util.List;

/**
 * What a rule looks at: the units placed in the named groups, plus the named units. A scope naming
 * neither groups nor units is the whole plan.
 *
 * @param groups ids of the groups whose placed units are in scope
 * @param units unit numbers in scope wherever they are placed
 */
public record Scope(List<String> groups, List<String> units) {
  private static final Scope WHOLE_PLAN = new Scope(ImmutableList.of(), ImmutableList.of());

  /**
   * Checks the parts given; collections are copied, so the value is immutable.
   *
   * @param groups ids of the groups whose placed units are in scope
   * @param units unit numbers in scope wherever they are placed
   */
  public Scope {
    groups = ImmutableList.copyOf(checkNotNull(groups, "groups"));
    units = ImmutableList.copyOf(checkNotNull(units, "units"));
  }

  /** {@return every unit in the plan} */
  public static Scope wholePlan() {
    return WHOLE_PLAN;
  }

  /**
   * {@return the scope of the units placed in these groups}
   *
   * @param groups the ids of the groups
   */
  public static Scope groups(List<String> groups) {
    return new Scope(ImmutableList.copyOf(groups), ImmutableList.of());
  }

  /**
   * {@return the scope of the units placed in these groups}
   *
   * @param groups the ids of the groups
   */
  public static Scope groups(String... groups) {
    return groups(List.of(groups));
  }

  /**
   * {@return the scope of these units, wherever they are placed}
   *
   * @param units the unit numbers
   */
  public static Scope units(List<String> units) {
    return new Scope(ImmutableList.of(), ImmutableList.copyOf(units));
  }

  /** {@return whether the scope is the whole plan: it names neither groups nor units} */
  public boolean isWholePlan() {
    return groups.isEmpty() && units.isEmpty();
  }
}
