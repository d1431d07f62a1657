package org.qualcheck.plan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import org.qualcheck.check.Verdict;
import org.qualcheck.compile.Bits;
import org.qualcheck.compile.CompiledQualification;
import org.qualcheck.compile.CompiledRule;
import org.qualcheck.compile.SearchBudget;
import org.qualcheck.rule.Cap;
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
 * bound on what it must still add cannot beat the k-th best completion found, when a barred
 * combination is taken, or, in a simple qualification, when a maximum is already exceeded. Each
 * rule out of reach needs at least as many units as its largest allowed weights take to cover its
 * deficit, and at least the credits of that many of its cheapest units (and, for a credit total,
 * the deficit itself); the bound is the largest such need, or the sum over rules whose candidates
 * are disjoint, since those need distinct units, for credits and units alike. When the bound leaves
 * room for one more unit only, a branch whose unit cannot alone bring every rule out of reach to
 * its minimum is not entered.
 *
 * <p>Cost is compared as: credits added, then units added, then preferred units used (more is
 * better), then the added units' indices in order (earlier units first). Every minimal completion
 * (none of whose added units can be dropped) lies on exactly one branch, so the k best minimal
 * completions are found exactly. The worst case is exponential in the number of units added, with
 * a branching factor of the candidates of the rule branched on; it never enumerates subsets of the
 * qualification's units.
 *
 * <p>A node costs O(rules × n) at worst for n units (each rule's bound walks its allowed units in
 * cost or weight order, usually stopping after a few; set operations take n / 64 words) and
 * allocates nothing: each sum and count keeps its figure as units are added and removed, the plan
 * and the forbidden units are changed in place and restored on the way back, a branch is a
 * filtered copy of candidates listed in cost order beforehand, and the tables that depend only on
 * the qualification are built once per {@link Tables} and shared by every search over it.
 *
 * <p>One instance answers one query on one thread.
 */
final class CompletionSearch {
  /**
   * What a search needs to know about a qualification and the units to favour, independent of any
   * plan: immutable, so one instance serves any number of searches on any threads.
   */
  static final class Tables {
    final CompiledQualification q;
    final int n;
    final CompiledRule[] rules;
    final int[] credits;
    final boolean[] preferred;
    /** Unit indices, cheapest first, preferred units first among equals, then in unit order. */
    final int[] byCost;
    /** Per rule: the units that could raise its figure. */
    final long[][] relevant;
    /** Per rule: those of {@link #relevant} that raise it by more than zero. */
    final long[][] raising;
    /** Per rule: {@link #relevant} in {@link #byCost} order. */
    final int[][] relevantByCost;
    /** Per rule: {@link #raising} in {@link #byCost} order. */
    final int[][] raisingByCost;
    /** Per sum: {@link #raising}, largest weight first (then in unit order); null otherwise. */
    final int[][] raisingByWeight;
    /** Per sum or count: the figure of every relevant unit together. */
    final long[] total;
    /** Per unit: the sums and counts it is relevant to, and what it adds to each figure. */
    final int[][] figuresOf;
    final int[][] addsTo;
    /** Per sum: each unit's weight; null for other rules. */
    final int[][] weights;
    /** Per sum: what it adds up; null for other rules. */
    final Measure[] measure;
    /** Per all-of rule: each requirement's units; null for other rules. */
    final long[][][] requirements;
    /** Per all-of rule: each requirement's units in {@link #byCost} order. */
    final int[][][] requirementsByCost;
    /**
     * Per rule with a maximum, sums and counts only: the units that count in its scope however a
     * plan holding them is read (no equivalent could count instead, and every group they could
     * be placed in is in scope); null otherwise.
     */
    final long[][] sure;

    Tables(CompiledQualification q, boolean[] preferred) {
      this.q = q;
      this.n = q.unitCount();
      this.rules = q.rules().toArray(new CompiledRule[0]);
      this.preferred = preferred;
      this.credits = new int[n];
      Integer[] order = new Integer[n];
      for (int i = 0; i < n; i++) {
        credits[i] = q.credits(i);
        order[i] = i;
      }
      Arrays.sort(order, new CostOrder(credits, preferred));
      this.byCost = new int[n];
      for (int k = 0; k < n; k++) {
        byCost[k] = order[k];
      }
      boolean[] singleton = new boolean[n];
      for (int i = 0; i < n; i++) {
        singleton[i] = Bits.count(q.equivalents(i)) == 1;
      }
      int count = rules.length;
      this.relevant = new long[count][];
      this.raising = new long[count][];
      this.relevantByCost = new int[count][];
      this.weights = new int[count][];
      this.measure = new Measure[count];
      this.requirements = new long[count][][];
      this.requirementsByCost = new int[count][][];
      this.raisingByCost = new int[count][];
      this.raisingByWeight = new int[count][];
      this.total = new long[count];
      this.sure = new long[count][];
      for (int r = 0; r < count; r++) {
        CompiledRule rule = rules[r];
        relevant[r] = rule.relevantUnits();
        raising[r] = relevant[r].clone();
        relevantByCost[r] = inCostOrder(relevant[r]);
        total[r] = relevantByCost[r].length;
        if (rule instanceof CompiledRule.Sum sum) {
          weights[r] = new int[n];
          for (int i = 0; i < n; i++) {
            weights[r][i] = sum.weight(i);
            if (weights[r][i] == 0) {
              Bits.clear(raising[r], i);
            }
          }
          measure[r] =
              sum.rule() instanceof Cap c ? c.measure() : ((Total) sum.rule()).measure();
          total[r] = Bits.weightedAnd(relevant[r], relevant[r], weights[r]);
        } else if (rule instanceof CompiledRule.Requirements req) {
          requirements[r] = new long[req.requirementCount()][];
          requirementsByCost[r] = new int[req.requirementCount()][];
          for (int j = 0; j < req.requirementCount(); j++) {
            requirements[r][j] = req.requirementUnits(j);
            requirementsByCost[r][j] = inCostOrder(requirements[r][j]);
          }
        }
        raisingByCost[r] = inCostOrder(raising[r]);
        if (weights[r] != null) {
          int[] w = weights[r];
          raisingByWeight[r] = inWeightOrder(raisingByCost[r], w);
        }
        // a cap is never exceeded (the excess is left uncounted), and a unit some cap may take in
        // may be left uncounted, so it counts surely toward nothing
        boolean countsSurely =
            (rule instanceof CompiledRule.Sum sum && !sum.isCap())
                || (rule instanceof CompiledRule.Count c && !c.countsChosen());
        long[] capped = q.cappedUnits();
        if (rule.max() != Long.MAX_VALUE && countsSurely) {
          sure[r] = Bits.empty(n);
          for (int i = 0; i < n; i++) {
            if (!singleton[i] || !Bits.get(relevant[r], i) || Bits.get(capped, i)) {
              continue;
            }
            boolean always = true;
            if (rule instanceof CompiledRule.Sum sum) {
              int[] options = q.placementOptions(i);
              always = options.length == 0 ? sum.inScope(i, -1) : true;
              for (int g : options) {
                always &= sum.inScope(i, g);
              }
            }
            if (always) {
              Bits.set(sure[r], i);
            }
          }
        }
      }
      this.figuresOf = new int[n][];
      this.addsTo = new int[n][];
      for (int i = 0; i < n; i++) {
        int k = 0;
        int[] of = new int[count];
        int[] adds = new int[count];
        for (int r = 0; r < count; r++) {
          boolean figure =
              rules[r] instanceof CompiledRule.Sum || rules[r] instanceof CompiledRule.Count;
          if (figure && Bits.get(relevant[r], i)) {
            of[k] = r;
            adds[k++] = weights[r] != null ? weights[r][i] : 1;
          }
        }
        figuresOf[i] = Arrays.copyOf(of, k);
        addsTo[i] = Arrays.copyOf(adds, k);
      }
    }

    /** The units, heaviest first, then by index. */
    private static int[] inWeightOrder(int[] units, int[] weights) {
      Integer[] order = new Integer[units.length];
      for (int k = 0; k < units.length; k++) {
        order[k] = units[k];
      }
      Arrays.sort(order, new WeightOrder(weights));
      int[] ordered = new int[units.length];
      for (int k = 0; k < units.length; k++) {
        ordered[k] = order[k];
      }
      return ordered;
    }

    private int[] inCostOrder(long[] units) {
      int[] ordered = new int[Bits.count(units)];
      int k = 0;
      for (int u : byCost) {
        if (Bits.get(units, u)) {
          ordered[k++] = u;
        }
      }
      return ordered;
    }
  }

  private final Tables t;
  private final CompiledQualification q;
  private final boolean[] active;
  private final int limit;
  private final int n;
  private final long nodeBudget;
  private final TreeSet<Candidate> best;
  private long nodes;
  private boolean exhausted = true;
  private boolean undecided;

  /**
   * The placement search nodes that every verdict this search asks for draws on together, so that
   * a structure whose shared units defeat the placement search's reductions ends the question
   * within a bound instead of paying that bound at every node.
   */
  private SearchBudget placementBudget = SearchBudget.of(QUESTION_PLACEMENT_BUDGET);

  /**
   * Placement search nodes per question, one verdict's worth: each verdict the question asks for
   * costs at least one node per unit with a choice of group, so a question over such units ends
   * after a bounded number of verdicts too.
   */
  static final long QUESTION_PLACEMENT_BUDGET = CompiledQualification.PLACEMENT_BUDGET;
  /** Solutions must cost at most this many credits and units; MAX_VALUE for no cap. */
  private long capCredits = Long.MAX_VALUE;
  private int capUnits = Integer.MAX_VALUE;
  /** Whether equal-cost solutions must be compared further (alternatives, preferences). */
  private boolean tiesMatter = true;
  private boolean stopAtFirst;
  /** When set, every minimal completion goes here instead of being ranked. */
  private java.util.function.Consumer<int[]> sink;

  /** The units added on the way to the current node, in the order they were added. */
  private final int[] added;

  /** Per depth: the units that node branches on, in branch order. */
  private final int[][] branchAt;

  /**
   * Per sum or count: its figure over the plan's relevant units, an upper bound on its figure
   * under any reading; kept up to date as units are added and removed.
   */
  private final long[] figure;

  /** The completion found that ranks last among those kept, or null while fewer than the limit. */
  private Candidate worst;

  /** Scratch sets for the bound, used and cleared within one node. */
  private final long[] used;

  private final long[] counted;

  /**
   * Set by {@link #unreachable}: the rule with the fewest candidates among those out of reach
   * (-1 when none is), the requirement concerned when it is an all-of rule, and whether some rule
   * out of reach has no candidate left.
   */
  private int branchRule;

  private int branchRequirement;
  private boolean blocked;

  /** Set by {@link #unreachable}: the active rules out of reach, in rule order. */
  private final int[] outOfReach;

  private int outOfReachCount;

  /**
   * Set by {@link #creditsStillNeeded}: a lower bound on the units still to add, the most any one
   * rule out of reach needs or the sum over the packing of rules with disjoint candidates.
   */
  private int unitsStillNeeded;

  /** A completion found: the units added, as indices in ascending order, and its cost. */
  record Candidate(int[] added, long credits, int preferredUsed) {}

  CompletionSearch(Tables tables, boolean[] active, int limit, long nodeBudget) {
    this.t = tables;
    this.q = tables.q;
    this.active = active;
    this.limit = limit;
    this.n = tables.n;
    this.nodeBudget = nodeBudget;
    this.best = new TreeSet<>(ORDER);
    this.added = new int[n + 1];
    this.branchAt = new int[n + 1][];
    this.used = Bits.empty(n);
    this.counted = Bits.empty(n);
    this.figure = new long[tables.rules.length];
    this.outOfReach = new int[tables.rules.length];
  }

  /** Completions by credits, then units added, then preferred units used (most first), then units. */
  static final Comparator<Candidate> ORDER = new CandidateOrder();

  // The orders below are classes rather than chains of comparator lambdas, which every command
  // that plans would link on start-up.

  private static final class CandidateOrder implements Comparator<Candidate> {
    @Override
    public int compare(Candidate a, Candidate b) {
      int c = Long.compare(a.credits(), b.credits());
      if (c == 0) {
        c = Integer.compare(a.added().length, b.added().length);
      }
      if (c == 0) {
        c = Integer.compare(-a.preferredUsed(), -b.preferredUsed());
      }
      return c != 0 ? c : Arrays.compare(a.added(), b.added());
    }
  }

  /** Units by credits, then preferred units first, then by index. */
  private static final class CostOrder implements Comparator<Integer> {
    private final int[] credits;
    private final boolean[] preferred;

    CostOrder(int[] credits, boolean[] preferred) {
      this.credits = credits;
      this.preferred = preferred;
    }

    @Override
    public int compare(Integer a, Integer b) {
      int c = Integer.compare(credits[a], credits[b]);
      if (c == 0) {
        c = Boolean.compare(!preferred[a], !preferred[b]);
      }
      return c != 0 ? c : Integer.compare(a, b);
    }
  }

  /** Units by weight, heaviest first, then by index. */
  private static final class WeightOrder implements Comparator<Integer> {
    private final int[] weights;

    WeightOrder(int[] weights) {
      this.weights = weights;
    }

    @Override
    public int compare(Integer a, Integer b) {
      int c = Integer.compare(-weights[a], -weights[b]);
      return c != 0 ? c : Integer.compare(a, b);
    }
  }

  /**
   * Finds only the cheapest cost: an equally cheap completion found later is not looked for, which
   * prunes far more. The completion returned is the first of the cheapest in search order.
   */
  CompletionSearch cheapestCostOnly() {
    this.tiesMatter = false;
    return this;
  }

  /**
   * Draws the placement search nodes of every verdict on {@code budget}, shared with other
   * searches of the same question, instead of a budget of its own.
   */
  CompletionSearch drawingOn(SearchBudget budget) {
    this.placementBudget = budget;
    return this;
  }

  /**
   * Looks only for a completion costing at most these credits and units, and stops at the first.
   */
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
    measure(plan);
    search(plan.clone(), excluded.clone(), 0, 0);
  }

  /** The best completions found, cheapest first; empty when none exists. */
  List<Candidate> run(long[] plan, long[] excluded) {
    measure(plan);
    search(plan.clone(), excluded.clone(), 0, 0);
    return new ArrayList<>(best);
  }

  /**
   * A cheapest completion if one costs no more than the lower bound at the root (the credits and
   * units that the rules out of reach still need): nothing costs less, so a search capped there
   * and stopped at its first completion finds one of the cheapest, usually in far fewer nodes than
   * a search that must first improve on worse completions. Null when none costs that little (or
   * the node budget runs out); the caller then searches without the cap. {@code plan} must fail the
   * active rules.
   */
  Candidate atLowerBound(long[] plan, long[] excluded) {
    long[] bound = lowerBound(plan, excluded);
    if (bound == null) {
      return null;
    }
    within(bound[0], (int) bound[1]);
    List<Candidate> found = run(plan, excluded);
    return found.isEmpty() ? null : found.get(0);
  }

  /**
   * The credits and the units that any completion of {@code plan} avoiding {@code excluded} must
   * add, each a lower bound on its own; null when the bound finds that none exists. {@code plan}
   * must fail the active rules, so at least one unit is needed.
   */
  long[] lowerBound(long[] plan, long[] excluded) {
    measure(plan);
    long credits = creditsStillNeeded(plan, excluded);
    return credits == Long.MAX_VALUE ? null : new long[] {credits, Math.max(1, unitsStillNeeded)};
  }

  /**
   * Among the completions of {@code plan} avoiding {@code excluded} that cost as much as {@code
   * cheapest}, a cheapest completion, the one whose added units come earliest in unit order; {@code
   * cheapest} itself if the node budget runs out on the way.
   *
   * <p>Units are decided in unit order: each is kept if some completion of that cost still exists
   * with it and the units kept before it, and ruled out otherwise, which gives the earliest. The
   * completion found for the last unit kept answers for every later unit in it without another
   * search, and a unit is ruled out without one when its credits exceed what is left or, in a
   * simple qualification, when it raises no rule the plan so far fails: a completion as cheap as
   * the cheapest is minimal, and each unit of a minimal completion is needed by such a rule. The
   * remaining units each take one search of the kind {@link #within} runs, capped at the cost
   * left, so there are at most n such searches, most ending within a node or two.
   */
  Candidate earliestOfCost(long[] plan, long[] excluded, Candidate cheapest) {
    long[] fixed = plan.clone();
    long[] out = excluded.clone();
    long credits = cheapest.credits();
    int units = cheapest.added().length;
    long[] witness = Bits.empty(n);
    for (int u : cheapest.added()) {
      Bits.set(witness, u);
    }
    int[] chosen = new int[units];
    int kept = 0;
    within(credits, units);
    for (int u = 0; u < n && units > 0; u++) {
      if (Bits.get(fixed, u) || Bits.get(out, u)) {
        continue;
      }
      boolean possible;
      if (Bits.get(witness, u)) {
        possible = true;
      } else if (t.credits[u] > credits || !couldBeNeeded(fixed, u)) {
        possible = false;
      } else {
        Bits.set(fixed, u);
        if (meets(fixed)) {
          possible = units == 1 && credits == t.credits[u];
        } else {
          best.clear();
          worst = null;
          nodes = 0;
          measure(fixed);
          capCredits = credits - t.credits[u];
          capUnits = units - 1;
          search(fixed, out, 0, 0);
          possible = !best.isEmpty();
          if (possible) {
            Arrays.fill(witness, 0);
            Bits.set(witness, u);
            for (int v : best.first().added()) {
              Bits.set(witness, v);
            }
          }
        }
        Bits.clear(fixed, u);
      }
      if (possible) {
        Bits.set(fixed, u);
        chosen[kept++] = u;
        credits -= t.credits[u];
        units--;
      } else {
        Bits.set(out, u);
      }
    }
    best.clear();
    worst = null;
    if (units != 0 || credits != 0) {
      return cheapest;
    }
    return new Candidate(chosen, cheapest.credits(), 0);
  }

  /**
   * Whether unit {@code u} could belong to a minimal completion of {@code plan}: in a simple
   * qualification, whether it raises the figure of some active rule the plan fails (a mandatory
   * unit not yet taken, or a sum or count below its minimum); always, otherwise.
   */
  private boolean couldBeNeeded(long[] plan, int u) {
    if (!q.isSimple()) {
      return true;
    }
    for (int r = 0; r < active.length; r++) {
      if (!active[r]) {
        continue;
      }
      CompiledRule rule = t.rules[r];
      if (rule instanceof CompiledRule.Requirements) {
        for (long[] members : t.requirements[r]) {
          if (Bits.get(members, u) && !Bits.intersects(plan, members)) {
            return true;
          }
        }
      } else if (rule.min() > 0
          && !(rule instanceof CompiledRule.Always)
          && Bits.get(t.raising[r], u)
          && rule.measureSimple(plan) < rule.min()) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the search looked at every branch it needed to: false if the node budget ran out, or
   * if a plan's verdict was undecided (see {@link #undecided()}).
   */
  boolean exhausted() {
    return exhausted;
  }

  /**
   * Whether the search stopped because the placement search behind some plan's verdict reached
   * its bound: the search's answer is then incomplete, and claims nothing beyond the completions
   * it found, each of which is proved to meet the rules.
   */
  boolean undecided() {
    return undecided;
  }

  /**
   * False when no completion can meet the active rules because even the plan with every allowed
   * unit added fails those of them that adding units never breaks: the all-of rules and the rules
   * with no maximum (for these a reading of a plan is still a reading of any larger plan, its
   * extra units counted nowhere they could do harm). In a structure whose units are listed in
   * many groups, where completions are many and alike, this settles at the root, by the flow
   * bound, what branching on units would take exponentially long to exhaust. True when it cannot
   * tell, the check itself being undecided.
   */
  private boolean anyCompletionMayMeet(long[] plan, long[] excluded) {
    boolean[] monotone = new boolean[active.length];
    boolean any = false;
    for (int r = 0; r < active.length; r++) {
      CompiledRule rule = t.rules[r];
      monotone[r] = active[r]
          && (rule instanceof CompiledRule.Requirements || rule.max() == Long.MAX_VALUE);
      any |= monotone[r];
    }
    if (!any) {
      return true;
    }
    long[] everything = plan.clone();
    for (int u = 0; u < n; u++) {
      if (!Bits.get(excluded, u)) {
        Bits.set(everything, u);
      }
    }
    return q.verdict(everything, monotone, SearchBudget.of(CompiledQualification.PLACEMENT_BUDGET))
        != Verdict.NOT_MET;
  }

  /**
   * Whether the plan is proved to meet the active rules. An undecided verdict stops the whole
   * search, which is then not exhausted: it never counts as met, and it cannot be taken as not met
   * either.
   */
  private boolean meets(long[] plan) {
    Verdict v = q.verdict(plan, active, placementBudget);
    if (v == Verdict.UNDECIDED) {
      undecided = true;
      exhausted = false;
    }
    return v == Verdict.MET;
  }

  /**
   * One node. {@code plan} and {@code excluded} are changed on the way down and left as they were
   * found; {@code added[0..depth)} holds the units added so far, which cost {@code credits}.
   */
  private void search(long[] plan, long[] excluded, int depth, long credits) {
    if (stopAtFirst && !best.isEmpty()) {
      return;
    }
    if (undecided || ++nodes > nodeBudget) {
      exhausted = false;
      return;
    }
    if (depth == 0 && !q.isSimple() && !anyCompletionMayMeet(plan, excluded)) {
      return;
    }
    // A rule out of reach fails under every reading, so the plan cannot meet the rules.
    boolean outOfReach = unreachable(plan, excluded);
    if (!outOfReach && meets(plan)) {
      offer(plan, depth, credits);
      return;
    }
    if (deadEnd(plan) || blocked) {
      return;
    }
    long bound = creditsStillNeeded(plan, excluded);
    if (bound == Long.MAX_VALUE
        || !canStillBeat(credits + bound, depth + Math.max(1, unitsStillNeeded))) {
      return;
    }
    // When one unit may still be added, it must bring every rule out of reach to its minimum.
    boolean lastUnit = branchRule >= 0 && unitsLeft(credits + bound, depth) == 1;
    int count = branchUnits(plan, excluded, depth);
    int[] branch = branchAt[depth];
    int done = 0;
    while (done < count) {
      int u = branch[done++];
      if (!canStillBeat(credits + t.credits[u], depth + 1)
          || (lastUnit && !completesAlone(plan, u))) {
        Bits.set(excluded, u);
        continue;
      }
      add(plan, u);
      added[depth] = u;
      search(plan, excluded, depth + 1, credits + t.credits[u]);
      remove(plan, u);
      Bits.set(excluded, u);
      if (undecided || nodes > nodeBudget || (stopAtFirst && !best.isEmpty())) {
        break;
      }
    }
    for (int j = 0; j < done; j++) {
      Bits.clear(excluded, branch[j]);
    }
  }

  /** Sets every figure from the plan. */
  private void measure(long[] plan) {
    for (int r = 0; r < t.rules.length; r++) {
      if (t.rules[r] instanceof CompiledRule.Sum) {
        figure[r] = Bits.weightedAnd(plan, t.relevant[r], t.weights[r]);
      } else if (t.rules[r] instanceof CompiledRule.Count) {
        figure[r] = Bits.countAnd(plan, t.relevant[r]);
      }
    }
  }

  private void add(long[] plan, int u) {
    Bits.set(plan, u);
    int[] of = t.figuresOf[u];
    int[] adds = t.addsTo[u];
    for (int k = 0; k < of.length; k++) {
      figure[of[k]] += adds[k];
    }
  }

  private void remove(long[] plan, int u) {
    Bits.clear(plan, u);
    int[] of = t.figuresOf[u];
    int[] adds = t.addsTo[u];
    for (int k = 0; k < of.length; k++) {
      figure[of[k]] -= adds[k];
    }
  }

  /**
   * How many more units a completion below this node may add and still be kept, given that it
   * adds at least {@code credits} in all: unlimited unless that already equals the cap or the worst
   * completion kept, when the units are capped too.
   */
  private int unitsLeft(long credits, int depth) {
    if (sink != null) {
      return Integer.MAX_VALUE;
    }
    int most = Integer.MAX_VALUE;
    if (credits >= capCredits) {
      most = capUnits;
    }
    if (worst != null && credits >= worst.credits()) {
      most = Math.min(most, worst.added().length - (tiesMatter ? 0 : 1));
    }
    return most == Integer.MAX_VALUE ? most : most - depth;
  }

  /**
   * Whether adding {@code u} alone could bring every rule out of reach to its minimum: it belongs
   * to every mandatory requirement still unmet, and its weight in each sum or count reaches the
   * deficit. The figures are upper bounds on any reading, so a unit failing this cannot complete
   * the plan by itself.
   */
  private boolean completesAlone(long[] plan, int u) {
    for (int k = 0; k < outOfReachCount; k++) {
      int r = outOfReach[k];
      long[][] requirements = t.requirements[r];
      if (requirements != null) {
        for (long[] members : requirements) {
          if (!Bits.get(members, u) && !Bits.intersects(plan, members)) {
            return false;
          }
        }
      } else {
        long adds = t.weights[r] != null ? t.weights[r][u] : Bits.get(t.raising[r], u) ? 1 : 0;
        if (figure[r] + adds < t.rules[r].min()) {
          return false;
        }
      }
    }
    return true;
  }

  private boolean canStillBeat(long credits, int units) {
    if (sink != null) {
      return true;
    }
    if (credits > capCredits || (credits == capCredits && units > capUnits)) {
      return false;
    }
    if (worst == null) {
      return true;
    }
    if (credits != worst.credits()) {
      return credits < worst.credits();
    }
    return tiesMatter ? units <= worst.added().length : units < worst.added().length;
  }

  private void offer(long[] plan, int depth, long credits) {
    int[] sorted = Arrays.copyOf(added, depth);
    Arrays.sort(sorted);
    if (limit > 1 || sink != null) {
      for (int u : sorted) {
        Bits.clear(plan, u);
        boolean stillMeets = meets(plan);
        Bits.set(plan, u);
        if (stillMeets || undecided) {
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
      if (t.preferred[u]) {
        preferredUsed++;
      }
    }
    best.add(new Candidate(sorted, credits, preferredUsed));
    if (best.size() > limit) {
      best.pollLast();
    }
    worst = best.size() < limit ? null : best.last();
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
      CompiledRule rule = t.rules[r];
      if (rule instanceof CompiledRule.Count c && c.countsChosen()) {
        if (!rule.admits(rule.measureSimple(plan))) {
          return true;
        }
      } else if (rule.max() != Long.MAX_VALUE
          && !(rule instanceof CompiledRule.Sum sum && sum.isCap())) {
        long sure = q.isSimple() ? rule.measureSimple(plan) : sureFigure(r, plan);
        if (sure > rule.max()) {
          return true;
        }
      }
    }
    return false;
  }

  /** A lower bound on a rule's figure over every reading of every superset of the plan. */
  private long sureFigure(int r, long[] plan) {
    long[] sure = t.sure[r];
    if (sure == null) {
      return 0;
    }
    return t.weights[r] != null
        ? Bits.weightedAnd(plan, sure, t.weights[r])
        : Bits.countAnd(plan, sure);
  }

  /**
   * Finds the active rules whose minimum no reading of the plan can reach, and among them the one
   * with the fewest candidates (units that could raise its figure and are still allowed), the
   * first on ties; sets {@link #branchRule}, {@link #branchRequirement} and {@link #blocked}.
   * Returns whether any rule is out of reach.
   */
  private boolean unreachable(long[] plan, long[] excluded) {
    branchRule = -1;
    blocked = false;
    outOfReachCount = 0;
    int bestCount = Integer.MAX_VALUE;
    for (int r = 0; r < active.length; r++) {
      if (!active[r]) {
        continue;
      }
      CompiledRule rule = t.rules[r];
      long[] candidates;
      int requirement = -1;
      if (rule instanceof CompiledRule.Requirements) {
        long[][] reqs = t.requirements[r];
        candidates = null;
        for (int k = 0; k < reqs.length; k++) {
          if (!Bits.intersects(plan, reqs[k])) {
            candidates = reqs[k];
            requirement = k;
            break;
          }
        }
        if (candidates == null) {
          continue;
        }
      } else {
        if (rule.min() == 0 || rule instanceof CompiledRule.Always) {
          continue;
        }
        if (figure[r] >= rule.min()) {
          continue;
        }
        candidates = t.raising[r];
      }
      outOfReach[outOfReachCount++] = r;
      int count = countAllowed(candidates, plan, excluded);
      if (count == 0) {
        blocked = true;
        return true;
      }
      if (count < bestCount) {
        bestCount = count;
        branchRule = r;
        branchRequirement = requirement;
      }
    }
    return branchRule >= 0;
  }

  /**
   * Fills {@code branchAt[depth]} with the units to branch on, cheapest first: the candidates of
   * {@link #branchRule}, or every unit still allowed when no rule is out of reach. Returns how
   * many there are.
   */
  private int branchUnits(long[] plan, long[] excluded, int depth) {
    int[] units = branchAt[depth];
    if (units == null) {
      units = new int[n];
      branchAt[depth] = units;
    }
    int k = 0;
    if (branchRule < 0) {
      for (int i : t.byCost) {
        if (!Bits.get(plan, i) && !Bits.get(excluded, i)) {
          units[k++] = i;
        }
      }
      return k;
    }
    int[] candidates =
        branchRequirement >= 0
            ? t.requirementsByCost[branchRule][branchRequirement]
            : t.raisingByCost[branchRule];
    for (int u : candidates) {
      if (!Bits.get(plan, u) && !Bits.get(excluded, u)) {
        units[k++] = u;
      }
    }
    return k;
  }

  private static int countAllowed(long[] units, long[] plan, long[] excluded) {
    int count = 0;
    for (int w = 0; w < units.length; w++) {
      count += Long.bitCount(units[w] & ~plan[w] & ~excluded[w]);
    }
    return count;
  }

  /**
   * A lower bound on the credits any completion must still add, and in {@link #unitsStillNeeded}
   * on the units. Each active rule out of reach needs at least k more units, the fewest of its
   * allowed units whose weights cover its deficit (one per unmet mandatory unit, one per missing
   * unit of a count), and at least the credits of its k cheapest allowed units (the cheapest
   * member of each unmet mandatory unit's class; for a credit total, also the deficit itself). The
   * bound is the largest need, or the sum of the needs over rules whose relevant units are
   * disjoint, since those need distinct units. {@link Long#MAX_VALUE} when some rule cannot be
   * reached with the units still allowed.
   */
  private long creditsStillNeeded(long[] plan, long[] excluded) {
    long bound = 0;
    long packed = 0;
    int mostUnits = 0;
    int packedUnits = 0;
    Arrays.fill(used, 0);
    for (int r = 0; r < active.length; r++) {
      if (!active[r]) {
        continue;
      }
      CompiledRule rule = t.rules[r];
      long need = 0;
      int units = 0;
      if (rule instanceof CompiledRule.Requirements) {
        Arrays.fill(counted, 0);
        for (long[] members : t.requirements[r]) {
          if (!Bits.intersects(plan, members) && !Bits.intersects(counted, members)) {
            long cheapest = cheapestOne(members, plan, excluded);
            if (cheapest == Long.MAX_VALUE) {
              return Long.MAX_VALUE;
            }
            need += cheapest;
            units++;
            Bits.or(counted, members);
          }
        }
      } else if (rule.min() > 0 && !(rule instanceof CompiledRule.Always)) {
        int[] weights = t.weights[r];
        if (weights != null) {
          long deficit = rule.min() - figure[r];
          if (deficit > 0) {
            long reachable = t.total[r] - figure[r] - weightExcluded(r, plan, excluded);
            if (reachable < deficit) {
              return Long.MAX_VALUE;
            }
            units = fewestToReach(r, deficit, plan, excluded);
            need = cheapest(r, units, plan, excluded);
            if (t.measure[r] == Measure.CREDITS) {
              need = Math.max(need, deficit);
            }
          }
        } else {
          long deficit = rule.min() - figure[r];
          if (deficit > 0) {
            units = (int) Math.min(deficit, n + 1L);
            need = cheapest(r, units, plan, excluded);
            if (need == Long.MAX_VALUE) {
              return Long.MAX_VALUE;
            }
          }
        }
      }
      bound = Math.max(bound, need);
      mostUnits = Math.max(mostUnits, units);
      if (need > 0 && !Bits.intersects(used, t.relevant[r])) {
        packed += need;
        packedUnits += units;
        Bits.or(used, t.relevant[r]);
      }
    }
    unitsStillNeeded = Math.max(mostUnits, packedUnits);
    return Math.max(bound, packed);
  }

  /**
   * The fewest allowed units that together raise sum {@code r} by at least {@code deficit}, which
   * the allowed units can: its largest weights first.
   */
  private int fewestToReach(int r, long deficit, long[] plan, long[] excluded) {
    int[] weights = t.weights[r];
    long sum = 0;
    int units = 0;
    for (int u : t.raisingByWeight[r]) {
      if (!Bits.get(plan, u) && !Bits.get(excluded, u)) {
        sum += weights[u];
        units++;
        if (sum >= deficit) {
          break;
        }
      }
    }
    return units;
  }

  /** The weights in sum {@code r} of its relevant units that are forbidden and not in the plan. */
  private long weightExcluded(int r, long[] plan, long[] excluded) {
    long[] units = t.relevant[r];
    int[] weights = t.weights[r];
    long sum = 0;
    for (int w = 0; w < units.length; w++) {
      long x = units[w] & excluded[w] & ~plan[w];
      while (x != 0) {
        sum += weights[(w << 6) + Long.numberOfTrailingZeros(x)];
        x &= x - 1;
      }
    }
    return sum;
  }

  /** The credits of the cheapest allowed unit of the set, or MAX_VALUE if none is allowed. */
  private long cheapestOne(long[] units, long[] plan, long[] excluded) {
    long min = Long.MAX_VALUE;
    for (int w = 0; w < units.length; w++) {
      long x = units[w] & ~plan[w] & ~excluded[w];
      while (x != 0) {
        min = Math.min(min, t.credits[(w << 6) + Long.numberOfTrailingZeros(x)]);
        x &= x - 1;
      }
    }
    return min;
  }

  /**
   * The credits of the {@code k} cheapest allowed units relevant to rule {@code r}, or MAX_VALUE
   * if it has fewer.
   */
  private long cheapest(int r, int k, long[] plan, long[] excluded) {
    long sum = 0;
    int taken = 0;
    for (int u : t.relevantByCost[r]) {
      if (taken == k) {
        break;
      }
      if (!Bits.get(plan, u) && !Bits.get(excluded, u)) {
        sum += t.credits[u];
        taken++;
      }
    }
    return taken < k ? Long.MAX_VALUE : sum;
  }
}
