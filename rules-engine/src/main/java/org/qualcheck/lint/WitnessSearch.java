package org.qualcheck.lint;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.qualcheck.check.Plan;
import org.qualcheck.plan.Feasibility;
import org.qualcheck.plan.PlanOptions;
import org.qualcheck.plan.Planner;

/**
 * Looks through the plans that meet a planner's rules, one at a time, for one that passes a test.
 *
 * <p>Where units may count in more than one group, the first plan the planner finds may be
 * ambiguous: it meets a set of rules under one reading, and what it was sought to disprove under
 * another. The search then asks for a different plan: the plans left are split by the first unit,
 * in the qualification's order, on which they differ from the plan just seen (each branch takes or
 * leaves out exactly the units the seen plan does before that unit, and does the opposite at it),
 * so every plan is met at most once and none is missed. Each branch is one exact question to the
 * planner; the number of plans examined is bounded.
 *
 * <p>One instance answers one question on one thread.
 */
final class WitnessSearch {
  /** How many plans failing the test a search may examine before it gives up. */
  static final int PLAN_LIMIT = 5_000;

  enum Status {
    /** A plan meeting the rules and passing the test: {@link Result#witness}. */
    FOUND,
    /** Every plan meeting the rules was examined and none passes the test. */
    NONE,
    /** The limit on plans examined was reached first. */
    LIMIT,
    /** The planner reached its own bound on one of the questions. */
    UNDECIDED
  }

  /**
   * The answer, with the witness when one was found and the first plan seen that failed the test.
   */
  record Result(Status status, Optional<Plan> witness, Optional<Plan> firstRejected) {}

  private record Branch(Set<String> take, Set<String> avoid) {}

  private WitnessSearch() {}

  /**
   * Searches the plans that meet {@code planner}'s rules, contain {@code take} and avoid {@code
   * avoid}, for one passing {@code test}, examining at most {@code limit} plans that fail it.
   */
  static Result find(
      Planner planner,
      List<String> unitOrder,
      Set<String> take,
      Set<String> avoid,
      Predicate<Plan> test,
      int limit) {
    Deque<Branch> open = new ArrayDeque<>();
    open.push(new Branch(take, avoid));
    Optional<Plan> first = Optional.empty();
    int rejected = 0;
    boolean undecided = false;
    while (!open.isEmpty()) {
      Branch b = open.pop();
      Feasibility f =
          planner.feasibility(Plan.of(b.take()), PlanOptions.defaults().excluding(b.avoid()));
      if (!f.decided()) {
        undecided = true;
        continue;
      }
      if (!f.possible()) {
        continue;
      }
      Plan p = f.plan().orElseThrow();
      if (test.test(p)) {
        return new Result(Status.FOUND, Optional.of(p), first);
      }
      if (first.isEmpty()) {
        first = Optional.of(p);
      }
      if (++rejected >= limit) {
        return new Result(Status.LIMIT, Optional.empty(), first);
      }
      Set<String> sameTake = new LinkedHashSet<>(b.take());
      Set<String> sameAvoid = new LinkedHashSet<>(b.avoid());
      for (String u : unitOrder) {
        if (b.take().contains(u) || b.avoid().contains(u)) {
          continue;
        }
        Set<String> t = new LinkedHashSet<>(sameTake);
        Set<String> a = new LinkedHashSet<>(sameAvoid);
        if (p.contains(u)) {
          a.add(u);
          sameTake.add(u);
        } else {
          t.add(u);
          sameAvoid.add(u);
        }
        open.push(new Branch(t, a));
      }
    }
    return new Result(undecided ? Status.UNDECIDED : Status.NONE, Optional.empty(), first);
  }
}
