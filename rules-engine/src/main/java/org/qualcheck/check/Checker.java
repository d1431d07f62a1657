package org.qualcheck.check;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.qualcheck.compile.Assignment;
import org.qualcheck.compile.Bits;
import org.qualcheck.compile.CompiledQualification;
import org.qualcheck.compile.CompiledRule;
import org.qualcheck.model.Qualification;
import org.qualcheck.rule.AllOf;
import org.qualcheck.rule.Barred;
import org.qualcheck.rule.Equivalent;
import org.qualcheck.rule.Measure;
import org.qualcheck.rule.Rule;
import org.qualcheck.rule.Total;

/**
 * Checks plans against one qualification's rules of combination and explains the verdict.
 *
 * <p>Compile once with {@link #of} and share: a checker is immutable and thread-safe.
 */
public final class Checker {
  private final CompiledQualification compiled;
  private final ImmutableList<String> requirements;

  private Checker(CompiledQualification compiled) {
    this.compiled = compiled;
    Qualification q = compiled.qualification();
    this.requirements =
        q.rules().stream()
            .map(r -> RuleText.requirement(r, q))
            .collect(ImmutableList.toImmutableList());
  }

  public static Checker of(Qualification qualification) {
    return new Checker(CompiledQualification.of(qualification));
  }

  public Qualification qualification() {
    return compiled.qualification();
  }

  public CompiledQualification compiled() {
    return compiled;
  }

  /** The verdict alone, without explanation: the fast path for batch work. */
  public boolean meets(Plan plan) {
    return compiled.meets(compiled.bits(plan));
  }

  /** The verdict with every rule's outcome. */
  public CheckResult check(Plan plan) {
    long[] chosen = compiled.bits(plan);
    CompiledQualification.Reading reading = compiled.search(chosen);
    Assignment a = reading.assignment();
    List<CompiledRule> rules = compiled.rules();
    ImmutableList.Builder<RuleOutcome> outcomes = ImmutableList.builder();
    for (int r = 0; r < rules.size(); r++) {
      outcomes.add(outcome(rules.get(r), requirements.get(r), reading.figure(r), a));
    }
    ImmutableMap.Builder<String, String> placement = ImmutableMap.builder();
    ImmutableList.Builder<String> notCounted = ImmutableList.builder();
    long[] counted = a.counted();
    for (int i = 0; i < compiled.unitCount(); i++) {
      if (!Bits.get(chosen, i)) {
        continue;
      }
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
        notCounted.build());
  }

  private RuleOutcome outcome(CompiledRule rule, String requirement, long figure, Assignment a) {
    boolean holds = rule.admits(figure);
    long shortfall = Math.max(0, rule.min() - figure);
    long excess = rule.max() == Long.MAX_VALUE ? 0 : Math.max(0, figure - rule.max());
    List<String> counted = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    long[] contributors = rule.contributors(a);
    for (int i = 0; i < compiled.unitCount(); i++) {
      if (Bits.get(contributors, i)) {
        counted.add(compiled.number(i));
      }
    }
    if (rule instanceof CompiledRule.Requirements req) {
      List<String> required = requiredUnits((AllOf) rule.rule());
      for (int k = 0; k < req.requirementCount(); k++) {
        if (!req.requirementMet(a, k)) {
          missing.add(required.get(k));
        }
      }
    }
    String explanation =
        explain(rule, holds, figure, shortfall, excess, counted, missing);
    return new RuleOutcome(
        rule.rule(),
        holds,
        requirement,
        rule.min(),
        rule.max(),
        figure,
        shortfall,
        excess,
        ImmutableList.copyOf(counted),
        ImmutableList.copyOf(missing),
        explanation);
  }

  /** The units an all-of rule requires, in the order its compiled requirements are numbered. */
  private List<String> requiredUnits(AllOf rule) {
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
    return units;
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

  private String explain(
      CompiledRule rule,
      boolean holds,
      long figure,
      long shortfall,
      long excess,
      List<String> counted,
      List<String> missing) {
    Rule r = rule.rule();
    if (r instanceof AllOf) {
      return holds
          ? "all " + figure + " required units are in the plan"
          : missing.size()
              + " of "
              + rule.min()
              + " required units missing: "
              + RuleText.list(missing);
    }
    if (r instanceof Barred) {
      return holds
          ? "no barred combination is taken"
          : RuleText.list(counted) + " may not be taken together";
    }
    if (r instanceof Equivalent) {
      return counted.isEmpty()
          ? "none of these units is in the plan"
          : figure > 1
              ? "only " + counted.get(0) + " counts of the " + figure + " equivalent units taken"
              : counted.get(0) + " counts";
    }
    Measure measure = r instanceof Total t ? t.measure() : Measure.UNITS;
    String got = measure.amount(figure);
    String from = counted.isEmpty() ? "" : " (" + String.join(", ", counted) + ")";
    if (holds) {
      return got + from;
    }
    return shortfall > 0
        ? got + from + ", " + shortfall + " short"
        : got + from + ", " + excess + " over the maximum";
  }
}
