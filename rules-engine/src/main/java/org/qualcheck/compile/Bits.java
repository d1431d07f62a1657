package org.qualcheck.compile;

/** Small helpers over {@code long[]} bitsets of unit indices, as used by compiled qualifications. */
public final class Bits {
  private Bits() {}

  /**
   * {@return an empty bitset with room for {@code size} bits}
   *
   * @param size how many bits the set must hold
   */
  public static long[] empty(int size) {
    return new long[(size + 63) >>> 6];
  }

  /**
   * Sets bit {@code i}.
   *
   * @param bits the bitset to change
   * @param i the index of the bit
   */
  public static void set(long[] bits, int i) {
    bits[i >>> 6] |= 1L << i;
  }

  /**
   * Clears bit {@code i}.
   *
   * @param bits the bitset to change
   * @param i the index of the bit
   */
  public static void clear(long[] bits, int i) {
    bits[i >>> 6] &= ~(1L << i);
  }

  /**
   * {@return whether bit {@code i} is set}
   *
   * @param bits the bitset to read
   * @param i the index of the bit
   */
  public static boolean get(long[] bits, int i) {
    return (bits[i >>> 6] & (1L << i)) != 0;
  }

  /**
   * {@return the lowest set bit at or after {@code from}, or -1}
   *
   * @param bits the bitset to search
   * @param from the index to search from
   */
  public static int next(long[] bits, int from) {
    int w = from >>> 6;
    if (w >= bits.length) {
      return -1;
    }
    long x = bits[w] & (-1L << from);
    while (true) {
      if (x != 0) {
        return (w << 6) + Long.numberOfTrailingZeros(x);
      }
      if (++w == bits.length) {
        return -1;
      }
      x = bits[w];
    }
  }

  /**
   * {@return how many bits are set}
   *
   * @param bits the bitset to count
   */
  public static int count(long[] bits) {
    int n = 0;
    for (long w : bits) {
      n += Long.bitCount(w);
    }
    return n;
  }

  /**
   * {@return how many bits are set in both {@code a} and {@code b}}
   *
   * @param a one bitset
   * @param b the other bitset, of the same length
   */
  public static int countAnd(long[] a, long[] b) {
    int n = 0;
    for (int w = 0; w < a.length; w++) {
      n += Long.bitCount(a[w] & b[w]);
    }
    return n;
  }

  /**
   * {@return whether some bit is set in both {@code a} and {@code b}}
   *
   * @param a one bitset
   * @param b the other bitset, of the same length
   */
  public static boolean intersects(long[] a, long[] b) {
    for (int w = 0; w < a.length; w++) {
      if ((a[w] & b[w]) != 0) {
        return true;
      }
    }
    return false;
  }

  /**
   * {@return whether every bit of {@code sub} is set in {@code sup}}
   *
   * @param sup the bitset that must hold every bit
   * @param sub the bits to look for
   */
  public static boolean containsAll(long[] sup, long[] sub) {
    for (int w = 0; w < sub.length; w++) {
      if ((sub[w] & ~sup[w]) != 0) {
        return false;
      }
    }
    return true;
  }

  /**
   * {@return the sum of {@code weights[i]} over the bits set in both {@code a} and {@code b}}
   *
   * @param a one bitset
   * @param b the other bitset, of the same length
   * @param weights a weight for each bit index
   */
  public static long weightedAnd(long[] a, long[] b, int[] weights) {
    long sum = 0;
    for (int w = 0; w < a.length; w++) {
      long x = a[w] & b[w];
      while (x != 0) {
        sum += weights[(w << 6) + Long.numberOfTrailingZeros(x)];
        x &= x - 1;
      }
    }
    return sum;
  }

  /**
   * Sets in {@code into} every bit set in {@code from}.
   *
   * @param into the bitset to change
   * @param from the bits to set
   */
  public static void or(long[] into, long[] from) {
    for (int w = 0; w < into.length; w++) {
      into[w] |= from[w];
    }
  }
}
