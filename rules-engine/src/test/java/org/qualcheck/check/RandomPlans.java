package org.qualcheck.check;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Predicate;
import java.util.List;
import java.util.SplittableRandom;
import org.qualcheck.model.Qualification;

/** Random plans over a qualification's units, biased toward plans that come close to meeting it. */
final class RandomPlans {
  private RandomPlans() {}

  static Plan random(Qualification q, SplittableRandom rnd) {
    List<String> units = new ArrayList<>(q.units().keySet());
    double p = 0.1 + 0.5 * rnd.nextDouble();
    boolean mandatory = rnd.nextInt(4) > 0;
    List<String> chosen = new ArrayList<>();
    for (String u : units) {
      boolean inMandatory = q.groups().containsKey("M") && q.groups().get("M").contains(u);
      if ((inMandatory && mandatory) || rnd.nextDouble() < p) {
        chosen.add(u);
      }
    }
    shuffle(chosen, rnd);
    return Plan.of(chosen);
  }

  /**
   * A plan on the boundary: units are added in random order (mandatory ones first) until {@code
   * meets} accepts the plan, then one random unit is added or taken away, or none.
   */
  static Plan nearBoundary(Qualification q, SplittableRandom rnd, Predicate<Set<String>> meets) {
    List<String> order = new ArrayList<>(q.units().keySet());
    shuffle(order, rnd);
    Set<String> plan = new LinkedHashSet<>();
    if (q.groups().containsKey("M")) {
      plan.addAll(q.groups().get("M").units());
    }
    for (String u : order) {
      if (meets.test(plan)) {
        break;
      }
      plan.add(u);
    }
    switch (rnd.nextInt(3)) {
      case 0 -> plan.remove(order.get(rnd.nextInt(order.size())));
      case 1 -> plan.add(order.get(rnd.nextInt(order.size())));
      default -> { }
    }
    List<String> units = new ArrayList<>(plan);
    shuffle(units, rnd);
    return Plan.of(units);
  }

  static <T> void shuffle(List<T> list, SplittableRandom rnd) {
    for (int i = list.size() - 1; i > 0; i--) {
      int j = rnd.nextInt(i + 1);
      T t = list.get(i);
      list.set(i, list.get(j));
      list.set(j, t);
    }
  }
}
