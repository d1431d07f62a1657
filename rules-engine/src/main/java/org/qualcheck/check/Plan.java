package org.qualcheck.check;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.qualcheck.model.Qualification;
import org.qualcheck.model.Unit;
import org.qualcheck.model.UnitList;

/**
 * A learner's chosen units, in the order given. Order never affects a verdict.
 *
 * <p>Each unit is given by unit number ({@code A3}) or unit reference number ({@code R/601/1212}),
 * in any case. {@link #of} takes the units as given and refuses only what
 * no qualification could accept (a missing or blank unit, a unit given twice in the same words);
 * checking the plan against a qualification resolves the rest, and {@link #resolve} does it at
 * once. Both refuse a bad plan with a {@link PlanException} naming every problem, so an
 * application catches one exception type whichever way it builds plans.
 *
 * @param units the units as given, without repeats, in the order given; immutable
 */
public record Plan(Set<String> units) {
  /**
   * Checks that no unit is missing or blank.
   *
   * @param units the units as given, without repeats, in the order given
   * @throws PlanException if a unit is {@code null} or blank
   */
  public Plan {
    checkNotNull(units, "units");
    List<PlanProblem> problems = new ArrayList<>();
    int position = 0;
    for (String unit : units) {
      blankOrMissing(unit, position++).ifPresent(problems::add);
    }
    if (!problems.isEmpty()) {
      throw new PlanException(problems);
    }
    units = ImmutableSet.copyOf(units);
  }

  /**
   * The plan of these units, each by unit number or unit reference number, with surrounding white
   * space removed. Checking it against a qualification resolves them.
   *
   * @param units the units, each by unit number or unit reference number
   * @return the plan of those units
   * @throws PlanException if a unit is {@code null} or blank, or the same text is given twice
   */
  public static Plan of(String... units) {
    checkNotNull(units, "units");
    return of(Arrays.asList(units));
  }

  /**
   * The plan of these units, each by unit number or unit reference number, with surrounding white
   * space removed. Checking it against a qualification resolves them.
   *
   * @param units the units, each by unit number or unit reference number
   * @return the plan of those units
   * @throws PlanException if a unit is {@code null} or blank, or the same text is given twice
   */
  public static Plan of(Collection<String> units) {
    checkNotNull(units, "units");
    Set<String> tokens = new LinkedHashSet<>();
    List<PlanProblem> problems = new ArrayList<>();
    int position = 0;
    for (String unit : units) {
      Optional<PlanProblem> problem = blankOrMissing(unit, position);
      if (problem.isPresent()) {
        problems.add(problem.get());
      } else if (!tokens.add(unit.strip())) {
        problems.add(repeated(position, unit, unit.strip(), unit.strip(), unit.strip()));
      }
      position++;
    }
    if (!problems.isEmpty()) {
      throw new PlanException(problems);
    }
    return new Plan(tokens);
  }

  /**
   * Resolves what a user typed against a qualification, giving the plan of the units' numbers as
   * the qualification declares them.
   *
   * @param qualification the qualification that declares the units
   * @param units the units as typed, each by unit number or unit reference number
   * @return the plan of the units' declared numbers
   * @throws PlanException naming every missing, blank or unknown unit and every unit given twice
   *     (also when once by number and once by reference number, or in two cases)
   */
  public static Plan resolve(Qualification qualification, Collection<String> units) {
    checkNotNull(qualification, "qualification");
    checkNotNull(units, "units");
    List<String> given = new ArrayList<>(units);
    Unit[] found = new Unit[given.size()];
    for (int at = 0; at < given.size(); at++) {
      String raw = given.get(at);
      if (raw != null && !raw.isBlank()) {
        found[at] = qualification.findUnit(raw.strip()).orElse(null);
      }
    }
    Set<String> numbers = new LinkedHashSet<>();
    Map<String, String> firstSpelling = new HashMap<>();
    List<PlanProblem> problems = new ArrayList<>();
    for (int at = 0; at < given.size(); at++) {
      String raw = given.get(at);
      Optional<PlanProblem> blank = blankOrMissing(raw, at);
      if (blank.isPresent()) {
        problems.add(blank.get());
        continue;
      }
      String token = raw.strip();
      Unit unit = found[at];
      if (unit == null) {
        Optional<PlanProblem> split = splitUnit(qualification, given, found, at);
        problems.add(split.isPresent() ? split.get() : notFound(qualification, at, raw, token));
        continue;
      }
      String earlier = firstSpelling.putIfAbsent(unit.number(), token);
      if (earlier != null) {
        problems.add(repeated(at, raw, token, earlier, unit.number()));
        continue;
      }
      numbers.add(unit.number());
    }
    if (!problems.isEmpty()) {
      throw new PlanException(problems);
    }
    return new Plan(numbers);
  }

  /**
   * The problem of an unknown unit that, joined by a space to the unknown unit given next to it,
   * makes a unit number ({@code SHC} then {@code 31}, where {@code SHC 31} is a unit): the typed
   * list was split at a space inside a unit number.
   */
  private static Optional<PlanProblem> splitUnit(
      Qualification q, List<String> given, Unit[] found, int at) {
    for (int other : new int[] {at + 1, at - 1}) {
      if (other < 0 || other >= given.size() || found[other] != null) {
        continue;
      }
      String a = given.get(Math.min(at, other));
      String b = given.get(Math.max(at, other));
      if (a == null || b == null || a.isBlank() || b.isBlank()) {
        continue;
      }
      Optional<Unit> joined = q.findUnit(a.strip() + " " + b.strip());
      if (joined.isPresent()) {
        String number = joined.get().number();
        String token = given.get(at).strip();
        return Optional.of(
            new PlanProblem(
                PlanProblem.Kind.UNKNOWN,
                at,
                given.get(at),
                Optional.of(number),
                "unit \""
                    + token
                    + "\" is not in "
                    + q.code()
                    + ", but \""
                    + a.strip()
                    + " "
                    + b.strip()
                    + "\" is: give \""
                    + number
                    + "\" as one unit, separating units with commas or semicolons, e.g. "
                    + listExample(q, number)));
      }
    }
    return Optional.empty();
  }

  /** A typed list that works for this qualification, starting with {@code first}. */
  private static String listExample(Qualification q, String first) {
    String second = null;
    for (String n : q.units().keySet()) {
      if (!n.equals(first)) {
        second = n;
        break;
      }
    }
    return second == null ? first : first + ", " + second;
  }

  /**
   * The units a typed text holding white space stands for when it is several unit numbers run
   * together with spaces ({@code SHC 31 HSC 024}), found by trying the longest unit number first
   * at each word; empty when the words do not all make units.
   */
  private static Optional<List<String>> runTogether(Qualification q, String token) {
    String[] words = UnitList.normalized(token).split(" ");
    if (words.length < 2 || words.length > MAX_WORDS) {
      return Optional.empty();
    }
    // reach[i]: the length of a unit number starting at word i from which the rest splits, or 0.
    int[] reach = new int[words.length + 1];
    reach[words.length] = -1;
    for (int i = words.length - 1; i >= 0; i--) {
      for (int len = words.length - i; len >= 1; len--) {
        if (reach[i + len] != 0
            && !(i == 0 && len == words.length)
            && q.findUnit(String.join(" ", Arrays.copyOfRange(words, i, i + len))).isPresent()) {
          reach[i] = len;
          break;
        }
      }
    }
    if (reach[0] == 0) {
      return Optional.empty();
    }
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < words.length; i += reach[i]) {
      parts.add(
          q.findUnit(String.join(" ", Arrays.copyOfRange(words, i, i + reach[i])))
              .orElseThrow()
              .number());
    }
    return Optional.of(parts);
  }

  /** A typed unit of more words than this is not taken apart to suggest the units it holds. */
  private static final int MAX_WORDS = 32;

  /**
   * An example of how to name a unit of this qualification: its first unit number (quoted when it
   * holds a space) and, when it holds one, how units are then separated.
   */
  private static String example(Qualification q) {
    if (q.units().isEmpty()) {
      return "a unit number or a unit reference number";
    }
    String number = q.units().keySet().iterator().next();
    if (!UnitList.holdsSpace(number)) {
      return "a unit number such as " + number + " or a unit reference number";
    }
    return "a unit number such as \""
        + number
        + "\" or a unit reference number (unit numbers of "
        + q.code()
        + " hold spaces, so units are separated by commas or semicolons, e.g. "
        + listExample(q, number)
        + ")";
  }

  /**
   * This plan with every unit as the qualification numbers it: the plan itself when it already
   * is, which costs a look-up per unit, otherwise {@link #resolve resolved}.
   *
   * @param qualification the qualification that declares the units
   * @return the plan of the units' declared numbers
   * @throws PlanException if a unit is unknown or given twice; see {@link #resolve}
   */
  public Plan resolvedAgainst(Qualification qualification) {
    checkNotNull(qualification, "qualification");
    Map<String, Unit> declared = qualification.units();
    for (String unit : units) {
      if (!declared.containsKey(unit)) {
        return resolve(qualification, units);
      }
    }
    return this;
  }

  /**
   * {@return whether the plan holds this unit, as given}
   *
   * @param unit the unit number or reference, exactly as given to the plan
   */
  public boolean contains(String unit) {
    return units.contains(unit);
  }

  /** {@return how many units the plan holds} */
  public int size() {
    return units.size();
  }

  /** {@return the units as given, separated by commas, e.g. {@code F1,F2,A3}} */
  @Override
  public String toString() {
    return String.join(",", units);
  }

  private static Optional<PlanProblem> blankOrMissing(String unit, int position) {
    if (unit == null) {
      return Optional.of(
          new PlanProblem(
              PlanProblem.Kind.MISSING,
              position,
              "",
              Optional.empty(),
              "unit "
                  + (position + 1)
                  + " of the plan is missing (null); give a unit number or a unit reference"
                  + " number"));
    }
    if (unit.isBlank()) {
      return Optional.of(
          new PlanProblem(
              PlanProblem.Kind.BLANK,
              position,
              unit,
              Optional.empty(),
              "unit "
                  + (position + 1)
                  + " of the plan is blank (\""
                  + unit
                  + "\"); give a unit number or a unit reference number"));
    }
    return Optional.empty();
  }

  private static PlanProblem repeated(
      int position, String raw, String token, String earlier, String number) {
    return new PlanProblem(
        PlanProblem.Kind.REPEATED,
        position,
        raw,
        Optional.of(number),
        earlier.equals(token)
            ? "unit " + token + " is given twice"
            : "unit " + number + " is given twice, as " + earlier + " and as " + token);
  }

  private static PlanProblem notFound(
      Qualification qualification, int position, String raw, String token) {
    Optional<List<String>> parts = runTogether(qualification, token);
    if (parts.isPresent()) {
      return new PlanProblem(
          PlanProblem.Kind.UNKNOWN,
          position,
          raw,
          Optional.empty(),
          "unit \""
              + token
              + "\" is not in "
              + qualification.code()
              + "; did you mean the units "
              + String.join(", ", parts.get())
              + "? separate units with commas or semicolons"
              + (qualification.hasSpacedUnitNumbers()
                  ? " (unit numbers of " + qualification.code() + " hold spaces, so spaces do not"
                      + " separate units)"
                  : "")
              + ", e.g. "
              + String.join(", ", parts.get()));
    }
    Optional<String> suggestion = nearest(qualification, token);
    return new PlanProblem(
        PlanProblem.Kind.UNKNOWN,
        position,
        raw,
        suggestion,
        "unit \""
            + token
            + "\" is not in "
            + qualification.code()
            + suggestion
                .map(s -> "; did you mean " + quoted(s) + "?")
                .orElse("; give " + example(qualification)));
  }

  /** A unit number as a message names it: in quotes when it holds a space. */
  private static String quoted(String number) {
    return UnitList.holdsSpace(number) ? "\"" + number + "\"" : number;
  }

  /**
   * The one unit number or unit reference number one letter away from {@code token} (ignoring
   * case), if exactly one unit has such a number or reference.
   */
  private static Optional<String> nearest(Qualification qualification, String token) {
    String upper = UnitList.normalized(token).toUpperCase(Locale.ROOT);
    Map<Unit, String> near = new LinkedHashMap<>();
    for (Unit u : qualification.units().values()) {
      if (oneEditApart(upper, UnitList.normalized(u.number()).toUpperCase(Locale.ROOT))) {
        near.putIfAbsent(u, u.number());
      }
      u.reference()
          .filter(r -> oneEditApart(upper, r.value()))
          .ifPresent(r -> near.putIfAbsent(u, r.value()));
    }
    return near.size() == 1 ? Optional.of(near.values().iterator().next()) : Optional.empty();
  }

  /** Whether one letter changed, added or removed turns {@code a} into {@code b}. */
  static boolean oneEditApart(String a, String b) {
    if (Math.abs(a.length() - b.length()) > 1 || a.equals(b)) {
      return false;
    }
    int i = 0;
    while (i < a.length() && i < b.length() && a.charAt(i) == b.charAt(i)) {
      i++;
    }
    if (a.length() == b.length()) {
      return a.substring(i + 1).equals(b.substring(i + 1));
    }
    return a.length() < b.length()
        ? a.substring(i).equals(b.substring(i + 1))
        : a.substring(i + 1).equals(b.substring(i));
  }
}
