package org.qualcheck.count;

import static com.google.common.base.Preconditions.checkArgument;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.qualcheck.check.Checker;
import org.qualcheck.check.Plan;
import org.qualcheck.compile.CompiledQualification;
import org.qualcheck.model.Qualification;
import org.qualcheck.rule.Rule;

/**
 * Counts, exactly, the plans that meet a qualification with pathways: those meeting the common
 * rules and every rule of at least one pathway, each plan once.
 *
 * <p>By inclusion and exclusion over the non-empty sets of pathways: the plans meeting every
 * pathway of a set are those meeting the common rules and all of the set's rules together, which
 * {@link Counter} counts exactly because in a simple structure a plan is read one way only, the
 * same way for every pathway. The cost is {@code 2^pathways - 1} counts, so at most {@link
 * #MAX_PATHWAYS} pathways are taken. Listing follows each pathway's plans in turn and passes on a
 * plan only when no earlier pathway is met by it.
 */
public final class PathwayCounter {
  /** The most pathways counted: 2^12 - 1 = 4,095 counts of the structure. */
  public static final int MAX_PATHWAYS = 12;

  private final Checker checker;
  private final long credits;

  private PathwayCounter(Checker checker, long credits) {
    checkArgument(supports(checker), "exact counting over pathways needs a simple structure with"
        + " at most %s pathways", MAX_PATHWAYS);
    this.checker = checker;
    this.credits = credits;
  }

  /**
   * {@return whether the plans of this checker's qualification can be counted exactly: it has at
   * most {@link #MAX_PATHWAYS} pathways and every pathway's structure is simple}
   *
   * @param checker the checker of the qualification
   */
  public static boolean supports(Checker checker) {
    Qualification q = checker.qualification();
    if (q.pathways().size() > MAX_PATHWAYS) {
      return false;
    }
    return checker.routes().stream().allMatch(r -> Counter.supports(r.compiled()));
  }

  /**
   * {@return a counter of the plans of any size that achieve the qualification}
   *
   * @param checker the checker of the qualification; see {@link #supports}
   */
  public static PathwayCounter allPlans(Checker checker) {
    return new PathwayCounter(checker, -1);
  }

  /**
   * {@return a counter of the plans with exactly {@code credits} credits that achieve it}
   *
   * @param checker the checker of the qualification; see {@link #supports}
   * @param credits the plans' total credits, at least 0
   */
  public static PathwayCounter plansWithCredits(Checker checker, long credits) {
    checkArgument(credits >= 0, "credits cannot be negative");
    return new PathwayCounter(checker, credits);
  }

  /** {@return the number of plans achieving the qualification, each counted once} */
  public BigInteger count() {
    Qualification q = checker.qualification();
    int k = q.pathways().size();
    if (k == 0) {
      return counter(checker.routes().get(0).compiled()).count();
    }
    BigInteger total = BigInteger.ZERO;
    for (int set = 1; set < 1 << k; set++) {
      List<Rule> rules = new ArrayList<>(q.rules());
      for (int p = 0; p < k; p++) {
        if ((set >> p & 1) != 0) {
          rules.addAll(q.pathways().get(p).rules());
        }
      }
      BigInteger together = counter(CompiledQualification.of(withRules(q, rules))).count();
      total = Integer.bitCount(set) % 2 == 1 ? total.add(together) : total.subtract(together);
    }
    return total;
  }

  /**
   * Passes every plan achieving the qualification to {@code sink} once, pathway by pathway.
   *
   * @param sink what receives each plan, in turn
   */
  public void list(Consumer<Plan> sink) {
    List<Checker> routes = checker.routes();
    for (int i = 0; i < routes.size(); i++) {
      List<Checker> earlier = routes.subList(0, i);
      counter(routes.get(i).compiled())
          .list(
              plan -> {
                for (Checker e : earlier) {
                  if (e.meets(plan)) {
                    return;
                  }
                }
                sink.accept(plan);
              });
    }
  }

  private Counter counter(CompiledQualification q) {
    return credits < 0 ? Counter.allPlans(q) : Counter.plansWithCredits(q, credits);
  }

  private static Qualification withRules(Qualification q, List<Rule> rules) {
    Qualification.Builder b =
        Qualification.builder(q.code()).title(q.title()).source(q.source())
            .levels(q.lowestLevel(), q.highestLevel());
    q.units().values().forEach(b::unit);
    q.groups().values().forEach(b::group);
    rules.forEach(b::rule);
    return b.build();
  }
}
