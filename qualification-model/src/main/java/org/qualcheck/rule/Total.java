package org.qualcheck.rule;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.Sets;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.qualcheck.record.Via;

/**
 * A sum over the plan's units in a scope, optionally only those whose level passes a filter, must
 * lie within bounds. Covers total credits, credits from optional groups, credits at a level,
 * minimum and maximum units from a group, and guided learning hours.
 *
 * <p>Checked against a learner record, a total may count only the units whose credit was obtained
 * in certain ways ({@code via}), such as "no more than 18 credits exempted"; checked against a
 * plan, every unit is obtained by assessment.
 *
 * @param id the rule's id, unique in the qualification
 * @param measure what is summed: credits, units or guided learning hours
 * @param scope the units summed over
 * @param level the level a unit must pass to count, if any
 * @param bounds the least and greatest sums admitted
 * @param via the ways of obtaining credit a unit must have to count; empty for any way
 */
public record Total(
    String id,
    Measure measure,
    Scope scope,
    Optional<LevelFilter> level,
    Bounds bounds,
    Set<Via> via)
    implements Rule {
  /**
   * Checks the parts given.
   *
   * @param id the rule's id, unique in the qualification
   * @param measure what is summed: credits, units or guided learning hours
   * @param scope the units summed over
   * @param level the level a unit must pass to count, if any
   * @param bounds the least and greatest sums admitted
   * @param via the ways of obtaining credit a unit must have to count; empty for any way
   */
  public Total {
    checkNotNull(id, "id");
    checkNotNull(measure, "measure");
    checkNotNull(scope, "scope");
    checkNotNull(level, "level");
    checkNotNull(bounds, "bounds");
    via = Sets.immutableEnumSet(checkNotNull(via, "via"));
  }

  /**
   * A total counting units however their credit was obtained.
   *
   * @param id the rule's id, unique in the qualification
   * @param measure what is summed: credits, units or guided learning hours
   * @param scope the units summed over
   * @param level the level a unit must pass to count, if any
   * @param bounds the least and greatest sums admitted
   */
  public Total(
      String id, Measure measure, Scope scope, Optional<LevelFilter> level, Bounds bounds) {
    this(id, measure, scope, level, bounds, EnumSet.noneOf(Via.class));
  }

  /**
   * {@return whether a unit whose credit was obtained this way counts toward the total}
   *
   * @param way how the unit's credit was obtained
   */
  public boolean counts(Via way) {
    return via.isEmpty() || via.contains(way);
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.visitTotal(this);
  }
}
