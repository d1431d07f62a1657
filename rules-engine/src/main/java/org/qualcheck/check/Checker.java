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
import org.qualcheck.model.Variant;
import org.qualcheck.record.Via;
import org.qualcheck.rule.AllOf;
import org.qualcheck.rule.Rule;

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
  /**
   * One checker per way of achieving the qualification ({@link Qualification#routes}); empty for a
   * qualification without pathways or endorsements, which this checker's own rules decide.
   */
  private final ImmutableList<Checker> routes;
  /** Per endorsement, one checker per route with the endorsement's rules added. */
  private final ImmutableList<ImmutableList<Checker>> endorsed;

  private Checker(CompiledQualification compiled) {
    this.compiled = compiled;
    Qualification q = compiled.qualification();
    if (q.pathways().isEmpty() && q.endorsements().isEmpty()) {
      this.routes = ImmutableList.of();
      this.endorsed = ImmutableList.of();
    } else {
      this.routes = checkers(q.routes());
      ImmutableList.Builder<ImmutableList<Checker>> endorsed = ImmutableList.builder();
      for (Variant e : q.endorsements()) {
        endorsed.add(checkers(q.routesWith(e.id())));
      }
      this.endorsed = endorsed.build();
    }
    // loops rather than streams: a checker is built on every command's start-up, where each
    // stream's lambdas and Guava's collectors would be linked and set up before their first use
    ImmutableList.Builder<String> requirements =
        ImmutableList.builderWithExpectedSize(q.rules().size());
    ImmutableList.Builder<ImmutableList<String>> required =
        ImmutableList.builderWithExpectedSize(q.rules().size());
    for (Rule r : q.rules()) {
      requirements.add(RuleText.requirement(r, q));
      required.add(r instanceof AllOf a ? requiredUnits(a) : ImmutableList.of());
    }
    this.requirements = requirements.build();
    this.required = required.build();
  }

  private static ImmutableList<Checker> checkers(List<Qualification> routes) {
    ImmutableList.Builder<Checker> checkers = ImmutableList.builderWithExpectedSize(routes.size());
    for (Qualification route : routes) {
      checkers.add(of(route));
    }
    return checkers.build();
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
    if (!routes.isEmpty()) {
      return routes.stream().anyMatch(r -> r.meets(plan));
    }
    return compiled.meets(compiled.bits(plan));
  }

  /**
   * {@return whether the qualification has pathways or endorsed titles, so that its common rules
   * alone do not decide a plan and {@link #compiled} and {@link #figures} speak of the common rules
   * only}
   */
  public boolean hasVariants() {
    return !routes.isEmpty();
  }

  /**
   * {@return one checker per way of achieving the qualification: per pathway, of the common rules
   * and that pathway's; this checker alone when there are no pathways or endorsements}
   */
  public List<Checker> routes() {
    return routes.isEmpty() ? List.of(this) : routes;
  }

  /**
   * {@return one checker per way of achieving the qualification with this endorsed title: per
   * pathway (one if there are none), of the common rules, the pathway's and the endorsement's}
   *
   * @param endorsement the id of one of the qualification's endorsements
   * @throws IllegalArgumentException if there is no such endorsement
   */
  public List<Checker> routesWith(String endorsement) {
    List<org.qualcheck.model.Variant> all = compiled.qualification().endorsements();
    for (int e = 0; e < all.size(); e++) {
      if (all.get(e).id().equals(endorsement)) {
        return endorsed.get(e);
      }
    }
    throw new IllegalArgumentException("there is no endorsement " + endorsement);
  }

  /**
   * {@return the three-valued verdict alone, without explanation}
   *
   * @param plan the plan to check
   */
  public Verdict verdict(Plan plan) {
    if (!routes.isEmpty()) {
      Verdict best = Verdict.NOT_MET;
      for (Checker r : routes) {
        Verdict v = r.verdict(plan);
        if (v == Verdict.MET) {
          return v;
        }
        if (v == Verdict.UNDECIDED) {
          best = v;
        }
      }
      return best;
    }
    return compiled.verdict(compiled.bits(plan));
  }

  /**
   * The figure of every rule for the plan under its best reading, indexed like the qualification's
   * rules: enough to report failing rules and their shortfall without building a full result. For a
   * qualification with pathways these are the common rules read on their own; {@link #check} tells
   * how each pathway fares.
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
    if (!routes.isEmpty()) {
      return checkVariants(plan.resolvedAgainst(compiled.qualification()));
    }
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

  /**
   * Checks each route on its own, so that a unit in two groups may be placed differently for
   * different pathways, and reports the common rules under the reading of the first pathway
   * achieved (or, if none is, of the pathway with the fewest rules broken).
   */
  private CheckResult checkVariants(Plan plan) {
    Qualification q = compiled.qualification();
    int common = q.rules().size();
    List<CheckResult> results = new ArrayList<>();
    for (Checker r : routes) {
      results.add(r.check(plan));
    }
    int chosen = 0;
    for (int i = 0; i < results.size(); i++) {
      if (results.get(i).met()) {
        chosen = i;
        break;
      }
      if (results.get(i).failures().size() < results.get(chosen).failures().size()) {
        chosen = i;
      }
    }
    CheckResult reported = results.get(chosen);
    ImmutableList.Builder<VariantOutcome> pathways = ImmutableList.builder();
    boolean met = false;
    boolean undecided = false;
    for (int i = 0; i < q.pathways().size(); i++) {
      org.qualcheck.model.Variant p = q.pathways().get(i);
      CheckResult r = results.get(i);
      met |= r.met();
      undecided |= r.undecided();
      pathways.add(
          new VariantOutcome(
              p.id(), p.title(), r.met(), r.undecided(), r.outcomes().subList(common, r.outcomes().size())));
    }
    if (q.pathways().isEmpty()) {
      met = reported.met();
      undecided = reported.undecided();
    }
    ImmutableList.Builder<VariantOutcome> endorsements = ImmutableList.builder();
    for (int e = 0; e < q.endorsements().size(); e++) {
      org.qualcheck.model.Variant v = q.endorsements().get(e);
      List<Checker> withTitle = endorsed.get(e);
      CheckResult best = null;
      boolean eUndecided = false;
      for (int i = 0; i < withTitle.size(); i++) {
        CheckResult r = withTitle.get(i).check(plan);
        eUndecided |= r.undecided();
        if (best == null || r.met() || i == chosen && !best.met()) {
          best = r;
        }
        if (r.met()) {
          break;
        }
      }
      int own = best.outcomes().size() - v.rules().size();
      endorsements.add(
          new VariantOutcome(
              v.id(),
              v.title(),
              best.met(),
              !best.met() && eUndecided,
              best.outcomes().subList(own, best.outcomes().size())));
    }
    return new CheckResult(
        q.code(),
        plan,
        met,
        reported.outcomes().subList(0, common),
        reported.placement(),
        reported.notCounted(),
        !met && undecided,
        pathways.build(),
        endorsements.build());
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
    ImmutableList.Builder<String> notCounted = ImmutableList.builder();
    if (rule instanceof CompiledRule.Sum sum && sum.isCap()) {
      long[] scope = sum.relevantUnits();
      long[] counts = a.counted();
      long[] chosen = a.chosen();
      for (int i = Bits.next(scope, 0); i >= 0; i = Bits.next(scope, i + 1)) {
        // a unit left out because an equivalent counts is the equivalence's doing, not the cap's
        if (Bits.get(chosen, i) && !Bits.intersects(counts, compiled.equivalents(i))) {
          notCounted.add(compiled.number(i));
        }
      }
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
        missing,
        notCounted.build());
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
