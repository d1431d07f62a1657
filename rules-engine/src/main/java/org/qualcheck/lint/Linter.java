package org.qualcheck.lint;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.stream.Collectors;
import org.qualcheck.check.CheckResult;
import org.qualcheck.check.Checker;
import org.qualcheck.check.Plan;
import org.qualcheck.check.RuleOutcome;
import org.qualcheck.check.RuleText;
import org.qualcheck.compile.Bits;
import org.qualcheck.compile.CompiledQualification;
import org.qualcheck.compile.CompiledRule;
import org.qualcheck.model.Group;
import org.qualcheck.model.PrintableText;
import org.qualcheck.model.Qualification;
import org.qualcheck.model.QualificationNumber;
import org.qualcheck.model.SourceLocation;
import org.qualcheck.model.Unit;
import org.qualcheck.model.UnitReference;
import org.qualcheck.plan.Conflict;
import org.qualcheck.plan.PlanAnswer;
import org.qualcheck.plan.PlanOptions;
import org.qualcheck.plan.Planner;
import org.qualcheck.rule.AllOf;
import org.qualcheck.rule.Barred;
import org.qualcheck.rule.Bounds;
import org.qualcheck.rule.Cap;
import org.qualcheck.rule.Choose;
import org.qualcheck.rule.Equivalent;
import org.qualcheck.rule.Rule;
import org.qualcheck.rule.Total;
import org.qualcheck.rule.UnitFilter;

/**
 * Checks that a qualification's rules of combination say what its designer meant: that some plan
 * meets them, that every unit can be part of such a plan, that no rule is implied by the others,
 * and that the figures transcribed from the source hang together.
 *
 * <p>Every question about plans is a question of whether some plan containing given units and
 * avoiding others meets a set of rules, answered exactly by the {@link Planner}'s branch and bound
 * (never by sampling): it either returns a plan, which proves the answer, or exhausts the search
 * and names a smallest set of rules that cannot hold together. Whether a rule is implied by the
 * others is asked through its negation: a rule with a minimum m is broken exactly when the same sum
 * is at most m - 1, one with a maximum M when it is at least M + 1, a barred combination when two
 * of its units are both taken, and an all-of rule when one of its units is left out. The rule is
 * implied exactly when no plan meets the others together with a negation. A plan found that way is
 * confirmed with the {@link Checker}: it proves the rule is not implied only if no reading of it
 * meets the others and the rule together. Where units may be counted in more than one group, a plan
 * can break a rule under one reading and meet it under another; for an unmarked rule lint then makes
 * no claim, while for a rule marked {@code implied} and for a maximum over shared units it looks
 * past such plans with {@link WitnessSearch} until it finds an unambiguous one or has seen them all.
 *
 * <p>A rule marked {@code implied} must be implied by the rules not marked implied alone, so that
 * dropping every marked rule at once never changes which plans meet the rules; two marked rules
 * that only imply each other are both reported. Marked rules so confirmed are set aside, as is
 * every rule found redundant and every maximum found to be evaded by placement, so that removing
 * all of them never changes which plans meet the rules.
 *
 * <p>Stateless and thread-safe.
 */
public final class Linter {
  private Linter() {}

  /**
   * {@return the findings on one qualification's structure}
   *
   * @param q the qualification to lint
   */
  public static LintReport lint(Qualification q) {
    if (!q.pathways().isEmpty() || !q.endorsements().isEmpty()) {
      return PathwayLint.lint(q);
    }
    return lintOne(q);
  }

  /** The findings on a qualification without pathways, or on one route through pathways. */
  static LintReport lintOne(Qualification q) {
    List<Finding> out = new ArrayList<>();
    checkCharacters(q, out);
    levelsInRange(q, out);
    Map<String, String> required = requiredUnits(q);
    declaredCredits(q, required, out);
    barredMandatory(q, required, out);
    Planner planner = Planner.of(q);
    expensivePlacement(q, planner.checker().compiled(), out);
    unknownAttributes(q, out);
    inertCaps(q, planner.checker().compiled(), out);
    Outcome any = solve(planner, Plan.of(), Set.of());
    switch (any.status()) {
      case UNDECIDED -> out.add(undecided("whether any plan meets the rules", Optional.empty()));
      case NONE -> {
        Conflict c = any.conflict().orElseThrow();
        out.add(
            new Finding(
                FindingKind.UNSATISFIABLE,
                "no plan meets the rules: " + cannotHold(c) + example(q, c),
                q.location("rule:" + c.rules().get(0)),
                c.rules(),
                ImmutableList.of(),
                Optional.empty()));
      }
      case FOUND -> {
        deadUnits(q, planner, any.plan().orElseThrow(), out);
        redundantRules(q, planner.checker().compiled().isSimple(), out);
      }
    }
    // a stable sort: findings on the same line keep the order they were found in
    out.sort(BY_SEVERITY_THEN_LINE);
    return new LintReport(q, ImmutableList.copyOf(out));
  }

  /**
   * Findings by severity, then by the line they concern (those on no line first). A class rather
   * than a chain of comparator lambdas, which every lint would link at start-up.
   */
  private static final Comparator<Finding> BY_SEVERITY_THEN_LINE = new BySeverityThenLine();

  private static final class BySeverityThenLine implements Comparator<Finding> {
    @Override
    public int compare(Finding a, Finding b) {
      int c = a.severity().compareTo(b.severity());
      return c != 0 ? c : Integer.compare(line(a), line(b));
    }

    private static int line(Finding f) {
      return f.location().isPresent() ? f.location().get().line() : 0;
    }
  }

  // ----- figures transcribed from the source -----

  private static void checkCharacters(Qualification q, List<Finding> out) {
    Optional<QualificationNumber> number = q.number();
    if (number.isPresent() && !number.get().hasValidCheck()) {
      QualificationNumber n = number.get();
      out.add(
          structural(
              q,
              FindingKind.CHECK_CHARACTER,
              "qualification number "
                  + n
                  + " ends in check character "
                  + n.checkCharacter()
                  + ", but its digits give "
                  + n.expectedCheckCharacter(),
              "qualification:number",
              List.of()));
    }
    for (Unit u : q.units().values()) {
      if (u.reference().isPresent() && !u.reference().get().hasValidCheck()) {
        UnitReference r = u.reference().get();
        out.add(
            structural(
                q,
                FindingKind.CHECK_CHARACTER,
                (u.number().equals(r.value())
                        ? "unit reference number " + r
                        : "unit " + u.number() + "'s reference number " + r)
                    + " has check letter "
                    + r.checkLetter()
                    + ", but its digits give "
                    + r.expectedCheckLetter(),
                "unit:" + u.number(),
                List.of(u.number())));
      }
    }
  }

  private static void levelsInRange(Qualification q, List<Finding> out) {
    for (Unit u : q.units().values()) {
      if (u.level().compareTo(q.lowestLevel()) < 0 || u.level().compareTo(q.highestLevel()) > 0) {
        out.add(
            structural(
                q,
                FindingKind.LEVEL_OUT_OF_RANGE,
                "unit "
                    + u.number()
                    + " is at "
                    + u.level().label()
                    + ", outside the qualification's levels "
                    + q.lowestLevel().label()
                    + " to "
                    + q.highestLevel().label(),
                "unit:" + u.number(),
                List.of(u.number())));
      }
    }
  }

  private static void declaredCredits(
      Qualification q, Map<String, String> required, List<Finding> out) {
    for (Group g : q.groups().values()) {
      if (g.declaredCredits().isEmpty()) {
        continue;
      }
      int declared = g.declaredCredits().getAsInt();
      int sum = q.credits(g.units());
      boolean mandatory = !g.units().isEmpty() && required.keySet().containsAll(g.units());
      StringJoiner units = new StringJoiner(", ");
      for (String u : g.units()) {
        units.add(u + " (" + q.units().get(u).credits() + ")");
      }
      String disagreement =
          mandatory && declared != sum
              ? "every one of its units must be taken and they add up to " + sum + ": " + units
              : !mandatory && declared > sum
                  ? "all its units together make only " + sum
                  : null;
      if (disagreement != null) {
        out.add(
            structural(
                q,
                FindingKind.DECLARED_CREDITS,
                "group " + g.id() + " is printed as " + declared + " credits, but " + disagreement,
                "group:" + g.id(),
                g.units()));
      }
    }
  }

  private static void barredMandatory(
      Qualification q, Map<String, String> required, List<Finding> out) {
    for (Rule r : q.rules()) {
      if (r instanceof Barred b) {
        List<String> both = b.units().stream().filter(required::containsKey).toList();
        if (both.size() >= 2) {
          String x = both.get(0);
          String y = both.get(1);
          out.add(
              new Finding(
                  FindingKind.BARRED_MANDATORY,
                  "units "
                      + x
                      + " and "
                      + y
                      + " must both be taken ("
                      + (required.get(x).equals(required.get(y))
                          ? "rule " + required.get(x)
                          : "rules " + required.get(x) + " and " + required.get(y))
                      + "), but rule "
                      + b.id()
                      + " bars them from being taken together",
                  q.location("rule:" + b.id()),
                  ImmutableList.copyOf(
                      new LinkedHashSet<>(List.of(required.get(x), required.get(y), b.id()))),
                  ImmutableList.of(x, y),
                  Optional.empty()));
        }
      }
    }
  }

  /** Units every plan must take, by an all-of rule, each with the first such rule's id. */
  private static Map<String, String> requiredUnits(Qualification q) {
    Map<String, String> required = new LinkedHashMap<>();
    for (Rule r : q.rules()) {
      if (r instanceof AllOf a) {
        for (String u : unitsOf(q, a)) {
          required.putIfAbsent(u, a.id());
        }
      }
    }
    return required;
  }

  private static List<String> unitsOf(Qualification q, AllOf a) {
    Set<String> units = new LinkedHashSet<>();
    for (String g : a.scope().groups()) {
      units.addAll(q.groups().get(g).units());
    }
    units.addAll(a.scope().units());
    return List.copyOf(units);
  }

  /**
   * Above this many readings of the plan holding every unit, after the placement search's
   * reductions, a structure's shared units are worth a warning: the search's own bound.
   */
  static final double EXPENSIVE_READINGS = CompiledQualification.PLACEMENT_BUDGET;

  /**
   * Warns when units listed in several groups make the placement search expensive: estimated by
   * the readings of the plan holding every unit, the worst case, once units that no rule can tell
   * apart are taken together. The flow bound settles many such plans at once, but not every one.
   */
  private static void expensivePlacement(
      Qualification q, CompiledQualification compiled, List<Finding> out) {
    long[] all = Bits.empty(compiled.unitCount());
    List<String> shared = new ArrayList<>();
    for (int i = 0; i < compiled.unitCount(); i++) {
      Bits.set(all, i);
      if (compiled.placementOptions(i).length > 1) {
        shared.add(compiled.number(i));
      }
    }
    double readings = compiled.readingsAfterReductions(all);
    if (readings <= EXPENSIVE_READINGS) {
      return;
    }
    out.add(
        new Finding(
            FindingKind.EXPENSIVE_PLACEMENT,
            shared.size()
                + " units are each listed in more than one group ("
                + String.join(", ", shared.subList(0, Math.min(8, shared.size())))
                + (shared.size() > 8 ? ", ..." : "")
                + "), so a plan holding them can be read "
                + String.format(java.util.Locale.ROOT, "%.2g", readings)
                + " ways even with interchangeable units taken together; checking such a plan"
                + " ends undecided if the flow bound cannot settle it within "
                + String.format(java.util.Locale.ROOT, "%,d", CompiledQualification.PLACEMENT_BUDGET)
                + " search steps",
            q.location("unit:" + shared.get(0)),
            ImmutableList.of(),
            ImmutableList.copyOf(shared),
            Optional.empty()));
  }

  // ----- questions about plans -----

  private static void deadUnits(
      Qualification q, Planner planner, Plan witness, List<Finding> out) {
    Set<String> alive = new LinkedHashSet<>(witness.units());
    for (String u : q.units().keySet()) {
      if (alive.contains(u)) {
        continue;
      }
      Outcome o = solve(planner, Plan.of(u), Set.of());
      switch (o.status()) {
        case FOUND -> alive.addAll(o.plan().orElseThrow().units());
        case UNDECIDED -> out.add(
            undecided("whether unit " + u + " can be part of a plan that meets the rules",
                q.location("unit:" + u)));
        case NONE -> {
          Conflict c = o.conflict().orElseThrow();
          out.add(
              new Finding(
                  FindingKind.DEAD_UNIT,
                  "unit "
                      + u
                      + " can never be part of a plan that meets the rules: with it, "
                      + cannotHold(c),
                  q.location("unit:" + u),
                  c.rules(),
                  ImmutableList.of(u),
                  Optional.empty()));
        }
      }
    }
  }

  private static void redundantRules(Qualification q, boolean simple, List<Finding> out) {
    List<Rule> unmarked = new ArrayList<>();
    for (Rule r : q.rules()) {
      if (!q.impliedRules().contains(r.id())) {
        unmarked.add(r);
      }
    }
    List<Rule> kept = new ArrayList<>(q.rules());
    // a rule marked implied must follow from the unmarked rules alone, so that dropping every
    // marked rule at once never changes which plans meet the rules
    for (Rule r : q.rules()) {
      if (r instanceof Equivalent || !q.impliedRules().contains(r.id())) {
        continue;
      }
      Verdict v = implied(q, unmarked, r, simple, WitnessSearch.PLAN_LIMIT);
      switch (v.status()) {
        case IMPLIED -> remove(kept, r);
        case BROKEN -> notImplied(q, unmarked, r, v, out);
        case UNDECIDED -> out.add(
            undecided("whether rule " + r.id() + " is implied by the rules not marked implied",
                q.location("rule:" + r.id())));
        case UNKNOWN -> {
          // an all-of rule where units may count in other groups cannot be negated exactly
        }
      }
    }
    for (Rule r : unmarked) {
      // a total filtered by how credit was obtained speaks of learner records, which the plans
      // lint reasons over (every unit assessed) never exercise
      if (r instanceof Equivalent
          || r instanceof Total t && !t.via().isEmpty()
          || r instanceof Cap c && !c.via().isEmpty()) {
        continue;
      }
      List<Rule> others = new ArrayList<>(kept);
      remove(others, r);
      // where a plan can be read several ways, a first plan that is ambiguous leaves the
      // question open: lint then makes no claim
      Verdict v = implied(q, others, r, simple, 1);
      switch (v.status()) {
        case IMPLIED -> {
          remove(kept, r);
          List<Rule> implying = smallestImplying(q, others, r, simple);
          out.add(
              new Finding(
                  FindingKind.REDUNDANT_RULE,
                  redundantMessage(q, r, implying),
                  q.location("rule:" + r.id()),
                  ImmutableList.<String>builder()
                      .add(r.id())
                      .addAll(implying.stream().map(Rule::id).toList())
                      .build(),
                  ImmutableList.of(),
                  Optional.empty()));
        }
        case BROKEN, UNKNOWN -> {
          if (!simple && r instanceof Total t && t.bounds().max().isPresent()) {
            Optional<Optional<Rule>> evaded = evadedMaximum(q, others, t, out);
            if (evaded.isPresent()) {
              int at = indexOf(kept, r);
              evaded.get().ifPresentOrElse(rest -> kept.set(at, rest), () -> kept.remove(at));
            }
          }
        }
        case UNDECIDED -> out.add(
            undecided("whether rule " + r.id() + " is implied by the others",
                q.location("rule:" + r.id())));
      }
    }
  }

  /**
   * Where {@code rule} itself stands in {@code rules}, or -1. Rules are looked up by identity: each
   * is one of the qualification's, and comparing records by value would link a method handle for
   * each rule class on first use, a cost every lint pays at start-up for an answer known already.
   */
  private static int indexOf(List<Rule> rules, Rule rule) {
    for (int i = 0; i < rules.size(); i++) {
      if (rules.get(i) == rule) {
        return i;
      }
    }
    return -1;
  }

  /** Removes {@code rule} itself from {@code rules}, if it is there (see {@link #indexOf}). */
  private static void remove(List<Rule> rules, Rule rule) {
    int at = indexOf(rules, rule);
    if (at >= 0) {
      rules.remove(at);
    }
  }

  /**
   * Reports a rule marked implied that the unmarked rules do not imply, once the checker confirms
   * that the plan found meets every unmarked rule; names any other marked rule it breaks too.
   */
  private static void notImplied(
      Qualification q, List<Rule> unmarked, Rule r, Verdict v, List<Finding> out) {
    Plan p = v.plan().orElseThrow();
    if (!Checker.of(withRules(q, unmarked)).meets(p)) {
      return;
    }
    List<String> alsoBroken = new ArrayList<>();
    for (Rule m : q.rules()) {
      if (m != r && q.impliedRules().contains(m.id()) && !(m instanceof Equivalent)) {
        List<Rule> with = new ArrayList<>(unmarked);
        with.add(m);
        if (Checker.of(withRules(q, with)).verdict(p) == org.qualcheck.check.Verdict.NOT_MET) {
          alsoBroken.add(m.id());
        }
      }
    }
    String unmarkedText = unmarked.size() == q.rules().size() - 1 ? "every other rule"
        : "every rule not marked implied";
    out.add(
        new Finding(
            FindingKind.NOT_IMPLIED,
            "rule "
                + r.id()
                + " is marked implied, but the plan "
                + p
                + " meets "
                + unmarkedText
                + " and breaks it: "
                + v.broken().orElseThrow()
                + (alsoBroken.isEmpty()
                    ? ""
                    : "; it breaks "
                        + (alsoBroken.size() == 1 ? "rule " : "rules ")
                        + joinAnd(alsoBroken)
                        + " too, also marked implied, and a rule marked implied must follow from"
                        + " the rules not marked implied alone"),
            q.location("rule:" + r.id()),
            ImmutableList.<String>builder().add(r.id()).addAll(alsoBroken).build(),
            List.copyOf(p.units()),
            Optional.of(p)));
  }

  /**
   * Whether the maximum of {@code t} can always be evaded by placement: no plan meeting the other
   * rules and the rule's minimum breaks it however the plan is read, while some plan holds more than
   * the maximum in units listed in its scope and meets every rule by counting some of them in
   * another group. Proved structurally where {@link #movableOut} can, otherwise by examining, with
   * {@link WitnessSearch}, every plan that meets the others and exceeds the maximum under some
   * reading. Reports it and returns the rule as it stands without its maximum (empty if that leaves
   * nothing to require).
   */
  private static Optional<Optional<Rule>> evadedMaximum(
      Qualification q, List<Rule> others, Total t, List<Finding> out) {
    if (t.scope().isWholePlan() || !placedOutside(q, t)) {
      return Optional.empty();
    }
    long max = t.bounds().max().getAsLong();
    Optional<Rule> rest =
        t.bounds().lowest() > 0
            ? Optional.of(
                t.withBounds(Bounds.atLeast(t.bounds().lowest())))
            : Optional.empty();
    // exceeding the maximum meets the rule's minimum too
    List<Rule> over = new ArrayList<>(others);
    over.add(t.withBounds(Bounds.atLeast(max + 1)));
    List<Rule> all = new ArrayList<>(others);
    all.add(t);
    Checker checker = Checker.of(withRules(q, all));
    Planner exceeding = Planner.of(withRules(q, over));
    boolean proved = movableOut(q, others, t);
    // once proved, any plan exceeding the maximum is an example; otherwise every such plan must
    // be shown to meet the rules under another reading
    WitnessSearch.Result found =
        proved
            ? WitnessSearch.find(exceeding, List.of(), Set.of(), Set.of(), p -> false, 1)
            : WitnessSearch.find(
                exceeding,
                List.copyOf(q.units().keySet()),
                Set.of(),
                Set.of(),
                p -> !checker.meets(p),
                WitnessSearch.PLAN_LIMIT);
    boolean evaded =
        switch (found.status()) {
          case FOUND, UNDECIDED -> false;
          case NONE -> found.firstRejected().isPresent();
          case LIMIT -> proved;
        };
    if (!evaded) {
      if (found.status() == WitnessSearch.Status.UNDECIDED
          || found.status() == WitnessSearch.Status.LIMIT) {
        out.add(undecidedEvasion(q, t));
      }
      return Optional.empty();
    }
    Plan p = found.firstRejected().get();
    CheckResult result = checker.check(p);
    Set<String> listed = new LinkedHashSet<>();
    long held = 0;
    for (String u : p.units()) {
      Unit unit = q.units().get(u);
      boolean inScope = t.scope().units().contains(u)
          || t.scope().groups().stream().anyMatch(g -> q.groups().get(g).contains(u));
      if (inScope && weight(t, unit) > 0) {
        listed.add(u);
        held += weight(t, unit);
      }
    }
    List<String> elsewhere =
        listed.stream()
            .filter(u -> !t.scope().units().contains(u))
            .filter(u -> !t.scope().groups().contains(result.placement().get(u)))
            .toList();
    if (!result.met() || held <= max || elsewhere.isEmpty()) {
      return Optional.empty(); // the checker does not confirm the example; make no claim
    }
    Map<String, List<String>> byGroup = new LinkedHashMap<>();
    elsewhere.forEach(
        u -> byGroup.computeIfAbsent(result.placement().get(u), g -> new ArrayList<>()).add(u));
    List<String> where =
        byGroup.entrySet().stream()
            .map(e -> joinAnd(e.getValue()) + " in group " + e.getKey())
            .toList();
    String listedIn = RuleText.scope(t.scope()).replaceFirst("^from ", "");
    out.add(
        new Finding(
            FindingKind.EVADED_MAXIMUM,
            "the maximum of rule "
                + t.id()
                + " ("
                + RuleText.requirement(t, q)
                + ") never binds: any plan that meets the other rules and exceeds it when its"
                + " units are counted in "
                + listedIn
                + " also meets it when some of them are counted in another group; the plan "
                + p
                + ", for one, holds "
                + t.measure().amount(held)
                + " of units listed in "
                + listedIn
                + " yet meets every rule, counting "
                + joinAnd(where)
                + ". List such units in one group only if the maximum is meant to bind",
            q.location("rule:" + t.id()),
            ImmutableList.of(t.id()),
            ImmutableList.copyOf(elsewhere),
            Optional.of(p)));
    return Optional.of(rest);
  }

  private static Finding undecidedEvasion(Qualification q, Total t) {
    return undecided(
        "whether the maximum of rule " + t.id() + " can always be evaded by placement",
        q.location("rule:" + t.id()));
  }

  /**
   * A structural proof that the maximum of {@code t} never decides a plan: {@code t} has no
   * minimum and names no units, and every unit that can count toward it has no equivalent and is
   * also listed in a group outside its scope where counting it instead can break none of {@code
   * others}: no all-of rule requires it in the groups of {@code t}, no total with a minimum loses
   * it and no total with a maximum gains it. Then any reading of a plan that meets the others can
   * be changed, by moving all those units out, into one that meets {@code t} as well.
   */
  private static boolean movableOut(Qualification q, List<Rule> others, Total t) {
    if (t.bounds().lowest() > 0 || !t.scope().units().isEmpty()) {
      return false;
    }
    Set<String> equivalent = new LinkedHashSet<>();
    q.rules().stream().filter(r -> r instanceof Equivalent)
        .forEach(r -> equivalent.addAll(((Equivalent) r).units()));
    for (Unit u : q.units().values()) {
      List<String> sources =
          t.scope().groups().stream().filter(g -> q.groups().get(g).contains(u.number())).toList();
      if (sources.isEmpty() || weight(t, u) == 0) {
        continue;
      }
      if (equivalent.contains(u.number())) {
        return false;
      }
      boolean movable = false;
      for (Group d : q.groups().values()) {
        if (d.contains(u.number()) && !t.scope().groups().contains(d.id())
            && safeMove(others, u, sources, d.id())) {
          movable = true;
          break;
        }
      }
      if (!movable) {
        return false;
      }
    }
    return true;
  }

  /** Whether counting {@code u} in {@code to} rather than any of {@code from} breaks none of the rules. */
  private static boolean safeMove(List<Rule> rules, Unit u, List<String> from, String to) {
    for (Rule r : rules) {
      if (r instanceof AllOf a && from.stream().anyMatch(a.scope().groups()::contains)) {
        return false;
      }
      if (r instanceof Total x && !x.scope().isWholePlan() && weight(x, u) > 0
          && !x.scope().units().contains(u.number())) {
        boolean gains = x.scope().groups().contains(to);
        for (String s : from) {
          boolean loses = x.scope().groups().contains(s);
          if (loses && !gains && x.bounds().lowest() > 0
              || gains && !loses && x.bounds().max().isPresent()) {
            return false;
          }
        }
      }
    }
    return true;
  }

  /** What a unit adds to a total's figure when it counts in the total's scope. */
  private static long weight(Total t, Unit u) {
    if (!t.filter().accepts(u)) {
      return 0;
    }
    return switch (t.measure()) {
      case CREDITS -> u.credits();
      case UNITS -> 1;
      case GUIDED_LEARNING_HOURS -> u.guidedLearningHoursOrZero();
    };
  }

  /** Whether some unit listed in the rule's groups, and not named by it, may count in another. */
  private static boolean placedOutside(Qualification q, Total t) {
    for (String u : q.units().keySet()) {
      if (t.scope().units().contains(u)) {
        continue;
      }
      boolean in = false;
      boolean outside = false;
      for (Group g : q.groups().values()) {
        if (g.contains(u)) {
          in |= t.scope().groups().contains(g.id());
          outside |= !t.scope().groups().contains(g.id());
        }
      }
      if (in && outside) {
        return true;
      }
    }
    return false;
  }

  private static String redundantMessage(Qualification q, Rule r, List<Rule> implying) {
    String what = "rule " + r.id() + " (" + RuleText.requirement(r, q) + ")";
    if (implying.isEmpty()) {
      return what + " can never be broken, so it never decides; remove it";
    }
    return what
        + " is implied by "
        + (implying.size() == 1 ? "rule " : "rules ")
        + joinAnd(implying.stream().map(Rule::id).toList())
        + ": no plan that meets "
        + (implying.size() == 1 ? "it" : "them")
        + " breaks it; remove it, or mark it implied: true if the source states it";
  }

  /** Drops implying rules one at a time while the rest still imply {@code r}. */
  private static List<Rule> smallestImplying(
      Qualification q, List<Rule> others, Rule r, boolean simple) {
    List<Rule> implying = new ArrayList<>(others);
    for (Rule o : others) {
      List<Rule> fewer = new ArrayList<>(implying);
      remove(fewer, o);
      if (implied(q, fewer, r, simple, 1).status() == VerdictStatus.IMPLIED) {
        implying = fewer;
      }
    }
    return implying;
  }

  private enum VerdictStatus {
    IMPLIED,
    BROKEN,
    UNKNOWN,
    UNDECIDED
  }

  private record Verdict(VerdictStatus status, Optional<Plan> plan, Optional<String> broken) {
    static Verdict of(VerdictStatus status) {
      return new Verdict(status, Optional.empty(), Optional.empty());
    }
  }

  /** A way to break a rule: a rule to hold instead of it, units to take, units to leave out. */
  private record Negation(Optional<Rule> instead, Set<String> take, Set<String> avoid) {
    static Negation instead(Rule rule) {
      return new Negation(Optional.of(rule), Set.of(), Set.of());
    }
  }

  /**
   * Whether every plan meeting {@code others} meets {@code r}, with a plan proving it if not: one
   * that meets the others and, however it is read, not the others and {@code r} together. Up to
   * {@code plans} ambiguous plans (breaking {@code r} under one reading, meeting it under another)
   * are looked past for each way of breaking the rule; past that the answer is UNKNOWN when only
   * one was allowed, UNDECIDED otherwise.
   */
  private static Verdict implied(
      Qualification q, List<Rule> others, Rule r, boolean simple, int plans) {
    Optional<List<Negation>> negations = negations(q, r, simple);
    if (negations.isEmpty()) {
      return Verdict.of(VerdictStatus.UNKNOWN);
    }
    List<Rule> with = new ArrayList<>(others);
    with.add(r);
    Checker full = Checker.of(withRules(q, with));
    List<String> order = List.copyOf(q.units().keySet());
    VerdictStatus status = VerdictStatus.IMPLIED;
    for (Negation n : negations.get()) {
      List<Rule> rules = new ArrayList<>(others);
      n.instead().ifPresent(rules::add);
      // a plan whose check is undecided neither breaks r nor meets it: it leaves r undecided
      boolean[] undecidedCheck = {false};
      WitnessSearch.Result found =
          WitnessSearch.find(
              Planner.of(withRules(q, rules)), order, n.take(), n.avoid(),
              p -> {
                org.qualcheck.check.Verdict v = full.verdict(p);
                undecidedCheck[0] |= v == org.qualcheck.check.Verdict.UNDECIDED;
                return v == org.qualcheck.check.Verdict.NOT_MET;
              },
              plans);
      if (undecidedCheck[0] && found.status() != WitnessSearch.Status.FOUND) {
        status = VerdictStatus.UNDECIDED;
        continue;
      }
      switch (found.status()) {
        case FOUND -> {
          Plan p = found.witness().orElseThrow();
          RuleOutcome broken = brokenOutcome(full.check(p), r);
          return new Verdict(VerdictStatus.BROKEN, Optional.of(p), Optional.of(brokenText(broken)));
        }
        case UNDECIDED -> status = VerdictStatus.UNDECIDED;
        case LIMIT -> {
          if (status == VerdictStatus.IMPLIED) {
            status = plans == 1 ? VerdictStatus.UNKNOWN : VerdictStatus.UNDECIDED;
          }
        }
        case NONE -> {
          // every plan meeting the others and this negation also meets r under another reading
        }
      }
    }
    return Verdict.of(status);
  }

  /** The outcome of {@code r} if the plan breaks it, otherwise the first rule the plan breaks. */
  private static RuleOutcome brokenOutcome(CheckResult result, Rule r) {
    RuleOutcome first = null;
    for (RuleOutcome o : result.outcomes()) {
      if (!o.holds()) {
        if (o.rule().id().equals(r.id())) {
          return o;
        }
        first = first == null ? o : first;
      }
    }
    if (first == null) {
      throw new NoSuchElementException("the plan breaks no rule");
    }
    return first;
  }

  private static String brokenText(RuleOutcome o) {
    if (o.rule() instanceof Barred && !o.counted().isEmpty()) {
      return o.requirement() + ", and it holds " + joinAnd(o.counted());
    }
    return o.requirement() + ", and it achieves " + o.achieved();
  }

  /**
   * The ways to break {@code r}, each exact; empty when a rule cannot be negated exactly here (an
   * all-of rule where units may be counted in other groups).
   */
  private static Optional<List<Negation>> negations(Qualification q, Rule r, boolean simple) {
    return r.accept(
        new Rule.Visitor<Optional<List<Negation>>>() {
          @Override
          public Optional<List<Negation>> visitAllOf(AllOf a) {
            if (!simple) {
              return Optional.empty();
            }
            List<Negation> out = new ArrayList<>();
            for (String u : unitsOf(q, a)) {
              out.add(new Negation(Optional.empty(), Set.of(), Set.of(u)));
            }
            return Optional.of(out);
          }

          @Override
          public Optional<List<Negation>> visitTotal(Total t) {
            List<Negation> out = new ArrayList<>();
            for (Bounds broken : outside(t.bounds())) {
              out.add(Negation.instead(t.withBounds(broken)));
            }
            return Optional.of(out);
          }

          @Override
          public Optional<List<Negation>> visitCap(Cap c) {
            // a cap is never broken: it decides what counts, and is met by every reading
            return Optional.empty();
          }

          @Override
          public Optional<List<Negation>> visitChoose(Choose c) {
            List<Negation> out = new ArrayList<>();
            for (Bounds broken : outside(c.bounds())) {
              out.add(Negation.instead(new Choose(c.id(), c.units(), broken)));
            }
            return Optional.of(out);
          }

          @Override
          public Optional<List<Negation>> visitBarred(Barred b) {
            List<Negation> out = new ArrayList<>();
            for (int i = 0; i < b.units().size(); i++) {
              for (int j = i + 1; j < b.units().size(); j++) {
                out.add(
                    new Negation(
                        Optional.empty(), Set.of(b.units().get(i), b.units().get(j)), Set.of()));
              }
            }
            return Optional.of(out);
          }

          @Override
          public Optional<List<Negation>> visitEquivalent(Equivalent e) {
            return Optional.empty();
          }
        });
  }

  /** The bounds a figure lies in exactly when it breaks {@code bounds}: below, or above. */
  private static List<Bounds> outside(Bounds bounds) {
    List<Bounds> out = new ArrayList<>();
    if (bounds.lowest() > 0) {
      out.add(Bounds.atMost(bounds.lowest() - 1));
    }
    if (bounds.max().isPresent()) {
      out.add(Bounds.atLeast(bounds.max().getAsLong() + 1));
    }
    return out;
  }

  private static Qualification withRules(Qualification q, List<Rule> rules) {
    Qualification.Builder b =
        Qualification.builder(q.code())
            .title(q.title())
            .source(q.source())
            .levels(q.lowestLevel(), q.highestLevel());
    q.number().ifPresent(b::number);
    q.units().values().forEach(b::unit);
    q.groups().values().forEach(b::group);
    rules.forEach(b::rule);
    return b.build();
  }

  private enum Status {
    FOUND,
    NONE,
    UNDECIDED
  }

  /** A plan meeting the rules (FOUND), a conflict proving there is none (NONE), or neither. */
  private record Outcome(Status status, Optional<Plan> plan, Optional<Conflict> conflict) {}

  /** Whether some plan containing {@code take} meets the rules; a conflict proves there is none. */
  private static Outcome solve(Planner planner, Plan take, Set<String> avoid) {
    PlanAnswer a = planner.anyCompletion(take, PlanOptions.defaults().excluding(avoid));
    if (a.best().isPresent()) {
      return new Outcome(Status.FOUND, Optional.of(a.best().get().result().plan()), Optional.empty());
    }
    if (a.conflict().isPresent()) {
      return new Outcome(Status.NONE, Optional.empty(), a.conflict());
    }
    return new Outcome(Status.UNDECIDED, Optional.empty(), Optional.empty());
  }

  // ----- wording -----

  private static String cannotHold(Conflict c) {
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < c.rules().size(); i++) {
      parts.add(c.rules().get(i) + " (" + c.reasons().get(i) + ")");
    }
    return c.rules().size() == 1
        ? "rule " + parts.get(0) + " cannot be met"
        : "rules " + joinAnd(parts) + " cannot all hold together";
  }

  /**
   * An example that makes a conflict concrete: the cheapest plan meeting all of its rules but one
   * (one with a maximum, if any) and the figure it reaches on that one; empty if there is none.
   */
  private static String example(Qualification q, Conflict c) {
    if (c.rules().size() < 2) {
      return "";
    }
    List<Rule> conflicting =
        q.rules().stream().filter(r -> c.rules().contains(r.id())).collect(Collectors.toList());
    Rule last =
        conflicting.stream()
            .filter(r -> r instanceof Total t ? t.bounds().max().isPresent() : r instanceof Barred)
            .reduce((a, b) -> b)
            .orElse(conflicting.get(conflicting.size() - 1));
    List<Rule> rest = new ArrayList<>(conflicting);
    remove(rest, last);
    Optional<org.qualcheck.plan.Completion> cheapest =
        Planner.of(withRules(q, rest)).complete(Plan.of(), PlanOptions.defaults()).best();
    if (cheapest.isEmpty()) {
      return "";
    }
    Plan p = cheapest.get().result().plan();
    CheckResult check = Checker.of(withRules(q, conflicting)).check(p);
    if (check.undecided()) {
      return "";
    }
    return check.outcomes().stream()
        .filter(o -> o.rule().id().equals(last.id()) && !o.holds())
        .findFirst()
        .map(
            o ->
                "; the cheapest plan meeting all but "
                    + last.id()
                    + ", "
                    + p
                    + ", already breaks it: "
                    + brokenText(o))
        .orElse("");
  }

  private static String joinAnd(List<String> items) {
    if (items.size() == 1) {
      return items.get(0);
    }
    return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
  }

  private static Finding undecided(String question, Optional<SourceLocation> at) {
    return new Finding(
        FindingKind.UNDECIDED,
        "the search reached its bound before deciding " + question,
        at,
        ImmutableList.of(),
        ImmutableList.of(),
        Optional.empty());
  }

  // ----- caps and attributes -----

  /** Reports each attribute a total's or cap's filter names that no unit carries. */
  private static void unknownAttributes(Qualification q, List<Finding> out) {
    Set<String> carried = new java.util.TreeSet<>();
    q.units().values().forEach(u -> carried.addAll(u.attributes()));
    for (Rule r : q.rules()) {
      UnitFilter filter =
          r instanceof Total t ? t.filter() : r instanceof Cap c ? c.filter() : UnitFilter.none();
      for (String name : filter.attributeNames()) {
        if (!carried.contains(name)) {
          out.add(
              new Finding(
                  FindingKind.UNKNOWN_ATTRIBUTE,
                  "rule "
                      + r.id()
                      + " filters on the attribute \""
                      + PrintableText.escape(name)
                      + "\", which no unit carries"
                      + (carried.isEmpty()
                          ? "; no unit carries any attribute"
                          : "; the units carry " + joinAnd(carried.stream()
                              .map(a -> "\"" + PrintableText.escape(a) + "\"").toList())),
                  q.location("rule:" + r.id()),
                  ImmutableList.of(r.id()),
                  ImmutableList.of(),
                  Optional.empty()));
        }
      }
    }
  }

  /**
   * Reports each cap that can never leave a unit uncounted: the most its units can add up to
   * (one unit of each set of equivalents, each placed in the scope where it can be) is within the
   * cap, or its scope and filter take in no unit at all.
   */
  private static void inertCaps(Qualification q, CompiledQualification c, List<Finding> out) {
    for (int r = 0; r < c.rules().size(); r++) {
      if (!(c.rules().get(r) instanceof CompiledRule.Sum sum) || !sum.isCap()) {
        continue;
      }
      Cap cap = (Cap) sum.rule();
      if (!cap.via().isEmpty()) {
        // a cap on how credit was obtained speaks of learner records, which plans never exercise
        continue;
      }
      long[] units = sum.relevantUnits();
      long most = 0;
      long[] seen = Bits.empty(c.unitCount());
      for (int i = Bits.next(units, 0); i >= 0; i = Bits.next(units, i + 1)) {
        if (Bits.get(seen, i)) {
          continue;
        }
        long[] members = c.equivalents(i);
        long heaviest = 0;
        for (int j = Bits.next(members, 0); j >= 0; j = Bits.next(members, j + 1)) {
          if (Bits.get(units, j)) {
            heaviest = Math.max(heaviest, sum.weight(j));
          }
        }
        Bits.or(seen, members);
        most += heaviest;
      }
      if (most > cap.max()) {
        continue;
      }
      String message =
          Bits.count(units) == 0
              ? "cap "
                  + cap.id()
                  + " takes in no unit: no unit "
                  + (cap.scope().isWholePlan() ? "" : "of its scope ")
                  + "passes its filter, so it never leaves anything uncounted"
              : "cap "
                  + cap.id()
                  + " can never leave a unit uncounted: the units it takes in add up to at most "
                  + cap.measure().amount(most)
                  + ", within its "
                  + cap.measure().amount(cap.max());
      out.add(
          new Finding(
              FindingKind.INERT_CAP,
              message,
              q.location("rule:" + cap.id()),
              ImmutableList.of(cap.id()),
              ImmutableList.of(),
              Optional.empty()));
    }
  }

  private static Finding structural(
      Qualification q, FindingKind kind, String message, String where, List<String> units) {
    return new Finding(
        kind, message, q.location(where), ImmutableList.of(), ImmutableList.copyOf(units),
        Optional.empty());
  }
}
