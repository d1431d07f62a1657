package org.qualcheck.framework;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Optional;

/**
 * One way of completing a component: a set of requirements that must all be held, such as Key
 * Skills Application of Number Level 1 and Communication Level 1.
 *
 * @param id the alternative's id, unique within its component
 * @param title what the framework calls it, if it says
 * @param requirements what must all be held; at least one, none twice
 */
public record Alternative(String id, Optional<String> title, List<Requirement> requirements) {
  /**
   * Checks the parts given.
   *
   * @param id the alternative's id
   * @param title what the framework calls it, if it says
   * @param requirements what must all be held; at least one, none twice
   */
  public Alternative {
    Names.text(id, "an alternative's id");
    checkNotNull(title, "title");
    title.ifPresent(t -> Names.text(t, "an alternative's title"));
    requirements = ImmutableList.copyOf(checkNotNull(requirements, "requirements"));
    checkArgument(!requirements.isEmpty(), "alternative %s requires nothing", id);
    Names.distinct(
        requirements.stream().map(r -> r.kind() + " " + r.name()).toList(),
        "in alternative " + id + ", the requirement");
  }

  /**
   * {@return an alternative without a title}
   *
   * @param id the alternative's id
   * @param requirements what must all be held
   */
  public static Alternative of(String id, List<Requirement> requirements) {
    return new Alternative(id, Optional.empty(), requirements);
  }
}
