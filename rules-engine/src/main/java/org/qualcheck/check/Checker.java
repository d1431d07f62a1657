package org.qualcheck.check;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import org.qualcheck.compile.Assignment;
import org.qualcheck.compile.Bits;
import org.qualcheck.compile.CompiledQualification;
import org.qualcheck.compile.CompiledRule;
import org.qualcheck.model.Qualification;
import org.qualcheck.record.Via;
import org.qualcheck.rule.AllOf;

/**
 * Checks plans against one qualification's rules of combination and explains the verdict.
 *
 * <p>Compile once with {@link #of} and share: a checker is immutable and thread-safe.
 */
public final class Checker {
  private final CompiledQualification compiled;
  private final ImmutableList<String> requirements;
  /** Per rule: for all-of rules the required units in compiled order, otherwise empty. */
  private final ImmutableList<ImmutableList<String>> required;

  private Checker(CompiledQualification compiled) {
    this.compiled = compiled;
    Qualification q = compiled.qualification();
    this.requirements =
        q.rules().stream()
            .map(r -> RuleText.requirement(r, q))
            .collect(ImmutableList.toImmutableList());
    this.required =
        q.rules().stream()
            .map(r -> r instanceof AllOf a ? requiredUnits(a) : ImmutableList.<String>of())
            .collect(ImmutableList.toImmutableList());
  }

  /**
   * {@return a checker for the qualification, compiled once; share it between threads}
   *
   * @param qualification the qualification to check plans against
   */
  public static Checker of(Qualification qualification) {
    return new Checker(CompiledQualification.of(qualification));
  }

  /**
   * {@return a checker for one learner's record: totals with a {@code via} filter count a unit
   * only if its credit was obtained in a way they name}
   *
   * @param qualification the qualification to check against
   * @param provenance how the credit of some units was obtained, by unit number; the rest by
   *     assessment
   */
  public static Checker of(Qualification qualification, Map<String, Via> provenance) {
    return new Checker(CompiledQualification.of(qualification, provenance));
  }

  /** {@return the qualification this checker checks against} */
  public Qualification qualification() {
    return compiled.qualification();
  }

  /**
   * {@return the compiled, bitset form of the qualification, for counting and low-level questions}
   */
  public CompiledQualification compiled() {
    return compiled;
  }

  /**
   * Whether the plan is proved to meet the rules, without explanation: the fast path for batch
   * work. False both when it does not and when the search reached its bound; {@link #verdict}
   * tells the two apart.
   *
   * @param plan the plan to check
   * @return whether some reading of the plan is proved to meet every rule
   */
  public boolean meets(Plan plan) {
    return compiled.meets(compiled.bits(plan));
  }

  /**
   * {@return the three-valued verdict alone, without explanation}
   *
   * @param plan the plan to check
   */
  public Verdict verdict(Plan plan) {
    return compiled.verdict(compiled.bits(plan));
  }

  /**
   * The figure of every rule for the plan under its best reading, indexed like the qualification's
   * rules: enough to report failing rules and their shortfall without building a full result.
   *
   * @param plan the plan to check
   * @return each rule's figure, at the rule's index
   */
  public long[] figures(Plan plan) {
    return compiled.search(compiled.bits(plan)).figures();
  }

  /** {@return what each rule asks, in plain English, indexed like the qualification's rules} */
  public List<String> requirements() {
    return requirements;
  }

  /**
   * {@return the verdict with every rule's outcome}
   *
   * @param plan the plan to check
   */
  public CheckResult check(Plan plan) {
    plan = plan.resolvedAgainst(compiled.qualification());
    long[] chosen = compiled.bits(plan);
    CompiledQualification.Reading reading = compiled.search(chosen);
    Assignment a = reading.assignment();
    List<CompiledRule> rules = compiled.rules();
    ImmutableList.Builder<RuleOutcome> outcomes = ImmutableList.builder();
    for (int r = 0; r < rules.size(); r++) {
      outcomes.add(
          outcome(rules.get(r), requirements.get(r), required.get(r), reading.figure(r), a));
    }
    ImmutableMap.Builder<String, String> placement = ImmutableMap.builder();
    ImmutableList.Builder<String> notCounted = ImmutableList.builder();
    long[] counted = a.counted();
    for (int i = Bits.next(chosen, 0); i >= 0; i = Bits.next(chosen, i + 1)) {
      if (!Bits.get(counted, i)) {
        notCounted.add(compiled.number(i));
      } else if (a.placement(i) >= 0) {
        placement.put(compiled.number(i), compiled.groupId(a.placement(i)));
      }
    }
    return new CheckResult(
        compiled.qualification().code(),
        plan,
        reading.metAll(),
        outcomes.build(),
        placement.buildOrThrow(),
        notCounted.build(),
        reading.verdict() == Verdict.UNDECIDED);
  }

  private RuleOutcome outcome(
      CompiledRule rule, String requirement, List<String> required, long figure, Assignment a) {
    boolean holds = rule.admits(figure);
    long shortfall = Math.max(0, rule.min() - figure);
    long excess = rule.max() == Long.MAX_VALUE ? 0 : Math.max(0, figure - rule.max());
    ImmutableList.Builder<String> counted = ImmutableList.builder();
    long[] contributors =
        compiled.isSimple() && !(rule instanceof CompiledRule.Always)
            ? rule.contributorsSimple(a.counted())
            : rule.contributors(a);
    for (int i = Bits.next(contributors, 0); i >= 0; i = Bits.next(contributors, i + 1)) {
      counted.add(compiled.number(i));
    }
    ImmutableList<String> missing = ImmutableList.of();
    if (rule instanceof CompiledRule.Requirements req && figure < req.requirementCount()) {
      ImmutableList.Builder<String> lacking = ImmutableList.builder();
      for (int k = 0; k < req.requirementCount(); k++) {
        if (!req.requirementMet(a, k)) {
          lacking.add(required.get(k));
        }
      }
      missing = lacking.build();
    }
    return new RuleOutcome(
        rule.rule(),
        holds,
        requirement,
        rule.min(),
        rule.max() == Long.MAX_VALUE ? OptionalLong.empty() : OptionalLong.of(rule.max()),
        figure,
        shortfall,
        excess,
        counted.build(),
        missing);
  }

  /** The units an all-of rule requires, in the order its compiled requirements are numbered. */
  private ImmutableList<String> requiredUnits(AllOf rule) {
    List<String> units = new ArrayList<>();
    Set<String> keys = new LinkedHashSet<>();
    for (String gid : rule.scope().groups()) {
      for (String u : compiled.qualification().groups().get(gid).units()) {
        String key = classKey(u) + "@" + gid;
        if (keys.add(key)) {
          units.add(u);
        }
      }
    }
    for (String u : rule.scope().units()) {
      if (keys.add(classKey(u) + "@")) {
        units.add(u);
      }
    }
    return ImmutableList.copyOf(units);
  }

  private String classKey(String unit) {
    long[] eq = compiled.equivalents(compiled.indexOf(unit));
    for (int i = 0; i < compiled.unitCount(); i++) {
      if (Bits.get(eq, i)) {
        return compiled.number(i);
      }
    }
    return unit;
  }
}
