package org.qualcheck.plan;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.qualcheck.check.CheckResult;
import org.qualcheck.check.Checker;
import org.qualcheck.check.Plan;
import org.qualcheck.check.RuleText;
import org.qualcheck.check.Verdict;
import org.qualcheck.compile.Bits;
import org.qualcheck.compile.CompiledQualification;
import org.qualcheck.compile.SearchBudget;
import org.qualcheck.model.Qualification;

/**
 * Answers planning questions exactly: the cheapest completion of a partial plan, the smallest
 * repair of a plan that breaks a maximum or a barred combination, and what each single change would
 * do. When nothing works it names a smallest set of rules that cannot hold together.
 *
 * <p>Completions come from {@link CompletionSearch}, a branch and bound over the rules that are out
 * of reach. A repair also chooses units to remove: removal sets are tried by depth-first search
 * over the plan's own units, cheapest first, each followed by a completion search, and abandoned
 * once the credits removed alone cannot beat the best repair found, so the cost is exponential only
 * in the size of the plan, never in the qualification's units.
 *
 * <p>Immutable and thread-safe: every question runs on the caller's thread with its own state.
 */
public final class Planner {
  /** A bound on search nodes per question, far above what real structures need. */
  static final long NODE_BUDGET = 20_000_000L;

  private final Checker checker;
  private final CompiledQualification compiled;
  /** The search tables with no unit preferred, shared by every question. */
  private final CompletionSearch.Tables plain;

  /**
   * One planner per way of reaching the goal (per pathway, perhaps with an endorsement's rules);
   * empty when this planner's own compiled rules are the goal.
   */
  private final ImmutableList<Planner> routes;
  /** Per route, the id of the pathway it completes; empty strings where there are no pathways. */
  private final ImmutableList<String> routeIds;

  private Planner(Checker checker, List<Checker> routeCheckers) {
    this.checker = checker;
    this.compiled = checker.compiled();
    this.plain = new CompletionSearch.Tables(compiled, new boolean[compiled.unitCount()]);
    ImmutableList.Builder<Planner> routes = ImmutableList.builder();
    for (Checker c : routeCheckers) {
      routes.add(new Planner(c, List.of()));
    }
    this.routes = routes.build();
    List<org.qualcheck.model.Variant> pathways = checker.qualification().pathways();
    ImmutableList.Builder<String> ids = ImmutableList.builder();
    for (int i = 0; i < routeCheckers.size(); i++) {
      ids.add(pathways.isEmpty() ? "" : pathways.get(i).id());
    }
    this.routeIds = ids.build();
  }

  /**
   * {@return a planner sharing this checker's compiled qualification; for a qualification with
   * pathways it plans toward every pathway and answers with the cheapest}
   *
   * @param checker the checker whose compiled qualification the planner uses
   */
  public static Planner of(Checker checker) {
    return new Planner(checker, checker.hasVariants() ? checker.routes() : List.of());
  }

  /**
   * {@return a planner toward the qualification with an endorsed title: the common rules, some
   * pathway's (if it has pathways) and the endorsement's}
   *
   * @param checker the checker of the qualification
   * @param endorsement the id of one of its endorsed titles
   * @throws IllegalArgumentException if the qualification has no such endorsed title
   */
  public static Planner towardEndorsement(Checker checker, String endorsement) {
    return new Planner(checker, checker.routesWith(endorsement));
  }

  /** {@return whether this planner answers over several routes (pathways or an endorsement)} */
  private boolean routed() {
    return !routes.isEmpty();
  }

  /**
   * The best answers over every route, merged: completions ranked as one route ranks them (credits
   * changed, units changed, most preferred units, earliest units), then by route order, without
   * repeats; each completion checked against the whole qualification. The answer names the pathway
   * the best one completes.
   */
  private PlanAnswer overRoutes(
      Plan given, PlanOptions options, java.util.function.Function<Planner, PlanAnswer> question) {
    CheckResult current = checker.check(given);
    List<Completion> all = new ArrayList<>();
    List<String> pathwayOf = new ArrayList<>();
    Optional<Conflict> conflict = Optional.empty();
    boolean anyUndecided = false;
    for (int i = 0; i < routes.size(); i++) {
      PlanAnswer a = question.apply(routes.get(i));
      for (Completion c : a.options()) {
        all.add(c);
        pathwayOf.add(routeIds.get(i));
      }
      if (a.options().isEmpty() && a.conflict().isEmpty()) {
        anyUndecided = true;
      }
      if (conflict.isEmpty()) {
        conflict = a.conflict();
      }
    }
    Integer[] order = new Integer[all.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    java.util.Set<String> preferred = new java.util.HashSet<>(options.prefer());
    Comparator<Integer> rank =
        Comparator.comparingLong((Integer i) -> all.get(i).creditsChanged())
            .thenComparingInt(i -> all.get(i).add().size() + all.get(i).remove().size())
            .thenComparingLong(
                i -> -all.get(i).add().stream().filter(preferred::contains).count())
            .thenComparing(i -> unitIndices(all.get(i).remove()), Arrays::compare)
            .thenComparing(i -> unitIndices(all.get(i).add()), Arrays::compare)
            .thenComparingInt(i -> i);
    Arrays.sort(order, rank);
    ImmutableList.Builder<Completion> merged = ImmutableList.builder();
    java.util.Set<List<List<String>>> seen = new java.util.HashSet<>();
    int limit = options.alternatives() + 1;
    String pathway = "";
    int taken = 0;
    for (int i : order) {
      Completion c = all.get(i);
      if (taken == limit || !seen.add(List.of(c.add(), c.remove()))) {
        continue;
      }
      if (taken == 0) {
        pathway = pathwayOf.get(i);
      }
      taken++;
      merged.add(
          new Completion(
              c.add(), c.remove(), c.creditsAdded(), c.creditsRemoved(),
              checker.check(c.result().plan())));
    }
    ImmutableList<Completion> best = merged.build();
    return new PlanAnswer(
        current,
        best,
        best.isEmpty() && !anyUndecided ? conflict : Optional.empty(),
        best.isEmpty() || pathway.isEmpty() ? Optional.empty() : Optional.of(pathway));
  }

  private int[] unitIndices(List<String> units) {
    return units.stream().mapToInt(compiled::indexOf).toArray();
  }

  /**
   * {@return a planner for this qualification, compiled once}
   *
   * @param qualification the qualification to plan for
   */
  public static Planner of(Qualification qualification) {
    return of(Checker.of(qualification));
  }

  /** {@return the checker this planner checks its answers with} */
  public Checker checker() {
    return checker;
  }

  /**
   * The cheapest sets of units to add to {@code partial} so that it meets the rules (fewest credits
   * added, then fewest units, then most preferred units, then earliest units), the best first and
   * then up to {@code options.alternatives()} more minimal completions in cost order. A plan that
   * already meets the rules gets one empty completion.
   *
   * <p>With no alternatives and no preferences the cheapest cost is found first, by a search capped
   * at the lower bound at the root when some completion attains it and by a cost-only search
   * otherwise; the earliest completion of that cost is then picked unit by unit ({@link
   * CompletionSearch#earliestOfCost}). Otherwise one search ranks completions on every criterion.
   *
   * @param partial the plan chosen so far
   * @param options units to exclude and prefer, and how many alternatives to return
   * @return the best completion and its alternatives, or the conflict when there is none
   */
  public PlanAnswer complete(Plan partial, PlanOptions options) {
    if (routed()) {
      return overRoutes(partial, options, r -> r.complete(partial, options));
    }
    CheckResult current = checker.check(partial);
    long[] plan = compiled.bits(partial);
    long[] excluded = mask(options.exclude());
    boolean[] all = allRules();
    if (current.met()) {
      return new PlanAnswer(
          current, ImmutableList.of(completion(plan, new int[0], new int[0])), Optional.empty());
    }
    boolean bestOnly = options.alternatives() == 0 && options.prefer().isEmpty();
    CompletionSearch.Candidate atBound =
        bestOnly
            ? new CompletionSearch(plain, all, 1, NODE_BUDGET).atLowerBound(plan, excluded)
            : null;
    List<CompletionSearch.Candidate> found;
    boolean exhausted;
    if (atBound != null) {
      found = List.of(atBound);
      exhausted = true;
    } else {
      CompletionSearch search =
          new CompletionSearch(tables(options), all, options.alternatives() + 1, NODE_BUDGET);
      if (bestOnly) {
        search.cheapestCostOnly();
      }
      found = search.run(plan, excluded);
      exhausted = search.exhausted();
    }
    if (bestOnly && !found.isEmpty() && exhausted) {
      found =
          List.of(
              new CompletionSearch(plain, all, 1, NODE_BUDGET)
                  .earliestOfCost(plan, excluded, found.get(0)));
    }
    ImmutableList.Builder<Completion> out = ImmutableList.builder();
    for (CompletionSearch.Candidate c : found) {
      out.add(completion(plan, c.added(), new int[0]));
    }
    Optional<Conflict> conflict =
        found.isEmpty() && exhausted ? Optional.of(conflict(plan, excluded)) : Optional.empty();
    return new PlanAnswer(current, out.build(), conflict);
  }

  /**
   * Some completion of {@code partial} that meets the rules, not necessarily the cheapest, or, when
   * none exists, a smallest set of rules that cannot hold together: the quickest exact answer to
   * whether the plan can be completed at all. Units in {@code options.exclude()} are never added.
   *
   * @param partial the plan chosen so far
   * @param options the units never to add
   * @return a completion that meets the rules, or the rules that conflict
   */
  public PlanAnswer anyCompletion(Plan partial, PlanOptions options) {
    if (routed()) {
      return overRoutes(partial, options.withAlternatives(0), r -> r.anyCompletion(partial, options));
    }
    CheckResult current = checker.check(partial);
    long[] plan = compiled.bits(partial);
    if (current.met()) {
      return new PlanAnswer(
          current, ImmutableList.of(completion(plan, new int[0], new int[0])), Optional.empty());
    }
    long[] excluded = mask(options.exclude());
    CompletionSearch search =
        new CompletionSearch(plain, allRules(), 1, NODE_BUDGET)
            .within(Long.MAX_VALUE, Integer.MAX_VALUE);
    List<CompletionSearch.Candidate> found = search.run(plan, excluded);
    ImmutableList<Completion> completions =
        found.isEmpty()
            ? ImmutableList.of()
            : ImmutableList.of(completion(plan, found.get(0).added(), new int[0]));
    Optional<Conflict> conflict =
        found.isEmpty() && search.exhausted() ? Optional.of(conflict(plan, excluded)) : Optional.empty();
    return new PlanAnswer(current, completions, conflict);
  }

  /**
   * Whether {@code partial} can be completed to meet the rules without adding excluded units, with
   * the first completed plan found; cheaper than {@link #anyCompletion}, which also explains a
   * failure.
   *
   * @param partial the plan chosen so far
   * @param options the units never to add
   * @return whether a completion exists, with the one found
   */
  public Feasibility feasibility(Plan partial, PlanOptions options) {
    if (routed()) {
      boolean decided = true;
      for (Planner r : routes) {
        Feasibility f = r.feasibility(partial, options);
        if (f.plan().isPresent()) {
          return f;
        }
        decided &= f.decided();
      }
      return new Feasibility(Optional.empty(), decided);
    }
    if (checker.meets(partial)) {
      return new Feasibility(Optional.of(partial), true);
    }
    long[] plan = compiled.bits(partial);
    CompletionSearch search =
        new CompletionSearch(plain, allRules(), 1, NODE_BUDGET)
            .within(Long.MAX_VALUE, Integer.MAX_VALUE);
    List<CompletionSearch.Candidate> found = search.run(plan, mask(options.exclude()));
    if (!found.isEmpty()) {
      for (int u : found.get(0).added()) {
        Bits.set(plan, u);
      }
      return new Feasibility(Optional.of(compiled.plan(plan)), true);
    }
    return new Feasibility(Optional.empty(), search.exhausted());
  }

  /**
   * The smallest changes, adding and removing units, that make the plan meet the rules: ranked by
   * credits changed, then units changed, then unit order. Units in {@code options.exclude()} are
   * never added.
   *
   * @param given the plan to change
   * @param options the units never to add, and how many alternatives to return
   * @return the smallest changes, best first, or the rules that conflict when there is none
   */
  public PlanAnswer repair(Plan given, PlanOptions options) {
    if (routed()) {
      return overRoutes(given, options, r -> r.repair(given, options));
    }
    CheckResult current = checker.check(given);
    long[] plan = compiled.bits(given);
    if (current.met()) {
      return new PlanAnswer(
          current, ImmutableList.of(completion(plan, new int[0], new int[0])), Optional.empty());
    }
    long[] excluded = mask(options.exclude());
    int limit = options.alternatives() + 1;
    int[] inPlan = indices(plan);
    Integer[] order = Arrays.stream(inPlan).boxed().toArray(Integer[]::new);
    Arrays.sort(order, Comparator.comparingInt((Integer i) -> compiled.credits(i)).thenComparingInt(i -> i));
    List<Repair> best = new ArrayList<>();
    RepairSearch rs = new RepairSearch(plan, excluded, order, limit, tables(options), best);
    rs.visit(0, new ArrayList<>(), 0);
    best.sort(REPAIR_ORDER);
    ImmutableList.Builder<Completion> out = ImmutableList.builder();
    for (Repair r : best) {
      out.add(completion(plan, r.added, r.removed));
    }
    Optional<Conflict> conflict =
        best.isEmpty() && rs.complete
            ? Optional.of(conflict(Bits.empty(compiled.unitCount()), excluded))
            : Optional.empty();
    return new PlanAnswer(current, out.build(), conflict);
  }

  /**
   * {@return what removing each unit of the plan, and adding each unit not in it, would do}
   *
   * @param given the plan as it stands
   */
  public WhatIf whatIf(Plan given) {
    if (routed()) {
      throw new UnsupportedOperationException(
          "what-if is not available for a qualification with pathways or endorsed titles");
    }
    CheckResult current = checker.check(given);
    long[] plan = compiled.bits(given);
    // one bound for the whole question, however many units it asks about
    SearchBudget budget = SearchBudget.of(4 * CompiledQualification.PLACEMENT_BUDGET);
    long cost = changeCost(plan, budget);
    ImmutableList.Builder<String> removable = ImmutableList.builder();
    for (int u : indices(plan)) {
      Bits.clear(plan, u);
      long without = changeCost(plan, budget);
      Bits.set(plan, u);
      if (without == UNKNOWN || (cost == UNKNOWN && !current.met())) {
        continue;
      }
      if (current.met() ? without == 0 : without != Long.MAX_VALUE && without <= cost) {
        removable.add(compiled.number(u));
      }
    }
    ImmutableMap.Builder<String, WhatIf.Effect> additions = ImmutableMap.builder();
    for (int u = 0; u < compiled.unitCount(); u++) {
      if (Bits.get(plan, u)) {
        continue;
      }
      Bits.set(plan, u);
      long with = changeCost(plan, budget);
      Bits.clear(plan, u);
      WhatIf.Effect effect;
      if (with == UNKNOWN || cost == UNKNOWN) {
        effect = WhatIf.Effect.UNDECIDED;
      } else if (with == Long.MAX_VALUE) {
        effect = cost == Long.MAX_VALUE ? WhatIf.Effect.NEUTRAL : WhatIf.Effect.HARMFUL;
      } else if (cost == Long.MAX_VALUE) {
        effect = WhatIf.Effect.USEFUL;
      } else if (cost > 0 && with + compiled.credits(u) == cost) {
        effect = WhatIf.Effect.USEFUL;
      } else if (with > cost || (cost == 0 && with > 0)) {
        effect = WhatIf.Effect.HARMFUL;
      } else {
        effect = WhatIf.Effect.NEUTRAL;
      }
      additions.put(compiled.number(u), effect);
    }
    return new WhatIf(current, removable.build(), additions.buildOrThrow());
  }

  /**
   * Passes every minimal plan meeting the rules to {@code sink}: plans from which no unit can be
   * removed without breaking a rule. The search is output-sensitive: its cost grows with the number
   * of minimal plans, each found exactly once, never with the subsets of the qualification's units.
   * Returns whether the listing is complete: false when a plan's verdict was undecided (see {@link
   * CompiledQualification#verdict}), and the plans passed so far are then only some of them.
   *
   * @param sink what receives each minimal plan, in turn
   * @return whether every minimal plan was passed
   */
  public boolean minimalPlans(java.util.function.Consumer<Plan> sink) {
    if (routed()) {
      return minimalOverRoutes(sink);
    }
    long[] empty = Bits.empty(compiled.unitCount());
    Verdict none = compiled.verdict(empty);
    if (none == Verdict.MET) {
      sink.accept(Plan.of());
      return true;
    }
    if (none == Verdict.UNDECIDED) {
      return false;
    }
    CompletionSearch search = new CompletionSearch(plain, allRules(), 1, Long.MAX_VALUE);
    search.enumerateMinimal(empty, empty, added -> {
          long[] bits = Bits.empty(compiled.unitCount());
          for (int u : added) {
            Bits.set(bits, u);
          }
          sink.accept(compiled.plan(bits));
        });
    return search.exhausted();
  }

  /**
   * The minimal plans over every route, each once. A plan from which no unit can be removed without
   * losing every route is minimal for the route it meets, so it is among that route's minimal plans;
   * a route's minimal plan is passed on when no unit can be removed from it without losing every
   * route, and when no earlier route lists it too.
   */
  private boolean minimalOverRoutes(java.util.function.Consumer<Plan> sink) {
    boolean complete = true;
    for (int i = 0; i < routes.size(); i++) {
      int route = i;
      boolean[] undecided = {false};
      complete &=
          routes.get(i).minimalPlans(
              plan -> {
                for (int j = 0; j < route; j++) {
                  Verdict v = routes.get(j).checker.verdict(plan);
                  undecided[0] |= v == Verdict.UNDECIDED;
                  if (v == Verdict.MET) {
                    return;
                  }
                }
                for (String u : plan.units()) {
                  java.util.Set<String> less = new java.util.LinkedHashSet<>(plan.units());
                  less.remove(u);
                  Verdict v = checker.verdict(Plan.of(less));
                  undecided[0] |= v == Verdict.UNDECIDED;
                  if (v == Verdict.MET) {
                    return;
                  }
                }
                sink.accept(plan);
              });
      complete &= !undecided[0];
    }
    return complete;
  }

  /** What {@link #changeCost} gives when a search reached its bound before it could tell. */
  private static final long UNKNOWN = -1;

  /**
   * Credits changed by the best repair of the plan (0 if it meets the rules), MAX_VALUE if none
   * exists, or {@link #UNKNOWN}; the searches draw their placement nodes on {@code budget}.
   */
  private long changeCost(long[] plan, SearchBudget budget) {
    Verdict verdict = compiled.verdict(plan, null, budget);
    if (verdict == Verdict.MET) {
      return 0;
    }
    if (verdict == Verdict.UNDECIDED) {
      return UNKNOWN;
    }
    CompletionSearch search =
        new CompletionSearch(plain, allRules(), 1, NODE_BUDGET).cheapestCostOnly()
            .drawingOn(budget);
    List<CompletionSearch.Candidate> found = search.run(plan, Bits.empty(compiled.unitCount()));
    if (search.undecided()) {
      return UNKNOWN;
    }
    if (!found.isEmpty()) {
      return found.get(0).credits();
    }
    List<Repair> best = new ArrayList<>();
    int[] inPlan = indices(plan);
    Integer[] order = Arrays.stream(inPlan).boxed().toArray(Integer[]::new);
    Arrays.sort(order, Comparator.comparingInt((Integer i) -> compiled.credits(i)).thenComparingInt(i -> i));
    RepairSearch rs = new RepairSearch(plan, Bits.empty(compiled.unitCount()), order, 1, plain,
        best);
    rs.budget = budget;
    rs.visit(0, new ArrayList<>(), 0);
    if (rs.undecided || (best.isEmpty() && !rs.complete)) {
      return UNKNOWN;
    }
    return best.isEmpty() ? Long.MAX_VALUE : best.get(0).credits();
  }

  private record Repair(int[] added, int[] removed, long creditsAdded, long creditsRemoved) {
    long credits() {
      return creditsAdded + creditsRemoved;
    }

    int units() {
      return added.length + removed.length;
    }
  }

  private static final Comparator<Repair> REPAIR_ORDER = new RepairOrder();

  /**
   * Repairs by credits changed, then units changed, then the units removed and added. A class of
   * its own rather than a chain of {@code Comparator} lambdas, which would be linked when the
   * planner is first used, on the start-up of every command that plans.
   */
  private static final class RepairOrder implements Comparator<Repair> {
    @Override
    public int compare(Repair a, Repair b) {
      int c = Long.compare(a.credits(), b.credits());
      if (c == 0) {
        c = Integer.compare(a.units(), b.units());
      }
      if (c == 0) {
        c = Arrays.compare(a.removed(), b.removed());
      }
      return c != 0 ? c : Arrays.compare(a.added(), b.added());
    }
  }

  /**
   * At most this many sets of units to remove are tried per repair: every set for plans of up to
   * 16 units, which real plans are, while a repair of a long plan that no change can fix ends
   * within a bound instead of trying every subset of it.
   */
  static final int REPAIR_SETS = 1 << 16;

  /**
   * Depth-first search over sets of plan units to remove, cheapest units first. It stops, no
   * longer {@link #complete}, when it has tried {@link #REPAIR_SETS} sets or when a completion
   * search behind it stopped short of its end (its node budget ran out or a verdict was
   * undecided): only a complete search can say that no repair exists.
   */
  private final class RepairSearch {
    boolean complete = true;
    /** Whether a completion search behind it stopped at an undecided verdict. */
    boolean undecided;
    /** The placement budget its completion searches share, or null for one each. */
    SearchBudget budget;
    int sets;
    final long[] plan;
    final long[] excluded;
    final Integer[] order;
    final int limit;
    final CompletionSearch.Tables tables;
    final List<Repair> best;

    RepairSearch(long[] plan, long[] excluded, Integer[] order, int limit,
        CompletionSearch.Tables tables, List<Repair> best) {
      this.plan = plan.clone();
      this.excluded = excluded.clone();
      this.order = order;
      this.limit = limit;
      this.tables = tables;
      this.best = best;
    }

    void visit(int from, List<Integer> removed, long removedCredits) {
      if (!complete) {
        return;
      }
      if (best.size() >= limit && removedCredits > best.get(best.size() - 1).credits()) {
        return;
      }
      if (++sets > REPAIR_SETS) {
        complete = false;
        return;
      }
      long[] forbidden = excluded.clone();
      for (int r : removed) {
        Bits.set(forbidden, r);
      }
      CompletionSearch search =
          new CompletionSearch(tables, allRules(), limit, NODE_BUDGET);
      if (budget != null) {
        search.drawingOn(budget);
      }
      int[] removedSorted = removed.stream().mapToInt(Integer::intValue).sorted().toArray();
      for (CompletionSearch.Candidate c : search.run(plan, forbidden)) {
        offer(new Repair(c.added(), removedSorted, c.credits(), removedCredits));
      }
      if (!search.exhausted()) {
        complete = false;
        undecided |= search.undecided();
        return;
      }
      for (int k = from; k < order.length; k++) {
        int u = order[k];
        Bits.clear(plan, u);
        removed.add(u);
        visit(k + 1, removed, removedCredits + compiled.credits(u));
        removed.remove(removed.size() - 1);
        Bits.set(plan, u);
      }
    }

    void offer(Repair r) {
      for (Repair existing : best) {
        if (Arrays.equals(existing.added, r.added) && Arrays.equals(existing.removed, r.removed)) {
          return;
        }
      }
      best.add(r);
      best.sort(REPAIR_ORDER);
      while (best.size() > limit) {
        best.remove(best.size() - 1);
      }
    }
  }

  /**
   * A smallest set of rules that cannot all be met by any plan containing {@code base} and none of
   * {@code excluded}: rules are dropped one at a time while the rest stay impossible, so dropping
   * any rule left makes the rest possible.
   */
  private Conflict conflict(long[] base, long[] excluded) {
    boolean[] active = allRules();
    for (int r = 0; r < active.length; r++) {
      active[r] = false;
      CompletionSearch s =
          new CompletionSearch(plain, active, 1, NODE_BUDGET).within(Long.MAX_VALUE, Integer.MAX_VALUE);
      if (!s.run(base, excluded).isEmpty() || !s.exhausted()) {
        active[r] = true;
      }
    }
    Qualification q = compiled.qualification();
    ImmutableList.Builder<String> ids = ImmutableList.builder();
    ImmutableList.Builder<String> reasons = ImmutableList.builder();
    for (int r = 0; r < active.length; r++) {
      if (active[r]) {
        ids.add(q.rules().get(r).id());
        reasons.add(RuleText.requirement(q.rules().get(r), q));
      }
    }
    return new Conflict(ids.build(), reasons.build());
  }

  private Completion completion(long[] plan, int[] added, int[] removed) {
    long[] after = plan.clone();
    long creditsAdded = 0;
    long creditsRemoved = 0;
    ImmutableList.Builder<String> add = ImmutableList.builder();
    ImmutableList.Builder<String> remove = ImmutableList.builder();
    for (int u : removed) {
      Bits.clear(after, u);
      creditsRemoved += compiled.credits(u);
      remove.add(compiled.number(u));
    }
    for (int u : added) {
      Bits.set(after, u);
      creditsAdded += compiled.credits(u);
      add.add(compiled.number(u));
    }
    return new Completion(
        add.build(), remove.build(), creditsAdded, creditsRemoved, checker.check(compiled.plan(after)));
  }

  private boolean[] allRules() {
    boolean[] all = new boolean[compiled.rules().size()];
    Arrays.fill(all, true);
    return all;
  }

  /** The search tables for these options: the shared ones unless some unit is preferred. */
  private CompletionSearch.Tables tables(PlanOptions options) {
    if (options.prefer().isEmpty()) {
      return plain;
    }
    boolean[] p = new boolean[compiled.unitCount()];
    for (String u : options.prefer()) {
      p[index(u)] = true;
    }
    return new CompletionSearch.Tables(compiled, p);
  }

  private long[] mask(Iterable<String> units) {
    long[] m = Bits.empty(compiled.unitCount());
    for (String u : units) {
      Bits.set(m, index(u));
    }
    return m;
  }

  private int index(String unit) {
    int i = compiled.indexOf(unit);
    if (i < 0) {
      throw new IllegalArgumentException(
          "unit " + unit + " is not in " + compiled.qualification().code());
    }
    return i;
  }

  private int[] indices(long[] bits) {
    int[] out = new int[Bits.count(bits)];
    int k = 0;
    for (int i = 0; i < compiled.unitCount(); i++) {
      if (Bits.get(bits, i)) {
        out[k++] = i;
      }
    }
    return out;
  }
}
