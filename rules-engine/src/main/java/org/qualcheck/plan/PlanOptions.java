package org.qualcheck.plan;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableSet;
import java.util.Collection;
import java.util.Set;

/**
 * What a planning question allows: units never to add, units to favour among equally cheap
 * answers, and how many alternatives beyond the best to return.
 *
 * @param exclude unit numbers never to add
 * @param prefer unit numbers to favour among equally cheap answers
 * @param alternatives how many answers beyond the best to return, 0 to 1000
 */
public record PlanOptions(Set<String> exclude, Set<String> prefer, int alternatives) {
  private static final PlanOptions DEFAULTS = new PlanOptions(ImmutableSet.of(), ImmutableSet.of(), 0);

  /**
   * Checks the parts given; collections are copied, so the value is immutable.
   *
   * @param exclude unit numbers never to add
   * @param prefer unit numbers to favour among equally cheap answers
   * @param alternatives how many answers beyond the best to return, 0 to 1000
   */
  public PlanOptions {
    exclude = ImmutableSet.copyOf(checkNotNull(exclude, "exclude"));
    prefer = ImmutableSet.copyOf(checkNotNull(prefer, "prefer"));
    checkArgument(alternatives >= 0 && alternatives <= 1000, "alternatives must be 0 to 1000");
  }

  /** {@return options with no exclusions, no preferences, and the best answer only} */
  public static PlanOptions defaults() {
    return DEFAULTS;
  }

  /**
   * {@return these options, with these unit numbers never to be added}
   *
   * @param units the unit numbers never to add
   */
  public PlanOptions excluding(Collection<String> units) {
    return new PlanOptions(ImmutableSet.copyOf(units), prefer, alternatives);
  }

  /**
   * {@return these options, with these unit numbers favoured among equally cheap answers}
   *
   * @param units the unit numbers to favour
   */
  public PlanOptions preferring(Collection<String> units) {
    return new PlanOptions(exclude, ImmutableSet.copyOf(units), alternatives);
  }

  /**
   * {@return these options, asking for up to {@code k} alternatives beyond the best}
   *
   * @param k how many alternatives to return beyond the best
   */
  public PlanOptions withAlternatives(int k) {
    return new PlanOptions(exclude, prefer, k);
  }
}
