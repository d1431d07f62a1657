package org.qualcheck.check;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.qualcheck.model.Qualification;
import org.qualcheck.model.Unit;

/**
 * A learner's chosen units, by unit number, in the order given. Order never affects a verdict.
 *
 * <p>Build one with {@link #resolve}, which accepts unit numbers ({@code A3}) or unit reference
 * numbers ({@code R/601/1212}) and refuses unknown or repeated units, or with {@link #of} when the
 * unit numbers are already known to be valid.
 */
public record Plan(ImmutableSet<String> units) {
  public Plan {
    checkNotNull(units, "units");
  }

  public static Plan of(String... unitNumbers) {
    return new Plan(ImmutableSet.copyOf(unitNumbers));
  }

  public static Plan of(Collection<String> unitNumbers) {
    return new Plan(ImmutableSet.copyOf(unitNumbers));
  }

  /**
   * Resolves what a user typed against a qualification.
   *
   * @throws PlanException naming every unknown unit and every unit given twice (also when once by
   *     number and once by reference number)
   */
  public static Plan resolve(Qualification qualification, List<String> tokens) {
    Set<String> numbers = new LinkedHashSet<>();
    Map<String, String> firstSpelling = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    for (String raw : tokens) {
      String token = raw.strip();
      if (token.isEmpty()) {
        continue;
      }
      Unit unit = qualification.findUnit(token).orElse(null);
      if (unit == null) {
        problems.add(
            "unit \""
                + token
                + "\" is not in "
                + qualification.code()
                + "; give "
                + example(qualification));
        continue;
      }
      String earlier = firstSpelling.putIfAbsent(unit.number(), token);
      if (earlier != null) {
        problems.add(
            earlier.equals(token)
                ? "unit " + token + " is given twice"
                : "unit " + unit.number() + " is given twice, as " + earlier + " and as " + token);
        continue;
      }
      numbers.add(unit.number());
    }
    if (!problems.isEmpty()) {
      throw new PlanException(problems);
    }
    return new Plan(ImmutableSet.copyOf(numbers));
  }

  /**
   * An example of how to name a unit of this qualification, one that can be typed in a plan: a
   * unit number without spaces, or else a unit reference number.
   */
  private static String example(Qualification q) {
    for (String number : q.units().keySet()) {
      if (number.chars().noneMatch(Character::isWhitespace)) {
        return "a unit number such as " + number + " or a unit reference number";
      }
    }
    return q.units().values().stream()
        .flatMap(u -> u.reference().stream())
        .findFirst()
        .map(r -> "a unit reference number such as " + r)
        .orElse("a unit number or a unit reference number");
  }

  public boolean contains(String unitNumber) {
    return units.contains(unitNumber);
  }

  public int size() {
    return units.size();
  }

  @Override
  public String toString() {
    return String.join(",", units);
  }
}
