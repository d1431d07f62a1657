package org.qualcheck.rule;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.Optional;

/**
 * A sum over the plan's units in a scope, optionally only those whose level passes a filter, must
 * lie within bounds. Covers total credits, credits from optional groups, credits at a level,
 * minimum and maximum units from a group, and guided learning hours.
 */
public record Total(
    String id, Measure measure, Scope scope, Optional<LevelFilter> level, Bounds bounds)
    implements Rule {
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
