package org.qualcheck.compile;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * How many more nodes a placement search may visit: one budget can be shared by every verdict a
 * single question asks for (a planner's completion search, say), so that the question as a whole
 * stays bounded. Once spent, every search drawing on it ends undecided.
 *
 * <p>Mutable scratch state for one thread's question; never shared.
 */
public final class SearchBudget {
  private long remaining;
  private boolean exceeded;

  private SearchBudget(long nodes) {
    this.remaining = nodes;
  }

  /**
   * A budget of {@code nodes} search nodes.
   *
   * @param nodes how many search nodes may be visited, at least 0
   * @return a fresh budget
   */
  public static SearchBudget of(long nodes) {
    checkArgument(nodes >= 0, "a budget cannot be negative");
    return new SearchBudget(nodes);
  }

  /** Takes one node; false (and from then on {@link #exceeded()}) when none is left. */
  boolean spend() {
    return spend(1);
  }

  /** Takes {@code nodes} nodes; false (and from then on {@link #exceeded()}) if fewer are left. */
  boolean spend(long nodes) {
    if (remaining < nodes) {
      remaining = 0;
      exceeded = true;
      return false;
    }
    remaining -= nodes;
    return true;
  }

  /** {@return whether some search wanted a node when none was left, so its answer is undecided} */
  public boolean exceeded() {
    return exceeded;
  }

  /** {@return how many nodes are left} */
  public long remaining() {
    return remaining;
  }
}
