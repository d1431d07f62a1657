package org.qualcheck.compile;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.qualcheck.check.Plan;
import org.qualcheck.model.Group;
import org.qualcheck.model.Qualification;
import org.qualcheck.model.Unit;
import org.qualcheck.rule.AllOf;
import org.qualcheck.rule.Barred;
import org.qualcheck.rule.Choose;
import org.qualcheck.rule.Equivalent;
import org.qualcheck.rule.Measure;
import org.qualcheck.rule.Rule;
import org.qualcheck.rule.Scope;
import org.qualcheck.rule.Total;

/**
 * A qualification compiled for fast, exact checking: units become indices {@code 0..n-1} in
 * declaration order, plans become {@code long[]} bitsets and every rule a {@link CompiledRule}.
 *
 * <p>Units named together in an {@link Equivalent} rule form an equivalence class (singletons
 * otherwise); at most one member of a class counts. A counted unit is placed in one of the groups
 * listing a member of its class. When no unit has a choice of group and there are no equivalences
 * the qualification is <em>simple</em>: the plan fixes everything and a verdict is a handful of
 * masked sums. Otherwise {@link #search} tries every reading of the plan (which member of each class
 * counts, which group each counted unit is placed in) and stops at the first that meets every rule:
 * an exact search over the plan's own choices, whose cost is the product of those choices, never
 * over subsets of the qualification's units.
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
  private final boolean simple;

  private CompiledQualification(Qualification q) {
    this.qualification = q;
    int n = q.units().size();
    this.numbers = q.units().keySet().toArray(new String[0]);
    this.index = new HashMap<>();
    for (int i = 0; i < n; i++) {
      index.put(numbers[i], i);
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
    int classes = Arrays.stream(classOf).max().orElse(-1) + 1;
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
      options[i] = opts.stream().mapToInt(Integer::intValue).toArray();
      anyChoice |= options[i].length > 1;
    }
    this.simple = !anyChoice;
    ImmutableList.Builder<CompiledRule> compiled = ImmutableList.builder();
    for (Rule r : q.rules()) {
      compiled.add(r.accept(new RuleCompiler()));
    }
    this.rules = compiled.build();
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

  /** Compiles a qualification. The result can be shared by any number of threads. */
  public static CompiledQualification of(Qualification qualification) {
    return new CompiledQualification(qualification);
  }

  /** {@return the qualification compiled} */
  public Qualification qualification() {
    return qualification;
  }

  /** {@return how many units the qualification declares; unit indices run from 0 to this less 1} */
  public int unitCount() {
    return numbers.length;
  }

  /** {@return the unit number of the unit at this index} */
  public String number(int unit) {
    return numbers[unit];
  }

  /** {@return the index of a unit number, or -1} */
  public int indexOf(String unitNumber) {
    Integer i = index.get(unitNumber);
    return i == null ? -1 : i;
  }

  /** {@return the credits of the unit at this index} */
  public int credits(int unit) {
    return credits[unit];
  }

  /** Guided learning hours recorded for the unit, or zero. */
  public int guidedLearningHours(int unit) {
    return hours[unit];
  }

  /** {@return how many groups the qualification declares} */
  public int groupCount() {
    return groupIds.length;
  }

  /** {@return the id of the group at this index} */
  public String groupId(int group) {
    return groupIds[group];
  }

  /** {@return the units listed in the group at this index, as a bitset; do not modify it} */
  public long[] groupMask(int group) {
    return groupMasks[group].clone();
  }

  /** {@return the groups a counted unit may be placed in; empty for a unit listed in no group} */
  public int[] placementOptions(int unit) {
    return options[unit].clone();
  }

  /**
   * {@return the members of the unit's equivalence class (the unit alone if it has no equivalents)}
   */
  public long[] equivalents(int unit) {
    return classMasks[classOf[unit]].clone();
  }

  /** {@return whether plans are read one way only: no choice of group, no equivalences} */
  public boolean isSimple() {
    return simple;
  }

  /** {@return the compiled rules, in the qualification's rule order} */
  public List<CompiledRule> rules() {
    return rules;
  }

  /** {@return the plan as a bitset over unit indices} */
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

  /** {@return the plan with these bits set, in unit order} */
  public Plan plan(long[] bits) {
    List<String> units = new ArrayList<>();
    for (int i = 0; i < numbers.length; i++) {
      if (Bits.get(bits, i)) {
        units.add(numbers[i]);
      }
    }
    return Plan.of(units);
  }

  /** {@return the verdict alone: whether some reading of the plan meets every rule} */
  public boolean meets(long[] chosen) {
    if (simple) {
      for (CompiledRule r : rules) {
        if (!r.admits(r.measureSimple(chosen))) {
          return false;
        }
      }
      return true;
    }
    return new Search(chosen, true, Long.MAX_VALUE, null).run();
  }

  /**
   * Whether some reading of the plan meets every rule whose flag is set in {@code active} (indexed
   * like {@link #rules()}); the other rules are ignored. Used to ask which rules conflict.
   */
  public boolean meets(long[] chosen, boolean[] active) {
    checkArgument(active.length == rules.size(), "one flag per rule");
    if (simple) {
      for (int r = 0; r < active.length; r++) {
        CompiledRule rule = rules.get(r);
        if (active[r] && !rule.admits(rule.measureSimple(chosen))) {
          return false;
        }
      }
      return true;
    }
    return new Search(chosen, true, Long.MAX_VALUE, active).run();
  }

  /** The outcome of {@link #search}: the best reading found and how many rules it meets. */
  public record Reading(Assignment assignment, long[] figures, int rulesMet, long distance) {
    /** {@return whether every rule holds under this reading} */
    public boolean metAll() {
      return rulesMet == figures.length;
    }

    /** {@return the figure of the rule at this index under this reading} */
    public long figure(int rule) {
      return figures[rule];
    }
  }

  /** How many complete readings the search for a failing plan's best explanation may look at. */
  static final int EXPLANATION_BUDGET = 4096;

  /**
   * Finds a reading of the plan that meets every rule if one exists; otherwise the reading meeting
   * the most rules, ties broken by the least total distance from the bounds, then by search order
   * (units in declaration order, groups in declaration order).
   *
   * <p>The verdict is exact: a branch and bound over the plan's own choices (which member of each
   * equivalence class counts, then which group each counted unit is placed in, in unit order) that
   * abandons a partial reading as soon as some total can no longer reach its minimum or already
   * exceeds its maximum, or some mandatory unit can no longer be placed in its group. Its worst case
   * is the product of the plan's choices, but a plan that no reading satisfies is usually refuted
   * near the root. When no reading meets every rule, the explanation is the best of at most {@value
   * #EXPLANATION_BUDGET} complete readings, taken in search order.
   */
  public Reading search(long[] chosen) {
    if (simple) {
      return simpleReading(chosen);
    }
    Search exact = new Search(chosen, true, Long.MAX_VALUE, null);
    if (exact.run()) {
      return exact.best;
    }
    Search explain = new Search(chosen, false, EXPLANATION_BUDGET, null);
    explain.run();
    return explain.best;
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
    return new Reading(a, figures, met, distance);
  }

  private final class Search {
    final Assignment a;
    final long[] chosen;
    final boolean prune;
    final long budget;
    final List<Integer> classesWithChoice = new ArrayList<>();
    boolean anyChoice;
    long leaves;
    Reading best;

    /** Which rules count; null for all. */
    final boolean[] active;

    Search(long[] chosen, boolean prune, long budget, boolean[] active) {
      this.active = active;
      this.a = new Assignment(numbers.length, groupIds.length);
      System.arraycopy(chosen, 0, a.chosen, 0, chosen.length);
      this.chosen = chosen;
      this.prune = prune;
      this.budget = budget;
      Set<Integer> seen = new LinkedHashSet<>();
      for (int i = 0; i < numbers.length; i++) {
        if (Bits.get(chosen, i) && seen.add(classOf[i])) {
          int c = classOf[i];
          if (Bits.countAnd(chosen, classMasks[c]) > 1) {
            classesWithChoice.add(c);
          } else {
            Bits.set(a.counted, i);
          }
        }
        anyChoice |= Bits.get(chosen, i) && options[i].length > 1;
      }
      anyChoice |= !classesWithChoice.isEmpty();
    }

    /** Searches; true when a reading meeting every rule was found (it is then {@link #best}). */
    boolean run() {
      return chooseCounted(0);
    }

    boolean chooseCounted(int k) {
      if (k == classesWithChoice.size()) {
        return place(0);
      }
      long[] members = classMasks[classesWithChoice.get(k)];
      for (int i = 0; i < numbers.length && leaves < budget; i++) {
        if (Bits.get(members, i) && Bits.get(chosen, i)) {
          Bits.set(a.counted, i);
          boolean done = chooseCounted(k + 1);
          Bits.clear(a.counted, i);
          if (done) {
            return true;
          }
        }
      }
      return false;
    }

    boolean place(int from) {
      if (prune && anyChoice && !stillPossible(from)) {
        return false;
      }
      for (int i = from; i < numbers.length; i++) {
        if (Bits.get(a.counted, i) && options[i].length > 0) {
          for (int g : options[i]) {
            if (leaves >= budget) {
              break;
            }
            a.place(i, g);
            if (place(i + 1)) {
              return true;
            }
          }
          a.place(i, -1);
          return false;
        }
      }
      return evaluate();
    }

    /**
     * Whether every rule can still be met when counted units from {@code from} on are yet to be
     * placed: bounds on each total over the placements left, and a possible group for each
     * mandatory unit.
     */
    boolean stillPossible(int from) {
      for (int index = 0; index < rules.size(); index++) {
        CompiledRule rule = rules.get(index);
        if (active != null && !active[index]) {
          continue;
        }
        if (rule instanceof CompiledRule.Sum sum) {
          long low = 0;
          long high = 0;
          for (int i = 0; i < numbers.length; i++) {
            if (!Bits.get(a.counted, i)) {
              continue;
            }
            if (i < from || options[i].length == 0) {
              if (sum.inScope(i, a.placement[i])) {
                low += sum.weight(i);
                high += sum.weight(i);
              }
              continue;
            }
            boolean any = false;
            boolean all = true;
            for (int g : options[i]) {
              boolean in = sum.inScope(i, g);
              any |= in;
              all &= in;
            }
            if (all) {
              low += sum.weight(i);
            }
            if (any) {
              high += sum.weight(i);
            }
          }
          if (high < rule.min() || low > rule.max()) {
            return false;
          }
        } else if (rule instanceof CompiledRule.Requirements req) {
          for (int r = 0; r < req.requirementCount(); r++) {
            if (!requirementPossible(req, r, from)) {
              return false;
            }
          }
        }
      }
      return true;
    }

    boolean requirementPossible(CompiledRule.Requirements req, int r, int from) {
      long[] members = req.classMasks[r];
      int group = req.groups[r];
      for (int i = 0; i < numbers.length; i++) {
        if (!Bits.get(a.counted, i) || !Bits.get(members, i)) {
          continue;
        }
        if (group < 0 || (i < from || options[i].length == 0 ? a.placement[i] == group
            : contains(options[i], group))) {
          return true;
        }
      }
      return false;
    }

    boolean evaluate() {
      leaves++;
      long[] figures = new long[rules.size()];
      int met = 0;
      long distance = 0;
      for (int r = 0; r < figures.length; r++) {
        CompiledRule rule = rules.get(r);
        long f = rule.measure(a);
        figures[r] = f;
        if (rule.admits(f) || (active != null && !active[r])) {
          met++;
        } else {
          distance += f < rule.min() ? rule.min() - f : f - rule.max();
        }
      }
      if (best == null
          || met > best.rulesMet()
          || (met == best.rulesMet() && distance < best.distance())) {
        best = new Reading(a.copy(), figures, met, distance);
      }
      return met == figures.length;
    }
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
          groups.stream().mapToInt(Integer::intValue).toArray(),
          all);
    }

    @Override
    public CompiledRule visitTotal(Total rule) {
      Scope scope = rule.scope();
      boolean[] inScope = new boolean[groupIds.length];
      for (String gid : scope.groups()) {
        inScope[Arrays.asList(groupIds).indexOf(gid)] = true;
      }
      long[] units = unitScope(scope.units());
      long[] levelMask = Bits.empty(n);
      for (int i = 0; i < n; i++) {
        Unit u = qualification.units().get(numbers[i]);
        if (rule.level().map(f -> f.accepts(u.level())).orElse(true)) {
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
          rule.measure() == Measure.CREDITS
              ? credits
              : rule.measure() == Measure.UNITS ? ones : hours;
      return new CompiledRule.Sum(
          rule,
          rule.bounds().lowest(),
          rule.bounds().highest(),
          scope.isWholePlan(),
          inScope,
          units,
          levelMask,
          weights,
          staticMask);
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
   */
  public int groupIndex(Group group) {
    return Arrays.asList(groupIds).indexOf(group.id());
  }
}
