package org.qualcheck.framework.check;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.util.List;
import org.qualcheck.framework.Component;

/**
 * How far a learner has got with one component of a framework.
 *
 * <p>A complete component names the first alternative whose requirements are all held. An
 * incomplete one names the nearest alternative: the one lacking fewest requirements, the first in
 * the framework's order among equals; {@link #missing()} lists what it lacks, so that a single
 * component (one alternative) lists its one requirement.
 *
 * @param component the component, as the framework gives it
 * @param complete whether every requirement of some alternative is held
 * @param alternative the id of the completing alternative, or of the nearest when incomplete
 * @param missing the outcomes of the requirements the named alternative lacks, in framework order;
 *     empty exactly when complete
 * @param requirements the outcome of every requirement of every alternative, in framework order
 */
public record ComponentOutcome(
    Component component,
    boolean complete,
    String alternative,
    List<RequirementOutcome> missing,
    List<RequirementOutcome> requirements) {
  /**
   * Checks the parts given.
   *
   * @param component the component
   * @param complete whether it is complete
   * @param alternative the completing or nearest alternative's id
   * @param missing what the named alternative lacks; empty exactly when complete
   * @param requirements the outcome of every requirement
   */
  public ComponentOutcome {
    checkNotNull(component, "component");
    checkNotNull(alternative, "alternative");
    missing = ImmutableList.copyOf(missing);
    requirements = ImmutableList.copyOf(requirements);
    checkArgument(complete == missing.isEmpty(), "a component is complete exactly when it lacks nothing");
  }

  /** {@return the component's id} */
  public String id() {
    return component.id();
  }
}
