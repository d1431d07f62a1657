package org.qualcheck.rule;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.Optional;

/**
 * A sum over the plan's units in a scope, optionally only those whose level passes a filter, must
 * lie within bounds. Covers total credits, credits from optional groups, credits at a level,
 * minimum and maximum units from a group, and guided learning hours.
 *
 * @param id the rule's id, unique in the qualification
 * @param measure what is summed: credits, units or guided learning hours
 * @param scope the units summed over
 * @param level the level a unit must pass to count, if any
 * @param bounds the least and greatest sums admitted
 */
public record Total(
    String id, Measure measure, Scope scope, Optional<LevelFilter> level, Bounds bounds)
    implements Rule {
  /**
   * Checks the parts given.
   *
   * @param id the rule's id, unique in the qualification
   * @param measure what is summed: credits, units or guided learning hours
   * @param scope the units summed over
   * @param level the level a unit must pass to count, if any
   * @param bounds the least and greatest sums admitted
   */
  public Total {
    checkNotNull(id, "id");
    checkNotNull(measure, "measure");
    checkNotNull(scope, "scope");
    checkNotNull(level, "level");
    checkNotNull(bounds, "bounds");
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.visitTotal(this);
  }
}
