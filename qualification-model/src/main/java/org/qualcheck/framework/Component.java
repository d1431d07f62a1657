package org.qualcheck.framework;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Optional;

/**
 * One component of a framework, complete when every requirement of at least one of its
 * alternatives is held. A component that is a single qualification or achievement has one
 * alternative of one requirement, with the component's id; a choice ({@code one-of} in a framework
 * spec) has two or more.
 *
 * @param id the component's id, unique within its framework
 * @param title what the framework calls the component
 * @param alternatives the ways of completing it, at least one, ids distinct
 */
public record Component(String id, String title, List<Alternative> alternatives) {
  /**
   * Checks the parts given.
   *
   * @param id the component's id
   * @param title what the framework calls the component
   * @param alternatives the ways of completing it, at least one, ids distinct
   */
  public Component {
    Names.text(id, "a component's id");
    Names.text(title, "a component's title");
    alternatives = ImmutableList.copyOf(checkNotNull(alternatives, "alternatives"));
    checkArgument(!alternatives.isEmpty(), "component %s has no alternative", id);
    Names.distinct(
        alternatives.stream().map(Alternative::id).toList(),
        "in component " + id + ", the alternative");
  }

  /**
   * {@return a component met by holding one requirement}
   *
   * @param id the component's id
   * @param title what the framework calls the component
   * @param requirement the qualification or achievement required
   */
  public static Component of(String id, String title, Requirement requirement) {
    return new Component(
        id, title, List.of(new Alternative(id, Optional.empty(), List.of(requirement))));
  }

  /**
   * {@return a component met by any one of two or more sets of requirements}
   *
   * @param id the component's id
   * @param title what the framework calls the component
   * @param alternatives the ways of completing it, at least two
   */
  public static Component oneOf(String id, String title, List<Alternative> alternatives) {
    checkArgument(alternatives.size() >= 2, "a choice needs at least two alternatives");
    return new Component(id, title, alternatives);
  }

  /** {@return whether the component is a choice between alternatives} */
  public boolean isChoice() {
    return alternatives.size() > 1;
  }
}
