package org.qualcheck.synthetic;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.SplittableRandom;
import org.qualcheck.model.CheckCharacters;
import org.qualcheck.model.Group;
import org.qualcheck.model.Level;
import org.qualcheck.model.Qualification;
import org.qualcheck.model.Unit;
import org.qualcheck.model.UnitReference;
import org.qualcheck.rule.AllOf;
import org.qualcheck.rule.Barred;
import org.qualcheck.rule.Bounds;
import org.qualcheck.rule.Choose;
import org.qualcheck.rule.Equivalent;
import org.qualcheck.rule.LevelFilter;
import org.qualcheck.rule.Measure;
import org.qualcheck.rule.Scope;
import org.qualcheck.rule.Total;

/**
 * Makes random qualifications from a seed, for property tests and benchmarks. The same seed and
 * settings always give the same structure.
 *
 * <p>Structures look like real rules of combination: a mandatory group, optional groups with "at
 * least one unit" rules, an optional-credit minimum, credits at a level, a total, and (as the
 * settings allow) maxima, choose-N rules, barred pairs, equivalent units and units listed in two
 * groups.
 */
public final class StructureGenerator {
  /** What kinds of structure to make. */
  public record Settings(
      int units,
      int optionalGroups,
      boolean maxima,
      int barredPairs,
      int equivalences,
      int sharedUnits,
      boolean chooseRules,
      boolean guidedLearningHours) {
    public Settings {
      checkArgument(units >= 2, "need at least two units");
      checkArgument(optionalGroups >= 1, "need an optional group");
    }

    /** Only mandatory units and minimum rules, no barred pairs, equivalences or shared units. */
    public static Settings minimaOnly(int units, int optionalGroups) {
      return new Settings(units, optionalGroups, false, 0, 0, 0, false, false);
    }

    /** Every rule kind. */
    public static Settings everything(int units, int optionalGroups) {
      return new Settings(units, optionalGroups, true, 2, 1, 2, true, true);
    }
  }

  private StructureGenerator() {}

  public static Qualification generate(long seed, Settings s) {
    SplittableRandom rnd = new SplittableRandom(seed);
    Qualification.Builder b =
        Qualification.builder("SYN" + Long.toHexString(seed))
            .title("Synthetic structure " + seed)
            .source("generated from seed " + seed);
    List<String> numbers = new ArrayList<>();
    Level[] levels = {Level.LEVEL_1, Level.LEVEL_2, Level.LEVEL_3};
    for (int i = 0; i < s.units(); i++) {
      String number = "U" + (i + 1);
      numbers.add(number);
      b.unit(
          new Unit(
              number,
              Optional.of(reference(i)),
              "Unit " + (i + 1),
              1 + rnd.nextInt(8),
              levels[rnd.nextInt(levels.length)],
              s.guidedLearningHours() ? OptionalInt.of(5 * rnd.nextInt(1, 13)) : OptionalInt.empty()));
    }
    int mandatory = Math.max(1, Math.min(2, s.units() / 6));
    List<String> groupIds = new ArrayList<>();
    b.group(Group.of("M", "Mandatory", numbers.subList(0, mandatory)));
    List<List<String>> optional = new ArrayList<>();
    for (int g = 0; g < s.optionalGroups(); g++) {
      optional.add(new ArrayList<>());
    }
    for (int i = mandatory; i < numbers.size(); i++) {
      optional.get((i - mandatory) % s.optionalGroups()).add(numbers.get(i));
    }
    for (int k = 0; k < s.sharedUnits() && s.optionalGroups() > 1; k++) {
      String u = numbers.get(mandatory + rnd.nextInt(numbers.size() - mandatory));
      int g = rnd.nextInt(s.optionalGroups());
      if (!optional.get(g).contains(u)) {
        optional.get(g).add(u);
      }
    }
    for (int g = 0; g < s.optionalGroups(); g++) {
      String id = "G" + (g + 1);
      groupIds.add(id);
      b.group(Group.of(id, "Optional group " + (g + 1), optional.get(g)));
    }
    b.rule(new AllOf("mandatory", Scope.groups("M")));
    for (String id : groupIds) {
      if (rnd.nextInt(3) > 0) {
        b.rule(new Total("one-from-" + id, Measure.UNITS, Scope.groups(id), Optional.empty(),
            Bounds.atLeast(1)));
      }
    }
    b.rule(new Total("optional-credits", Measure.CREDITS, Scope.groups(groupIds), Optional.empty(),
        s.maxima() && rnd.nextBoolean()
            ? Bounds.between(rnd.nextInt(4, 12), rnd.nextInt(12, 30))
            : Bounds.atLeast(rnd.nextInt(4, 16))));
    b.rule(new Total("level-credits", Measure.CREDITS, Scope.groups(groupIds),
        Optional.of(rnd.nextBoolean() ? LevelFilter.exactly(Level.LEVEL_2)
            : LevelFilter.atLeast(Level.LEVEL_2)),
        Bounds.atLeast(rnd.nextInt(2, 10))));
    b.rule(new Total("total-credits", Measure.CREDITS, Scope.wholePlan(), Optional.empty(),
        Bounds.atLeast(rnd.nextInt(6, 24))));
    if (s.maxima()) {
      String id = groupIds.get(rnd.nextInt(groupIds.size()));
      b.rule(new Total("max-from-" + id, Measure.CREDITS, Scope.groups(id), Optional.empty(),
          Bounds.atMost(rnd.nextInt(4, 14))));
    }
    if (s.guidedLearningHours()) {
      b.rule(new Total("glh", Measure.GUIDED_LEARNING_HOURS, Scope.wholePlan(), Optional.empty(),
          Bounds.atLeast(rnd.nextInt(10, 80))));
    }
    List<String> optionalUnits = numbers.subList(mandatory, numbers.size());
    if (s.chooseRules() && optionalUnits.size() >= 3) {
      List<String> set = pick(rnd, optionalUnits, 3);
      b.rule(new Choose("choose", ImmutableList.copyOf(set),
          rnd.nextBoolean() ? Bounds.atMost(1) : Bounds.between(1, 2)));
    }
    for (int k = 0; k < s.barredPairs() && optionalUnits.size() >= 2; k++) {
      b.rule(new Barred("barred-" + (k + 1),
          ImmutableList.copyOf(pick(rnd, optionalUnits, 2))));
    }
    for (int k = 0; k < s.equivalences() && optionalUnits.size() >= 2; k++) {
      b.rule(new Equivalent("equivalent-" + (k + 1),
          ImmutableList.copyOf(pick(rnd, optionalUnits, 2))));
    }
    return b.build();
  }

  private static List<String> pick(SplittableRandom rnd, List<String> from, int k) {
    Set<String> out = new LinkedHashSet<>();
    while (out.size() < k) {
      out.add(from.get(rnd.nextInt(from.size())));
    }
    return new ArrayList<>(out);
  }

  /** A unit reference number with a correct check letter, distinct for each index. */
  static UnitReference reference(int i) {
    String digits = String.format("%07d", 7000000 + i);
    String text = "X/" + digits.substring(0, 3) + "/" + digits.substring(3);
    char letter = CheckCharacters.unitReferenceLetter(digits);
    return new UnitReference(letter + text.substring(1));
  }
}
