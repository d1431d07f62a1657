package org.qualcheck.plan;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.util.List;

/**
 * A smallest set of rules that cannot all be met with the units still available: drop any one of
 * them and the rest can be met. Explains why no completion exists.
 *
 * @param rules the conflicting rules' ids, in rule order
 * @param reasons one plain sentence per rule, saying what it asks
 */
public record Conflict(List<String> rules, List<String> reasons) {
  /**
   * Checks the parts given; collections are copied, so the value is immutable.
   *
   * @param rules the conflicting rules' ids, in rule order
   * @param reasons one plain sentence per rule, saying what it asks
   */
  public Conflict {
    rules = ImmutableList.copyOf(checkNotNull(rules, "rules"));
    reasons = ImmutableList.copyOf(checkNotNull(reasons, "reasons"));
  }

  /** {@return one sentence naming the rules that conflict} */
  public String summary() {
    if (rules.size() == 1) {
      return "rule " + rules.get(0) + " (" + reasons.get(0) + ") cannot be met with the units left";
    }
    StringBuilder s = new StringBuilder("these rules cannot all be met with the units left: ");
    for (int i = 0; i < rules.size(); i++) {
      s.append(i == 0 ? "" : "; ").append(rules.get(i)).append(" (").append(reasons.get(i)).append(')');
    }
    return s.toString();
  }
}
