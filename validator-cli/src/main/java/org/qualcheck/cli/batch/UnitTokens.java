package org.qualcheck.cli.batch;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.qualcheck.compile.CompiledQualification;
import org.qualcheck.model.Qualification;
import org.qualcheck.model.Unit;

/**
 * Resolves a unit token, as raw ASCII bytes, straight to its compiled unit index: the unit numbers
 * and unit reference numbers of one qualification in an open-addressed table, so that checking a
 * batch record looks units up without making a string of each. A token of up to eight bytes is
 * compared as one packed {@code long}; a longer one byte by byte. Only the exact spelling of a
 * unit number or reference (single spaces inside, none around) is in the table; a token resolves
 * to a unit here only as {@link Qualification#findUnit} resolves it, and any other spelling is
 * left to the general path. Immutable and thread-safe.
 */
final class UnitTokens {
  private final int mask;
  private final int[] unit;
  private final long[] packed;
  private final byte[][] key;

  UnitTokens(Qualification q, CompiledQualification compiled) {
    Map<String, Integer> byToken = new LinkedHashMap<>();
    for (Unit u : q.units().values()) {
      candidate(q, compiled, byToken, u.number());
      u.reference().ifPresent(r -> candidate(q, compiled, byToken, r.value()));
    }
    int size = Integer.highestOneBit(Math.max(4, byToken.size() * 4) - 1) << 1;
    this.mask = size - 1;
    this.unit = new int[size];
    this.packed = new long[size];
    this.key = new byte[size][];
    Arrays.fill(unit, -1);
    for (Map.Entry<String, Integer> e : byToken.entrySet()) {
      byte[] k = e.getKey().getBytes(StandardCharsets.US_ASCII);
      long p = pack(k, 0, k.length);
      int slot = hash(p, k.length) & mask;
      while (unit[slot] >= 0) {
        slot = (slot + 1) & mask;
      }
      unit[slot] = e.getValue();
      packed[slot] = p;
      key[slot] = k;
    }
  }

  private static void candidate(Qualification q, CompiledQualification compiled,
      Map<String, Integer> byToken, String token) {
    if (!isPlainAscii(token)) {
      return;
    }
    q.findUnit(token).ifPresent(u -> byToken.put(token, compiled.indexOf(u.number())));
  }

  /**
   * Whether every character is printable ASCII other than a separator or quote, with single
   * spaces only between other characters (as in {@code SHC 31}).
   */
  private static boolean isPlainAscii(String token) {
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      if (c == ' ') {
        if (i == 0 || i == token.length() - 1 || token.charAt(i + 1) == ' ') {
          return false;
        }
      } else if (c < ' ' || c > '~' || c == ';' || c == ',' || c == '"') {
        return false;
      }
    }
    return !token.isEmpty();
  }

  /**
   * The unit index that {@code bytes[start, end)} names, or -1, given the token's first eight
   * bytes packed as {@link #pack} packs them.
   */
  int find(long packed, byte[] bytes, int start, int end) {
    int length = end - start;
    int slot = hash(packed, length) & mask;
    while (true) {
      int u = unit[slot];
      if (u < 0) {
        return -1;
      }
      if (this.packed[slot] == packed) {
        byte[] k = key[slot];
        if (k.length == length
            && (length <= 8 || Arrays.equals(k, 8, length, bytes, start + 8, end))) {
          return u;
        }
      }
      slot = (slot + 1) & mask;
    }
  }

  /** The unit index that {@code token} names, or -1. */
  int find(String token) {
    return find(token.toCharArray(), 0, token.length());
  }

  /** The unit index that {@code chars[offset, offset + length)} names, or -1. */
  int find(char[] chars, int offset, int length) {
    long p = 0;
    for (int i = 0; i < length; i++) {
      char c = chars[offset + i];
      if (c < ' ' || c > '~') {
        return -1;
      }
      if (i < 8) {
        p = (p << 8) | c;
      }
    }
    int slot = hash(p, length) & mask;
    while (true) {
      int u = unit[slot];
      if (u < 0) {
        return -1;
      }
      if (packed[slot] == p && key[slot].length == length && sameTail(key[slot], chars, offset)) {
        return u;
      }
      slot = (slot + 1) & mask;
    }
  }

  private static boolean sameTail(byte[] key, char[] chars, int offset) {
    for (int i = 8; i < key.length; i++) {
      if (key[i] != chars[offset + i]) {
        return false;
      }
    }
    return true;
  }

  /** The first eight bytes (fewer for a shorter token) as one number. */
  static long pack(byte[] bytes, int start, int end) {
    long p = 0;
    for (int i = start, stop = Math.min(end, start + 8); i < stop; i++) {
      p = (p << 8) | (bytes[i] & 0xff);
    }
    return p;
  }

  private static int hash(long packed, int length) {
    long h = (packed + length) * 0x9E3779B97F4A7C15L;
    return (int) (h >>> 32);
  }
}
