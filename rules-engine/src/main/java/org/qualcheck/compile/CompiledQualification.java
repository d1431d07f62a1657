package org.qualcheck.compile;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.primitives.Ints;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.qualcheck.check.Plan;
import org.qualcheck.check.Verdict;
import org.qualcheck.model.Group;
import org.qualcheck.model.Qualification;
import org.qualcheck.model.Unit;
import org.qualcheck.record.Via;
import org.qualcheck.rule.AllOf;
import org.qualcheck.rule.Barred;
import org.qualcheck.rule.Cap;
import org.qualcheck.rule.Choose;
import org.qualcheck.rule.Equivalent;
import org.qualcheck.rule.Measure;
import org.qualcheck.rule.Rule;
import org.qualcheck.rule.Scope;
import org.qualcheck.rule.Total;
import org.qualcheck.rule.UnitFilter;

/**
 * A qualification compiled for fast, exact checking: units become indices {@code 0..n-1} in
 * declaration order, plans become {@code long[]} bitsets and every rule a {@link CompiledRule}.
 *
 * <p>Units named together in an {@link Equivalent} rule form an equivalence class (singletons
 * otherwise); at most one member of a class counts. A counted unit is placed in one of the groups
 * listing a member of its class. When no unit has a choice of group and there are no equivalences
 * the qualification is <em>simple</em>: the plan fixes everything and a verdict is a handful of
 * masked sums. Otherwise {@link #search} looks for a reading of the plan (which member of each class
 * counts, which group each counted unit is placed in) that meets every rule: an exact search over
 * the plan's own choices, never over subsets of the qualification's units, with interchangeable
 * units placed together and a flow bound at the root, and at most {@link #PLACEMENT_BUDGET} steps,
 * past which its verdict is {@link Verdict#UNDECIDED} rather than a guess.
 *
 * <p>Immutable and thread-safe.
 */
public final class CompiledQualification {
  private final Qualification qualification;
  private final String[] numbers;
  private final Map<String, Integer> index;
  private final int[] credits;
  private final int[] hours;
  private final int[] ones;
  private final int[][] options;
  private final int[] classOf;
  private final long[][] classMasks;
  private final String[] groupIds;
  private final long[][] groupMasks;
  private final ImmutableList<CompiledRule> rules;
  /** The units some cap may take in: the search chooses whether each of the plan's counts. */
  private final long[] capped;
  private final boolean simple;
  private final boolean simpleButForCaps;
  /** How each unit's credit was obtained, for totals that count only some ways ({@code via}). */
  private final Via[] provenance;

  private CompiledQualification(Qualification q, Map<String, Via> provenance) {
    this.qualification = q;
    int n = q.units().size();
    this.provenance = new Via[n];
    this.numbers = q.units().keySet().toArray(new String[0]);
    this.index = new HashMap<>();
    for (int i = 0; i < n; i++) {
      index.put(numbers[i], i);
      this.provenance[i] = provenance.getOrDefault(numbers[i], Via.ASSESSMENT);
    }
    this.credits = new int[n];
    this.hours = new int[n];
    this.ones = new int[n];
    for (int i = 0; i < n; i++) {
      Unit u = q.units().get(numbers[i]);
      credits[i] = u.credits();
      hours[i] = u.guidedLearningHoursOrZero();
      ones[i] = 1;
    }
    this.groupIds = q.groups().keySet().toArray(new String[0]);
    this.groupMasks = new long[groupIds.length][];
    for (int g = 0; g < groupIds.length; g++) {
      groupMasks[g] = Bits.empty(n);
      for (String u : q.groups().get(groupIds[g]).units()) {
        Bits.set(groupMasks[g], index.get(u));
      }
    }
    this.classOf = equivalenceClasses(q, n);
    int classes = 0;
    for (int c : classOf) {
      classes = Math.max(classes, c + 1);
    }
    this.classMasks = new long[classes][];
    for (int c = 0; c < classes; c++) {
      classMasks[c] = Bits.empty(n);
    }
    for (int i = 0; i < n; i++) {
      Bits.set(classMasks[classOf[i]], i);
    }
    this.options = new int[n][];
    boolean anyChoice = classes < n;
    for (int i = 0; i < n; i++) {
      List<Integer> opts = new ArrayList<>();
      for (int g = 0; g < groupIds.length; g++) {
        if (Bits.intersects(groupMasks[g], classMasks[classOf[i]])) {
          opts.add(g);
        }
      }
      options[i] = Ints.toArray(opts);
      anyChoice |= options[i].length > 1;
    }
    ImmutableList.Builder<CompiledRule> compiled = ImmutableList.builder();
    long[] capped = Bits.empty(n);
    for (Rule r : q.rules()) {
      CompiledRule c = r.accept(new RuleCompiler());
      compiled.add(c);
      if (c instanceof CompiledRule.Sum sum && sum.isCap()) {
        Bits.or(capped, sum.staticMask);
      }
    }
    this.rules = compiled.build();
    this.capped = capped;
    // a cap is a choice too: which of its units count
    this.simple = !anyChoice && Bits.count(capped) == 0;
    this.simpleButForCaps = !anyChoice;
  }

  private int[] equivalenceClasses(Qualification q, int n) {
    int[] parent = new int[n];
    for (int i = 0; i < n; i++) {
      parent[i] = i;
    }
    for (Rule r : q.rules()) {
      if (r instanceof Equivalent e) {
        int first = find(parent, index.get(e.units().get(0)));
        for (String u : e.units()) {
          int root = find(parent, index.get(u));
          parent[root] = first;
        }
      }
    }
    int[] classId = new int[n];
    Map<Integer, Integer> ids = new HashMap<>();
    for (int i = 0; i < n; i++) {
      classId[i] = ids.computeIfAbsent(find(parent, i), k -> ids.size());
    }
    return classId;
  }

  private static int find(int[] parent, int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }

  /**
   * Compiles a qualification. The result can be shared by any number of threads.
   *
   * @param qualification the qualification to compile
   * @return the compiled form, indexing its units, groups and rules
   */
  public static CompiledQualification of(Qualification qualification) {
    return new CompiledQualification(qualification, Map.of());
  }

  /**
   * Compiles a qualification for one learner's record: each unit's credit counts toward a total
   * with a {@code via} filter only if it was obtained in one of the ways the filter names. Units
   * the map leaves out are obtained by assessment, as every unit of a plain plan is.
   *
   * @param qualification the qualification to compile
   * @param provenance how the credit of some units was obtained, by unit number
   * @return the compiled form, indexing its units, groups and rules
   */
  public static CompiledQualification of(
      Qualification qualification, Map<String, Via> provenance) {
    checkNotNull(provenance, "provenance");
    for (String unit : provenance.keySet()) {
      checkArgument(
          qualification.units().containsKey(unit),
          "unit %s is not declared in %s",
          unit,
          qualification.code());
    }
    return new CompiledQualification(qualification, provenance);
  }

  /**
   * {@return whether some total or cap takes in only units obtained in certain ways, so that how a
   * learner's credit was obtained can change a verdict}
   */
  public boolean dependsOnProvenance() {
    return qualification.rules().stream()
        .anyMatch(r -> r instanceof Total t && !t.via().isEmpty()
            || r instanceof Cap c && !c.via().isEmpty());
  }

  /** {@return the qualification compiled} */
  public Qualification qualification() {
    return qualification;
  }

  /** {@return how many units the qualification declares; unit indices run from 0 to this less 1} */
  public int unitCount() {
    return numbers.length;
  }

  /**
   * {@return the unit number of the unit at this index}
   *
   * @param unit the unit's index
   */
  public String number(int unit) {
    return numbers[unit];
  }

  /**
   * {@return the index of a unit number, or -1}
   *
   * @param unitNumber the unit number, matched exactly
   */
  public int indexOf(String unitNumber) {
    Integer i = index.get(unitNumber);
    return i == null ? -1 : i;
  }

  /**
   * {@return the credits of the unit at this index}
   *
   * @param unit the unit's index
   */
  public int credits(int unit) {
    return credits[unit];
  }

  /**
   * {@return the guided learning hours recorded for the unit at this index, or zero}
   *
   * @param unit the unit's index
   */
  public int guidedLearningHours(int unit) {
    return hours[unit];
  }

  /** {@return how many groups the qualification declares} */
  public int groupCount() {
    return groupIds.length;
  }

  /**
   * {@return the id of the group at this index}
   *
   * @param group the group's index
   */
  public String groupId(int group) {
    return groupIds[group];
  }

  /**
   * {@return the units listed in the group at this index, as a bitset; do not modify it}
   *
   * @param group the group's index
   */
  public long[] groupMask(int group) {
    return groupMasks[group].clone();
  }

  /**
   * {@return the groups a counted unit may be placed in; empty for a unit listed in no group}
   *
   * @param unit the unit's index
   */
  public int[] placementOptions(int unit) {
    return options[unit].clone();
  }

  /**
   * {@return the members of the unit's equivalence class (the unit alone if it has no equivalents)}
   *
   * @param unit the unit's index
   */
  public long[] equivalents(int unit) {
    return classMasks[classOf[unit]].clone();
  }

  /**
   * {@return the units some cap on what counts may take in, as a bitset: a plan's such units may
   * be left uncounted}
   */
  public long[] cappedUnits() {
    return capped.clone();
  }

  /**
   * {@return whether the qualification has caps on what counts, each of which makes the checker
   * choose which of the plan's capped units count}
   */
  public boolean hasCaps() {
    return Bits.count(capped) > 0;
  }

  /**
   * {@return whether, caps aside, plans are read one way only: no choice of group, no
   * equivalences}
   */
  public boolean isSimpleButForCaps() {
    return simpleButForCaps;
  }

  /**
   * {@return whether plans are read one way only: no choice of group, no equivalences, no caps}
   */
  public boolean isSimple() {
    return simple;
  }

  /** {@return the compiled rules, in the qualification's rule order} */
  public List<CompiledRule> rules() {
    return rules;
  }

  /**
   * {@return the plan as a bitset over unit indices}
   *
   * @param plan a plan of this qualification's units
   */
  public long[] bits(Plan plan) {
    long[] bits = Bits.empty(numbers.length);
    for (String u : plan.units()) {
      Integer i = index.get(u);
      if (i == null) {
        return bits(plan.resolvedAgainst(qualification));
      }
      Bits.set(bits, i);
    }
    return bits;
  }

  /**
   * {@return the plan with these bits set, in unit order}
   *
   * @param bits a bitset over unit indices
   */
  public Plan plan(long[] bits) {
    List<String> units = new ArrayList<>();
    for (int i = 0; i < numbers.length; i++) {
      if (Bits.get(bits, i)) {
        units.add(numbers[i]);
      }
    }
    return Plan.of(units);
  }

  /**
   * How many nodes the exact search behind one verdict may visit before it gives the plan up as
   * {@link Verdict#UNDECIDED}. Real structures need a handful: interchangeable units are placed
   * together and the flow bound settles most plans at the root. The bound makes the worst case a
   * fraction of a second instead of years.
   */
  public static final long PLACEMENT_BUDGET = 200_000;

  /**
   * {@return the verdict alone: whether some reading of the plan is proved to meet every rule}
   *
   * @param chosen the plan as a bitset over unit indices
   */
  public boolean meets(long[] chosen) {
    if (simple) {
      for (CompiledRule r : rules) {
        if (!r.admits(r.measureSimple(chosen))) {
          return false;
        }
      }
      return true;
    }
    return verdict(chosen, null, SearchBudget.of(PLACEMENT_BUDGET)) == Verdict.MET;
  }

  /**
   * Whether some reading of the plan is proved to meet every rule whose flag is set in {@code
   * active} (indexed like {@link #rules()}); the other rules are ignored. Used to ask which rules
   * conflict.
   *
   * @param chosen the plan as a bitset over unit indices
   * @param active a flag for each rule, set for the rules to consider
   * @return whether some reading meets every active rule
   */
  public boolean meets(long[] chosen, boolean[] active) {
    checkArgument(active.length == rules.size(), "one flag per rule");
    return verdict(chosen, active, SearchBudget.of(PLACEMENT_BUDGET)) == Verdict.MET;
  }

  /**
   * {@return the three-valued verdict over every rule, within {@link #PLACEMENT_BUDGET} search
   * nodes}
   *
   * @param chosen the plan as a bitset over unit indices
   */
  public Verdict verdict(long[] chosen) {
    return verdict(chosen, null, SearchBudget.of(PLACEMENT_BUDGET));
  }

  /**
   * The three-valued verdict over the rules whose flag is set in {@code active} (null for every
   * rule), the search drawing its nodes from {@code budget}: {@link Verdict#UNDECIDED} only when
   * the budget ran out before the search found a reading that meets the rules or ruled every
   * reading out.
   *
   * @param chosen the plan as a bitset over unit indices
   * @param active a flag for each rule, set for the rules to consider; null for every rule
   * @param budget the search nodes the search may spend; shared with other searches of the question
   * @return whether a reading meets the rules, none does, or the budget ran out first
   */
  public Verdict verdict(long[] chosen, boolean[] active, SearchBudget budget) {
    checkArgument(active == null || active.length == rules.size(), "one flag per rule");
    if (simple) {
      for (int r = 0; r < rules.size(); r++) {
        CompiledRule rule = rules.get(r);
        if ((active == null || active[r]) && !rule.admits(rule.measureSimple(chosen))) {
          return Verdict.NOT_MET;
        }
      }
      return Verdict.MET;
    }
    return new Search(chosen, true, active, budget).run();
  }

  /**
   * The outcome of {@link #search}: the best reading found, how many rules it meets, and the
   * verdict, which is {@link Verdict#UNDECIDED} when the search reached its bound.
   */
  public record Reading(
      Assignment assignment, long[] figures, int rulesMet, long distance, Verdict verdict) {
    /** {@return whether every rule holds under this reading} */
    public boolean metAll() {
      return rulesMet == figures.length;
    }

    /**
     * {@return the figure of the rule at this index under this reading}
     *
     * @param rule the rule's index
     */
    public long figure(int rule) {
      return figures[rule];
    }

    Reading withVerdict(Verdict v) {
      return new Reading(assignment, figures, rulesMet, distance, v);
    }
  }

  /** How many complete readings the search for a failing plan's best explanation may look at. */
  static final int EXPLANATION_BUDGET = 4096;

  /**
   * Finds a reading of the plan that meets every rule if one exists; otherwise the reading meeting
   * the most rules, ties broken by the least total distance from the bounds, then by search order.
   *
   * <p>The verdict is exact. It is a branch and bound over the plan's own choices: which member of
   * each equivalence class counts (members no rule can tell apart are tried once), then which group
   * each counted unit is placed in. Before any placement is tried, rules that placement cannot
   * change are settled (choose and barred rules, mandatory units, each of which also fixes its
   * unit's group), and units that no rule can tell apart, because they may go to the same groups
   * and add the same to every total there, are taken as one kind: a kind's units are placed in
   * non-decreasing group order, so the search runs over how many of them go to each group rather
   * than over their permutations. Rules needing a minimum from disjoint groups are then bounded by
   * a maximum flow of the units' contributions into them (Hall's condition, for unit counts), which
   * refutes a plan with too few units for its groups at once, and the placement the flow suggests
   * is tried first. Below the root, a branch ends as soon as some total can no longer reach its
   * minimum or already exceeds its maximum, and a state (position, totals so far) already refuted
   * is not searched again. The search visits at most {@link #PLACEMENT_BUDGET} nodes, and its
   * verdict is {@link Verdict#UNDECIDED} when that is not enough. When no reading meets every rule,
   * the explanation is the best of the flow's placements and at most {@value #EXPLANATION_BUDGET}
   * complete readings, taken in search order.
   *
   * @param chosen the plan as a bitset over unit indices
   * @return the reading found, one that meets every rule or else the closest, with the verdict
   */
  public Reading search(long[] chosen) {
    if (simple) {
      return simpleReading(chosen);
    }
    Search exact = new Search(chosen, true, null, SearchBudget.of(PLACEMENT_BUDGET));
    Verdict verdict = exact.run();
    if (verdict == Verdict.MET) {
      return exact.best.withVerdict(verdict);
    }
    Search explain =
        new Search(chosen, false, null, SearchBudget.of(64L * EXPLANATION_BUDGET));
    explain.run();
    // an undecided plan may still turn out to be met by a reading the explanation tries
    return explain.best.withVerdict(explain.best.metAll() ? Verdict.MET : verdict);
  }

  /**
   * An estimate of how many readings of the plan the placement search may have to consider after
   * its reductions (members no rule can tell apart tried once, units of a kind placed together),
   * for warning about structures whose shared units make checking expensive. A plain product, so
   * it takes no account of the bounds that usually cut the search far shorter.
   *
   * @param chosen the plan as a bitset over unit indices
   * @return the estimated number of readings
   */
  public double readingsAfterReductions(long[] chosen) {
    if (simple) {
      return 1;
    }
    Search s = new Search(chosen, false, null, SearchBudget.of(0));
    double readings = 1;
    for (int[] members : s.choices) {
      readings *= members.length;
    }
    Map<String, Integer> kinds = new HashMap<>();
    Map<String, Integer> optionsOf = new HashMap<>();
    for (int i = Bits.next(chosen, 0); i >= 0; i = Bits.next(chosen, i + 1)) {
      if (options[i].length > 1 && isFirstCounted(i, chosen)) {
        String key = s.kindKey(i, options[i]);
        kinds.merge(key, 1, Integer::sum);
        optionsOf.put(key, options[i].length);
      }
    }
    for (Map.Entry<String, Integer> kind : kinds.entrySet()) {
      readings *= multisets(kind.getValue(), optionsOf.get(kind.getKey()));
    }
    return readings;
  }

  /** Whether {@code i} is the first chosen member of its class, the one the estimate counts. */
  private boolean isFirstCounted(int i, long[] chosen) {
    long[] members = classMasks[classOf[i]];
    for (int j = Bits.next(members, 0); j >= 0; j = Bits.next(members, j + 1)) {
      if (Bits.get(chosen, j)) {
        return j == i;
      }
    }
    return false;
  }

  /** The number of ways to put {@code m} indistinguishable units into {@code k} groups. */
  private static double multisets(int m, int k) {
    double ways = 1;
    for (int j = 1; j <= m; j++) {
      ways = ways * (k - 1 + j) / j;
    }
    return ways;
  }

  /** The only reading of a plan in a simple qualification: every unit counts in its one group. */
  private Reading simpleReading(long[] chosen) {
    Assignment a = new Assignment(numbers.length, groupIds.length);
    System.arraycopy(chosen, 0, a.chosen, 0, chosen.length);
    System.arraycopy(chosen, 0, a.counted, 0, chosen.length);
    for (int w = 0; w < chosen.length; w++) {
      long x = chosen[w];
      while (x != 0) {
        int i = (w << 6) + Long.numberOfTrailingZeros(x);
        x &= x - 1;
        if (options[i].length > 0) {
          a.place(i, options[i][0]);
        }
      }
    }
    long[] figures = new long[rules.size()];
    int met = 0;
    long distance = 0;
    for (int r = 0; r < figures.length; r++) {
      CompiledRule rule = rules.get(r);
      long f = rule.measureSimple(chosen);
      figures[r] = f;
      if (rule.admits(f)) {
        met++;
      } else {
        distance += f < rule.min() ? rule.min() - f : f - rule.max();
      }
    }
    return new Reading(
        a, figures, met, distance, met == figures.length ? Verdict.MET : Verdict.NOT_MET);
  }

  /**
   * One search over the readings of one plan. In exact mode it prunes and stops at the first
   * reading meeting the active rules; otherwise it keeps the best of the readings it looks at.
   */
  private final class Search {
    final Assignment a;
    final long[] chosen;
    final boolean exact;
    final SearchBudget budget;
    /** Which rules count; null for all. */
    final boolean[] active;
    /** Per class with more than one chosen member: the members worth trying as the counted one. */
    final List<int[]> choices = new ArrayList<>();
    /** The indices in {@link #rules} of the sums, the only rules placement changes. */
    final int[] sums;
    long leaves;
    Reading best;
    boolean bestBreaksCap;

    Search(long[] chosen, boolean exact, boolean[] active, SearchBudget budget) {
      this.active = active;
      this.a = new Assignment(numbers.length, groupIds.length);
      System.arraycopy(chosen, 0, a.chosen, 0, chosen.length);
      this.chosen = chosen;
      this.exact = exact;
      this.budget = budget;
      List<Integer> sumList = new ArrayList<>();
      for (int r = 0; r < rules.size(); r++) {
        if (rules.get(r) instanceof CompiledRule.Sum) {
          sumList.add(r);
        }
      }
      this.sums = Ints.toArray(sumList);
      Set<Integer> seen = new HashSet<>();
      for (int i = Bits.next(chosen, 0); i >= 0; i = Bits.next(chosen, i + 1)) {
        int c = classOf[i];
        if (seen.add(c)) {
          if (Bits.countAnd(chosen, classMasks[c]) > 1) {
            choices.add(distinctMembers(c));
          } else {
            Bits.set(a.counted, i);
          }
        }
      }
    }

    boolean isActive(int r) {
      return active == null || active[r];
    }

    /**
     * The chosen members of class {@code c}, less those that some earlier member matches in every
     * sum (weight and level alike): every other rule sees a class as a whole (its members share
     * their groups, and choose rules and mandatory units name whole classes), so such a member
     * could only repeat a reading already tried.
     */
    int[] distinctMembers(int c) {
      List<Integer> out = new ArrayList<>();
      Set<List<Long>> kinds = new HashSet<>();
      long[] members = classMasks[c];
      for (int i = Bits.next(members, 0); i >= 0; i = Bits.next(members, i + 1)) {
        if (!Bits.get(chosen, i)) {
          continue;
        }
        List<Long> kind = new ArrayList<>();
        for (int r : sums) {
          CompiledRule.Sum sum = (CompiledRule.Sum) rules.get(r);
          kind.add(Bits.get(sum.levelMask, i) ? sum.weight(i) : -1L);
          kind.add(Bits.get(sum.unitScope, i) ? 1L : 0L);
        }
        if (kinds.add(kind)) {
          out.add(i);
        }
      }
      return Ints.toArray(out);
    }

    /**
     * What tells a counted unit with a choice of groups apart from others for the rules: the
     * groups it may go to, what each sum gains over its least by each choice, and the mandatory
     * requirements that name its class with a group. Units of one kind are interchangeable:
     * swapping their groups changes no rule's figure.
     */
    String kindKey(int i, int[] allowed) {
      StringBuilder key = new StringBuilder(Arrays.toString(allowed));
      for (int r : sums) {
        CompiledRule.Sum sum = (CompiledRule.Sum) rules.get(r);
        long least = Long.MAX_VALUE;
        long most = 0;
        for (int g : allowed) {
          long c = sum.inScope(i, g) ? sum.weight(i) : 0;
          least = Math.min(least, c);
          most = Math.max(most, c);
        }
        if (most != least) {
          key.append(';').append(r).append(':');
          for (int g : allowed) {
            key.append(sum.inScope(i, g) ? sum.weight(i) - least : -least).append(',');
          }
        }
      }
      for (int r = 0; r < rules.size(); r++) {
        if (rules.get(r) instanceof CompiledRule.Requirements req) {
          for (int k = 0; k < req.requirementCount(); k++) {
            if (req.groups[k] >= 0 && Bits.get(req.classMasks[k], i)) {
              key.append(";R").append(r).append('.').append(k);
            }
          }
        }
      }
      return key.toString();
    }

    /** Searches; the verdict over the active rules (meaningful in exact mode). */
    Verdict run() {
      if (chooseCounted(0)) {
        return Verdict.MET;
      }
      if (!exact && best == null) {
        plainestReading();
      }
      return budget.exceeded() ? Verdict.UNDECIDED : Verdict.NOT_MET;
    }

    /**
     * Records the reading that leaves every capped unit uncounted and places each counted unit in
     * its first group: one an explanation can always give, for when its search ran out first.
     */
    void plainestReading() {
      long[] kept = a.counted.clone();
      for (int r : sums) {
        CompiledRule.Sum sum = (CompiledRule.Sum) rules.get(r);
        if (sum.isCap() && isActive(r)) {
          for (int w = 0; w < kept.length; w++) {
            a.counted[w] &= ~sum.staticMask[w];
          }
        }
      }
      for (int i = Bits.next(a.counted, 0); i >= 0; i = Bits.next(a.counted, i + 1)) {
        a.place(i, options[i].length > 0 ? options[i][0] : -1);
      }
      evaluate();
      for (int i = 0; i < numbers.length; i++) {
        a.place(i, -1);
      }
      System.arraycopy(kept, 0, a.counted, 0, kept.length);
    }

    boolean stopped() {
      return budget.exceeded() || (!exact && leaves >= EXPLANATION_BUDGET);
    }

    boolean chooseCounted(int k) {
      if (k == choices.size()) {
        return chooseCapped();
      }
      for (int i : choices.get(k)) {
        if (!budget.spend()) {
          return false;
        }
        Bits.set(a.counted, i);
        boolean done = chooseCounted(k + 1);
        Bits.clear(a.counted, i);
        if (done) {
          return true;
        }
        if (stopped()) {
          return false;
        }
      }
      return false;
    }

    /** The counted units that some active cap may take in, kind by kind; set per counted set. */
    List<int[]> capKinds;
    /** Per kind, per rule (active caps only): what one of its units surely adds to the cap. */
    List<long[]> capSure;
    /** Per rule (active caps only): the figure its counted units surely reach so far. */
    long[] sure;

    /**
     * Chooses which of the counted units that some active cap may take in count, then places
     * them. Units that no rule can tell apart are one kind, and the search runs over how many of
     * each kind count (most first), never over which. A branch ends as soon as the units surely in
     * an active cap's scope exceed it. With no such unit in the plan, placement alone.
     */
    boolean chooseCapped() {
      long[] candidates = Bits.empty(numbers.length);
      for (int r : sums) {
        CompiledRule.Sum sum = (CompiledRule.Sum) rules.get(r);
        if (sum.isCap() && isActive(r)) {
          Bits.or(candidates, and(a.counted, sum.staticMask));
        }
      }
      if (Bits.count(candidates) == 0) {
        capKinds = List.of();
        return new Placement().run();
      }
      Map<String, List<Integer>> kinds = new LinkedHashMap<>();
      for (int i = Bits.next(candidates, 0); i >= 0; i = Bits.next(candidates, i + 1)) {
        kinds.computeIfAbsent(countKey(i), key -> new ArrayList<>()).add(i);
      }
      capKinds = new ArrayList<>();
      capSure = new ArrayList<>();
      for (List<Integer> members : kinds.values()) {
        int[] units = Ints.toArray(members);
        long[] adds = new long[rules.size()];
        for (int r : sums) {
          CompiledRule.Sum sum = (CompiledRule.Sum) rules.get(r);
          if (sum.isCap() && isActive(r) && sum.surelyInScope(units[0], options[units[0]])) {
            adds[r] = sum.weight(units[0]);
          }
        }
        capKinds.add(units);
        capSure.add(adds);
      }
      sure = new long[rules.size()];
      return countKind(0);
    }

    /**
     * What tells a capped unit apart from others when choosing whether it counts: its groups, what
     * it adds to each sum, and the mandatory requirements and choose rules that name it.
     */
    String countKey(int i) {
      StringBuilder key = new StringBuilder(Arrays.toString(options[i]));
      for (int r = 0; r < rules.size(); r++) {
        CompiledRule rule = rules.get(r);
        if (rule instanceof CompiledRule.Sum sum) {
          key.append(';')
              .append(Bits.get(sum.levelMask, i) ? sum.weight(i) : -1)
              .append(Bits.get(sum.unitScope, i) ? 'u' : '-');
        } else if (rule instanceof CompiledRule.Requirements req) {
          for (int k = 0; k < req.requirementCount(); k++) {
            if (Bits.get(req.classMasks[k], i)) {
              key.append(";R").append(r).append('.').append(k);
            }
          }
        } else if (rule instanceof CompiledRule.Count c && !c.countsChosen()) {
          key.append(Bits.get(c.mask, i) ? ";C" + r : "");
        }
      }
      return key.toString();
    }

    /**
     * Whether every unit the reading leaves uncounted for a cap had to be: counted, wherever it
     * could be placed, it would take some active cap over its maximum. A cap limits what counts;
     * it does not let a reading ignore units that fit.
     */
    boolean leftOutOnlyOverCaps(long[] figures) {
      if (capKinds == null) {
        return true;
      }
      for (int[] units : capKinds) {
        for (int u : units) {
          if (Bits.get(a.counted, u)) {
            continue;
          }
          int[] groups = options[u].length == 0 ? new int[] {-1} : options[u];
          for (int g : groups) {
            boolean over = false;
            for (int r : sums) {
              CompiledRule.Sum sum = (CompiledRule.Sum) rules.get(r);
              over |= sum.isCap() && isActive(r) && sum.inScope(u, g)
                  && figures[r] + sum.weight(u) > sum.max();
            }
            if (!over) {
              return false;
            }
          }
        }
      }
      return true;
    }

    /** How many units of capped kind {@code k} count, most first; the later kinds recursively. */
    boolean countKind(int k) {
      if (k == capKinds.size()) {
        return new Placement().run();
      }
      int[] units = capKinds.get(k);
      long[] adds = capSure.get(k);
      for (int m = units.length; m >= 0; m--) {
        if (!budget.spend()) {
          return false;
        }
        boolean fits = true;
        for (int r : sums) {
          if (adds[r] != 0 && sure[r] + m * adds[r] > rules.get(r).max()) {
            fits = false;
          }
        }
        if (!fits) {
          continue;
        }
        for (int j = 0; j < units.length; j++) {
          if (j < m) {
            Bits.set(a.counted, units[j]);
          } else {
            Bits.clear(a.counted, units[j]);
          }
        }
        for (int r : sums) {
          sure[r] += m * adds[r];
        }
        boolean done = countKind(k + 1);
        for (int r : sums) {
          sure[r] -= m * adds[r];
        }
        for (int unit : units) {
          Bits.set(a.counted, unit);
        }
        if (done) {
          return true;
        }
        if (stopped()) {
          return false;
        }
      }
      return false;
    }

    boolean evaluate() {
      leaves++;
      long[] figures = new long[rules.size()];
      int met = 0;
      long distance = 0;
      boolean breaksCap = false;
      for (int r = 0; r < figures.length; r++) {
        CompiledRule rule = rules.get(r);
        long f = rule.measure(a);
        figures[r] = f;
        if (rule.admits(f) || !isActive(r)) {
          met++;
        } else {
          distance += f < rule.min() ? rule.min() - f : f - rule.max();
          breaksCap |= rule instanceof CompiledRule.Sum sum && sum.isCap();
        }
      }
      // a reading that counts more than a cap allows, or leaves out a unit that fits, is no reading
      // at all; kept only until the explanation finds a true one
      boolean leftOutFairly = leftOutOnlyOverCaps(figures);
      breaksCap |= !leftOutFairly;
      boolean better =
          best == null
              || (bestBreaksCap && !breaksCap)
              || (bestBreaksCap == breaksCap
                  && (met > best.rulesMet()
                      || (met == best.rulesMet() && distance < best.distance())));
      if (better) {
        best = new Reading(a.copy(), figures, met, distance, Verdict.UNDECIDED);
        bestBreaksCap = breaksCap;
      }
      return met == figures.length && leftOutFairly;
    }

    /**
     * The placement of one counted set: settles what placement cannot change, sorts the units
     * with a choice of group into kinds, bounds the sums by a flow, tries the flow's placements
     * and then searches kind by kind. Leaves every placement as it found it (none).
     */
    final class Placement {
      final int[] counted;
      final int[] allowedGroup;
      /** Units with a choice of group, kind by kind. */
      int[] free;
      /** Per position in {@link #free}: its kind. */
      int[] kindAt;
      /** Per kind: the groups its units may go to, its units, the sums it can change. */
      final List<int[]> kindGroups = new ArrayList<>();
      final List<Integer> kindSize = new ArrayList<>();
      final List<int[]> kindSums = new ArrayList<>();
      /** Per kind, per sum it can change, per group choice: what the sum gains over its least. */
      final List<long[][]> kindGains = new ArrayList<>();
      final List<long[]> kindMostGain = new ArrayList<>();
      /** Per rule (sums only): the figure so far, the most the undecided units can still add. */
      final long[] figure = new long[rules.size()];
      final long[] slack = new long[rules.size()];
      final int[] choice;
      final Set<StateKey> refuted = new HashSet<>();
      /** The families of short sums at the root and their flows, worked out once. */
      List<int[]> families;
      List<long[][]> flows;

      Placement() {
        this.counted = indices(a.counted);
        this.allowedGroup = new int[numbers.length];
        this.choice = new int[counted.length];
      }

      boolean run() {
        try {
          if (exact && !settle()) {
            return false;
          }
          sortIntoKinds();
          // the root's own work, linear in the units to place, counts toward the bound too
          if (!budget.spend(1 + free.length)) {
            return false;
          }
          for (int r : sums) {
            if (exact && isActive(r) && !possible(r)) {
              return false;
            }
          }
          if (exact && flowRefutes()) {
            return false;
          }
          if (tryFlowPlacements()) {
            return true;
          }
          return place(0, 0);
        } finally {
          for (int i : counted) {
            a.place(i, -1);
          }
        }
      }

      /**
       * Checks the active rules that placement cannot change, and places each unit that a
       * mandatory requirement names with a group in that group: its class has one counted member,
       * which must count there. False when some such rule fails under every placement.
       */
      boolean settle() {
        Arrays.fill(allowedGroup, -1);
        for (int r = 0; r < rules.size(); r++) {
          CompiledRule rule = rules.get(r);
          if (!isActive(r)) {
            continue;
          }
          if (rule instanceof CompiledRule.Count && !rule.admits(rule.measure(a))) {
            return false;
          }
          if (rule instanceof CompiledRule.Requirements req) {
            for (int k = 0; k < req.requirementCount(); k++) {
              int unit = Bits.next(and(a.counted, req.classMasks[k]), 0);
              int g = req.groups[k];
              if (unit < 0) {
                return false;
              }
              if (g >= 0) {
                if (!contains(options[unit], g)
                    || (allowedGroup[unit] >= 0 && allowedGroup[unit] != g)) {
                  return false;
                }
                allowedGroup[unit] = g;
              }
            }
          }
        }
        return true;
      }

      int[] allowed(int i) {
        return exact && allowedGroup[i] >= 0 ? new int[] {allowedGroup[i]} : options[i];
      }

      void sortIntoKinds() {
        Map<String, Integer> kindOf = new LinkedHashMap<>();
        List<List<Integer>> members = new ArrayList<>();
        for (int i : counted) {
          int[] allowed = allowed(i);
          if (allowed.length == 1) {
            a.place(i, allowed[0]);
          }
          if (allowed.length <= 1) {
            for (int r : sums) {
              CompiledRule.Sum sum = (CompiledRule.Sum) rules.get(r);
              figure[r] += sum.inScope(i, a.placement[i]) ? sum.weight(i) : 0;
            }
            continue;
          }
          int kind = kindOf.computeIfAbsent(kindKey(i, allowed), k -> kindOf.size());
          if (kind == members.size()) {
            members.add(new ArrayList<>());
            addKind(i, allowed);
          }
          members.get(kind).add(i);
          // what the unit adds whatever its group
          for (int r : sums) {
            CompiledRule.Sum sum = (CompiledRule.Sum) rules.get(r);
            long least = Long.MAX_VALUE;
            for (int g : allowed) {
              least = Math.min(least, sum.inScope(i, g) ? sum.weight(i) : 0);
            }
            figure[r] += least;
          }
        }
        free = members.stream().flatMap(List::stream).mapToInt(Integer::intValue).toArray();
        kindAt = new int[free.length];
        int p = 0;
        for (int k = 0; k < members.size(); k++) {
          kindSize.add(members.get(k).size());
          int[] changes = kindSums.get(k);
          long[] most = kindMostGain.get(k);
          for (int j = 0; j < changes.length; j++) {
            slack[changes[j]] += most[j] * members.get(k).size();
          }
          for (int m = 0; m < members.get(k).size(); m++) {
            kindAt[p++] = k;
          }
        }
      }

      void addKind(int i, int[] allowed) {
        List<Integer> changes = new ArrayList<>();
        List<long[]> gains = new ArrayList<>();
        for (int r : sums) {
          CompiledRule.Sum sum = (CompiledRule.Sum) rules.get(r);
          long[] gain = new long[allowed.length];
          long least = Long.MAX_VALUE;
          for (int o = 0; o < allowed.length; o++) {
            gain[o] = sum.inScope(i, allowed[o]) ? sum.weight(i) : 0;
            least = Math.min(least, gain[o]);
          }
          boolean varies = false;
          for (int o = 0; o < allowed.length; o++) {
            gain[o] -= least;
            varies |= gain[o] != 0;
          }
          if (varies) {
            changes.add(r);
            gains.add(gain);
          }
        }
        kindGroups.add(allowed);
        kindSums.add(Ints.toArray(changes));
        kindGains.add(gains.toArray(new long[0][]));
        long[] most = new long[changes.size()];
        for (int j = 0; j < most.length; j++) {
          most[j] = Arrays.stream(gains.get(j)).max().orElse(0);
        }
        kindMostGain.add(most);
      }

      /** Whether rule {@code r} is a cap its figure already exceeds. */
      boolean breaksCap(int r) {
        return rules.get(r) instanceof CompiledRule.Sum sum
            && sum.isCap()
            && figure[r] > sum.max();
      }

      boolean possible(int r) {
        CompiledRule rule = rules.get(r);
        return figure[r] <= rule.max() && figure[r] + slack[r] >= rule.min();
      }

      /**
       * The depth-first search over the units with a choice, position {@code p} on, a unit of the
       * same kind as the one before taking no earlier group than it did.
       */
      boolean place(int p, int from) {
        if (!budget.spend()) {
          return false;
        }
        if (p == free.length) {
          return evaluate();
        }
        StateKey key = exact ? key(p, from) : null;
        if (key != null && refuted.contains(key)) {
          return false;
        }
        int kind = kindAt[p];
        int[] groups = kindGroups.get(kind);
        int[] changes = kindSums.get(kind);
        long[][] gains = kindGains.get(kind);
        long[] most = kindMostGain.get(kind);
        int unit = free[p];
        for (int o = from; o < groups.length; o++) {
          a.place(unit, groups[o]);
          boolean ok = true;
          for (int j = 0; j < changes.length; j++) {
            figure[changes[j]] += gains[j][o];
            slack[changes[j]] -= most[j];
            ok &= !isActive(changes[j])
                || (exact ? possible(changes[j]) : !breaksCap(changes[j]));
          }
          boolean sameKindNext = p + 1 < free.length && kindAt[p + 1] == kind;
          boolean done = ok && place(p + 1, sameKindNext ? o : 0);
          for (int j = 0; j < changes.length; j++) {
            figure[changes[j]] -= gains[j][o];
            slack[changes[j]] += most[j];
          }
          a.place(unit, -1);
          if (done) {
            return true;
          }
          if (stopped()) {
            return false;
          }
        }
        if (key != null && refuted.size() < MEMO_LIMIT) {
          refuted.add(key);
        }
        return false;
      }

      /**
       * What the rest of the search depends on: the position, the least group it may take, and
       * each active sum's figure so far, cut off where it stops mattering (at the minimum for a
       * sum with no maximum, one past the maximum otherwise).
       */
      StateKey key(int p, int from) {
        long[] v = new long[2 + sums.length];
        v[0] = p;
        v[1] = from;
        for (int j = 0; j < sums.length; j++) {
          int r = sums[j];
          CompiledRule rule = rules.get(r);
          if (isActive(r)) {
            v[2 + j] = rule.max() == Long.MAX_VALUE
                ? Math.min(figure[r], rule.min())
                : Math.min(figure[r], rule.max() + 1);
          }
        }
        return new StateKey(v);
      }

      /** The active sums with a minimum still short under the least every unit adds. */
      List<Integer> shortSums() {
        List<Integer> out = new ArrayList<>();
        for (int r : sums) {
          if (isActive(r) && rules.get(r).min() > figure[r]) {
            out.add(r);
          }
        }
        return out;
      }

      /**
       * Families of short sums that no group choice of any unit serves two of at once (one
       * family started from each short sum, taking the later ones that fit, in rule order). Each
       * unit's gain goes to at most one sum of a family, so the family is a transportation
       * problem.
       */
      List<int[]> families() {
        if (families == null) {
          families = buildFamilies();
          flows = new ArrayList<>();
        }
        return families;
      }

      /** The maximum flow of family {@code i}, computed once. */
      long[][] flow(int i) {
        while (flows.size() <= i) {
          flows.add(maxFlow(families.get(flows.size())));
        }
        return flows.get(i);
      }

      List<int[]> buildFamilies() {
        List<Integer> needy = shortSums();
        List<int[]> out = new ArrayList<>();
        Set<List<Integer>> seen = new HashSet<>();
        for (int s = 0; s < needy.size() && s < MAX_FAMILIES; s++) {
          List<Integer> family = new ArrayList<>();
          family.add(needy.get(s));
          for (int t = 0; t < needy.size(); t++) {
            if (t != s && compatible(family, needy.get(t))) {
              family.add(needy.get(t));
            }
          }
          List<Integer> sorted = new ArrayList<>(family);
          sorted.sort(null);
          if (seen.add(sorted)) {
            out.add(Ints.toArray(family));
          }
        }
        return out;
      }

      boolean compatible(List<Integer> family, int r) {
        for (int k = 0; k < kindGroups.size(); k++) {
          long[] gr = gainsFor(k, r);
          if (gr == null) {
            continue;
          }
          for (int s : family) {
            long[] gs = gainsFor(k, s);
            if (gs == null) {
              continue;
            }
            for (int o = 0; o < gr.length; o++) {
              if (gr[o] > 0 && gs[o] > 0) {
                return false;
              }
            }
          }
        }
        return true;
      }

      long[] gainsFor(int kind, int r) {
        int[] changes = kindSums.get(kind);
        for (int j = 0; j < changes.length; j++) {
          if (changes[j] == r) {
            return kindGains.get(kind)[j];
          }
        }
        return null;
      }

      /**
       * Whether some family of short sums needs more than the units can give, by maximum flow
       * from the kinds (a kind of m units gives at most m times its largest gain, and at most m
       * times its largest gain for a sum to that sum) to the sums (each needing its shortfall).
       * Every placement is such a flow, so a flow short of the total shortfall refutes the
       * placement search; for unit counts it is Hall's condition for a matching.
       */
      boolean flowRefutes() {
        List<int[]> families = families();
        for (int i = 0; i < families.size(); i++) {
          int[] family = families.get(i);
          long[][] flow = flow(i);
          long needed = 0;
          long got = 0;
          for (int f = 0; f < family.length; f++) {
            needed += rules.get(family[f]).min() - figure[family[f]];
            for (long[] perKind : flow) {
              got += perKind[f];
            }
          }
          if (got < needed) {
            return true;
          }
        }
        return false;
      }

      /**
       * For each family, the placement its maximum flow suggests (each kind's units sent to the
       * group where they gain most for the sums the flow gives them to, the rest where they gain
       * least for the family), evaluated: true as soon as one meets the active rules. Seeds the explanation
       * otherwise.
       */
      boolean tryFlowPlacements() {
        List<int[]> families = families();
        for (int i = 0; i < families.size(); i++) {
          int[] family = families.get(i);
          if (!budget.spend()) {
            return false;
          }
          long[][] flow = flow(i);
          int p = 0;
          for (int k = 0; k < kindGroups.size(); k++) {
            int size = kindSize.get(k);
            int[] groups = kindGroups.get(k);
            int next = p;
            for (int f = 0; f < family.length && next < p + size; f++) {
              long[] gain = gainsFor(k, family[f]);
              if (gain == null || flow[k][f] == 0) {
                continue;
              }
              int bestGroup = 0;
              for (int o = 1; o < gain.length; o++) {
                if (gain[o] > gain[bestGroup]) {
                  bestGroup = o;
                }
              }
              long units = (flow[k][f] + gain[bestGroup] - 1) / gain[bestGroup];
              for (long u = 0; u < units && next < p + size; u++) {
                a.place(free[next++], groups[bestGroup]);
              }
            }
            int rest = 0;
            long restGain = Long.MAX_VALUE;
            for (int o = 0; o < groups.length; o++) {
              long g = 0;
              for (int f = 0; f < family.length; f++) {
                long[] gain = gainsFor(k, family[f]);
                g += gain == null ? 0 : gain[o];
              }
              if (g < restGain) {
                restGain = g;
                rest = o;
              }
            }
            while (next < p + size) {
              a.place(free[next++], groups[rest]);
            }
            p += size;
          }
          boolean met = evaluate();
          for (int unit : free) {
            a.place(unit, -1);
          }
          if (met) {
            return true;
          }
        }
        return false;
      }

      /** The maximum flow for a family, per kind and per sum of the family (Edmonds-Karp). */
      long[][] maxFlow(int[] family) {
        int kinds = kindGroups.size();
        int nodes = kinds + family.length + 2;
        int source = nodes - 2;
        int sink = nodes - 1;
        long[][] cap = new long[nodes][nodes];
        for (int k = 0; k < kinds; k++) {
          long size = kindSize.get(k);
          long most = 0;
          for (int f = 0; f < family.length; f++) {
            long[] gain = gainsFor(k, family[f]);
            if (gain != null) {
              long m = Arrays.stream(gain).max().orElse(0);
              cap[k][kinds + f] = m * size;
              most = Math.max(most, m);
            }
          }
          cap[source][k] = most * size;
        }
        for (int f = 0; f < family.length; f++) {
          cap[kinds + f][sink] = Math.max(0, rules.get(family[f]).min() - figure[family[f]]);
        }
        long[][] flow = new long[nodes][nodes];
        int[] parent = new int[nodes];
        while (true) {
          Arrays.fill(parent, -1);
          parent[source] = source;
          ArrayDeque<Integer> queue = new ArrayDeque<>();
          queue.add(source);
          while (!queue.isEmpty() && parent[sink] < 0) {
            int u = queue.poll();
            for (int v = 0; v < nodes; v++) {
              if (parent[v] < 0 && cap[u][v] - flow[u][v] > 0) {
                parent[v] = u;
                queue.add(v);
              }
            }
          }
          if (parent[sink] < 0) {
            break;
          }
          long push = Long.MAX_VALUE;
          for (int v = sink; v != source; v = parent[v]) {
            push = Math.min(push, cap[parent[v]][v] - flow[parent[v]][v]);
          }
          for (int v = sink; v != source; v = parent[v]) {
            flow[parent[v]][v] += push;
            flow[v][parent[v]] -= push;
          }
        }
        long[][] out = new long[kinds][family.length];
        for (int k = 0; k < kinds; k++) {
          for (int f = 0; f < family.length; f++) {
            out[k][f] = Math.max(0, flow[k][kinds + f]);
          }
        }
        return out;
      }
    }
  }

  /** At most this many refuted states are remembered per placement search. */
  private static final int MEMO_LIMIT = 1 << 16;

  /** At most this many families of sums are bounded by a flow per counted set. */
  private static final int MAX_FAMILIES = 16;

  /** A search state, compared by value. */
  private record StateKey(long[] values) {
    @Override
    public boolean equals(Object o) {
      return o instanceof StateKey k && Arrays.equals(values, k.values);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(values);
    }
  }

  private static long[] and(long[] x, long[] y) {
    long[] out = x.clone();
    for (int w = 0; w < out.length; w++) {
      out[w] &= y[w];
    }
    return out;
  }

  private int[] indices(long[] bits) {
    int[] out = new int[Bits.count(bits)];
    int k = 0;
    for (int i = Bits.next(bits, 0); i >= 0; i = Bits.next(bits, i + 1)) {
      out[k++] = i;
    }
    return out;
  }

  private static boolean contains(int[] values, int value) {
    for (int v : values) {
      if (v == value) {
        return true;
      }
    }
    return false;
  }

  private final class RuleCompiler implements Rule.Visitor<CompiledRule> {
    private final int n = numbers.length;

    private long[] unitScope(List<String> units) {
      long[] mask = Bits.empty(n);
      for (String u : units) {
        Bits.or(mask, classMasks[classOf[index.get(u)]]);
      }
      return mask;
    }

    private long[] mask(List<String> units) {
      long[] mask = Bits.empty(n);
      for (String u : units) {
        Bits.set(mask, index.get(u));
      }
      return mask;
    }

    @Override
    public CompiledRule visitAllOf(AllOf rule) {
      List<long[]> masks = new ArrayList<>();
      List<Integer> groups = new ArrayList<>();
      Set<String> keys = new LinkedHashSet<>();
      long[] all = Bits.empty(n);
      for (String gid : rule.scope().groups()) {
        int g = Arrays.asList(groupIds).indexOf(gid);
        for (String u : qualification.groups().get(gid).units()) {
          int c = classOf[index.get(u)];
          if (keys.add(c + "@" + g)) {
            masks.add(classMasks[c]);
            groups.add(g);
            Bits.or(all, classMasks[c]);
          }
        }
      }
      for (String u : rule.scope().units()) {
        int c = classOf[index.get(u)];
        if (keys.add(c + "@-1")) {
          masks.add(classMasks[c]);
          groups.add(-1);
          Bits.or(all, classMasks[c]);
        }
      }
      return new CompiledRule.Requirements(
          rule,
          masks.toArray(new long[0][]),
          Ints.toArray(groups),
          all);
    }

    @Override
    public CompiledRule visitTotal(Total rule) {
      return sum(
          rule,
          rule.measure(),
          rule.scope(),
          rule.filter(),
          rule.bounds().lowest(),
          rule.bounds().highest(),
          false);
    }

    @Override
    public CompiledRule visitCap(Cap rule) {
      return sum(rule, rule.measure(), rule.scope(), rule.filter(), 0, rule.max(), true);
    }

    private CompiledRule sum(
        Rule rule, Measure measure, Scope scope, UnitFilter filter, long min, long max, boolean cap) {
      boolean[] inScope = new boolean[groupIds.length];
      for (String gid : scope.groups()) {
        inScope[Arrays.asList(groupIds).indexOf(gid)] = true;
      }
      long[] units = unitScope(scope.units());
      long[] levelMask = Bits.empty(n);
      for (int i = 0; i < n; i++) {
        if (filter.accepts(qualification.units().get(numbers[i]))
            && (rule instanceof Total t ? t.counts(provenance[i])
                : !(rule instanceof Cap c) || c.counts(provenance[i]))) {
          Bits.set(levelMask, i);
        }
      }
      long[] staticMask = Bits.empty(n);
      for (int i = 0; i < n; i++) {
        boolean in = scope.isWholePlan() || Bits.get(units, i);
        for (int g : options[i]) {
          in |= inScope[g];
        }
        if (in && Bits.get(levelMask, i)) {
          Bits.set(staticMask, i);
        }
      }
      int[] weights =
          measure == Measure.CREDITS ? credits : measure == Measure.UNITS ? ones : hours;
      return new CompiledRule.Sum(
          rule, min, max, scope.isWholePlan(), inScope, units, levelMask, weights, staticMask, cap);
    }

    @Override
    public CompiledRule visitChoose(Choose rule) {
      return new CompiledRule.Count(
          rule, rule.bounds().lowest(), rule.bounds().highest(), unitScope(rule.units()), false);
    }

    @Override
    public CompiledRule visitBarred(Barred rule) {
      return new CompiledRule.Count(rule, 0, 1, mask(rule.units()), true);
    }

    @Override
    public CompiledRule visitEquivalent(Equivalent rule) {
      return new CompiledRule.Always(rule, mask(rule.units()));
    }
  }

  /**
   * {@return the group a unit is listed in, for callers that hold a {@link Group} rather than an
   * index}
   *
   * @param group a group of the compiled qualification
   */
  public int groupIndex(Group group) {
    return Arrays.asList(groupIds).indexOf(group.id());
  }
}
