package org.qualcheck.compile;

import java.util.Arrays;

/**
 * One way of reading a plan against a compiled qualification: which units are chosen, which of them
 * count (at most one per equivalence class), and the group each counted unit is placed in.
 *
 * <p>Mutable scratch state for one thread's search; never shared.
 */
public final class Assignment {
  final long[] chosen;
  final long[] counted;
  /** Group index per unit, or -1 where the unit is ungrouped, not chosen or not counted. */
  final int[] placement;
  /** Counted units placed in each group. */
  final long[][] groupBits;

  Assignment(int units, int groups) {
    this.chosen = Bits.empty(units);
    this.counted = Bits.empty(units);
    this.placement = new int[units];
    Arrays.fill(placement, -1);
    this.groupBits = new long[groups][];
    for (int g = 0; g < groups; g++) {
      groupBits[g] = Bits.empty(units);
    }
  }

  /** {@return the plan's units as a bitset over unit indices; do not modify it} */
  public long[] chosen() {
    return chosen.clone();
  }

  /**
   * {@return the units that count, as a bitset: the chosen ones less equivalents that do not; do
   * not modify it}
   */
  public long[] counted() {
    return counted.clone();
  }

  /**
   * {@return the group index unit {@code i} is placed in, or -1}
   *
   * @param i the unit's index
   */
  public int placement(int i) {
    return placement[i];
  }

  void place(int unit, int group) {
    int old = placement[unit];
    if (old >= 0) {
      Bits.clear(groupBits[old], unit);
    }
    placement[unit] = group;
    if (group >= 0) {
      Bits.set(groupBits[group], unit);
    }
  }

  Assignment copy() {
    Assignment a = new Assignment(placement.length, groupBits.length);
    System.arraycopy(chosen, 0, a.chosen, 0, chosen.length);
    System.arraycopy(counted, 0, a.counted, 0, counted.length);
    System.arraycopy(placement, 0, a.placement, 0, placement.length);
    for (int g = 0; g < groupBits.length; g++) {
      System.arraycopy(groupBits[g], 0, a.groupBits[g], 0, groupBits[g].length);
    }
    return a;
  }
}
