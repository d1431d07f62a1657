package org.qualcheck.spec;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.qualcheck.spec.SchemaValidator.Violation;

/**
 * Restates each violation of the framework schema as a located sentence, in the words of a
 * framework: components, alternatives and requirements, named by their ids where they have them.
 */
final class FrameworkSchemaCheck {
  private static final String NAME =
      "written as text of letters and digits, with . _ / or - inside";

  private FrameworkSchemaCheck() {}

  /** Every schema problem in the tree, one per place and sentence; empty when it fits. */
  static List<SpecProblem> check(SchemaValidator schema, LocatedTree tree) {
    Map<String, SpecProblem> problems = new LinkedHashMap<>();
    Set<String> unknownKeyHolders = new LinkedHashSet<>();
    Map<String, List<Object>> combined = new LinkedHashMap<>();
    for (Violation v : schema.validate(tree.root())) {
      List<Object> at = v.at();
      SpecProblem p;
      if (v.combined()) {
        combined.putIfAbsent(NodePaths.pointer(at), at);
        continue;
      }
      switch (v.keyword()) {
        case "additionalProperties" -> {
          unknownKeyHolders.add(NodePaths.pointer(at));
          List<Object> keyPath = new ArrayList<>(at);
          keyPath.add(v.property());
          String suggestion = Phrases.closest(v.property(), v.allowedKeys());
          p =
              new SpecProblem(
                  tree.keyAt(keyPath),
                  subject(tree, at)
                      + " has an unknown key \""
                      + YamlTreeReader.safe(v.property())
                      + "\""
                      + (suggestion != null
                          ? "; did you mean \"" + suggestion + "\"?"
                          : "; the keys allowed here are "
                              + Phrases.quotedList(v.allowedKeys(), "and")));
        }
        case "required" ->
            p =
                new SpecProblem(
                    tree.valueAt(at),
                    subject(tree, at) + " is missing the required key \"" + v.property() + "\"");
        default -> p = wrongValue(tree, at);
      }
      problems.putIfAbsent(p.toString(), p);
    }
    for (List<Object> at : combined.values()) {
      SpecProblem p = explainKinds(tree, at, unknownKeyHolders);
      if (p != null) {
        problems.putIfAbsent(p.toString(), p);
      }
    }
    return new ArrayList<>(problems.values());
  }

  /**
   * The one combined constraint of the schema: a component names exactly one of a qualification,
   * an achievement or a choice, and a requirement exactly one of a qualification or an achievement.
   */
  private static SpecProblem explainKinds(
      LocatedTree tree, List<Object> at, Set<String> unknownKeyHolders) {
    JsonNode node = tree.node(at);
    if (!node.isObject()) {
      return null; // the type violation at the same place says what it should be
    }
    List<String> allowed = FrameworkReader.kinds(at.size() == 2);
    List<String> present = new ArrayList<>();
    for (String k : allowed) {
      if (node.has(k)) {
        present.add(k);
      }
    }
    if (present.isEmpty()) {
      if (unknownKeyHolders.contains(NodePaths.pointer(at))) {
        return null; // the unknown key is most likely the kind misspelt, and says so
      }
      return new SpecProblem(
          tree.valueAt(at),
          subject(tree, at)
              + " does not say what it requires; give it one of "
              + Phrases.quotedList(allowed, "or"));
    }
    List<Object> second = new ArrayList<>(at);
    second.add(present.get(1));
    return new SpecProblem(
        tree.keyAt(second),
        subject(tree, at)
            + " names more than one of "
            + Phrases.quotedList(present, "and")
            + "; give exactly one, and write a choice between them as \"one-of\"");
  }

  private static SpecProblem wrongValue(LocatedTree tree, List<Object> at) {
    JsonNode value = tree.node(at);
    String expected = expectation(at, value);
    String sentence =
        value.isNull()
            ? subject(tree, at) + " must be " + expected + ", but it is empty"
            : subject(tree, at) + " must be " + expected + ", not " + Phrases.render(value);
    return new SpecProblem(tree.valueAt(at), sentence);
  }

  /** How to name the place at {@code at} as the subject of a sentence. */
  static String subject(LocatedTree tree, List<Object> at) {
    int n = at.size();
    if (n == 0) {
      return "the file";
    }
    if (at.get(0).equals("framework")) {
      return n == 1 ? "\"framework\"" : "\"" + at.get(1) + "\" of the framework";
    }
    if (!at.get(0).equals("components") || n == 1) {
      return "\"" + YamlTreeReader.safe(at.get(0).toString()) + "\"";
    }
    int c = (Integer) at.get(1);
    JsonNode component = tree.root().path("components").path(c);
    String owner = named(component, "component", c);
    if (n == 2) {
      return owner;
    }
    if (n == 3) {
      return "\"" + YamlTreeReader.safe(at.get(2).toString()) + "\" of " + owner;
    }
    // components / c / one-of / j ...
    int j = (Integer) at.get(3);
    String alternative =
        named(component.path("one-of").path(j), "alternative", j) + " of " + owner;
    if (n == 4) {
      return alternative;
    }
    if (n == 5) {
      return "\"" + YamlTreeReader.safe(at.get(4).toString()) + "\" of " + alternative;
    }
    String requirement =
        "the " + Phrases.ordinal((Integer) at.get(5) + 1) + " requirement of " + alternative;
    return n == 6
        ? requirement
        : "\"" + YamlTreeReader.safe(at.get(6).toString()) + "\" of " + requirement;
  }

  private static String named(JsonNode node, String noun, int index) {
    JsonNode id = node.path("id");
    return id.isTextual() && !id.asText().isBlank()
        ? noun + " \"" + YamlTreeReader.safe(id.asText()) + "\""
        : "the " + Phrases.ordinal(index + 1) + " " + noun;
  }

  /** What the value at {@code at} should be, as a noun phrase. */
  static String expectation(List<Object> at, JsonNode value) {
    int n = at.size();
    if (n == 0) {
      return "a mapping with \"framework\" and \"components\"";
    }
    Object last = at.get(n - 1);
    if (last instanceof Integer) {
      String list = at.get(n - 2).toString();
      return switch (list) {
        case "components" -> "a mapping describing one component";
        case "one-of" -> "a mapping describing one alternative, with \"id\" and \"all-of\"";
        default -> "a mapping naming one \"qualification\" or \"achievement\"";
      };
    }
    return switch (last.toString()) {
      case "framework" -> "a mapping with \"code\", \"title\" and \"source\"";
      case "components" ->
          "a list of 1 to " + YamlTreeReader.MAX_COMPONENTS + " components";
      case "one-of" -> "a list of 2 to 20 alternatives";
      case "all-of" -> "a list of 1 to 50 requirements";
      case "code", "qualification" ->
          "a qualification code "
              + NAME
              + ", such as \"03455\" (codes made of digits go in quotes)";
      case "id", "achievement" -> "an id " + NAME + ", such as \"employee-rights\"";
      default -> "text without white space around it";
    };
  }
}
