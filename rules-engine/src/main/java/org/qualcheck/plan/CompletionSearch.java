package org.qualcheck.plan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import org.qualcheck.compile.Bits;
import org.qualcheck.compile.CompiledQualification;
import org.qualcheck.compile.CompiledRule;
import org.qualcheck.rule.Measure;
import org.qualcheck.rule.Total;

/**
 * Exact search for the cheapest sets of units to add to a plan so that it meets a set of rules.
 *
 * <p>A branch and bound whose branches are rules, not units. At each node the current plan either
 * meets the active rules (a solution: adding more only costs more, so the branch ends) or some rule
 * with a minimum cannot be met however the plan is read, because even counting every unit that
 * could contribute its figure stays below the minimum. Any completion must then add one of that
 * rule's candidate units; the node branches on them, cheapest first, the j-th branch adding
 * candidate j and forbidding candidates 1..j-1, so the branches partition the completions and none
 * is found twice. The rule with the fewest candidates is chosen. Where no such rule exists but the
 * plan still fails (a choice of group or an equivalence that no reading resolves), the node
 * branches on every remaining unit in the same way. A branch ends when its cost so far plus a lower
 * bound on the credits still needed (the largest credit deficit of any rule, or the cheapest units
 * that could cover a unit deficit) cannot beat the k-th best completion found, when a barred
 * combination is taken, or, in a simple qualification, when a maximum is already exceeded.
 *
 * <p>Cost is compared as: credits added, then units added, then preferred units used (more is
 * better), then the added units' indices in order (earlier units first). Every minimal completion
 * (none of whose added units can be dropped) lies on exactly one branch, so the k best minimal
 * completions are found exactly. The worst case is exponential in the number of units added, with
 * a branching factor of the candidates of the rule branched on; it never enumerates subsets of the
 * qualification's units.
 *
 * <p>One instance answers one query on one thread.
 */
final class CompletionSearch {
  private final CompiledQualification q;
  private final boolean[] active;
  private final boolean[] preferred;
  private final int limit;
  private final int n;
  private final long nodeBudget;
  private final TreeSet<Candidate> best;
  private long nodes;
  private boolean exhausted = true;
  /** Solutions must cost at most this many credits and units; MAX_VALUE for no cap. */
  private long capCredits = Long.MAX_VALUE;
  private int capUnits = Integer.MAX_VALUE;
  /** Whether equal-cost solutions must be compared further (alternatives, preferences). */
  private boolean tiesMatter = true;
  private boolean stopAtFirst;
  /** When set, every minimal completion goes here instead of being ranked. */
  private java.util.function.Consumer<int[]> sink;

  /** A completion found: the units added, as indices in ascending order, and its cost. */
  record Candidate(int[] added, long credits, int preferredUsed) {}

  CompletionSearch(
      CompiledQualification q, boolean[] active, boolean[] preferred, int limit, long nodeBudget) {
    this.q = q;
    this.active = active;
    this.preferred = preferred;
    this.limit = limit;
    this.n = q.unitCount();
    this.nodeBudget = nodeBudget;
    this.best = new TreeSet<>(ORDER);
    this.byCost =
        java.util.stream.IntStream.range(0, n)
            .boxed()
            .sorted(
                Comparator.comparingInt((Integer i) -> q.credits(i))
                    .thenComparing(i -> !preferred[i])
                    .thenComparingInt(i -> i))
            .mapToInt(Integer::intValue)
            .toArray();
    this.singleton = new boolean[n];
    for (int i = 0; i < n; i++) {
      singleton[i] = Bits.count(q.equivalents(i)) == 1;
    }
    int rules = q.rules().size();
    this.relevant = new long[rules][];
    this.weights = new int[rules][];
    for (int r = 0; r < rules; r++) {
      CompiledRule rule = q.rules().get(r);
      relevant[r] = rule.relevantUnits();
      if (rule instanceof CompiledRule.Sum sum) {
        weights[r] = new int[n];
        for (int i = 0; i < n; i++) {
          weights[r][i] = sum.weight(i);
        }
      }
    }
  }

  /** Unit indices, cheapest first, preferred units first among equals, then in unit order. */
  private final int[] byCost;

  /** Per rule: the units that could raise its figure, and for sums each unit's weight. */
  private final long[][] relevant;

  private final int[][] weights;

  /** Per unit: whether it has no equivalent units, so that when chosen it surely counts. */
  private final boolean[] singleton;

  /**
   * Set by {@link #creditsStillNeeded}: a lower bound on the units still to add, one for each rule
   * in the packing of rules with disjoint candidates.
   */
  private int unitsStillNeeded;

  static final Comparator<Candidate> ORDER =
      Comparator.comparingLong(Candidate::credits)
          .thenComparingInt(c -> c.added().length)
          .thenComparingInt(c -> -c.preferredUsed())
          .thenComparing(Candidate::added, Arrays::compare);

  /**
   * Finds only the cheapest cost: an equally cheap completion found later is not looked for, which
   * prunes far more. The completion returned is the first of the cheapest in search order.
   */
  CompletionSearch cheapestCostOnly() {
    this.tiesMatter = false;
    return this;
  }

  /** Looks only for a completion costing at most these credits and units, and stops at the first. */
  CompletionSearch within(long credits, int units) {
    this.capCredits = credits;
    this.capUnits = units;
    this.tiesMatter = false;
    this.stopAtFirst = true;
    return this;
  }

  /**
   * Passes every minimal completion to {@code sink}, each exactly once, without cost bounds: the
   * branches partition the completions, so nothing is repeated or held.
   */
  void enumerateMinimal(long[] plan, long[] excluded, java.util.function.Consumer<int[]> sink) {
    this.sink = sink;
    search(plan.clone(), excluded.clone(), new ArrayList<>(), 0);
  }

  /** The best completions found, cheapest first; empty when none exists. */
  List<Candidate> run(long[] plan, long[] excluded) {
    search(plan.clone(), excluded.clone(), new ArrayList<>(), 0);
    return new ArrayList<>(best);
  }

  /** Whether the search looked at every branch it needed to (false if the node budget ran out). */
  boolean exhausted() {
    return exhausted;
  }

  private void search(long[] plan, long[] excluded, List<Integer> added, long credits) {
    if (stopAtFirst && !best.isEmpty()) {
      return;
    }
    if (++nodes > nodeBudget) {
      exhausted = false;
      return;
    }
    if (q.meets(plan, active)) {
      offer(plan, added, credits);
      return;
    }
    if (deadEnd(plan)) {
      return;
    }
    int[] branch = branchUnits(plan, excluded);
    if (branch == null) {
      return;
    }
    long bound = creditsStillNeeded(plan, excluded);
    if (bound == Long.MAX_VALUE
        || !canStillBeat(credits + bound, added.size() + Math.max(1, unitsStillNeeded))) {
      return;
    }
    long[] localExcluded = excluded.clone();
    for (int u : branch) {
      if (!canStillBeat(credits + q.credits(u), added.size() + 1)) {
        Bits.set(localExcluded, u);
        continue;
      }
      Bits.set(plan, u);
      added.add(u);
      search(plan, localExcluded, added, credits + q.credits(u));
      added.remove(added.size() - 1);
      Bits.clear(plan, u);
      Bits.set(localExcluded, u);
      if (nodes > nodeBudget || (stopAtFirst && !best.isEmpty())) {
        return;
      }
    }
  }

  private boolean canStillBeat(long credits, int units) {
    if (sink != null) {
      return true;
    }
    if (credits > capCredits || (credits == capCredits && units > capUnits)) {
      return false;
    }
    if (best.size() < limit) {
      return true;
    }
    Candidate worst = best.last();
    if (credits != worst.credits()) {
      return credits < worst.credits();
    }
    return tiesMatter ? units <= worst.added().length : units < worst.added().length;
  }

  private void offer(long[] plan, List<Integer> added, long credits) {
    int[] sorted = added.stream().mapToInt(Integer::intValue).sorted().toArray();
    if (limit > 1 || sink != null) {
      for (int u : sorted) {
        Bits.clear(plan, u);
        boolean stillMeets = q.meets(plan, active);
        Bits.set(plan, u);
        if (stillMeets) {
          return;
        }
      }
    }
    if (sink != null) {
      sink.accept(sorted);
      return;
    }
    int preferredUsed = 0;
    for (int u : sorted) {
      if (preferred[u]) {
        preferredUsed++;
      }
    }
    best.add(new Candidate(sorted, credits, preferredUsed));
    if (best.size() > limit) {
      best.pollLast();
    }
  }

  /**
   * Whether adding units can never help: a barred combination is taken, or some maximum is already
   * exceeded by units that count in its scope however the plan is read. A unit counts surely when
   * it has no equivalent (an equivalent could count in its place) and every group it could be
   * placed in lies in the rule's scope.
   */
  private boolean deadEnd(long[] plan) {
    for (int r = 0; r < active.length; r++) {
      if (!active[r]) {
        continue;
      }
      CompiledRule rule = q.rules().get(r);
      if (rule instanceof CompiledRule.Count c && c.countsChosen()) {
        if (!rule.admits(rule.measureSimple(plan))) {
          return true;
        }
      } else if (rule.max() != Long.MAX_VALUE) {
        long sure = q.isSimple() ? rule.measureSimple(plan) : sureFigure(r, rule, plan);
        if (sure > rule.max()) {
          return true;
        }
      }
    }
    return false;
  }

  /** A lower bound on a rule's figure over every reading of every superset of the plan. */
  private long sureFigure(int r, CompiledRule rule, long[] plan) {
    if (!(rule instanceof CompiledRule.Sum) && !(rule instanceof CompiledRule.Count)) {
      return 0;
    }
    long sure = 0;
    for (int i = Bits.next(plan, 0); i >= 0; i = Bits.next(plan, i + 1)) {
      if (!singleton[i] || !Bits.get(relevant[r], i)) {
        continue;
      }
      if (rule instanceof CompiledRule.Sum sum) {
        int[] options = q.placementOptions(i);
        boolean always = options.length == 0 ? sum.inScope(i, -1) : true;
        for (int g : options) {
          always &= sum.inScope(i, g);
        }
        if (always) {
          sure += weights[r][i];
        }
      } else {
        sure++;
      }
    }
    return sure;
  }

  /**
   * The units to branch on, cheapest first: the candidates of the active rule that no reading of
   * the plan can meet and that has the fewest candidates, or else every unit still allowed. Null
   * when some such rule has no candidate left.
   */
  private int[] branchUnits(long[] plan, long[] excluded) {
    long[] bestCandidates = null;
    int bestCount = Integer.MAX_VALUE;
    for (int r = 0; r < active.length; r++) {
      if (!active[r]) {
        continue;
      }
      long[] candidates = candidatesIfUnreachable(r, plan, excluded);
      if (candidates != null) {
        int count = Bits.count(candidates);
        if (count == 0) {
          return null;
        }
        if (count < bestCount) {
          bestCount = count;
          bestCandidates = candidates;
        }
      }
    }
    if (bestCandidates == null) {
      bestCandidates = Bits.empty(n);
      for (int i = 0; i < n; i++) {
        if (!Bits.get(plan, i) && !Bits.get(excluded, i)) {
          Bits.set(bestCandidates, i);
        }
      }
    }
    int[] units = new int[Bits.count(bestCandidates)];
    int k = 0;
    for (int i : byCost) {
      if (Bits.get(bestCandidates, i)) {
        units[k++] = i;
      }
    }
    return units;
  }

  /**
   * For a rule whose minimum no reading of the plan can reach, the units that could raise its
   * figure and are still allowed; null when the rule's minimum is within reach.
   */
  private long[] candidatesIfUnreachable(int r, long[] plan, long[] excluded) {
    CompiledRule rule = q.rules().get(r);
    if (rule instanceof CompiledRule.Requirements req) {
      for (int k = 0; k < req.requirementCount(); k++) {
        long[] members = req.requirementUnits(k);
        if (!Bits.intersects(plan, members)) {
          return allowed(members, plan, excluded);
        }
      }
      return null;
    }
    if (rule.min() == 0 || rule instanceof CompiledRule.Always) {
      return null;
    }
    long[] units = relevant[r];
    long upper =
        rule instanceof CompiledRule.Sum
            ? Bits.weightedAnd(plan, units, weights[r])
            : Bits.countAnd(plan, units);
    if (upper >= rule.min()) {
      return null;
    }
    long[] candidates = allowed(units, plan, excluded);
    if (rule instanceof CompiledRule.Sum sum) {
      for (int i = 0; i < n; i++) {
        if (Bits.get(candidates, i) && sum.weight(i) == 0) {
          Bits.clear(candidates, i);
        }
      }
    }
    return candidates;
  }

  private long[] allowed(long[] units, long[] plan, long[] excluded) {
    long[] out = units.clone();
    for (int w = 0; w < out.length; w++) {
      out[w] &= ~plan[w] & ~excluded[w];
    }
    return out;
  }

  /**
   * A lower bound on the credits any completion must still add: the largest, over active rules
   * out of reach, of the credit deficit (credit totals) or the credits of the cheapest units that
   * could make up a unit deficit (unit counts and mandatory units), or the sum of such needs over
   * rules whose candidate units are disjoint, since those need distinct units. {@link
   * Long#MAX_VALUE} when
   * some rule cannot be reached with the units still allowed.
   */
  private long creditsStillNeeded(long[] plan, long[] excluded) {
    long bound = 0;
    long packed = 0;
    unitsStillNeeded = 0;
    long[] used = Bits.empty(n);
    for (int r = 0; r < active.length; r++) {
      if (!active[r]) {
        continue;
      }
      CompiledRule rule = q.rules().get(r);
      long need = 0;
      if (rule instanceof CompiledRule.Requirements req) {
        long[] counted = Bits.empty(n);
        for (int k = 0; k < req.requirementCount(); k++) {
          long[] members = req.requirementUnits(k);
          if (!Bits.intersects(plan, members) && !Bits.intersects(counted, members)) {
            long cheapest = cheapest(allowed(members, plan, excluded), 1);
            if (cheapest == Long.MAX_VALUE) {
              return Long.MAX_VALUE;
            }
            need += cheapest;
            Bits.or(counted, members);
          }
        }
      } else if (rule.min() > 0 && !(rule instanceof CompiledRule.Always)) {
        long[] candidates = allowed(relevant[r], plan, excluded);
        if (rule instanceof CompiledRule.Sum sum) {
          long upper = Bits.weightedAnd(plan, relevant[r], weights[r]);
          long deficit = rule.min() - upper;
          if (deficit > 0) {
            long reachable = Bits.weightedAnd(candidates, candidates, weights[r]);
            if (reachable < deficit) {
              return Long.MAX_VALUE;
            }
            Measure measure = ((Total) sum.rule()).measure();
            need =
                switch (measure) {
                  case CREDITS -> deficit;
                  case UNITS -> cheapest(candidates, (int) Math.min(deficit, n + 1L));
                  case GUIDED_LEARNING_HOURS -> cheapest(candidates, 1);
                };
          }
        } else {
          long deficit = rule.min() - Bits.countAnd(plan, relevant[r]);
          if (deficit > 0) {
            need = cheapest(candidates, (int) Math.min(deficit, n + 1L));
            if (need == Long.MAX_VALUE) {
              return Long.MAX_VALUE;
            }
          }
        }
      }
      bound = Math.max(bound, need);
      if (need > 0 && !Bits.intersects(used, relevant[r])) {
        packed += need;
        unitsStillNeeded++;
        Bits.or(used, relevant[r]);
      }
    }
    return Math.max(bound, packed);
  }


  /** The credits of the {@code k} cheapest units in the set, or MAX_VALUE if it has fewer. */
  private long cheapest(long[] units, int k) {
    long sum = 0;
    int taken = 0;
    for (int i = 0; i < n && taken < k; i++) {
      int u = byCost[i];
      if (Bits.get(units, u)) {
        sum += q.credits(u);
        taken++;
      }
    }
    return taken < k ? Long.MAX_VALUE : sum;
  }

}
