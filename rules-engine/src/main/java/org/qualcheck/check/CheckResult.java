package org.qualcheck.check;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.qualcheck.rule.Cap;
import org.qualcheck.rule.Equivalent;

/**
 * The verdict on a plan and, for every rule in the qualification's order, how the plan fares.
 *
 * @param qualification the qualification's code
 * @param plan the plan checked
 * @param met whether the plan is proved to meet every rule: some reading of it meets them all; with
 *     pathways, the common rules and every rule of at least one pathway
 * @param outcomes one outcome per rule, in rule order (with pathways, per common rule, under the
 *     reading of the first pathway achieved, or else of the pathway nearest to being met)
 * @param placement for each counted unit listed in a group, the group it counts toward
 * @param notCounted units in the plan that count toward nothing: because an equivalent unit
 *     counts, or because a cap on what counts leaves them out ({@link #notCountedBy()} says which)
 * @param undecided whether the search over the plan's readings reached its bound before it could
 *     prove the plan met or not met; {@code met} is then false and the outcomes are those of the
 *     best reading found, which need not be the best there is
 * @param pathways how the plan fares against each pathway, in the qualification's order; empty when
 *     it has none
 * @param endorsements how the plan fares against each endorsed title, in order; they never decide
 *     {@code met}
 */
public record CheckResult(
    String qualification,
    Plan plan,
    boolean met,
    List<RuleOutcome> outcomes,
    Map<String, String> placement,
    List<String> notCounted,
    boolean undecided,
    List<VariantOutcome> pathways,
    List<VariantOutcome> endorsements) {

  /**
   * A result for a qualification without pathways or endorsed titles.
   *
   * @param qualification the qualification's code
   * @param plan the plan checked
   * @param met whether the plan meets every rule
   * @param outcomes one outcome per rule, in rule order
   * @param placement for each counted unit listed in a group, the group it counts toward
   * @param notCounted units in the plan that count toward nothing because an equivalent unit
   *     counts
   * @param undecided whether the placement search reached its bound before deciding
   */
  public CheckResult(
      String qualification,
      Plan plan,
      boolean met,
      List<RuleOutcome> outcomes,
      Map<String, String> placement,
      List<String> notCounted,
      boolean undecided) {
    this(qualification, plan, met, outcomes, placement, notCounted, undecided, List.of(), List.of());
  }

  /**
   * Checks the parts given; collections are copied, so the value is immutable.
   *
   * @param qualification the qualification's code
   * @param plan the plan checked
   * @param met whether the plan meets every rule
   * @param outcomes one outcome per rule, in rule order
   * @param placement for each counted unit listed in a group, the group it counts toward
   * @param notCounted units in the plan that count toward nothing because an equivalent unit
   *     counts
   * @param undecided whether the placement search reached its bound before deciding; never true
   *     when {@code met} is
   * @param pathways how the plan fares against each pathway, in order
   * @param endorsements how the plan fares against each endorsed title, in order
   */
  public CheckResult {
    checkNotNull(qualification, "qualification");
    checkNotNull(plan, "plan");
    outcomes = ImmutableList.copyOf(checkNotNull(outcomes, "outcomes"));
    placement = ImmutableMap.copyOf(checkNotNull(placement, "placement"));
    notCounted = ImmutableList.copyOf(checkNotNull(notCounted, "notCounted"));
    checkArgument(!(met && undecided), "a plan proved met is decided");
    pathways = ImmutableList.copyOf(checkNotNull(pathways, "pathways"));
    endorsements = ImmutableList.copyOf(checkNotNull(endorsements, "endorsements"));
  }

  /** {@return the ids of the pathways the plan achieves, in the qualification's order} */
  public List<String> achievedPathways() {
    return metIds(pathways);
  }

  /** {@return the ids of the endorsed titles the plan earns, in the qualification's order} */
  public List<String> earnedEndorsements() {
    return metIds(endorsements);
  }

  private static List<String> metIds(List<VariantOutcome> variants) {
    ImmutableList.Builder<String> ids = ImmutableList.builder();
    for (VariantOutcome v : variants) {
      if (v.met()) {
        ids.add(v.id());
      }
    }
    return ids.build();
  }

  /** {@return the three-valued verdict: met, not met, or undecided at the search's bound} */
  public Verdict verdict() {
    return met ? Verdict.MET : undecided ? Verdict.UNDECIDED : Verdict.NOT_MET;
  }

  /**
   * {@return for each unit that does not count, the id of the rule that leaves it out: the first
   * cap whose outcome lists it, otherwise the equivalence that names it; in plan order}
   */
  public Map<String, String> notCountedBy() {
    Map<String, String> by = new LinkedHashMap<>();
    for (String unit : notCounted) {
      String cap = null;
      String equivalence = null;
      for (RuleOutcome o : outcomes) {
        if (cap == null && o.rule() instanceof Cap && o.notCounted().contains(unit)) {
          cap = o.ruleId();
        }
        if (equivalence == null && o.rule() instanceof Equivalent e && e.units().contains(unit)) {
          equivalence = o.ruleId();
        }
      }
      String why = cap != null ? cap : equivalence;
      if (why != null) {
        by.put(unit, why);
      }
    }
    return Collections.unmodifiableMap(by);
  }

  /** {@return the outcomes of the common rules the plan does not meet} */
  public List<RuleOutcome> failures() {
    // a loop rather than a stream: every text report asks for the failures once, on start-up,
    // where a stream's lambda and Guava's collectors would be set up for this alone
    ImmutableList.Builder<RuleOutcome> failures = ImmutableList.builder();
    for (RuleOutcome o : outcomes) {
      if (!o.holds()) {
        failures.add(o);
      }
    }
    return failures.build();
  }
}
