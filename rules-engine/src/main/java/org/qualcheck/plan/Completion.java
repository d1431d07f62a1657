package org.qualcheck.plan;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.util.List;
import org.qualcheck.check.CheckResult;

/**
 * One way to make a plan meet the rules: units to add and units to remove, with what it costs and
 * the check of the resulting plan.
 *
 * @param add units to add, in unit order
 * @param remove units to take out, in unit order (empty for a completion)
 * @param creditsAdded credits of the units added
 * @param creditsRemoved credits of the units removed
 * @param result the check of the plan after the change; it meets the rules
 */
public record Completion(
    List<String> add,
    List<String> remove,
    long creditsAdded,
    long creditsRemoved,
    CheckResult result) {
  /**
   * Checks the parts given; collections are copied, so the value is immutable.
   *
   * @param add units to add, in unit order
   * @param remove units to take out, in unit order (empty for a completion)
   * @param creditsAdded credits of the units added
   * @param creditsRemoved credits of the units removed
   * @param result the check of the plan after the change; it meets the rules
   */
  public Completion {
    add = ImmutableList.copyOf(checkNotNull(add, "add"));
    remove = ImmutableList.copyOf(checkNotNull(remove, "remove"));
    checkNotNull(result, "result");
  }

  /** {@return the credits changed: added plus removed} */
  public long creditsChanged() {
    return creditsAdded + creditsRemoved;
  }

  /**
   * {@return the change in words: "add A3 and B2 (10 credits)", "remove A5; add A4 (5 credits
   * added, 6 removed)"}
   */
  public String summary() {
    if (add.isEmpty() && remove.isEmpty()) {
      return "nothing to change: the plan already meets the rules";
    }
    StringBuilder s = new StringBuilder();
    if (!remove.isEmpty()) {
      s.append("remove ").append(String.join(", ", remove));
    }
    if (!add.isEmpty()) {
      if (s.length() > 0) {
        s.append("; ");
      }
      s.append("add ").append(String.join(", ", add));
    }
    s.append(" (");
    if (!add.isEmpty()) {
      s.append(creditsAdded).append(creditsAdded == 1 ? " credit added" : " credits added");
    }
    if (!remove.isEmpty()) {
      s.append(add.isEmpty() ? "" : ", ")
          .append(creditsRemoved)
          .append(creditsRemoved == 1 ? " credit removed" : " credits removed");
    }
    return s.append(")").toString();
  }
}
