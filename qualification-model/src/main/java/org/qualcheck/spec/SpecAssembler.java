package org.qualcheck.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import org.qualcheck.model.Group;
import org.qualcheck.model.Level;
import org.qualcheck.model.PrintableText;
import org.qualcheck.model.Qualification;
import org.qualcheck.model.QualificationNumber;
import org.qualcheck.model.SourceLocation;
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
 * Checks that a schema-valid spec tree hangs together (names are unique, every name used is
 * declared, every unit taken from a catalogue is in one, minimums do not exceed maximums) and then
 * builds the {@link Qualification} from it.
 *
 * <p>Runs only on trees the schema accepted, so it may rely on the shape: required keys are present
 * and values have the right types.
 */
final class SpecAssembler {
  private final LocatedTree tree;
  private final JsonNode root;
  private final Catalogues catalogues;
  private final List<SpecProblem> problems = new ArrayList<>();

  private SpecAssembler(LocatedTree tree, Catalogues catalogues) {
    this.tree = tree;
    this.root = tree.root();
    this.catalogues = catalogues;
  }

  /**
   * The qualification the tree describes, taking units from these catalogues; throws {@link
   * SpecException} if it does not hang together.
   */
  static Qualification assemble(LocatedTree tree, Catalogues catalogues) {
    return new SpecAssembler(tree, catalogues).run();
  }

  /**
   * The problems with names in a tree that the schema refused: names not declared, declared or
   * listed twice, minimums above maximums. The schema's problems say what is malformed; these say
   * what else is wrong, so a designer sees every mistake at once. Parts too malformed to judge are
   * left to the schema's problems.
   */
  static List<SpecProblem> referenceProblems(LocatedTree tree) {
    SpecAssembler a = new SpecAssembler(tree, null);
    a.checkReferences();
    return a.problems;
  }

  private Qualification run() {
    checkReferences();
    if (!problems.isEmpty()) {
      problems.sort(
          java.util.Comparator.comparingInt((SpecProblem p) -> p.location().line())
              .thenComparingInt(p -> p.location().column()));
      throw new SpecException(YamlTreeReader.capped(problems));
    }
    return build();
  }

  /** Adds the problems with names; on a tree the schema refused, only where it can judge. */
  private void checkReferences() {
    // without catalogues the tree is one the schema refused: catalogue units and levels are left
    // to the schema's problems
    boolean schemaValid = catalogues != null;
    checkIdentifiers();
    Optional<Map<String, SourceLocation>> units = declared("units", "number", "unit", "units");
    checkUnitNumbers();
    if (schemaValid) {
      checkCatalogueUnits();
    }
    Optional<Map<String, SourceLocation>> groups = declared("groups", "id", "group", "groups");
    if (schemaValid) {
      checkLevels();
    }
    JsonNode groupList = root.path("groups");
    for (int i = 0; i < groupList.size(); i++) {
      JsonNode id = groupList.path(i).path("id");
      if (id.isTextual()) {
        checkNames(
            List.of("groups", i, "units"), "group \"" + id.asText() + "\"", units, "unit", "units");
      }
    }
    checkVariantIds("pathways", "pathway");
    checkVariantIds("endorsements", "endorsement");
    Map<String, SourceLocation> ruleIds = new HashMap<>();
    for (RuleList list : ruleLists()) {
      JsonNode rules = tree.node(list.at());
      for (int i = 0; i < rules.size(); i++) {
        JsonNode rule = rules.path(i);
        if (!rule.isObject()) {
          continue;
        }
        String id = list.ruleId(rule, i);
        String name = list.name(rule, i);
        SourceLocation where =
            rule.has("id")
                ? tree.valueAt(append(append(list.at(), i), "id"))
                : tree.valueAt(append(list.at(), i));
        SourceLocation first = ruleIds.putIfAbsent(id, where);
        if (first != null) {
          problems.add(
              new SpecProblem(
                  where,
                  "two rules have the id \""
                      + YamlTreeReader.safe(id)
                      + "\"; the first is on line "
                      + first.line()
                      + ", so give this one another id"));
        }
        Optional<String> kind = kind(rule);
        if (kind.isEmpty()) {
          continue;
        }
        List<Object> base = append(append(list.at(), i), kind.get());
        JsonNode body = rule.get(kind.get());
        if (body.isArray()) {
          checkNames(base, name, units, "unit", "units");
        } else if (body.isObject()) {
          checkNames(append(base, "units"), name, units, "unit", "units");
          checkNames(append(base, "groups"), name, groups, "group", "groups");
          if (body.path("min").isIntegralNumber() && body.path("max").isIntegralNumber()
              && body.get("min").bigIntegerValue().compareTo(body.get("max").bigIntegerValue()) > 0) {
            problems.add(
                new SpecProblem(
                    tree.valueAt(append(base, "min")),
                    name
                        + " has a minimum of "
                        + body.get("min").asText()
                        + " above its maximum of "
                        + body.get("max").asText()
                        + ", so no plan could meet it"));
          }
        }
      }
    }
  }

  /**
   * A list of rules in the spec: the common rules at {@code rules}, or a pathway's or endorsement's
   * at {@code pathways.K.rules}.
   *
   * @param at where the list is
   * @param owner the pathway or endorsement as a sentence names it; empty for the common rules
   * @param prefix what default rule ids start with, so that they are unique across lists
   */
  private record RuleList(List<Object> at, Optional<String> owner, String prefix) {
    String ruleId(JsonNode rule, int index) {
      return rule.path("id").isTextual() ? rule.get("id").asText() : prefix + "rule-" + (index + 1);
    }

    String name(JsonNode rule, int index) {
      JsonNode id = rule.path("id");
      if (id.isTextual() && !id.asText().isBlank()) {
        return "rule \"" + YamlTreeReader.safe(id.asText()) + "\"";
      }
      return "the " + Phrases.ordinal(index + 1) + " rule" + owner.map(o -> " of " + o).orElse("");
    }
  }

  /** The common rules, then each pathway's, then each endorsement's. */
  private List<RuleList> ruleLists() {
    List<RuleList> lists = new ArrayList<>();
    lists.add(new RuleList(List.of("rules"), Optional.empty(), ""));
    for (String section : List.of("pathways", "endorsements")) {
      JsonNode variants = root.path(section);
      for (int k = 0; k < variants.size(); k++) {
        JsonNode id = variants.path(k).path("id");
        String noun = section.substring(0, section.length() - 1);
        String owner =
            id.isTextual()
                ? noun + " \"" + YamlTreeReader.safe(id.asText()) + "\""
                : "the " + Phrases.ordinal(k + 1) + " " + noun;
        lists.add(
            new RuleList(
                List.of(section, k, "rules"),
                Optional.of(owner),
                id.isTextual() ? id.asText() + "-" : noun + "-" + (k + 1) + "-"));
      }
    }
    return lists;
  }

  /** Pathway ids are unique among pathways, endorsement ids among endorsements. */
  private void checkVariantIds(String section, String noun) {
    Map<String, SourceLocation> seen = new HashMap<>();
    JsonNode variants = root.path(section);
    for (int k = 0; k < variants.size(); k++) {
      JsonNode id = variants.path(k).path("id");
      if (!id.isTextual()) {
        continue;
      }
      SourceLocation where = tree.valueAt(List.of(section, k, "id"));
      SourceLocation first = seen.putIfAbsent(id.asText(), where);
      if (first != null) {
        problems.add(
            new SpecProblem(
                where,
                "two "
                    + noun
                    + "s have the id \""
                    + YamlTreeReader.safe(id.asText())
                    + "\"; the first is on line "
                    + first.line()
                    + ", so give this one another id"));
      }
    }
  }

  /**
   * Refuses control characters in every name the spec uses (the qualification's code, unit
   * numbers, group and rule ids, and the names lists refer to), since names are printed as they
   * are and typed back in plans; titles and descriptions may hold them and are escaped when shown.
   */
  private void checkIdentifiers() {
    identifier(List.of("qualification", "code"), "the qualification's code");
    JsonNode units = root.path("units");
    for (int i = 0; i < units.size(); i++) {
      identifier(List.of("units", i, "number"), "a unit number");
      identifiers(List.of("units", i, "attributes"), "an attribute");
    }
    JsonNode groups = root.path("groups");
    for (int i = 0; i < groups.size(); i++) {
      identifier(List.of("groups", i, "id"), "a group id");
      identifiers(List.of("groups", i, "units"), "a unit number");
    }
    for (String section : List.of("pathways", "endorsements")) {
      for (int k = 0; k < root.path(section).size(); k++) {
        identifier(List.of(section, k, "id"), "a " + section.substring(0, section.length() - 1) + " id");
      }
    }
    for (RuleList list : ruleLists()) {
      JsonNode rules = tree.node(list.at());
      for (int i = 0; i < rules.size(); i++) {
        identifier(append(append(list.at(), i), "id"), "a rule id");
        Optional<String> kind = kind(rules.path(i));
        if (kind.isPresent()) {
          List<Object> base = append(append(list.at(), i), kind.get());
          identifiers(base, "a unit number");
          identifiers(append(base, "units"), "a unit number");
          identifiers(append(base, "groups"), "a group id");
          identifier(append(base, "attribute"), "an attribute");
          identifier(append(base, "without-attribute"), "an attribute");
        }
      }
    }
  }

  /** Refuses an attribute listed twice for one unit: the second says nothing, so it is a slip. */
  private void checkAttributes(int unit) {
    JsonNode names = root.path("units").path(unit).path("attributes");
    Set<String> seen = new HashSet<>();
    for (int j = 0; j < names.size(); j++) {
      if (names.get(j).isTextual() && !seen.add(names.get(j).asText())) {
        problems.add(
            new SpecProblem(
                tree.valueAt(List.of("units", unit, "attributes", j)),
                Phrases.item(tree, "units", unit)
                    + " lists the attribute \""
                    + YamlTreeReader.safe(names.get(j).asText())
                    + "\" twice; list each attribute once"));
      }
    }
  }

  private void identifiers(List<Object> at, String what) {
    JsonNode names = tree.node(at);
    if (names.isArray()) {
      for (int j = 0; j < names.size(); j++) {
        identifier(append(at, j), what);
      }
    }
  }

  private void identifier(List<Object> at, String what) {
    JsonNode name = tree.node(at);
    if (!name.isTextual()) {
      return;
    }
    int bad = PrintableText.firstControl(name.asText());
    if (bad >= 0) {
      problems.add(
          new SpecProblem(
              tree.valueAt(at),
              what
                  + " here (\""
                  + YamlTreeReader.safe(name.asText())
                  + "\") holds the control character "
                  + PrintableText.codePointName(name.asText().charAt(bad))
                  + "; names are printed and typed as they are, so they hold only printable"
                  + " characters"));
    }
  }

  /**
   * Refuses unit numbers a plan could not name or could name ambiguously: those holding the
   * characters plans use as separators and comments, two that differ only in case (plans may
   * name units in any case), two units with one unit reference number, and a unit number that is
   * another unit's unit reference number.
   */
  private void checkUnitNumbers() {
    JsonNode units = root.path("units");
    Map<String, Integer> byFoldedNumber = new HashMap<>();
    Map<String, Integer> byReference = new HashMap<>();
    for (int i = 0; i < units.size(); i++) {
      checkAttributes(i);
      JsonNode number = units.path(i).path("number");
      if (!number.isTextual()) {
        continue;
      }
      String n = number.asText();
      SourceLocation where = tree.valueAt(List.of("units", i, "number"));
      for (char c : PLAN_SEPARATORS) {
        if (n.indexOf(c) >= 0) {
          problems.add(
              new SpecProblem(
                  where,
                  "unit number \""
                      + YamlTreeReader.safe(n)
                      + "\" holds \""
                      + c
                      + "\", which plans use "
                      + (c == '#' ? "to start a comment" : "to separate units")
                      + ", so no plan could name the unit; number it without commas, semicolons"
                      + " or #"));
          break;
        }
      }
      Integer other = byFoldedNumber.putIfAbsent(folded(n), i);
      if (other != null && !n.equals(numberOf(other))) {
        problems.add(
            new SpecProblem(
                where,
                "unit numbers \""
                    + YamlTreeReader.safe(n)
                    + "\" and \""
                    + YamlTreeReader.safe(numberOf(other))
                    + "\" (line "
                    + tree.valueAt(List.of("units", other, "number")).line()
                    + ") differ only in case or spacing; plans may name units in any case, and a"
                    + " run of spaces in a plan matches one space, so give them numbers that differ"
                    + " in more than that"));
      }
      Optional<String> reference = referenceOf(units.path(i));
      if (reference.isPresent()) {
        Integer first = byReference.putIfAbsent(reference.get(), i);
        if (first != null) {
          problems.add(
              new SpecProblem(
                  referenceLocation(i),
                  "unit \""
                      + YamlTreeReader.safe(n)
                      + "\" has the unit reference number \""
                      + reference.get()
                      + "\", which unit \""
                      + YamlTreeReader.safe(numberOf(first))
                      + "\" on line "
                      + referenceLocation(first).line()
                      + " also has; a unit reference number stands for one unit, so a plan naming"
                      + " it would be ambiguous"));
        }
      }
    }
    Map<String, Integer> byFoldedReference = new HashMap<>();
    byReference.forEach((r, i) -> byFoldedReference.putIfAbsent(folded(r), i));
    for (int i = 0; i < units.size(); i++) {
      checkAttributes(i);
      JsonNode number = units.path(i).path("number");
      if (!number.isTextual()) {
        continue;
      }
      Integer owner = byFoldedReference.get(folded(number.asText()));
      if (owner != null && owner != i) {
        problems.add(
            new SpecProblem(
                tree.valueAt(List.of("units", i, "number")),
                "unit number \""
                    + YamlTreeReader.safe(number.asText())
                    + "\" is the unit reference number of unit \""
                    + YamlTreeReader.safe(numberOf(owner))
                    + "\" (line "
                    + referenceLocation(owner).line()
                    + "), so a plan naming it would be ambiguous; give this unit another number"));
      }
    }
  }

  private static final char[] PLAN_SEPARATORS = {',', ';', '#'};

  /** A unit number as plans match it: case folded and spacing made single (see UnitList). */
  static String folded(String text) {
    return org.qualcheck.model.UnitList.key(text);
  }

  private String numberOf(int unit) {
    return root.path("units").path(unit).path("number").asText();
  }

  /** The unit reference number a unit declares or takes from a catalogue, if it is text. */
  private static Optional<String> referenceOf(JsonNode unit) {
    JsonNode r = unit.has("from-catalogue") ? unit.get("from-catalogue") : unit.path("reference");
    return r.isTextual() ? Optional.of(r.asText()) : Optional.empty();
  }

  private SourceLocation referenceLocation(int unit) {
    String key = root.path("units").path(unit).has("from-catalogue") ? "from-catalogue" : "reference";
    return tree.valueAt(List.of("units", unit, key));
  }

  /**
   * Unit numbers or group ids with where each is declared, reporting repeats; empty when some
   * declaration is too malformed to name (the schema reports it), so that names are not checked
   * against a partial list.
   */
  private Optional<Map<String, SourceLocation>> declared(
      String list, String key, String noun, String section) {
    Map<String, SourceLocation> seen = new HashMap<>();
    JsonNode items = root.path(list);
    boolean complete = items.isArray() || items.isMissingNode();
    for (int i = 0; i < items.size(); i++) {
      JsonNode name = items.path(i).path(key);
      if (!name.isTextual()) {
        complete = false;
        continue;
      }
      SourceLocation where = tree.valueAt(List.of(list, i, key));
      SourceLocation first = seen.putIfAbsent(name.asText(), where);
      if (first != null) {
        problems.add(
            new SpecProblem(
                where,
                noun
                    + " \""
                    + YamlTreeReader.safe(name.asText())
                    + "\" is declared twice under \""
                    + section
                    + "\"; the first is on line "
                    + first.line()));
      }
    }
    return complete ? Optional.of(seen) : Optional.empty();
  }

  /**
   * Checks a list of unit numbers or group ids: each declared (when the declarations could all be
   * read), none repeated.
   */
  private void checkNames(
      List<Object> at,
      String owner,
      Optional<Map<String, SourceLocation>> declared,
      String noun,
      String section) {
    JsonNode names = tree.node(at);
    if (!names.isArray()) {
      return;
    }
    Map<String, Integer> seen = new HashMap<>();
    for (int j = 0; j < names.size(); j++) {
      if (!names.path(j).isTextual()) {
        continue;
      }
      String name = names.get(j).asText();
      SourceLocation where = tree.valueAt(append(at, j));
      if (declared.isPresent() && !declared.get().containsKey(name)) {
        problems.add(
            new SpecProblem(
                where,
                owner
                    + " names "
                    + noun
                    + " \""
                    + YamlTreeReader.safe(name)
                    + "\", which is not declared under \""
                    + section
                    + "\""));
      }
      if (seen.putIfAbsent(name, j) != null) {
        problems.add(
            new SpecProblem(
                where, owner + " lists " + noun + " \"" + YamlTreeReader.safe(name) + "\" twice"));
      }
    }
  }

  /**
   * Each unit taken from a catalogue must be in a listed catalogue, and a unit written out in full
   * must not contradict a catalogue unit with the same unit reference number.
   */
  private void checkCatalogueUnits() {
    JsonNode units = root.path("units");
    for (int i = 0; i < units.size(); i++) {
      JsonNode u = units.get(i);
      String name = Phrases.item(tree, "units", i);
      if (u.has("from-catalogue")) {
        String reference = u.get("from-catalogue").asText();
        if (catalogues.unit(reference).isEmpty()) {
          problems.add(
              new SpecProblem(
                  tree.valueAt(List.of("units", i, "from-catalogue")),
                  name
                      + " takes \""
                      + reference
                      + "\" from a catalogue, but "
                      + (catalogues.listed().isEmpty()
                          ? "the spec lists no catalogues; list the catalogue that holds it under"
                              + " \"catalogues\""
                          : "no listed catalogue holds that unit reference number; correct it, or"
                              + " list the catalogue that holds it under \"catalogues\"")));
        }
      } else if (u.has("reference")) {
        String reference = u.get("reference").asText();
        SourceLocation where = tree.valueAt(List.of("units", i, "reference"));
        Optional<CatalogueUnit> there = catalogues.unit(reference);
        if (there.isPresent()) {
          CatalogueUnit here =
              new CatalogueUnit(
                  new UnitReference(reference),
                  u.get("title").asText(),
                  u.get("credits").intValue(),
                  level(u.get("level")),
                  glh(u),
                  there.get().attributes(),
                  where);
          List<String> differences = here.differencesFrom(there.get());
          if (!differences.isEmpty()) {
            problems.add(
                new SpecProblem(
                    where,
                    name
                        + " differs from catalogue unit \""
                        + reference
                        + "\" in \""
                        + there.get().location().file()
                        + "\" on line "
                        + there.get().location().line()
                        + ", with "
                        + Phrases.joined(differences, "and")
                        + "; take it with \"from-catalogue: "
                        + reference
                        + "\" instead of writing it out"));
          }
        }
      }
    }
  }

  private void checkLevels() {
    JsonNode levels = root.path("qualification").path("levels");
    if (levels.isObject()) {
      Level low = level(levels.get("lowest"));
      Level high = level(levels.get("highest"));
      if (low.compareTo(high) > 0) {
        problems.add(
            new SpecProblem(
                tree.valueAt(List.of("qualification", "levels", "lowest")),
                "the qualification's lowest level ("
                    + low.label()
                    + ") is above its highest level ("
                    + high.label()
                    + ")"));
      }
    }
  }

  private Qualification build() {
    JsonNode q = root.get("qualification");
    Qualification.Builder b =
        Qualification.builder(q.get("code").asText())
            .title(q.get("title").asText())
            .source(q.get("source").asText());
    if (q.has("number")) {
      b.number(new QualificationNumber(q.get("number").asText()));
      b.location("qualification:number", tree.valueAt(List.of("qualification", "number")));
    }
    if (q.has("levels")) {
      b.levels(level(q.get("levels").get("lowest")), level(q.get("levels").get("highest")));
    }
    if (q.has("time-limit")) {
      b.timeLimitYears(q.get("time-limit").get("years").intValue());
    }
    JsonNode units = root.get("units");
    for (int i = 0; i < units.size(); i++) {
      JsonNode u = units.get(i);
      Unit unit =
          u.has("from-catalogue")
              ? catalogues
                  .unit(u.get("from-catalogue").asText())
                  .orElseThrow(() -> new IllegalStateException("an unresolved catalogue unit"))
                  .numbered(u.get("number").asText())
              : new Unit(
                  u.get("number").asText(),
                  u.has("reference")
                      ? Optional.of(new UnitReference(u.get("reference").asText()))
                      : Optional.empty(),
                  u.get("title").asText(),
                  u.get("credits").intValue(),
                  level(u.get("level")),
                  glh(u));
      if (u.has("attributes")) {
        Set<String> attributes = new LinkedHashSet<>(unit.attributes());
        attributes.addAll(names(u.get("attributes")));
        unit = unit.withAttributes(attributes);
      }
      b.unit(unit).location("unit:" + unit.number(), tree.valueAt(List.of("units", i)));
    }
    JsonNode groups = root.path("groups");
    for (int i = 0; i < groups.size(); i++) {
      JsonNode g = groups.get(i);
      Group group =
          new Group(
              g.get("id").asText(),
              g.get("title").asText(),
              names(g.get("units")),
              g.has("credits") ? OptionalInt.of(g.get("credits").intValue()) : OptionalInt.empty());
      b.group(group).location("group:" + group.id(), tree.valueAt(List.of("groups", i)));
    }
    List<RuleList> lists = ruleLists();
    rules(lists.get(0), b).forEach(b::rule);
    int next = 1;
    for (String section : List.of("pathways", "endorsements")) {
      JsonNode variants = root.path(section);
      for (int k = 0; k < variants.size(); k++) {
        JsonNode v = variants.get(k);
        Variant variant =
            new Variant(
                v.get("id").asText(),
                v.get("title").asText(),
                v.has("description") ? Optional.of(v.get("description").asText()) : Optional.empty(),
                rules(lists.get(next++), b));
        String key = section.substring(0, section.length() - 1) + ":" + variant.id();
        b.location(key, tree.valueAt(List.of(section, k)));
        if (section.equals("pathways")) {
          b.pathway(variant);
        } else {
          b.endorsement(variant);
        }
      }
    }
    try {
      return b.build();
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new SpecException(
          List.of(
              new SpecProblem(
                  tree.valueAt(List.of()),
                  "the qualification does not hang together: " + String.valueOf(e.getMessage()))));
    }
  }

  /** The rules of one list, recording their locations and implied marks in the builder. */
  private List<Rule> rules(RuleList list, Qualification.Builder b) {
    JsonNode rules = tree.node(list.at());
    List<Rule> built = new ArrayList<>();
    for (int i = 0; i < rules.size(); i++) {
      Rule rule = rule(rules.get(i), list.ruleId(rules.get(i), i));
      built.add(rule);
      b.location("rule:" + rule.id(), tree.valueAt(append(list.at(), i)));
      if (rules.get(i).path("implied").asBoolean(false)) {
        b.implied(rule.id());
      }
    }
    return built;
  }

  private static Rule rule(JsonNode node, String id) {
    String kind =
        kind(node).orElseThrow(() -> new IllegalStateException("the schema admits a rule only with a kind"));
    JsonNode body = node.get(kind);
    switch (kind) {
      case "all-of":
        return new AllOf(id, scope(body));
      case "total":
        return new Total(id, measure(body), scope(body), filter(body), bounds(body), via(body));
      case "cap":
        return new Cap(
            id, measure(body), scope(body), filter(body), body.get("max").longValue(), via(body));
      case "choose":
        return new Choose(id, names(body.get("units")), bounds(body));
      case "barred":
        return new Barred(id, names(body));
      case "equivalent":
        return new Equivalent(id, names(body));
      default:
        throw new IllegalStateException("the schema admits no rule kind " + kind);
    }
  }

  /** The unit filter of a total or cap: its level, attribute and without-attribute keys. */
  private static UnitFilter filter(JsonNode body) {
    Optional<LevelFilter> level = Optional.empty();
    if (body.has("level")) {
      JsonNode f = body.get("level");
      String comparison = f.fieldNames().next();
      Level at = level(f.get(comparison));
      level =
          Optional.of(
              comparison.equals("exactly")
                  ? LevelFilter.exactly(at)
                  : comparison.equals("at-least") ? LevelFilter.atLeast(at) : LevelFilter.atMost(at));
    }
    UnitFilter filter = UnitFilter.level(level);
    if (body.has("attribute")) {
      filter = filter.withAttribute(body.get("attribute").asText());
    }
    if (body.has("without-attribute")) {
      filter = filter.withoutAttribute(body.get("without-attribute").asText());
    }
    return filter;
  }

  private static Measure measure(JsonNode body) {
    switch (body.path("measure").asText("credits")) {
      case "units":
        return Measure.UNITS;
      case "glh":
        return Measure.GUIDED_LEARNING_HOURS;
      default:
        return Measure.CREDITS;
    }
  }

  private static Scope scope(JsonNode body) {
    return new Scope(names(body.get("groups")), names(body.get("units")));
  }

  private static Bounds bounds(JsonNode body) {
    if (body.has("exactly")) {
      return Bounds.exactly(body.get("exactly").longValue());
    }
    return new Bounds(
        body.has("min") ? OptionalLong.of(body.get("min").longValue()) : OptionalLong.empty(),
        body.has("max") ? OptionalLong.of(body.get("max").longValue()) : OptionalLong.empty());
  }

  private static ImmutableList<String> names(JsonNode list) {
    ImmutableList.Builder<String> b = ImmutableList.builder();
    if (list != null) {
      list.forEach(n -> b.add(n.asText()));
    }
    return b.build();
  }

  private static OptionalInt glh(JsonNode unit) {
    return unit.has("glh") ? OptionalInt.of(unit.get("glh").intValue()) : OptionalInt.empty();
  }

  /** The ways of obtaining credit a total's {@code via} names; empty, for any way, without one. */
  private static java.util.Set<org.qualcheck.record.Via> via(JsonNode body) {
    java.util.Set<org.qualcheck.record.Via> out =
        java.util.EnumSet.noneOf(org.qualcheck.record.Via.class);
    for (JsonNode v : body.path("via")) {
      out.add(
          org.qualcheck.record.Via.fromJsonName(v.asText())
              .orElseThrow(() -> new IllegalStateException("the schema admitted via " + v)));
    }
    return out;
  }

  private static Level level(JsonNode node) {
    return Level.parse(node.asText())
        .orElseThrow(() -> new IllegalStateException("the schema admitted level " + node));
  }

  private static Optional<String> kind(JsonNode rule) {
    for (String k : List.of("all-of", "total", "cap", "choose", "barred", "equivalent")) {
      if (rule.has(k)) {
        return Optional.of(k);
      }
    }
    return Optional.empty();
  }

  private static List<Object> append(List<Object> path, Object element) {
    List<Object> p = new ArrayList<>(path);
    p.add(element);
    return p;
  }
}
