package org.qualcheck.spec;

import static com.google.common.base.Preconditions.checkNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableMap;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.qualcheck.model.Level;
import org.qualcheck.model.SourceLocation;
import org.qualcheck.model.UnitReference;

/**
 * Reads one unit catalogue (a YAML file in the format of {@code catalogue.schema.json}) under the
 * same rules and limits as a spec: hostile YAML is refused while parsing, the shape is checked
 * against the catalogue schema, and each unit reference number may appear only once.
 *
 * <p>A catalogue does not list other catalogues. Each spec lists every catalogue it uses, so what
 * a spec draws on can be seen in the spec itself, and there are no chains of files to follow and
 * no cycles to find; a {@code catalogues} key in a catalogue is refused with a sentence saying so.
 *
 * <p>Immutable and thread-safe.
 */
final class CatalogueReader {
  private final YamlTreeReader yaml;

  CatalogueReader(YamlTreeReader yaml) {
    this.yaml = checkNotNull(yaml, "yaml");
  }

  /**
   * Reads the catalogue in {@code text}; throws {@link SpecException} listing every problem, each
   * located in the catalogue.
   *
   * @param file how problems name the catalogue, usually its path
   */
  Catalogue read(String file, String text) {
    LocatedTree tree = yaml.read(file, text, YamlTreeReader.Kind.CATALOGUE);
    JsonNode root = tree.root();
    if (root.has("qualification") && !root.has("catalogue")) {
      throw new SpecException(
          List.of(
              new SpecProblem(
                  tree.keyAt(List.of("qualification")),
                  "this is a qualification spec, not a catalogue; list only catalogue files under"
                      + " \"catalogues\"")));
    }
    List<SpecProblem> problems = new ArrayList<>(YamlTreeReader.sizeProblems(tree));
    if (!problems.isEmpty()) {
      throw new SpecException(problems);
    }
    if (root.has("catalogues")) {
      problems.add(
          new SpecProblem(
              tree.keyAt(List.of("catalogues")),
              "a catalogue cannot list other catalogues; remove \"catalogues\" here and list each"
                  + " catalogue in the specs that use it"));
      ObjectNode rest = ((ObjectNode) root).deepCopy();
      rest.remove("catalogues");
      tree = new LocatedTree(tree.file(), tree.kind(), rest, tree.values(), tree.keys());
    }
    problems.addAll(SchemaCheck.catalogue().check(tree));
    if (problems.isEmpty()) {
      problems.addAll(repeatedReferences(tree));
    }
    if (!problems.isEmpty()) {
      problems.sort(
          Comparator.comparingInt((SpecProblem p) -> p.location().line())
              .thenComparingInt(p -> p.location().column()));
      throw new SpecException(YamlTreeReader.capped(problems));
    }
    return build(tree);
  }

  /** A unit reference number written twice in one catalogue, even with the same details. */
  private static List<SpecProblem> repeatedReferences(LocatedTree tree) {
    List<SpecProblem> problems = new ArrayList<>();
    Map<String, SourceLocation> seen = new LinkedHashMap<>();
    JsonNode units = tree.root().get("units");
    for (int i = 0; i < units.size(); i++) {
      String reference = units.get(i).get("reference").asText();
      SourceLocation where = tree.valueAt(List.of("units", i, "reference"));
      SourceLocation first = seen.putIfAbsent(reference, where);
      if (first != null) {
        problems.add(
            new SpecProblem(
                where,
                "unit \""
                    + reference
                    + "\" is declared twice under \"units\"; the first is on line "
                    + first.line()));
      }
    }
    return problems;
  }

  private static Catalogue build(LocatedTree tree) {
    JsonNode header = tree.root().get("catalogue");
    JsonNode units = tree.root().get("units");
    ImmutableMap.Builder<String, CatalogueUnit> b = ImmutableMap.builder();
    for (int i = 0; i < units.size(); i++) {
      JsonNode u = units.get(i);
      CatalogueUnit unit =
          new CatalogueUnit(
              new UnitReference(u.get("reference").asText()),
              u.get("title").asText(),
              u.get("credits").intValue(),
              level(u.get("level")),
              u.has("glh") ? OptionalInt.of(u.get("glh").intValue()) : OptionalInt.empty(),
              attributes(u.get("attributes")),
              tree.valueAt(List.of("units", i, "reference")));
      b.put(unit.reference().value(), unit);
    }
    return new Catalogue(
        tree.file(), header.get("title").asText(), header.get("source").asText(), b.build());
  }

  private static java.util.Set<String> attributes(JsonNode names) {
    java.util.Set<String> out = new java.util.LinkedHashSet<>();
    if (names != null) {
      names.forEach(n -> out.add(n.asText()));
    }
    return out;
  }

  private static Level level(JsonNode node) {
    return Level.parse(node.asText())
        .orElseThrow(() -> new IllegalStateException("the schema admitted level " + node));
  }
}
