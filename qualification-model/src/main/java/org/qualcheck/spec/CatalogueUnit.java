package org.qualcheck.spec;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.qualcheck.model.Level;
import org.qualcheck.model.SourceLocation;
import org.qualcheck.model.Unit;
import org.qualcheck.model.UnitReference;

/**
 * One unit of a catalogue: everything about a shared unit except its unit number, which each
 * qualification that takes the unit gives it.
 *
 * @param reference the unit reference number, the unit's key in a catalogue
 * @param title the unit title as printed
 * @param credits the credit value, at least 1
 * @param level the unit's framework level
 * @param guidedLearningHours guided learning hours, if published
 * @param attributes designer-chosen names such as {@code graded}
 * @param location where the unit's reference number is written, so that a problem with the unit
 *     can point at it
 */
record CatalogueUnit(
    UnitReference reference,
    String title,
    int credits,
    Level level,
    OptionalInt guidedLearningHours,
    Set<String> attributes,
    SourceLocation location) {

  CatalogueUnit {
    checkNotNull(reference, "reference");
    checkNotNull(title, "title");
    checkArgument(credits > 0, "unit %s has credit value %s", reference, credits);
    checkNotNull(level, "level");
    checkNotNull(guidedLearningHours, "guidedLearningHours");
    checkNotNull(location, "location");
    attributes = com.google.common.collect.ImmutableSet.copyOf(checkNotNull(attributes, "attributes"));
  }

  /** The unit as a qualification that numbers it {@code number} holds it. */
  Unit numbered(String number) {
    return new Unit(
        number, Optional.of(reference), title, credits, level, guidedLearningHours, attributes);
  }

  /**
   * How this statement of the unit differs from another, as phrases such as {@code credits 6
   * here but 5 there}; empty when they agree on every detail (where each is written aside).
   */
  List<String> differencesFrom(CatalogueUnit there) {
    List<String> d = new ArrayList<>();
    if (!title.equals(there.title)) {
      d.add(
          "title \""
              + YamlTreeReader.safe(title)
              + "\" here but \""
              + YamlTreeReader.safe(there.title)
              + "\" there");
    }
    if (credits != there.credits) {
      d.add("credits " + credits + " here but " + there.credits + " there");
    }
    if (level != there.level) {
      d.add(level.label() + " here but " + there.level.label() + " there");
    }
    if (!guidedLearningHours.equals(there.guidedLearningHours)) {
      d.add("glh " + hours(guidedLearningHours) + " here but " + hours(there.guidedLearningHours) + " there");
    }
    if (!attributes.equals(there.attributes)) {
      d.add("attributes " + new java.util.TreeSet<>(attributes) + " here but "
          + new java.util.TreeSet<>(there.attributes) + " there");
    }
    return d;
  }

  private static String hours(OptionalInt glh) {
    return glh.isPresent() ? String.valueOf(glh.getAsInt()) : "none";
  }
}
