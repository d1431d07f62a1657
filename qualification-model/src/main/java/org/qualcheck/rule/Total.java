package org.qualcheck.rule;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.Optional;

/**
 * A sum over the plan's counted units in a scope, optionally only those passing a filter (level,
 * attributes), must lie within bounds. Covers total credits, credits from optional groups, credits
 * at a level, credits from graded units, minimum and maximum units from a group, and guided
 * learning hours. A maximum is a ban: a plan over it fails (compare {@link Cap}).
 *
 * @param id the rule's id, unique in the qualification
 * @param measure what is summed: credits, units or guided learning hours
 * @param scope the units summed over
 * @param filter which units of the scope are summed
 * @param bounds the least and greatest sums admitted
 */
public record Total(String id, Measure measure, Scope scope, UnitFilter filter, Bounds bounds)
    implements Rule {
  /**
   * Checks the parts given.
   *
   * @param id the rule's id, unique in the qualification
   * @param measure what is summed: credits, units or guided learning hours
   * @param scope the units summed over
   * @param filter which units of the scope are summed
   * @param bounds the least and greatest sums admitted
   */
  public Total {
    checkNotNull(id, "id");
    checkNotNull(measure, "measure");
    checkNotNull(scope, "scope");
    checkNotNull(filter, "filter");
    checkNotNull(bounds, "bounds");
  }

  /**
   * A total filtered by level alone.
   *
   * @param id the rule's id, unique in the qualification
   * @param measure what is summed: credits, units or guided learning hours
   * @param scope the units summed over
   * @param level the level a unit must pass to count, if any
   * @param bounds the least and greatest sums admitted
   */
  public Total(String id, Measure measure, Scope scope, Optional<LevelFilter> level, Bounds bounds) {
    this(id, measure, scope, UnitFilter.level(level), bounds);
  }

  /** {@return the level filter, if any} */
  public Optional<LevelFilter> level() {
    return filter.level();
  }

  /**
   * {@return the same total with other bounds}
   *
   * @param other the bounds of the new total
   */
  public Total withBounds(Bounds other) {
    return new Total(id, measure, scope, filter, other);
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.visitTotal(this);
  }
}
