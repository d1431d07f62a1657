package org.qualcheck.model;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.qualcheck.rule.AllOf;
import org.qualcheck.rule.Barred;
import org.qualcheck.rule.Cap;
import org.qualcheck.rule.Choose;
import org.qualcheck.rule.Equivalent;
import org.qualcheck.rule.Rule;
import org.qualcheck.rule.Total;

/**
 * A qualification: its units, the groups they are printed in, and its rules of combination.
 *
 * <p>Immutable and safe to share between threads. Construction checks that every group and rule
 * names only declared units and groups, and that unit numbers, group ids and rule ids are unique;
 * the spec reader reports the same problems with file positions before it gets here.
 */
public final class Qualification {
  private final String code;
  private final String title;
  private final Optional<QualificationNumber> number;
  private final String source;
  private final Level lowestLevel;
  private final Level highestLevel;
  private final OptionalInt timeLimitYears;
  private final ImmutableMap<String, Unit> units;
  private final ImmutableMap<String, Group> groups;
  private final ImmutableList<Rule> rules;
  private final ImmutableList<Variant> pathways;
  private final ImmutableList<Variant> endorsements;
  private final ImmutableMap<String, SourceLocation> locations;
  private final ImmutableMap<String, Unit> unitsByReference;
  /** Units by unit number in {@link #folded folded} case; no two numbers fold together. */
  private final ImmutableMap<String, Unit> unitsByFoldedNumber;
  private final ImmutableSet<String> impliedRules;
  private final boolean spacedUnitNumbers;

  private Qualification(Builder b) {
    checkArgument(b.code != null && !b.code.isBlank(), "a qualification needs a code");
    this.code = b.code;
    this.title = checkNotNull(b.title, "title");
    this.number = checkNotNull(b.number, "number");
    this.source = checkNotNull(b.source, "source");
    this.lowestLevel = checkNotNull(b.lowestLevel, "lowestLevel");
    this.highestLevel = checkNotNull(b.highestLevel, "highestLevel");
    this.timeLimitYears = checkNotNull(b.timeLimitYears, "timeLimitYears");
    if (timeLimitYears.isPresent()) {
      int y = timeLimitYears.getAsInt();
      checkArgument(y >= 1, "a time limit is at least one year, not %s", y);
    }
    checkArgument(
        lowestLevel.compareTo(highestLevel) <= 0,
        "the lowest allowed level %s is above the highest %s",
        lowestLevel,
        highestLevel);
    this.units = ImmutableMap.copyOf(b.units);
    this.groups = ImmutableMap.copyOf(b.groups);
    this.rules = ImmutableList.copyOf(b.rules);
    this.pathways = ImmutableList.copyOf(b.pathways);
    this.endorsements = ImmutableList.copyOf(b.endorsements);
    this.locations = ImmutableMap.copyOf(b.locations);
    this.impliedRules = ImmutableSet.copyOf(b.impliedRules);
    Map<String, Unit> byReference = new LinkedHashMap<>();
    for (Unit u : units.values()) {
      if (u.reference().isPresent()) {
        byReference.putIfAbsent(u.reference().get().value(), u);
      }
    }
    this.unitsByReference = ImmutableMap.copyOf(byReference);
    checkUnambiguous(units.values());
    Map<String, Unit> byFolded = new LinkedHashMap<>();
    for (Unit u : units.values()) {
      byFolded.put(folded(u.number()), u);
    }
    this.unitsByFoldedNumber = ImmutableMap.copyOf(byFolded);
    // loops rather than streams and lambdas here: a qualification is built on every command's
    // start-up (and lint builds one per rule it weighs), before their call sites are linked
    boolean spaced = false;
    for (String number : units.keySet()) {
      spaced |= UnitList.holdsSpace(number);
    }
    this.spacedUnitNumbers = spaced;
    for (Group g : groups.values()) {
      for (String u : g.units()) {
        checkArgument(units.containsKey(u), "group %s names unit %s, which is not declared", g.id(), u);
      }
    }
    Set<String> ruleIds = new HashSet<>();
    for (Rule r : allRules()) {
      checkArgument(ruleIds.add(r.id()), "two rules have the id %s", r.id());
      for (String u : unitsNamedBy(r)) {
        checkArgument(units.containsKey(u), "rule %s names unit %s, which is not declared", r.id(), u);
      }
      for (String g : groupsNamedBy(r)) {
        checkArgument(groups.containsKey(g), "rule %s names group %s, which is not declared", r.id(), g);
      }
    }
    checkVariants(pathways, "pathway");
    checkVariants(endorsements, "endorsement");
    for (String id : impliedRules) {
      checkArgument(ruleIds.contains(id), "rule %s is marked implied but there is no such rule", id);
    }
  }

  private static void checkVariants(List<Variant> variants, String noun) {
    Set<String> ids = new HashSet<>();
    for (Variant v : variants) {
      checkArgument(ids.add(v.id()), "two %ss have the id %s", noun, v.id());
    }
  }

  /** The common rules, then each pathway's, then each endorsement's. */
  private List<Rule> allRules() {
    List<Rule> all = new java.util.ArrayList<>(rules);
    for (Variant p : pathways) {
      all.addAll(p.rules());
    }
    for (Variant e : endorsements) {
      all.addAll(e.rules());
    }
    return all;
  }

  /**
   * Every way of naming a unit names one unit: unit numbers differ in more than case and spacing
   * (plans may name units in any case, and a run of spaces in a plan matches one space), no two units share a unit reference number, and no unit number is
   * another unit's unit reference number.
   */
  private static void checkUnambiguous(Collection<Unit> units) {
    Map<String, Unit> byName = new java.util.HashMap<>();
    for (Unit u : units) {
      Unit other = byName.putIfAbsent(folded(u.number()), u);
      checkArgument(
          other == null,
          "unit numbers %s and %s differ only in case or spacing",
          other == null ? null : other.number(),
          u.number());
    }
    for (Unit u : units) {
      if (u.reference().isPresent()) {
        Unit other = byName.putIfAbsent(folded(u.reference().get().value()), u);
        checkArgument(
            other == null || other == u,
            "unit %s has the unit reference number %s, which also names unit %s",
            u.number(),
            u.reference().get(),
            other == null ? "" : other.number());
      }
    }
  }

  /** A unit number or typed unit as plans match it: {@link UnitList#key}. */
  private static String folded(String text) {
    return UnitList.key(text);
  }

  /**
   * {@return the units a rule names directly (not through groups)}
   *
   * @param rule the rule whose directly named units are wanted
   */
  public static List<String> unitsNamedBy(Rule rule) {
    return rule.accept(NAMED_UNITS);
  }

  /**
   * {@return the groups a rule names}
   *
   * @param rule the rule whose named groups are wanted
   */
  public static List<String> groupsNamedBy(Rule rule) {
    return rule.accept(NAMED_GROUPS);
  }

  private static final Rule.Visitor<List<String>> NAMED_UNITS =
      new Rule.Visitor<>() {
        @Override
        public List<String> visitAllOf(AllOf rule) {
          return rule.scope().units();
        }

        @Override
        public List<String> visitTotal(Total rule) {
          return rule.scope().units();
        }

        @Override
        public List<String> visitCap(Cap rule) {
          return rule.scope().units();
        }

        @Override
        public List<String> visitChoose(Choose rule) {
          return rule.units();
        }

        @Override
        public List<String> visitBarred(Barred rule) {
          return rule.units();
        }

        @Override
        public List<String> visitEquivalent(Equivalent rule) {
          return rule.units();
        }
      };

  private static final Rule.Visitor<List<String>> NAMED_GROUPS =
      new Rule.Visitor<>() {
        @Override
        public List<String> visitAllOf(AllOf rule) {
          return rule.scope().groups();
        }

        @Override
        public List<String> visitTotal(Total rule) {
          return rule.scope().groups();
        }

        @Override
        public List<String> visitCap(Cap rule) {
          return rule.scope().groups();
        }

        @Override
        public List<String> visitChoose(Choose rule) {
          return List.of();
        }

        @Override
        public List<String> visitBarred(Barred rule) {
          return List.of();
        }

        @Override
        public List<String> visitEquivalent(Equivalent rule) {
          return List.of();
        }
      };

  /**
   * {@return a builder for a qualification with this code}
   *
   * @param code the awarding body's code for the qualification, such as the scheme code {@code
   *     03455}
   */
  public static Builder builder(String code) {
    return new Builder(code);
  }

  /**
   * {@return the years within which a learner's units must be achieved, counted from their
   * registration; empty when the qualification sets no limit}
   */
  public OptionalInt timeLimitYears() {
    return timeLimitYears;
  }

  /** {@return the awarding body's code, e.g. the scheme code {@code 03455}} */
  public String code() {
    return code;
  }

  /** {@return the title as the awarding body prints it} */
  public String title() {
    return title;
  }

  /** {@return the regulated qualification number, if given} */
  public Optional<QualificationNumber> number() {
    return number;
  }

  /** {@return where the structure was taken from: document, edition, page} */
  public String source() {
    return source;
  }

  /** {@return the lowest unit level this qualification allows} */
  public Level lowestLevel() {
    return lowestLevel;
  }

  /** {@return the highest unit level this qualification allows} */
  public Level highestLevel() {
    return highestLevel;
  }

  /** {@return the units by unit number, in declaration order} */
  public Map<String, Unit> units() {
    return units;
  }

  /** {@return the groups by id, in declaration order} */
  public Map<String, Group> groups() {
    return groups;
  }

  /**
   * {@return whether some unit number holds a space (City &amp; Guilds' {@code SHC 31}); a typed
   * list of this qualification's units is then separated by commas or semicolons only, see {@link
   * UnitList}}
   */
  public boolean hasSpacedUnitNumbers() {
    return spacedUnitNumbers;
  }

  /**
   * {@return the rules of combination, in the spec's order: with pathways, the rules common to all
   * of them}
   */
  public List<Rule> rules() {
    return rules;
  }

  /**
   * {@return the pathways, in the spec's order; empty when the qualification has one way to be
   * achieved, by its common rules alone}
   */
  public List<Variant> pathways() {
    return pathways;
  }

  /** {@return the endorsed titles, in the spec's order; they never decide achievement} */
  public List<Variant> endorsements() {
    return endorsements;
  }

  /**
   * The ways of achieving the qualification, each as a qualification without pathways whose rules
   * are the common rules followed by one pathway's: one per pathway in order, or this
   * qualification alone (without its endorsements) when it has no pathways. A plan achieves this
   * qualification exactly when it achieves one of them; each is checked on its own, so a unit
   * listed in two groups may be placed differently for different pathways.
   *
   * @return one qualification per pathway, in order
   */
  public List<Qualification> routes() {
    if (pathways.isEmpty()) {
      return List.of(endorsements.isEmpty() ? this : withRules(rules));
    }
    ImmutableList.Builder<Qualification> routes = ImmutableList.builder();
    for (Variant p : pathways) {
      routes.add(withRules(concat(rules, p.rules())));
    }
    return routes.build();
  }

  /**
   * The ways of achieving the qualification with an endorsed title: each of {@link #routes} with the
   * endorsement's rules added after its own.
   *
   * @param endorsement the id of one of {@link #endorsements}
   * @return one qualification per pathway (one if there are none), in order
   */
  public List<Qualification> routesWith(String endorsement) {
    Variant e =
        endorsements.stream()
            .filter(v -> v.id().equals(endorsement))
            .findFirst()
            .orElseThrow(
                () -> new IllegalArgumentException("there is no endorsement " + endorsement));
    ImmutableList.Builder<Qualification> routes = ImmutableList.builder();
    for (Qualification r : routes()) {
      routes.add(r.withRules(concat(r.rules(), e.rules())));
    }
    return routes.build();
  }

  private static List<Rule> concat(List<Rule> a, List<Rule> b) {
    return ImmutableList.<Rule>builder().addAll(a).addAll(b).build();
  }

  /**
   * This qualification's units, groups and locations with these rules in place of its rules and no
   * pathways or endorsements; marks of implied rules are kept for the rules still present.
   */
  private Qualification withRules(List<Rule> newRules) {
    Builder b =
        builder(code).title(title).source(source).levels(lowestLevel, highestLevel);
    number.ifPresent(b::number);
    units.values().forEach(b::unit);
    groups.values().forEach(b::group);
    newRules.forEach(b::rule);
    locations.forEach(b::location);
    Set<String> ids = new HashSet<>();
    newRules.forEach(r -> ids.add(r.id()));
    impliedRules.stream().filter(ids::contains).forEach(b::implied);
    return b.build();
  }

  /**
   * {@return the unit with exactly this unit number, if declared}
   *
   * @param number the unit number, matched exactly
   */
  public Optional<Unit> unit(String number) {
    return Optional.ofNullable(units.get(number));
  }

  /**
   * The unit with this unit number or unit reference number, in any case and spacing: {@code f1}
   * finds {@code F1}, {@code shc  31} finds {@code SHC 31} and {@code f/601/1609} finds {@code
   * F/601/1609} (white space around the text is ignored, and a run of it inside matches one space;
   * see {@link UnitList}). This is unambiguous because a qualification refuses unit numbers that
   * differ only in case or spacing.
   *
   * @param numberOrReference a unit number or unit reference number, in any case
   * @return the unit so numbered, or empty if none is declared
   */
  public Optional<Unit> findUnit(String numberOrReference) {
    Unit unit = units.get(numberOrReference);
    if (unit == null) {
      unit = unitsByReference.get(numberOrReference);
    }
    if (unit == null) {
      unit = unitsByFoldedNumber.get(folded(numberOrReference));
    }
    if (unit == null) {
      unit = unitsByReference.get(numberOrReference.strip().toUpperCase(Locale.ROOT));
    }
    return Optional.ofNullable(unit);
  }


  /**
   * {@return the credits of these declared units added up, e.g. a group's or a plan's}
   *
   * @param unitNumbers the unit numbers to add up; each must be declared
   */
  public int credits(Collection<String> unitNumbers) {
    int sum = 0;
    for (String u : unitNumbers) {
      Unit unit = units.get(u);
      checkArgument(unit != null, "unit %s is not declared in %s", u, code);
      sum += unit.credits();
    }
    return sum;
  }

  /**
   * {@return the groups listing this unit, in declaration order}
   *
   * @param unitNumber the unit number to look for
   */
  public List<Group> groupsOf(String unitNumber) {
    return groups.values().stream()
        .filter(g -> g.contains(unitNumber))
        .collect(ImmutableList.toImmutableList());
  }

  /**
   * Where a part of the spec was written, if the qualification was read from a file. Keys are
   * {@code unit:<number>}, {@code group:<id>} and {@code rule:<id>}.
   *
   * @param key {@code unit:}, {@code group:} or {@code rule:} followed by the part's number or id
   * @return where that part was written, or empty if unknown
   */
  public Optional<SourceLocation> location(String key) {
    return Optional.ofNullable(locations.get(key));
  }

  /**
   * Ids of the rules the spec marks as implied by the others: the source states them although the
   * other rules already require them, and lint confirms that rather than reporting them redundant.
   *
   * @return the ids of the rules marked implied
   */
  public Set<String> impliedRules() {
    return impliedRules;
  }

  /**
   * {@return where each part was written, keyed as for {@link #location}; empty for a qualification
   * built in code}
   */
  public Map<String, SourceLocation> locations() {
    return locations;
  }

  @Override
  public String toString() {
    return code + " " + title;
  }

  /** Collects the parts of a qualification; {@link #build()} checks them together. */
  public static final class Builder {
    private final String code;
    private String title = "";
    private Optional<QualificationNumber> number = Optional.empty();
    private String source = "";
    private Level lowestLevel = Level.ENTRY_1;
    private Level highestLevel = Level.LEVEL_8;
    private OptionalInt timeLimitYears = OptionalInt.empty();
    private final Map<String, Unit> units = new LinkedHashMap<>();
    private final Map<String, Group> groups = new LinkedHashMap<>();
    private final List<Rule> rules = new java.util.ArrayList<>();
    private final List<Variant> pathways = new java.util.ArrayList<>();
    private final List<Variant> endorsements = new java.util.ArrayList<>();
    private final Map<String, SourceLocation> locations = new LinkedHashMap<>();
    private final Set<String> impliedRules = new java.util.LinkedHashSet<>();

    private Builder(String code) {
      this.code = code;
    }

    /**
     * {@return this builder, with the qualification's title set}
     *
     * @param title the qualification's title
     */
    public Builder title(String title) {
      this.title = title;
      return this;
    }

    /**
     * {@return this builder, with the regulated qualification number set}
     *
     * @param number the qualification's regulated number
     */
    public Builder number(QualificationNumber number) {
      this.number = Optional.of(number);
      return this;
    }

    /**
     * {@return this builder, with the source document set}
     *
     * @param source where the structure was taken from: document, edition, page
     */
    public Builder source(String source) {
      this.source = source;
      return this;
    }

    /**
     * {@return this builder, with the lowest and highest unit levels allowed set}
     *
     * @param lowest the lowest level a unit may have
     * @param highest the highest level a unit may have
     */
    public Builder levels(Level lowest, Level highest) {
      this.lowestLevel = lowest;
      this.highestLevel = highest;
      return this;
    }

    /**
     * {@return this builder, with the qualification's time limit set}
     *
     * @param years the years, at least one, within which a learner's units must be achieved,
     *     counted from their registration
     */
    public Builder timeLimitYears(int years) {
      this.timeLimitYears = OptionalInt.of(years);
      return this;
    }

    /**
     * {@return this builder, with the unit declared; a unit number may be declared once}
     *
     * @param unit the unit to declare
     */
    public Builder unit(Unit unit) {
      checkArgument(
          units.putIfAbsent(unit.number(), unit) == null, "unit %s is declared twice", unit.number());
      return this;
    }

    /**
     * {@return this builder, with the group declared; a group id may be declared once}
     *
     * @param group the group to declare
     */
    public Builder group(Group group) {
      checkArgument(
          groups.putIfAbsent(group.id(), group) == null, "group %s is declared twice", group.id());
      return this;
    }

    /**
     * {@return this builder, with the rule added after those already added}
     *
     * @param rule the rule to add
     */
    public Builder rule(Rule rule) {
      rules.add(rule);
      return this;
    }

    /**
     * {@return this builder, with a pathway added after those already added; a qualification with
     * pathways is achieved by its common rules and every rule of at least one pathway}
     *
     * @param pathway the pathway to add; its id and rule ids must be unique
     */
    public Builder pathway(Variant pathway) {
      pathways.add(checkNotNull(pathway, "pathway"));
      return this;
    }

    /**
     * {@return this builder, with an endorsed title added after those already added}
     *
     * @param endorsement the endorsed title to add; its id and rule ids must be unique
     */
    public Builder endorsement(Variant endorsement) {
      endorsements.add(checkNotNull(endorsement, "endorsement"));
      return this;
    }

    /**
     * Marks a rule as implied by the others, as the spec's {@code implied: true} does.
     *
     * @param ruleId the id of the rule to mark implied
     * @return this builder
     */
    public Builder implied(String ruleId) {
      impliedRules.add(checkNotNull(ruleId, "ruleId"));
      return this;
    }

    /**
     * {@return this builder, recording where a part was written; keys as for {@link
     * Qualification#location}}
     *
     * @param key {@code unit:}, {@code group:} or {@code rule:} followed by the part's number or id
     * @param location where the part was written
     */
    public Builder location(String key, SourceLocation location) {
      locations.put(key, location);
      return this;
    }

    /** {@return the qualification, once its parts are checked together} */
    public Qualification build() {
      return new Qualification(this);
    }
  }
}
