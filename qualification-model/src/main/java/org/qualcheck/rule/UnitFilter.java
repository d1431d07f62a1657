package org.qualcheck.rule;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.qualcheck.model.Unit;

/**
 * Which units of a scope a {@link Total} or a {@link Cap} looks at: those whose level passes a
 * level filter, that carry an attribute, and that do not carry another. Every part is optional; a
 * filter with none accepts every unit. The one place where a rule's unit filters live, so that a new
 * filter is one more field here.
 *
 * @param level the level a unit must pass, if any
 * @param attribute an attribute a unit must carry, if any
 * @param withoutAttribute an attribute a unit must not carry, if any
 */
public record UnitFilter(
    Optional<LevelFilter> level, Optional<String> attribute, Optional<String> withoutAttribute) {
  private static final UnitFilter NONE =
      new UnitFilter(Optional.empty(), Optional.empty(), Optional.empty());

  /**
   * Checks the parts given.
   *
   * @param level the level a unit must pass, if any
   * @param attribute an attribute a unit must carry, if any
   * @param withoutAttribute an attribute a unit must not carry, if any
   */
  public UnitFilter {
    checkNotNull(level, "level");
    checkNotNull(attribute, "attribute");
    checkNotNull(withoutAttribute, "withoutAttribute");
  }

  /** {@return the filter that accepts every unit} */
  public static UnitFilter none() {
    return NONE;
  }

  /**
   * {@return a filter on the level alone}
   *
   * @param level the level a unit must pass, if any
   */
  public static UnitFilter level(Optional<LevelFilter> level) {
    return level.isEmpty() ? NONE : new UnitFilter(level, Optional.empty(), Optional.empty());
  }

  /**
   * {@return this filter, also requiring the attribute}
   *
   * @param name the attribute a unit must carry
   */
  public UnitFilter withAttribute(String name) {
    return new UnitFilter(level, Optional.of(name), withoutAttribute);
  }

  /**
   * {@return this filter, also refusing units with the attribute}
   *
   * @param name the attribute a unit must not carry
   */
  public UnitFilter withoutAttribute(String name) {
    return new UnitFilter(level, attribute, Optional.of(name));
  }

  /** {@return whether the filter accepts every unit} */
  public boolean isEmpty() {
    return level.isEmpty() && attribute.isEmpty() && withoutAttribute.isEmpty();
  }

  /** {@return the attribute names the filter mentions, required ones first} */
  public List<String> attributeNames() {
    List<String> out = new ArrayList<>();
    attribute.ifPresent(out::add);
    withoutAttribute.ifPresent(out::add);
    return out;
  }

  /**
   * {@return whether the unit passes every part of the filter}
   *
   * @param unit the unit to test
   */
  public boolean accepts(Unit unit) {
    // no lambdas: every rule's filter is applied to every unit when a qualification is compiled,
    // on every command's start-up, while nearly all code runs interpreted
    if (level.isPresent() && !level.get().accepts(unit.level())) {
      return false;
    }
    if (attribute.isPresent() && !unit.attributes().contains(attribute.get())) {
      return false;
    }
    return withoutAttribute.isEmpty() || !unit.attributes().contains(withoutAttribute.get());
  }

  /**
   * The filter in words, to follow a figure: {@code " at Level 3 from units marked graded and not
   * science"}; empty for the empty filter.
   */
  @Override
  public String toString() {
    StringBuilder s = new StringBuilder();
    if (level.isPresent()) {
      s.append(' ').append(level.get());
    }
    if (attribute.isPresent() || withoutAttribute.isPresent()) {
      s.append(" from units ");
      if (attribute.isPresent()) {
        s.append("marked ").append(attribute.get());
      }
      if (withoutAttribute.isPresent()) {
        s.append(attribute.isPresent() ? " and not " : "not marked ").append(withoutAttribute.get());
      }
    }
    return s.toString();
  }
}
