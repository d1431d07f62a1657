package org.qualcheck.rule;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

/**
 * Every unit in the scope must be in the plan: the mandatory units. A unit listed in a named group
 * must also be counted in that group, so it cannot serve an optional group at the same time.
 *
 * @param id the rule's id, unique in the qualification
 * @param scope the units required: those of the named groups and the named units
 */
public record AllOf(String id, Scope scope) implements Rule {
  /**
   * Checks the parts given.
   *
   * @param id the rule's id, unique in the qualification
   * @param scope the units required: those of the named groups and the named units
   */
  public AllOf {
    checkNotNull(id, "id");
    checkNotNull(scope, "scope");
    checkArgument(!scope.isWholePlan(), "rule %s: all-of needs groups or units", id);
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.visitAllOf(this);
  }
}
