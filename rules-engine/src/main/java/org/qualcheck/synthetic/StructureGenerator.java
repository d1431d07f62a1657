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
import org.qualcheck.model.Variant;
import org.qualcheck.rule.AllOf;
import org.qualcheck.rule.Barred;
import org.qualcheck.rule.Bounds;
import org.qualcheck.rule.Cap;
import org.qualcheck.rule.Choose;
import org.qualcheck.rule.Equivalent;
import org.qualcheck.rule.LevelFilter;
import org.qualcheck.rule.Measure;
import org.qualcheck.rule.Rule;
import org.qualcheck.rule.Scope;
import org.qualcheck.rule.Total;
import org.qualcheck.rule.UnitFilter;

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

  /**
   * {@code units} units of 5 credits, each listed in every one of {@code groups} groups, and a rule
   * for each group that at least one unit counts in it: a plan meets the rules exactly when it holds
   * at least as many units as there are groups. Every unit of such a plan can be placed in any
   * group, so a search over placements one unit at a time grows as {@code groups} to the power of
   * the plan's units.
   */
  public static Qualification sharedUnits(int units, int groups) {
    checkArgument(units >= 1 && groups >= 1, "need a unit and a group");
    Qualification.Builder b =
        Qualification.builder("SHARED-" + units + "x" + groups)
            .title(units + " units shared by " + groups + " groups")
            .source("generated: every unit in every group");
    List<String> numbers = new ArrayList<>();
    for (int i = 0; i < units; i++) {
      numbers.add("U" + (i + 1));
      b.unit(new Unit("U" + (i + 1), Optional.empty(), "Unit " + (i + 1), 5, Level.LEVEL_2,
          OptionalInt.empty()));
    }
    for (int g = 0; g < groups; g++) {
      b.group(Group.of("G" + (g + 1), "Group " + (g + 1), numbers));
      b.rule(new Total("one-from-G" + (g + 1), Measure.UNITS, Scope.groups("G" + (g + 1)),
          Optional.empty(), Bounds.atLeast(1)));
    }
    return b.build();
  }

  /**
   * A random structure whose units are heavily shared: each unit is listed in between one and all
   * of {@code groups} groups, groups need a unit or two, credits are bounded from random sets of
   * groups (sometimes at a level, sometimes with a maximum), and there may be a mandatory unit, a
   * barred pair and an equivalence. For comparing the checker with a brute-force reference on the
   * structures where placement matters most.
   */
  public static Qualification sharedGroups(long seed, int units, int groups) {
    checkArgument(units >= 2 && groups >= 1, "need two units and a group");
    SplittableRandom rnd = new SplittableRandom(seed);
    Qualification.Builder b =
        Qualification.builder("SHG" + Long.toHexString(seed))
            .title("Shared-unit structure " + seed)
            .source("generated from seed " + seed);
    Level[] levels = {Level.LEVEL_1, Level.LEVEL_2, Level.LEVEL_3};
    List<String> numbers = new ArrayList<>();
    for (int i = 0; i < units; i++) {
      numbers.add("U" + (i + 1));
      // few distinct credit values, so that many units are interchangeable
      b.unit(new Unit("U" + (i + 1), Optional.empty(), "Unit " + (i + 1), 2 + 2 * rnd.nextInt(3),
          levels[rnd.nextInt(2) + 1], OptionalInt.empty()));
    }
    List<List<String>> members = new ArrayList<>();
    for (int g = 0; g < groups; g++) {
      members.add(new ArrayList<>());
    }
    for (String u : numbers) {
      int listed = 0;
      for (int g = 0; g < groups; g++) {
        if (rnd.nextInt(3) > 0) {
          members.get(g).add(u);
          listed++;
        }
      }
      if (listed == 0) {
        members.get(rnd.nextInt(groups)).add(u);
      }
    }
    List<String> groupIds = new ArrayList<>();
    for (int g = 0; g < groups; g++) {
      if (members.get(g).isEmpty()) {
        members.get(g).add(numbers.get(rnd.nextInt(units)));
      }
      groupIds.add("G" + (g + 1));
      b.group(Group.of("G" + (g + 1), "Group " + (g + 1), members.get(g)));
    }
    for (String id : groupIds) {
      if (rnd.nextInt(4) > 0) {
        b.rule(new Total("units-from-" + id, Measure.UNITS, Scope.groups(id), Optional.empty(),
            rnd.nextInt(3) == 0 ? Bounds.between(1, 2) : Bounds.atLeast(1 + rnd.nextInt(2))));
      }
    }
    for (int k = 0; k < 2; k++) {
      List<String> scope = pick(rnd, groupIds, 1 + rnd.nextInt(groupIds.size()));
      boolean atLevel = rnd.nextBoolean();
      b.rule(new Total("credits-" + (k + 1), Measure.CREDITS, Scope.groups(scope),
          atLevel ? Optional.of(LevelFilter.atLeast(Level.LEVEL_3)) : Optional.empty(),
          rnd.nextInt(3) == 0
              ? Bounds.between(rnd.nextInt(2, 8), rnd.nextInt(8, 20))
              : Bounds.atLeast(rnd.nextInt(2, 12))));
    }
    if (rnd.nextInt(3) == 0) {
      String group = groupIds.get(rnd.nextInt(groupIds.size()));
      String unit = members.get(groupIds.indexOf(group)).get(0);
      if (rnd.nextBoolean()) {
        b.rule(new AllOf("mandatory", Scope.units(List.of(unit))));
      } else {
        // a mandatory group whose unit is also listed in optional groups: it must count here
        b.group(Group.of("M", "Mandatory", List.of(unit)));
        b.rule(new AllOf("mandatory", Scope.groups("M")));
      }
    }
    if (rnd.nextInt(3) == 0) {
      b.rule(new Barred("barred", ImmutableList.copyOf(pick(rnd, numbers, 2))));
    }
    if (rnd.nextInt(3) == 0) {
      b.rule(new Equivalent("equivalent", ImmutableList.copyOf(pick(rnd, numbers, 2))));
    }
    return b.build();
  }

  /**
   * A random structure with caps on what counts and unit attributes: units marked {@code graded},
   * {@code ungraded} or neither (some also {@code imported}), listed in one or two of {@code groups}
   * groups; minimum totals filtered by attribute (as Access to HE diplomas ask of graded and
   * ungraded credits), one or two caps (over a group, over the imported units, over named units or
   * the whole plan, in credits or units), and sometimes a maximum, a mandatory unit, a choose rule,
   * a barred pair or an equivalence. For comparing caps with a brute-force reference.
   */
  public static Qualification capped(long seed, int units, int groups) {
    return capped(seed, units, groups, true);
  }

  /**
   * As {@link #capped(long, int, int)}; without {@code shared}, no unit is listed in two groups
   * and there are no equivalences, so that caps aside each plan is read one way (as exact counting
   * needs).
   */
  public static Qualification capped(long seed, int units, int groups, boolean shared) {
    checkArgument(units >= 2 && groups >= 1, "need two units and a group");
    SplittableRandom rnd = new SplittableRandom(seed);
    Qualification.Builder b =
        Qualification.builder("CAP" + Long.toHexString(seed))
            .title("Capped structure " + seed)
            .source("generated from seed " + seed);
    Level[] levels = {Level.LEVEL_2, Level.LEVEL_3};
    List<String> numbers = new ArrayList<>();
    for (int i = 0; i < units; i++) {
      numbers.add("U" + (i + 1));
      Set<String> attributes = new LinkedHashSet<>();
      int grading = rnd.nextInt(3);
      if (grading < 2) {
        attributes.add(grading == 0 ? "graded" : "ungraded");
      }
      if (rnd.nextInt(3) == 0) {
        attributes.add("imported");
      }
      b.unit(new Unit("U" + (i + 1), Optional.empty(), "Unit " + (i + 1), 1 + rnd.nextInt(4) * 2,
          levels[rnd.nextInt(2)], OptionalInt.empty(), attributes));
    }
    List<List<String>> members = new ArrayList<>();
    for (int g = 0; g < groups; g++) {
      members.add(new ArrayList<>());
    }
    for (String u : numbers) {
      // without sharing, the first units go one to each group, so that no group is left empty
      int g = !shared && members.get(Math.min(groups - 1, numbers.indexOf(u))).isEmpty()
          ? Math.min(groups - 1, numbers.indexOf(u))
          : rnd.nextInt(groups);
      members.get(g).add(u);
      if (shared && groups > 1 && rnd.nextInt(4) == 0) {
        int h = rnd.nextInt(groups);
        if (!members.get(h).contains(u)) {
          members.get(h).add(u);
        }
      }
    }
    List<String> groupIds = new ArrayList<>();
    for (int g = 0; g < groups; g++) {
      if (members.get(g).isEmpty()) {
        members.get(g).add(numbers.get(rnd.nextInt(units)));
      }
      groupIds.add("G" + (g + 1));
      b.group(Group.of("G" + (g + 1), "Group " + (g + 1), members.get(g)));
    }
    b.rule(new Total("total-credits", Measure.CREDITS, Scope.wholePlan(), Optional.empty(),
        Bounds.atLeast(rnd.nextInt(4, 16))));
    if (rnd.nextBoolean()) {
      b.rule(new Total("graded-credits", Measure.CREDITS, Scope.wholePlan(),
          UnitFilter.level(rnd.nextBoolean()
              ? Optional.of(LevelFilter.exactly(Level.LEVEL_3)) : Optional.empty())
              .withAttribute("graded"),
          Bounds.atLeast(rnd.nextInt(1, 8))));
    }
    if (rnd.nextBoolean()) {
      b.rule(new Total("not-graded", Measure.CREDITS, Scope.wholePlan(),
          UnitFilter.none().withoutAttribute("graded"), Bounds.atLeast(rnd.nextInt(1, 6))));
    }
    if (rnd.nextBoolean()) {
      String id = groupIds.get(rnd.nextInt(groupIds.size()));
      b.rule(new Total("units-from-" + id, Measure.UNITS, Scope.groups(id), Optional.empty(),
          Bounds.atLeast(1)));
    }
    int caps = 1 + rnd.nextInt(2);
    for (int k = 0; k < caps; k++) {
      Measure measure = rnd.nextInt(3) == 0 ? Measure.UNITS : Measure.CREDITS;
      long max = measure == Measure.UNITS ? rnd.nextInt(0, 3) : rnd.nextInt(0, 9);
      Scope scope;
      UnitFilter filter = UnitFilter.none();
      switch (rnd.nextInt(4)) {
        case 0 -> scope = Scope.groups(groupIds.get(rnd.nextInt(groupIds.size())));
        case 1 -> {
          scope = Scope.wholePlan();
          filter = filter.withAttribute("imported");
        }
        case 2 -> scope = Scope.units(pick(rnd, numbers, Math.min(units, 1 + rnd.nextInt(3))));
        default -> {
          scope = Scope.wholePlan();
          filter = rnd.nextBoolean() ? filter.withAttribute("ungraded")
              : UnitFilter.level(Optional.of(LevelFilter.atMost(Level.LEVEL_2)));
        }
      }
      b.rule(new Cap("cap-" + (k + 1), measure, scope, filter, max));
    }
    if (rnd.nextInt(3) == 0) {
      b.rule(new Total("max-from-G1", Measure.CREDITS, Scope.groups("G1"), Optional.empty(),
          Bounds.atMost(rnd.nextInt(3, 12))));
    }
    if (rnd.nextInt(3) == 0) {
      b.rule(new AllOf("mandatory", Scope.units(List.of(numbers.get(rnd.nextInt(units))))));
    }
    if (rnd.nextInt(4) == 0 && units >= 3) {
      b.rule(new Choose("choose", ImmutableList.copyOf(pick(rnd, numbers, 3)), Bounds.atMost(1)));
    }
    if (rnd.nextInt(4) == 0) {
      b.rule(new Barred("barred", ImmutableList.copyOf(pick(rnd, numbers, 2))));
    }
    if (shared && rnd.nextInt(4) == 0) {
      b.rule(new Equivalent("equivalent", ImmutableList.copyOf(pick(rnd, numbers, 2))));
    }
    return b.build();
  }

  /**
   * The structure {@code base} with {@code pathways} pathways and {@code endorsements} endorsed
   * titles added, each of one to three random rules over the base's groups and optional units: a
   * minimum of credits or units from a group, a maximum from a group, a mandatory unit or a choice
   * of units. With units listed in two groups in the base, pathways may ask for the same unit in
   * different groups, so each pathway reads a plan its own way.
   *
   * @param seed the seed; the same seed and base give the same structure
   * @param base a structure made by {@link #generate}
   * @param pathways how many pathways to add; zero for none
   * @param endorsements how many endorsed titles to add; zero for none
   * @return the structure with pathways and endorsements
   */
  public static Qualification withVariants(
      long seed, Qualification base, int pathways, int endorsements) {
    SplittableRandom rnd = new SplittableRandom(seed * 31 + 7);
    Qualification.Builder b =
        Qualification.builder(base.code()).title(base.title()).source(base.source());
    base.units().values().forEach(b::unit);
    base.groups().values().forEach(b::group);
    // the common rules keep the mandatory rule and each rule only with even odds, so that pathways
    // decide the verdict often
    for (Rule r : base.rules()) {
      if (r.id().equals("mandatory") || r instanceof Equivalent || rnd.nextBoolean()) {
        b.rule(r);
      }
    }
    List<String> groupIds = new ArrayList<>(base.groups().keySet());
    List<String> optionalUnits = new ArrayList<>();
    for (Group g : base.groups().values()) {
      if (!g.id().equals("M")) {
        g.units().stream().filter(u -> !optionalUnits.contains(u)).forEach(optionalUnits::add);
      }
    }
    for (int p = 0; p < pathways; p++) {
      b.pathway(Variant.of("P" + (p + 1), "Pathway " + (p + 1),
          variantRules(rnd, "p" + (p + 1), groupIds, optionalUnits)));
    }
    for (int e = 0; e < endorsements; e++) {
      b.endorsement(Variant.of("E" + (e + 1), "Endorsed title " + (e + 1),
          variantRules(rnd, "e" + (e + 1), groupIds, optionalUnits)));
    }
    return b.build();
  }

  /**
   * A structure as {@link #generate} makes it, with the rules learner records bring: totals and
   * caps that count only units obtained in certain ways (at most so many credits through prior
   * learning and transfer, and on exempted credits at a level, each a cap or a ban with even odds;
   * sometimes a minimum of assessed credits) and, mostly, a time limit of a few years.
   */
  public static Qualification withRecordRules(long seed, Settings s) {
    Qualification base = generate(seed, s);
    SplittableRandom rnd = new SplittableRandom(~seed);
    Qualification.Builder b =
        Qualification.builder(base.code()).title(base.title()).source(base.source());
    base.units().values().forEach(b::unit);
    base.groups().values().forEach(b::group);
    base.rules().forEach(b::rule);
    java.util.Set<org.qualcheck.record.Via> priorLearning =
        java.util.EnumSet.of(org.qualcheck.record.Via.RPL, org.qualcheck.record.Via.TRANSFER);
    if (rnd.nextBoolean()) {
      // as Access to HE diplomas say it: at most so many credits through prior learning count
      b.rule(new Cap("prior-learning", Measure.CREDITS, Scope.wholePlan(), UnitFilter.none(),
          rnd.nextInt(2, 12), priorLearning));
    } else {
      b.rule(new Total("prior-learning", Measure.CREDITS, Scope.wholePlan(), Optional.empty(),
          Bounds.atMost(rnd.nextInt(2, 12)), priorLearning));
    }
    java.util.Set<org.qualcheck.record.Via> exempted =
        java.util.EnumSet.of(org.qualcheck.record.Via.EXEMPTION);
    if (rnd.nextBoolean()) {
      b.rule(new Cap("exempted", Measure.CREDITS, Scope.wholePlan(),
          UnitFilter.level(Optional.of(LevelFilter.atLeast(Level.LEVEL_2))), rnd.nextInt(0, 8),
          exempted));
    } else {
      b.rule(new Total("exempted", Measure.CREDITS, Scope.wholePlan(),
          Optional.of(LevelFilter.atLeast(Level.LEVEL_2)), Bounds.atMost(rnd.nextInt(0, 8)),
          exempted));
    }
    if (rnd.nextBoolean()) {
      b.rule(new Total("assessed", Measure.UNITS, Scope.wholePlan(), Optional.empty(),
          Bounds.atLeast(rnd.nextInt(1, 3)),
          java.util.EnumSet.of(org.qualcheck.record.Via.ASSESSMENT)));
    }
    if (rnd.nextInt(4) > 0) {
      b.timeLimitYears(rnd.nextInt(1, 4));
    }
    return b.build();
  }

  private static List<Rule> variantRules(
      SplittableRandom rnd, String prefix, List<String> groupIds, List<String> optionalUnits) {
    List<Rule> rules = new ArrayList<>();
    int n = 1 + rnd.nextInt(3);
    for (int k = 0; k < n; k++) {
      String id = prefix + "-" + (k + 1);
      String group = groupIds.get(rnd.nextInt(groupIds.size()));
      switch (rnd.nextInt(5)) {
        case 0 -> rules.add(new Total(id, Measure.CREDITS, Scope.groups(group), Optional.empty(),
            Bounds.atLeast(rnd.nextInt(1, 12))));
        case 1 -> rules.add(new Total(id, Measure.UNITS, Scope.groups(group), Optional.empty(),
            Bounds.atLeast(rnd.nextInt(1, 3))));
        case 2 -> rules.add(new Total(id, Measure.CREDITS, Scope.groups(group), Optional.empty(),
            Bounds.atMost(rnd.nextInt(2, 14))));
        case 3 -> {
          if (!optionalUnits.isEmpty()) {
            rules.add(new AllOf(id,
                Scope.units(List.of(optionalUnits.get(rnd.nextInt(optionalUnits.size()))))));
          }
        }
        default -> {
          if (optionalUnits.size() >= 2) {
            rules.add(new Choose(id, ImmutableList.copyOf(pick(rnd, optionalUnits, 2)),
                Bounds.atLeast(1)));
          }
        }
      }
    }
    return rules;
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
