package org.qualcheck.check;

/**
 * The answer to whether a plan meets a qualification's rules. Checking is exact, so the answer is
 * almost always {@link #MET} or {@link #NOT_MET}; {@link #UNDECIDED} says that the search over the
 * ways of reading the plan (which equivalent unit counts, which group each shared unit counts in)
 * reached its bound before it could prove either, which only a structure whose units are listed in
 * many groups at once can cause.
 */
public enum Verdict {
  /** Some reading of the plan meets every rule; the reading proves it. */
  MET,
  /** No reading of the plan meets every rule. */
  NOT_MET,
  /** The search reached its bound with neither a reading that meets every rule nor a proof of none. */
  UNDECIDED
}
