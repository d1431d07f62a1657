package org.qualcheck.lint;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Optional;
import org.qualcheck.check.Plan;
import org.qualcheck.model.SourceLocation;

/**
 * One thing lint found, with its proof: the rules involved and, where a plan shows it, that plan.
 *
 * @param kind what was found; its severity comes with it
 * @param message one plain sentence, naming the units, rules and plan that prove it
 * @param location where in the spec the finding points, when the qualification was read from one
 * @param rules ids of the rules involved (the conflicting set, the implying rules, the rule broken)
 * @param units unit numbers involved
 * @param plan a plan that proves the finding, e.g. one meeting every other rule and breaking a rule
 *     marked implied
 */
public record Finding(
    FindingKind kind,
    String message,
    Optional<SourceLocation> location,
    List<String> rules,
    List<String> units,
    Optional<Plan> plan) {
  /**
   * Checks the parts given; collections are copied, so the value is immutable.
   *
   * @param kind what was found; its severity comes with it
   * @param message one plain sentence, naming the units, rules and plan that prove it
   * @param location where in the spec the finding points, when the qualification was read from one
   * @param rules ids of the rules involved (the conflicting set, the implying rules, the rule
   *     broken)
   * @param units unit numbers involved
   * @param plan a plan that proves the finding, e.g. one meeting every other rule and breaking a
   *     rule marked implied
   */
  public Finding {
    checkNotNull(kind, "kind");
    checkNotNull(message, "message");
    checkNotNull(location, "location");
    rules = ImmutableList.copyOf(checkNotNull(rules, "rules"));
    units = ImmutableList.copyOf(checkNotNull(units, "units"));
    checkNotNull(plan, "plan");
  }

  /** {@return how serious the finding is, as its kind says} */
  public Severity severity() {
    return kind.severity();
  }
}
