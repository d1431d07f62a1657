package org.qualcheck.count;

import static com.google.common.base.Preconditions.checkArgument;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.qualcheck.check.Plan;
import org.qualcheck.compile.Bits;
import org.qualcheck.compile.CompiledQualification;
import org.qualcheck.compile.CompiledRule;

/**
 * Counts, exactly, the plans (sets of units) that meet a qualification's rules, and lists them.
 *
 * <p>Dynamic programming over the units in group order. The state after deciding a prefix of the
 * units is each rule's figure so far, clamped where it stops mattering (at the minimum for a rule
 * with no maximum, one past the maximum otherwise), plus the credits so far when counting plans of
 * an exact size. A rule whose units have all been decided is checked at once and leaves the state,
 * so only the rules still open take part: for 03455 a few hundred states per position. The number
 * of plans accepted from each (position, state) is memoised, so a count costs one pass over the
 * reachable states, O(units x states x rules), in exact {@link BigInteger} arithmetic; listing
 * follows the branches whose count is not zero, so it never explores a dead end.
 *
 * <p>Exact counting needs a qualification where, caps aside, a plan is read one way only (no unit
 * with a choice of group, no equivalences); {@link #supports} says whether it applies. Caps on what
 * counts let the plan be read several ways, one per choice of which capped units count; there the
 * state is instead the set of every figure vector some such choice reaches (a choice whose counted
 * units exceed a cap is dropped at once), a plan meets the rules when the set is not empty at the
 * end, and each plan, having one such set per prefix, is still counted once.
 *
 * <p>Each instance answers one question on one thread.
 */
public final class Counter {
  private final CompiledQualification q;
  private final int[] order;
  private final int[] dims;
  private final long[] caps;
  private final int[][] deltas;
  private final int[] closeAfter;
  private final long exactCredits;
  private final Map<Long, BigInteger>[] memo;
  /** Whether some unit may be left uncounted by a cap: the state is then a set of figures. */
  private final boolean capped;
  /** Per unit: whether a cap may leave it uncounted. */
  private final boolean[] uncountable;
  /** Per dimension and unit: what the unit adds while left uncounted (barred rules only). */
  private final int[][] uncountedDeltas;
  /** Per dimension: whether it is a cap, whose figure may never pass its maximum. */
  private final boolean[] capDim;
  private final Map<StateSet, BigInteger>[] setMemo;
  /** Per unit a cap may leave out: its kind (the caps taking it in, what it adds); -1 otherwise. */
  private final int[] leftOutKind;
  /** Per kind: for each cap taking its units in, the cap's dimension and what a unit adds. */
  private final int[][][] leftOutKinds;
  /** The dimension of the first kind's flag. */
  private final int firstKindDim;

  private Counter(CompiledQualification q, long exactCredits) {
    checkArgument(supports(q), "exact counting needs a qualification in which each plan is read"
        + " one way, caps aside: no unit listed in two groups and no equivalent units");
    this.q = q;
    this.exactCredits = exactCredits;
    int n = q.unitCount();
    this.order = unitOrder(q);
    List<Integer> dimList = new ArrayList<>();
    for (int r = 0; r < q.rules().size(); r++) {
      if (!(q.rules().get(r) instanceof CompiledRule.Always)) {
        dimList.add(r);
      }
    }
    this.dims = dimList.stream().mapToInt(Integer::intValue).toArray();
    // units a cap may leave out, by the caps that take them in and what they would add to each:
    // one flag per such kind, set once a plan leaves one of its units uncounted
    Map<String, Integer> kindOf = new java.util.LinkedHashMap<>();
    List<int[][]> kinds = new ArrayList<>();
    this.leftOutKind = new int[n];
    long[] cappable = q.cappedUnits();
    for (int i = 0; i < n; i++) {
      leftOutKind[i] = -1;
      if (!Bits.get(cappable, i)) {
        continue;
      }
      List<int[]> adds = new ArrayList<>();
      for (int j = 0; j < dims.length; j++) {
        CompiledRule rule = q.rules().get(dims[j]);
        if (rule instanceof CompiledRule.Sum sum && sum.isCap() && Bits.get(sum.relevantUnits(), i)) {
          adds.add(new int[] {j, sum.weight(i)});
        }
      }
      String key = adds.stream().map(Arrays::toString).toList().toString();
      Integer kind = kindOf.get(key);
      if (kind == null) {
        kind = kinds.size();
        kindOf.put(key, kind);
        kinds.add(adds.toArray(new int[0][]));
      }
      leftOutKind[i] = kind;
    }
    this.leftOutKinds = kinds.toArray(new int[0][][]);
    this.firstKindDim = dims.length + (exactCredits >= 0 ? 1 : 0);
    int d = firstKindDim + leftOutKinds.length;
    this.caps = new long[d];
    this.deltas = new int[d][n];
    this.capped = q.hasCaps();
    this.uncountable = new boolean[n];
    long[] cappedUnits = q.cappedUnits();
    for (int i = 0; i < n; i++) {
      uncountable[i] = Bits.get(cappedUnits, i);
    }
    this.uncountedDeltas = new int[d][n];
    this.capDim = new boolean[d];
    this.closeAfter = new int[d];
    int[] position = new int[n];
    for (int k = 0; k < n; k++) {
      position[order[k]] = k;
    }
    for (int j = 0; j < dims.length; j++) {
      CompiledRule rule = q.rules().get(dims[j]);
      caps[j] = rule.max() == Long.MAX_VALUE ? rule.min() : rule.max() + 1;
      capDim[j] = rule instanceof CompiledRule.Sum sum && sum.isCap();
      closeAfter[j] = -1;
      for (int i = 0; i < n; i++) {
        long[] single = Bits.empty(n);
        Bits.set(single, i);
        deltas[j][i] = (int) rule.measureSimple(single);
        if (rule instanceof CompiledRule.Count c && c.countsChosen()) {
          uncountedDeltas[j][i] = deltas[j][i];
        }
        if (deltas[j][i] != 0) {
          closeAfter[j] = Math.max(closeAfter[j], position[i]);
        }
      }
    }
    for (int k = 0; k < leftOutKinds.length; k++) {
      int j = firstKindDim + k;
      caps[j] = 1;
      closeAfter[j] = n - 1;
      for (int i = 0; i < n; i++) {
        uncountedDeltas[j][i] = leftOutKind[i] == k ? 1 : 0;
      }
      // a cap must stay open to the end, to tell whether what it left out had to be
      for (int[] add : leftOutKinds[k]) {
        closeAfter[add[0]] = n - 1;
      }
    }
    if (exactCredits >= 0) {
      int j = dims.length;
      caps[j] = exactCredits + 1;
      closeAfter[j] = n - 1;
      for (int i = 0; i < n; i++) {
        deltas[j][i] = q.credits(i);
        // the plan's size counts every unit it holds, counted or not
        uncountedDeltas[j][i] = q.credits(i);
      }
    }
    long states = 1;
    for (long cap : caps) {
      checkArgument(cap < Integer.MAX_VALUE && states < Long.MAX_VALUE / (cap + 1),
          "the rules' figures are too large to count plans exactly");
      states *= cap + 1;
    }
    @SuppressWarnings("unchecked")
    Map<Long, BigInteger>[] m = (Map<Long, BigInteger>[]) new Map<?, ?>[n + 1];
    for (int k = 0; k <= n; k++) {
      m[k] = new HashMap<>();
    }
    this.memo = m;
    @SuppressWarnings("unchecked")
    Map<StateSet, BigInteger>[] sm = (Map<StateSet, BigInteger>[]) new Map<?, ?>[n + 1];
    for (int k = 0; k <= n; k++) {
      sm[k] = new HashMap<>();
    }
    this.setMemo = sm;
  }

  /**
   * {@return whether plans of this qualification can be counted exactly: it must be simple}
   *
   * @param q the compiled qualification
   */
  public static boolean supports(CompiledQualification q) {
    return q.isSimpleButForCaps();
  }

  /**
   * {@return a counter of the plans of any size that meet the rules}
   *
   * @param q the compiled qualification; see {@link #supports}
   */
  public static Counter allPlans(CompiledQualification q) {
    return new Counter(q, -1);
  }

  /**
   * {@return a counter of the plans with exactly {@code credits} credits that meet the rules}
   *
   * @param q the compiled qualification; see {@link #supports}
   * @param credits the plans' total credits, at least 0
   */
  public static Counter plansWithCredits(CompiledQualification q, long credits) {
    checkArgument(credits >= 0, "credits cannot be negative");
    return new Counter(q, credits);
  }

  /** {@return the number of plans meeting the rules (and of the exact size, if one was given)} */
  public BigInteger count() {
    return capped ? fromSet(0, StateSet.of(key(new long[caps.length]))) : from(0, new long[caps.length]);
  }

  /**
   * Passes every counted plan to {@code sink}, in a fixed order, without holding them all.
   *
   * @param sink what receives each plan, in turn
   */
  public void list(Consumer<Plan> sink) {
    long[] chosen = Bits.empty(q.unitCount());
    if (capped) {
      walkSet(0, StateSet.of(key(new long[caps.length])), chosen, sink);
    } else {
      walk(0, new long[caps.length], chosen, sink);
    }
  }

  /** A set of states (encoded figure vectors), sorted, compared by value. */
  private record StateSet(long[] keys) {
    static StateSet of(long key) {
      return new StateSet(new long[] {key});
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof StateSet s && Arrays.equals(keys, s.keys);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(keys);
    }
  }

  private long[] decode(long key) {
    long[] state = new long[caps.length];
    for (int j = caps.length - 1; j >= 0; j--) {
      state[j] = key % (caps[j] + 1);
      key /= caps[j] + 1;
    }
    return state;
  }

  /** The set's states with the rules closing at position {@code k} checked and cleared. */
  private StateSet closeSet(int k, StateSet set) {
    java.util.TreeSet<Long> out = new java.util.TreeSet<>();
    for (long key : set.keys()) {
      long[] state = decode(key);
      if (close(k, state)) {
        out.add(key(state));
      }
    }
    return new StateSet(out.stream().mapToLong(Long::longValue).toArray());
  }

  /** The states after taking {@code unit}: counted, and where a cap allows, left uncounted. */
  private StateSet takeSet(StateSet set, int unit) {
    java.util.TreeSet<Long> out = new java.util.TreeSet<>();
    for (long key : set.keys()) {
      long[] state = decode(key);
      long[] counted = step(state, unit);
      if (keepsCaps(counted)) {
        out.add(key(counted));
      }
      if (uncountable[unit]) {
        long[] left = state.clone();
        for (int j = 0; j < caps.length; j++) {
          left[j] = Math.min(caps[j], left[j] + uncountedDeltas[j][unit]);
        }
        out.add(key(left));
      }
    }
    return new StateSet(out.stream().mapToLong(Long::longValue).toArray());
  }

  /** Whether no cap's figure has passed its maximum (clamped one past it). */
  private boolean keepsCaps(long[] state) {
    for (int j = 0; j < dims.length; j++) {
      if (capDim[j] && state[j] >= caps[j]) {
        return false;
      }
    }
    return true;
  }

  /** Plans accepted from position {@code k} on, over a set of states. */
  private BigInteger fromSet(int k, StateSet incoming) {
    StateSet set = closeSet(k, incoming);
    if (set.keys().length == 0) {
      return BigInteger.ZERO;
    }
    if (k == order.length) {
      return BigInteger.ONE;
    }
    BigInteger known = setMemo[k].get(set);
    if (known != null) {
      return known;
    }
    BigInteger total = fromSet(k + 1, set).add(fromSet(k + 1, takeSet(set, order[k])));
    setMemo[k].put(set, total);
    return total;
  }

  private void walkSet(int k, StateSet incoming, long[] chosen, Consumer<Plan> sink) {
    StateSet set = closeSet(k, incoming);
    if (set.keys().length == 0) {
      return;
    }
    if (k == order.length) {
      sink.accept(q.plan(chosen));
      return;
    }
    int unit = order[k];
    StateSet with = takeSet(set, unit);
    if (fromSet(k + 1, with).signum() > 0) {
      Bits.set(chosen, unit);
      walkSet(k + 1, with, chosen, sink);
      Bits.clear(chosen, unit);
    }
    if (fromSet(k + 1, set).signum() > 0) {
      walkSet(k + 1, set, chosen, sink);
    }
  }

  private int[] unitOrder(CompiledQualification q) {
    int n = q.unitCount();
    Integer[] units = new Integer[n];
    int[] firstGroup = new int[n];
    for (int i = 0; i < n; i++) {
      units[i] = i;
      int[] options = q.placementOptions(i);
      firstGroup[i] = options.length == 0 ? Integer.MAX_VALUE : options[0];
    }
    Arrays.sort(units, (a, b) -> firstGroup[a] != firstGroup[b]
        ? Integer.compare(firstGroup[a], firstGroup[b]) : Integer.compare(a, b));
    return Arrays.stream(units).mapToInt(Integer::intValue).toArray();
  }

  /** Checks the rules closing at position {@code k}; false if one fails. Clears closed figures. */
  private boolean close(int k, long[] state) {
    if (k == order.length && !leftOutOnlyOverCaps(state)) {
      return false;
    }
    for (int j = 0; j < caps.length; j++) {
      if (closeAfter[j] == k - 1 || (k == 0 && closeAfter[j] < 0)) {
        if (!accepts(j, state[j])) {
          return false;
        }
        state[j] = 0;
      }
    }
    return true;
  }

  /**
   * Whether each kind of unit the plan left uncounted had to be: counting one more would take
   * some cap taking it in over its maximum. A cap limits what counts; it does not let a reading
   * ignore units that fit.
   */
  private boolean leftOutOnlyOverCaps(long[] state) {
    for (int k = 0; k < leftOutKinds.length; k++) {
      if (state[firstKindDim + k] == 0) {
        continue;
      }
      boolean over = false;
      for (int[] add : leftOutKinds[k]) {
        over |= state[add[0]] + add[1] >= caps[add[0]];
      }
      if (!over) {
        return false;
      }
    }
    return true;
  }

  private boolean accepts(int j, long figure) {
    if (j >= firstKindDim) {
      return true;
    }
    if (j >= dims.length) {
      return figure == exactCredits;
    }
    CompiledRule rule = q.rules().get(dims[j]);
    return rule.max() == Long.MAX_VALUE ? figure >= rule.min() : rule.admits(figure);
  }

  private long key(long[] state) {
    long key = 0;
    for (int j = 0; j < caps.length; j++) {
      key = key * (caps[j] + 1) + state[j];
    }
    return key;
  }

  private long[] step(long[] state, int unit) {
    long[] next = state.clone();
    for (int j = 0; j < caps.length; j++) {
      next[j] = Math.min(caps[j], next[j] + deltas[j][unit]);
    }
    return next;
  }

  /** Plans accepted when units from position {@code k} on are still to be decided. */
  private BigInteger from(int k, long[] incoming) {
    long[] state = incoming.clone();
    if (!close(k, state)) {
      return BigInteger.ZERO;
    }
    if (k == order.length) {
      return BigInteger.ONE;
    }
    long key = key(state);
    BigInteger known = memo[k].get(key);
    if (known != null) {
      return known;
    }
    BigInteger total = from(k + 1, state).add(from(k + 1, step(state, order[k])));
    memo[k].put(key, total);
    return total;
  }

  private void walk(int k, long[] incoming, long[] chosen, Consumer<Plan> sink) {
    long[] state = incoming.clone();
    if (!close(k, state)) {
      return;
    }
    if (k == order.length) {
      sink.accept(q.plan(chosen));
      return;
    }
    int unit = order[k];
    long[] with = step(state, unit);
    if (from(k + 1, with).signum() > 0) {
      Bits.set(chosen, unit);
      walk(k + 1, with, chosen, sink);
      Bits.clear(chosen, unit);
    }
    if (from(k + 1, state).signum() > 0) {
      walk(k + 1, state, chosen, sink);
    }
  }
}
