package org.qualcheck.plan;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableSet;
import java.util.Set;
import java.util.Collection;

/**
 * What a planning question allows: units never to add, units to favour among equally cheap
 * answers, and how many alternatives beyond the best to return.
 */
public record PlanOptions(Set<String> exclude, Set<String> prefer, int alternatives) {
  private static final PlanOptions DEFAULTS = new PlanOptions(ImmutableSet.of(), ImmutableSet.of(), 0);

  public PlanOptions {
    exclude = ImmutableSet.copyOf(checkNotNull(exclude, "exclude"));
    prefer = ImmutableSet.copyOf(checkNotNull(prefer, "prefer"));
    checkArgument(alternatives >= 0 && alternatives <= 1000, "alternatives must be 0 to 1000");
  }

  /** No exclusions, no preferences, the best answer only. */
  public static PlanOptions defaults() {
    return DEFAULTS;
  }

  public PlanOptions excluding(Collection<String> units) {
    return new PlanOptions(ImmutableSet.copyOf(units), prefer, alternatives);
  }

  public PlanOptions preferring(Collection<String> units) {
    return new PlanOptions(exclude, ImmutableSet.copyOf(units), alternatives);
  }

  public PlanOptions withAlternatives(int k) {
    return new PlanOptions(exclude, prefer, k);
  }
}
