package org.qualcheck.framework;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * An apprenticeship framework: the components an apprentice must all complete, such as the
 * competence qualification, the technical certificate, Key Skills or Functional Skills, and
 * Employee Rights and Responsibilities.
 *
 * <p>Immutable and thread-safe. Read one from YAML with {@link
 * org.qualcheck.spec.FrameworkReader}.
 *
 * @param code the framework's code, as its spec names it
 * @param title the framework's title
 * @param source the document the framework was transcribed from
 * @param components the components, at least one, ids distinct, in the order given
 */
public record Framework(String code, String title, String source, List<Component> components) {
  /**
   * Checks the parts given.
   *
   * @param code the framework's code
   * @param title the framework's title
   * @param source the document the framework was transcribed from
   * @param components the components, at least one, ids distinct
   */
  public Framework {
    Names.text(code, "a framework's code");
    Names.text(title, "a framework's title");
    Names.text(source, "a framework's source");
    components = ImmutableList.copyOf(checkNotNull(components, "components"));
    checkArgument(!components.isEmpty(), "framework %s has no component", code);
    Names.distinct(components.stream().map(Component::id).toList(), "the component");
  }

  /**
   * {@return the codes of every qualification any component requires, each once (compared without
   * regard to case), in framework order}
   */
  public Set<String> qualificationCodes() {
    Set<String> keys = new HashSet<>();
    Set<String> codes = new LinkedHashSet<>();
    for (Component c : components) {
      for (Alternative a : c.alternatives()) {
        for (Requirement r : a.requirements()) {
          if (r.kind() == Requirement.Kind.QUALIFICATION && keys.add(Names.key(r.name()))) {
            codes.add(r.name());
          }
        }
      }
    }
    return Collections.unmodifiableSet(codes);
  }
}
