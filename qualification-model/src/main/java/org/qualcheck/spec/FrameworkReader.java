package org.qualcheck.spec;

import static com.google.common.base.Preconditions.checkNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.qualcheck.framework.Alternative;
import org.qualcheck.framework.Component;
import org.qualcheck.framework.Framework;
import org.qualcheck.framework.Requirement;
import org.qualcheck.model.SourceLocation;

/**
 * Reads an apprenticeship framework spec (a YAML file in the format of {@code
 * framework.schema.json}) into a {@link Framework}:
 *
 * <pre>{@code
 * framework: {code: cs-l2, title: Apprenticeship in Customer Service, source: ...}
 * components:
 *   - {id: competence, title: Competence, qualification: "03455"}
 *   - {id: err, title: Employee Rights and Responsibilities, achievement: err}
 *   - id: skills
 *     title: Key Skills or Functional Skills
 *     one-of:
 *       - {id: key-skills, all-of: [{qualification: ks-aon-l1}, {qualification: ks-comm-l1}]}
 *       - {id: functional-skills, all-of: [{qualification: fs-maths-l1}, {qualification: fs-eng-l1}]}
 * }</pre>
 *
 * <p>Reading is as strict as for qualification specs, under the same YAML rules: no anchors,
 * aliases or tags, no key twice, no unknown key, nothing coerced. The file is checked against the
 * schema, then for ids and requirements given twice; every problem found is reported at once, each
 * with its file, line and column, in a {@link SpecException}.
 *
 * <p>Instances are immutable and thread-safe; create one and share it.
 */
public final class FrameworkReader {
  /** Where the framework schema is packaged, beside this class. */
  static final String SCHEMA_RESOURCE = "/org/qualcheck/spec/framework.schema.json";

  /** The most components a framework may list. */
  public static final int MAX_COMPONENTS = YamlTreeReader.MAX_COMPONENTS;

  private static final List<String> KINDS = List.of("qualification", "achievement", "one-of");

  private final YamlTreeReader yaml = new YamlTreeReader();
  private final SchemaValidator schema = SchemaValidator.load(SCHEMA_RESOURCE);

  /** A reader using the framework schema packaged with this library. */
  public FrameworkReader() {}

  /**
   * Reads the framework spec in {@code file}; problems name the file as the path was given.
   *
   * @param file the framework spec file
   * @return the framework it describes
   */
  public Framework read(Path file) {
    checkNotNull(file, "file");
    String name = file.toString();
    return read(
        name,
        SpecReader.decode(
            name,
            SpecReader.bytes(file, "framework", YamlTreeReader.Kind.FRAMEWORK.tooLarge())));
  }

  /**
   * Reads a framework spec from its text.
   *
   * @param displayName how problems name the source, usually its path
   * @param yamlText the framework spec's YAML text
   * @return the framework it describes
   */
  public Framework read(String displayName, String yamlText) {
    checkNotNull(displayName, "displayName");
    checkNotNull(yamlText, "yamlText");
    if (yamlText.length() > YamlTreeReader.MAX_CHARS) {
      throw failure(displayName, SpecException.Kind.TOO_LARGE, YamlTreeReader.Kind.FRAMEWORK.tooLarge());
    }
    String text = yamlText.startsWith("\uFEFF") ? yamlText.substring(1) : yamlText;
    LocatedTree tree = yaml.read(displayName, text, YamlTreeReader.Kind.FRAMEWORK);
    JsonNode root = tree.root();
    for (String other : List.of("qualification", "catalogue")) {
      if (root.has(other) && !root.has("framework")) {
        throw new SpecException(
            List.of(
                new SpecProblem(
                    tree.keyAt(List.of(other)),
                    "this is a "
                        + (other.equals("catalogue") ? "unit catalogue" : "qualification spec")
                        + ", not a framework spec; a framework spec starts with \"framework:\"")));
      }
    }
    List<SpecProblem> problems = new ArrayList<>(YamlTreeReader.sizeProblems(tree));
    if (!problems.isEmpty()) {
      throw new SpecException(problems);
    }
    problems.addAll(FrameworkSchemaCheck.check(schema, tree));
    if (problems.isEmpty()) {
      problems.addAll(repeated(tree));
    }
    if (!problems.isEmpty()) {
      problems.sort(
          Comparator.comparingInt((SpecProblem p) -> p.location().line())
              .thenComparingInt(p -> p.location().column()));
      throw new SpecException(YamlTreeReader.capped(problems));
    }
    return build(root);
  }

  /**
   * Component ids, alternative ids within a component and requirements within an alternative
   * given twice, compared without regard to case as records compare names.
   */
  private static List<SpecProblem> repeated(LocatedTree tree) {
    List<SpecProblem> problems = new ArrayList<>();
    JsonNode components = tree.root().get("components");
    Map<String, SourceLocation> componentIds = new HashMap<>();
    for (int i = 0; i < components.size(); i++) {
      JsonNode c = components.get(i);
      once(tree, componentIds, c.get("id").asText(), List.of("components", i, "id"), "component id",
          "in this framework", problems);
      JsonNode alternatives = c.path("one-of");
      Map<String, SourceLocation> alternativeIds = new HashMap<>();
      for (int j = 0; j < alternatives.size(); j++) {
        JsonNode a = alternatives.get(j);
        once(tree, alternativeIds, a.get("id").asText(),
            List.of("components", i, "one-of", j, "id"), "alternative id",
            "in component \"" + YamlTreeReader.safe(c.get("id").asText()) + "\"", problems);
        Map<String, SourceLocation> held = new HashMap<>();
        JsonNode all = a.get("all-of");
        for (int k = 0; k < all.size(); k++) {
          JsonNode r = all.get(k);
          String kind = r.has("qualification") ? "qualification" : "achievement";
          once(tree, held, kind + " " + r.get(kind).asText(),
              List.of("components", i, "one-of", j, "all-of", k, kind), "requirement",
              "in alternative \"" + YamlTreeReader.safe(a.get("id").asText()) + "\"", problems);
        }
      }
    }
    return problems;
  }

  private static void once(
      LocatedTree tree,
      Map<String, SourceLocation> seen,
      String name,
      List<Object> at,
      String what,
      String where,
      List<SpecProblem> problems) {
    SourceLocation here = tree.valueAt(at);
    SourceLocation first = seen.putIfAbsent(name.toUpperCase(Locale.ROOT), here);
    if (first != null) {
      problems.add(
          new SpecProblem(
              here,
              "the "
                  + what
                  + " \""
                  + YamlTreeReader.safe(name)
                  + "\" is given twice "
                  + where
                  + " (names are compared without regard to case); the first is on line "
                  + first.line()));
    }
  }

  private static Framework build(JsonNode root) {
    JsonNode header = root.get("framework");
    List<Component> components = new ArrayList<>();
    for (JsonNode c : root.get("components")) {
      String id = c.get("id").asText();
      String title = c.get("title").asText();
      if (c.has("one-of")) {
        List<Alternative> alternatives = new ArrayList<>();
        for (JsonNode a : c.get("one-of")) {
          List<Requirement> requirements = new ArrayList<>();
          for (JsonNode r : a.get("all-of")) {
            Requirement q =
                r.has("qualification")
                    ? Requirement.qualification(r.get("qualification").asText())
                    : Requirement.achievement(r.get("achievement").asText());
            requirements.add(r.has("title") ? q.titled(r.get("title").asText()) : q);
          }
          alternatives.add(
              new Alternative(a.get("id").asText(), optional(a, "title"), requirements));
        }
        components.add(Component.oneOf(id, title, alternatives));
      } else if (c.has("qualification")) {
        components.add(
            Component.of(id, title, Requirement.qualification(c.get("qualification").asText())));
      } else {
        components.add(
            Component.of(id, title, Requirement.achievement(c.get("achievement").asText())));
      }
    }
    return new Framework(
        header.get("code").asText(),
        header.get("title").asText(),
        header.get("source").asText(),
        components);
  }

  private static Optional<String> optional(JsonNode node, String key) {
    return node.has(key) ? Optional.of(node.get(key).asText()) : Optional.empty();
  }

  private static SpecException failure(String name, SpecException.Kind kind, String message) {
    return new SpecException(
        kind, List.of(new SpecProblem(new SourceLocation(name, 1, 1), message)));
  }

  /** The kinds of requirement a component or requirement may name, for sentences. */
  static List<String> kinds(boolean component) {
    return component ? KINDS : KINDS.subList(0, 2);
  }
}
