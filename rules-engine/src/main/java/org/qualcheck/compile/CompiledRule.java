package org.qualcheck.compile;

import org.qualcheck.rule.Rule;

/**
 * A rule turned into bitset arithmetic over a compiled qualification's unit indices.
 *
 * <p>Every rule kind reduces to a figure measured on an {@link Assignment} and a closed interval the
 * figure must fall in: a sum for totals, a count for choose and barred rules, the number of
 * requirements met for all-of rules. Equivalences always hold; they act through the assignment.
 */
public abstract sealed class CompiledRule
    permits CompiledRule.Sum, CompiledRule.Requirements, CompiledRule.Count, CompiledRule.Always {
  private final Rule rule;
  private final long min;
  private final long max;

  CompiledRule(Rule rule, long min, long max) {
    this.rule = rule;
    this.min = min;
    this.max = max;
  }

  /** {@return the rule as the spec gives it} */
  public Rule rule() {
    return rule;
  }

  /** {@return the least admitted figure} */
  public long min() {
    return min;
  }

  /** {@return the greatest admitted figure ({@link Long#MAX_VALUE} when unbounded)} */
  public long max() {
    return max;
  }

  /**
   * {@return whether the figure lies within the rule's minimum and maximum}
   *
   * @param figure the rule's figure for some reading of a plan
   */
  public boolean admits(long figure) {
    return figure >= min && figure <= max;
  }

  /**
   * {@return the rule's figure under a full assignment}
   *
   * @param a a full assignment: the units counted and the group each is placed in
   */
  public abstract long measure(Assignment a);

  /**
   * The rule's figure for a plan in a simple qualification (no unit with a choice of group, no
   * equivalences), where chosen and counted coincide and placements are fixed.
   *
   * @param chosen the plan as a bitset over unit indices
   * @return the rule's figure for the plan
   */
  public abstract long measureSimple(long[] chosen);

  /** {@return the units whose presence in the plan the rule's figure can depend on, as a bitset} */
  public abstract long[] relevantUnits();

  /**
   * {@return the plan's units that make up the figure under an assignment}
   *
   * @param a a full assignment: the units counted and the group each is placed in
   */
  public abstract long[] contributors(Assignment a);

  /**
   * The plan's units that make up the figure in a simple qualification, where each unit counts in
   * its one group: the plan's units among those the figure depends on.
   *
   * @param chosen the plan as a bitset over unit indices
   * @return the plan's units the figure depends on, as a bitset
   */
  public long[] contributorsSimple(long[] chosen) {
    long[] out = relevantUnits();
    for (int w = 0; w < out.length; w++) {
      out[w] &= chosen[w];
    }
    return out;
  }

  /**
   * A sum of unit weights over counted units in scope and passing the unit filter. A total's sum
   * must lie within its bounds; a cap's sum is at most its cap, and the search keeps it so by
   * leaving units of the cap's scope uncounted.
   */
  public static final class Sum extends CompiledRule {
    final boolean cap;
    final boolean[] groupInScope;
    final long[] unitScope;
    final long[] levelMask;
    final int[] weights;
    final long[] staticMask;
    final boolean wholePlan;

    Sum(
        Rule rule,
        long min,
        long max,
        boolean wholePlan,
        boolean[] groupInScope,
        long[] unitScope,
        long[] levelMask,
        int[] weights,
        long[] staticMask,
        boolean cap) {
      super(rule, min, max);
      this.cap = cap;
      this.wholePlan = wholePlan;
      this.groupInScope = groupInScope;
      this.unitScope = unitScope;
      this.levelMask = levelMask;
      this.weights = weights;
      this.staticMask = staticMask;
    }

    @Override
    public long measure(Assignment a) {
      long sum = 0;
      long[] counted = a.counted;
      int[] placement = a.placement;
      for (int w = 0; w < counted.length; w++) {
        long x = counted[w] & levelMask[w];
        while (x != 0) {
          int i = (w << 6) + Long.numberOfTrailingZeros(x);
          x &= x - 1;
          int g = placement[i];
          if (wholePlan || (g >= 0 && groupInScope[g]) || (unitScope[w] & (1L << i)) != 0) {
            sum += weights[i];
          }
        }
      }
      return sum;
    }

    @Override
    public long measureSimple(long[] chosen) {
      return Bits.weightedAnd(chosen, staticMask, weights);
    }

    @Override
    public long[] relevantUnits() {
      return staticMask.clone();
    }

    @Override
    public long[] contributors(Assignment a) {
      long[] out = Bits.empty(a.placement.length);
      for (int i = 0; i < a.placement.length; i++) {
        if (Bits.get(a.counted, i) && inScope(i, a.placement[i])) {
          Bits.set(out, i);
        }
      }
      return out;
    }

    /**
     * {@return whether a counted unit placed in {@code group} would be summed}
     *
     * @param unit the unit's index
     * @param group the index of the group it is placed in
     */
    public boolean inScope(int unit, int group) {
      return Bits.get(levelMask, unit)
          && (wholePlan || (group >= 0 && groupInScope[group]) || Bits.get(unitScope, unit));
    }

    /**
     * {@return whether this sum is a cap on what counts rather than a total: a plan is never
     * refused for holding more, the excess is left uncounted}
     */
    public boolean isCap() {
      return cap;
    }

    /**
     * {@return whether a counted unit is in the sum's scope wherever it is placed}
     *
     * @param unit the unit's index
     * @param options the groups the unit may be placed in
     */
    boolean surelyInScope(int unit, int[] options) {
      if (!Bits.get(levelMask, unit)) {
        return false;
      }
      if (wholePlan || Bits.get(unitScope, unit)) {
        return true;
      }
      for (int g : options) {
        if (!groupInScope[g]) {
          return false;
        }
      }
      return options.length > 0;
    }

    /**
     * {@return what the unit at this index adds to the figure}
     *
     * @param unit the unit's index
     */
    public int weight(int unit) {
      return weights[unit];
    }
  }

  /**
   * Mandatory units: each requirement is an equivalence class that must have a counted member,
   * placed in a given group where the requirement came from a group.
   */
  public static final class Requirements extends CompiledRule {
    final long[][] classMasks;
    final int[] groups;
    final long[] staticMask;

    Requirements(Rule rule, long[][] classMasks, int[] groups, long[] staticMask) {
      super(rule, classMasks.length, classMasks.length);
      this.classMasks = classMasks;
      this.groups = groups;
      this.staticMask = staticMask;
    }

    @Override
    public long measure(Assignment a) {
      long met = 0;
      for (int r = 0; r < classMasks.length; r++) {
        long[] pool = groups[r] >= 0 ? a.groupBits[groups[r]] : a.counted;
        if (Bits.intersects(pool, classMasks[r])) {
          met++;
        }
      }
      return met;
    }

    @Override
    public long measureSimple(long[] chosen) {
      long met = 0;
      for (long[] classMask : classMasks) {
        if (Bits.intersects(chosen, classMask)) {
          met++;
        }
      }
      return met;
    }

    @Override
    public long[] relevantUnits() {
      return staticMask.clone();
    }

    @Override
    public long[] contributors(Assignment a) {
      long[] out = Bits.empty(a.placement.length);
      for (int r = 0; r < classMasks.length; r++) {
        long[] pool = groups[r] >= 0 ? a.groupBits[groups[r]] : a.counted;
        for (int w = 0; w < out.length; w++) {
          out[w] |= pool[w] & classMasks[r][w];
        }
      }
      return out;
    }

    /** {@return how many units the rule requires} */
    public int requirementCount() {
      return classMasks.length;
    }

    /**
     * {@return the units that satisfy requirement {@code r}: the required unit and its equivalents}
     *
     * @param r the requirement's index
     */
    public long[] requirementUnits(int r) {
      return classMasks[r].clone();
    }

    /**
     * {@return whether requirement {@code r} is met by the assignment}
     *
     * @param a a full assignment: the units counted and the group each is placed in
     * @param r the requirement's index
     */
    public boolean requirementMet(Assignment a, int r) {
      long[] pool = groups[r] >= 0 ? a.groupBits[groups[r]] : a.counted;
      return Bits.intersects(pool, classMasks[r]);
    }
  }

  /** A count of units from a set: counted units for choose rules, chosen units for barred ones. */
  public static final class Count extends CompiledRule {
    final long[] mask;
    final boolean countChosen;

    Count(Rule rule, long min, long max, long[] mask, boolean countChosen) {
      super(rule, min, max);
      this.mask = mask;
      this.countChosen = countChosen;
    }

    @Override
    public long measure(Assignment a) {
      return Bits.countAnd(countChosen ? a.chosen : a.counted, mask);
    }

    /** {@return whether the count is of chosen units (barred rules) rather than counted ones} */
    public boolean countsChosen() {
      return countChosen;
    }

    @Override
    public long measureSimple(long[] chosen) {
      return Bits.countAnd(chosen, mask);
    }

    @Override
    public long[] relevantUnits() {
      return mask.clone();
    }

    @Override
    public long[] contributors(Assignment a) {
      long[] out = (countChosen ? a.chosen : a.counted).clone();
      for (int w = 0; w < out.length; w++) {
        out[w] &= mask[w];
      }
      return out;
    }
  }

  /** Equivalences: always hold; the figure is how many of the equivalent units are chosen. */
  public static final class Always extends CompiledRule {
    final long[] mask;

    Always(Rule rule, long[] mask) {
      super(rule, 0, Long.MAX_VALUE);
      this.mask = mask;
    }

    @Override
    public long measure(Assignment a) {
      return Bits.countAnd(a.chosen, mask);
    }

    @Override
    public long measureSimple(long[] chosen) {
      return Bits.countAnd(chosen, mask);
    }

    @Override
    public long[] relevantUnits() {
      return mask.clone();
    }
  
    @Override
    public long[] contributors(Assignment a) {
      long[] out = a.counted.clone();
      for (int w = 0; w < out.length; w++) {
        out[w] &= mask[w];
      }
      return out;
    }
  }
}
