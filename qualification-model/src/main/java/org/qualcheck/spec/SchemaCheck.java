package org.qualcheck.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.qualcheck.model.SourceLocation;
import org.qualcheck.spec.SchemaValidator.Violation;

/**
 * Checks a parsed spec or catalogue against the JSON Schema of its format and restates each schema
 * error as a located sentence a qualification designer can act on.
 *
 * <p>The schema is the single statement of the format's shape (editors use it too); {@link
 * SchemaValidator} applies it, and this class only translates its verdicts. Errors raised by
 * {@code anyOf}/{@code oneOf}/{@code not} are explained once per place from the value itself,
 * rather than branch by branch.
 */
final class SchemaCheck {
  /**
   * Where the schema is packaged, beside this class. Schemas are looked up through this class
   * rather than a class loader, so they are found on the module path without opening the package.
   */
  static final String SCHEMA_RESOURCE = "/org/qualcheck/spec/qualification.schema.json";

  /** Where the catalogue schema is packaged, beside this class. */
  static final String CATALOGUE_SCHEMA_RESOURCE = "/org/qualcheck/spec/catalogue.schema.json";

  private static final ImmutableList<String> RULE_KINDS =
      ImmutableList.of("all-of", "total", "cap", "choose", "barred", "equivalent");

  private final SchemaValidator schema;

  /** A check against the schema packaged at this resource, beside this class. */
  private SchemaCheck(String resource) {
    this.schema = SchemaValidator.load(resource);
  }

  /**
   * The check against the spec schema, loaded once per process on first use: it is immutable, and
   * parsing and vetting the schema is part of every command's start-up.
   */
  static SchemaCheck spec() {
    return SpecSchema.CHECK;
  }

  /** The check against the catalogue schema, loaded on first use: most specs list no catalogue. */
  static SchemaCheck catalogue() {
    return CatalogueSchema.CHECK;
  }

  /** Holds the spec check; the JVM sets a class up on first use, once, whatever the threads. */
  private static final class SpecSchema {
    static final SchemaCheck CHECK = new SchemaCheck(SCHEMA_RESOURCE);
  }

  /** Holds the catalogue check, set up on first use. */
  private static final class CatalogueSchema {
    static final SchemaCheck CHECK = new SchemaCheck(CATALOGUE_SCHEMA_RESOURCE);
  }

  /** Every schema problem in the tree, in file order; empty when the tree fits the schema. */
  List<SpecProblem> check(LocatedTree tree) {
    Map<String, SpecProblem> problems = new LinkedHashMap<>();
    Map<String, List<Object>> combined = new LinkedHashMap<>();
    Set<String> unknownKeyHolders = new LinkedHashSet<>();
    List<Violation> errors = schema.validate(tree.root());
    Set<String> suggested = new LinkedHashSet<>();
    for (Violation e : errors) {
      if (e.keyword().equals("additionalProperties") && !e.combined()) {
        String s = Phrases.closest(e.property(), e.allowedKeys());
        if (s != null) {
          suggested.add(NodePaths.pointer(e.at()) + "/" + s);
        }
      }
    }
    for (Violation e : errors) {
      List<Object> at = e.at();
      if (e.combined()) {
        combined.putIfAbsent(NodePaths.pointer(at), at);
        continue;
      }
      SpecProblem p;
      switch (e.keyword()) {
        case "additionalProperties":
          unknownKeyHolders.add(NodePaths.pointer(at));
          p = unknownKey(tree, at, e);
          break;
        case "required":
          if (suggested.contains(NodePaths.pointer(at) + "/" + e.property())) {
            // The unknown-key sentence already says which key was meant.
            continue;
          }
          p =
              new SpecProblem(
                  tree.valueAt(at),
                  Phrases.subject(tree, at)
                      + " is missing the required key \""
                      + e.property()
                      + "\"");
          break;
        case "false":
          p = forbiddenKey(tree, at);
          break;
        default:
          p = wrongValue(tree, at);
      }
      problems.putIfAbsent(p.toString(), p);
    }
    for (List<Object> at : combined.values()) {
      SpecProblem p = explainCombined(tree, at, unknownKeyHolders);
      if (p != null) {
        problems.putIfAbsent(p.toString(), p);
      }
    }
    fractions(tree, tree.root(), new ArrayList<>(), problems);
    List<SpecProblem> sorted = new ArrayList<>(problems.values());
    sorted.sort(IN_FILE_ORDER);
    return sorted;
  }

  /**
   * Problems by line, then column. A class of its own rather than {@code Comparator.comparingInt}:
   * every spec is sorted here, and the JDK's comparator lambdas would be generated at run time on
   * every command's start, where the class-data archive cannot hold them.
   */
  private static final Comparator<SpecProblem> IN_FILE_ORDER = new InFileOrder();

  private static final class InFileOrder implements Comparator<SpecProblem> {
    @Override
    public int compare(SpecProblem a, SpecProblem b) {
      int byLine = Integer.compare(a.location().line(), b.location().line());
      return byLine != 0 ? byLine : Integer.compare(a.location().column(), b.location().column());
    }
  }

  private static SpecProblem unknownKey(LocatedTree tree, List<Object> at, Violation e) {
    String key = e.property();
    List<Object> keyPath = new ArrayList<>(at);
    keyPath.add(key);
    List<String> allowed = e.allowedKeys();
    String suggestion = Phrases.closest(key, allowed);
    String advice;
    if (suggestion != null) {
      advice = "; did you mean \"" + suggestion + "\"?";
    } else if (allowed.isEmpty()) {
      advice = "";
    } else {
      advice = "; the keys allowed here are " + Phrases.quotedList(allowed, "and");
    }
    return new SpecProblem(
        tree.keyAt(keyPath),
        Phrases.subject(tree, at)
            + " has an unknown key \""
            + YamlTreeReader.safe(key)
            + "\""
            + advice);
  }

  /**
   * A key the schema forbids outright: a detail given beside {@code from-catalogue}, which would be
   * a second statement of what the catalogue says, or a unit number in a catalogue, which belongs
   * to each qualification rather than to the shared unit.
   */
  private static SpecProblem forbiddenKey(LocatedTree tree, List<Object> at) {
    String key = YamlTreeReader.safe(at.get(at.size() - 1).toString());
    List<Object> owner = at.subList(0, at.size() - 1);
    String subject = Phrases.subject(tree, owner);
    JsonNode from = tree.node(owner).path("from-catalogue");
    String sentence;
    if (from.isTextual()) {
      sentence =
          subject
              + " takes its details from catalogue unit \""
              + YamlTreeReader.safe(from.asText())
              + "\", so remove \""
              + key
              + "\" here; a catalogue unit's reference, title, credits, level and glh are written"
              + " only in its catalogue";
    } else if (key.equals("number")) {
      sentence =
          subject
              + " has a unit number, which a catalogue does not give; remove it here, and give the"
              + " number in each spec that takes the unit";
    } else {
      sentence = subject + " may not have the key \"" + key + "\"; remove it";
    }
    return new SpecProblem(tree.keyAt(at), sentence);
  }

  private SpecProblem wrongValue(LocatedTree tree, List<Object> at) {
    JsonNode value = tree.node(at);
    String expected = Phrases.expectation(at, value);
    String sentence =
        value.isNull()
            ? Phrases.subject(tree, at) + " must be " + expected + ", but it is empty"
            : Phrases.subject(tree, at)
                + " must be "
                + expected
                + ", not "
                + Phrases.render(value)
                + Phrases.quoteHint(value, expected);
    return new SpecProblem(tree.valueAt(at), sentence);
  }

  /**
   * How long a path to a rule is, for a path into one: 2 for a common rule ({@code rules.3}), 4 for
   * a pathway's or endorsement's ({@code pathways.0.rules.3}); -1 for a path elsewhere.
   */
  private static int ruleDepth(List<Object> at) {
    if (at.size() >= 2 && "rules".equals(at.get(0)) && at.get(1) instanceof Integer) {
      return 2;
    }
    boolean variant = !at.isEmpty()
        && ("pathways".equals(at.get(0)) || "endorsements".equals(at.get(0)));
    if (variant && at.size() >= 4 && "rules".equals(at.get(2)) && at.get(3) instanceof Integer) {
      return 4;
    }
    return -1;
  }

  /** One sentence for a place where an anyOf/oneOf/not did not hold. */
  private SpecProblem explainCombined(
      LocatedTree tree, List<Object> at, Set<String> unknownKeyHolders) {
    JsonNode node = tree.node(at);
    int n = at.size();
    boolean isRule = n > 0 && n == ruleDepth(at);
    if (isRule && node.isObject()) {
      List<String> kinds = new ArrayList<>();
      for (String k : RULE_KINDS) {
        if (node.has(k)) {
          kinds.add(k);
        }
      }
      if (kinds.isEmpty()) {
        if (unknownKeyHolders.contains(NodePaths.pointer(at))) {
          return null;
        }
        return new SpecProblem(
            tree.valueAt(at),
            Phrases.subject(tree, at)
                + " does not say what kind of rule it is; give it one of "
                + Phrases.quotedList(RULE_KINDS, "or"));
      }
      List<Object> second = new ArrayList<>(at);
      second.add(kinds.get(1));
      return new SpecProblem(
          tree.keyAt(second),
          Phrases.subject(tree, at)
              + " has more than one kind ("
              + Phrases.quotedList(kinds, "and")
              + "); a rule has exactly one, so write each as its own rule");
    }
    String last = n == 0 ? "" : at.get(n - 1).toString();
    boolean inRule = n > 1 && n - 1 == ruleDepth(at);
    if (inRule && "choose".equals(last) && node.isObject()) {
      boolean exactly = node.has("exactly");
      boolean range = node.has("min") || node.has("max");
      String sentence =
          exactly && range
              ? " gives both \"exactly\" and \""
                  + (node.has("min") ? "min" : "max")
                  + "\"; give either \"exactly\" alone, or \"min\" and/or \"max\""
              : " needs \"exactly\", or \"min\" and/or \"max\", to say how many units to choose";
      return new SpecProblem(tree.valueAt(at), Phrases.subject(tree, at) + sentence);
    }
    if (inRule && "total".equals(last) && node.isObject()) {
      return new SpecProblem(
          tree.valueAt(at),
          Phrases.subject(tree, at) + " needs a \"min\", a \"max\" or both, to say what it limits");
    }
    if (inRule && "cap".equals(last) && node.isObject() && !node.has("max")) {
      return new SpecProblem(
          tree.valueAt(at),
          Phrases.subject(tree, at) + " needs a \"max\", to say how much of its scope may count");
    }
    return wrongValue(tree, at);
  }

  /**
   * Reports numbers written with a fraction or exponent. No value in a spec is fractional, but JSON
   * Schema counts {@code 4.0} as an integer; a spec must write whole numbers as whole numbers.
   */
  private static void fractions(
      LocatedTree tree, JsonNode node, List<Object> at, Map<String, SpecProblem> problems) {
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        at.add(e.getKey());
        fractions(tree, e.getValue(), at, problems);
        at.remove(at.size() - 1);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        at.add(i);
        fractions(tree, node.get(i), at, problems);
        at.remove(at.size() - 1);
      }
    } else if (node.isFloatingPointNumber()) {
      SourceLocation where = tree.valueAt(at);
      boolean reported =
          problems.values().stream().anyMatch(p -> p.location().equals(where));
      if (!reported) {
        String expected = Phrases.expectation(at, node);
        String sentence =
            Phrases.subject(tree, at) + " must be " + expected + ", not " + Phrases.render(node);
        problems.put(where + sentence, new SpecProblem(where, sentence));
      }
    }
  }
}
