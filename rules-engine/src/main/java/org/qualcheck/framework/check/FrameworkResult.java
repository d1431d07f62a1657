package org.qualcheck.framework.check;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.time.LocalDate;
import java.util.List;
import org.qualcheck.framework.Framework;

/**
 * What checking a learner record against a framework found: complete when every component is.
 *
 * @param framework the framework checked against
 * @param learner the learner's identifier, from the record
 * @param on the date the record was judged as of
 * @param complete whether every component is complete
 * @param components the outcome of each component, in framework order
 */
public record FrameworkResult(
    Framework framework,
    String learner,
    LocalDate on,
    boolean complete,
    List<ComponentOutcome> components) {
  /**
   * Checks the parts given.
   *
   * @param framework the framework
   * @param learner the learner's identifier
   * @param on the date judged as of
   * @param complete whether every component is complete
   * @param components the outcome of each component, in framework order
   */
  public FrameworkResult {
    checkNotNull(framework, "framework");
    checkNotNull(learner, "learner");
    checkNotNull(on, "on");
    components = ImmutableList.copyOf(components);
    checkArgument(
        complete == components.stream().allMatch(ComponentOutcome::complete),
        "a framework is complete exactly when every component is");
  }

  /** {@return the components not yet complete, in framework order} */
  public List<ComponentOutcome> incomplete() {
    return components.stream().filter(c -> !c.complete()).toList();
  }
}
