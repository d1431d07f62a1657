package org.qualcheck.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The reader's own schema validator ({@link SchemaValidator}) and a complete JSON Schema validator
 * (networknt, draft-07, as editors apply the schema) accept and refuse the same files, and find
 * fault at the same places for the same reasons: over every fixture, every shipped spec and
 * catalogue, and seeded random corruptions of the valid ones.
 */
class SchemaAgreementTest {
  private static final Path SPECS = Path.of("../specs");
  private static final Path SPEC_SCHEMA = SPECS.resolve("schema/qualification.schema.json");
  private static final Path CATALOGUE_SCHEMA = SPECS.resolve("schema/catalogue.schema.json");
  private static final Path FRAMEWORK_SCHEMA = SPECS.resolve("schema/framework.schema.json");
  private static final SchemaValidator OWN_SPEC =
      SchemaValidator.load(SchemaCheck.SCHEMA_RESOURCE);
  private static final SchemaValidator OWN_CATALOGUE =
      SchemaValidator.load(SchemaCheck.CATALOGUE_SCHEMA_RESOURCE);
  private static final Schema FULL_SPEC = full(SPEC_SCHEMA);
  private static final Schema FULL_CATALOGUE = full(CATALOGUE_SCHEMA);
  private static final SchemaValidator OWN_FRAMEWORK =
      SchemaValidator.load(FrameworkReader.SCHEMA_RESOURCE);
  private static final Schema FULL_FRAMEWORK = full(FRAMEWORK_SCHEMA);
  private static final YamlTreeReader YAML = new YamlTreeReader();

  private static Schema full(Path file) {
    try {
      return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
          .getSchema(new ObjectMapper().readTree(file.toFile()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every YAML file the tests and the repository hold that parses as YAML. */
  static List<Path> files() throws IOException {
    List<Path> files = new ArrayList<>();
    for (Path folder : List.of(SPECS, Path.of("src/test/resources"), Path.of("../rules-engine/src/test/resources"))) {
      try (Stream<Path> walk = Files.walk(folder)) {
        walk.filter(p -> p.toString().endsWith(".yaml")).sorted().forEach(files::add);
      }
    }
    assertThat(files).hasSizeGreaterThan(60);
    return files;
  }

  static Stream<Path> parsedFiles() throws IOException {
    return files().stream().filter(p -> tree(p) != null);
  }

  @ParameterizedTest
  @MethodSource("parsedFiles")
  void eachFileGetsTheSameVerdictsAtTheSamePlaces(Path file) {
    JsonNode root = tree(file).root();
    assertAgree(file.toString(), root);
  }

  /** Valid files, each corrupted a few ways at random; the seed names the case. */
  static Stream<Arguments> corruptions() throws IOException {
    List<Path> valid =
        files().stream()
            .filter(p -> tree(p) != null && own(tree(p).root()).isEmpty())
            .collect(Collectors.toList());
    assertThat(valid).hasSizeGreaterThan(10);
    return IntStream.range(0, 400).mapToObj(seed -> Arguments.of(seed, valid.get(seed % valid.size())));
  }

  @ParameterizedTest(name = "seed {0}: {1}")
  @MethodSource("corruptions")
  void corruptedFilesGetTheSameVerdictsAtTheSamePlaces(int seed, Path file) {
    Random random = new Random(seed);
    JsonNode root = tree(file).root().deepCopy();
    int n = 1 + random.nextInt(3);
    for (int i = 0; i < n; i++) {
      corrupt(root, random);
    }
    assertAgree("seed " + seed + " of " + file + ": " + root, root);
  }

  @Test
  void aSchemaUsingWhatTheValidatorDoesNotApplyIsRefusedOnLoading() {
    assertThatThrownBy(() -> SchemaValidator.load("/schemas/unsupported-keyword.schema.json"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("/properties/units/uniqueItems");
    assertThatThrownBy(() -> SchemaValidator.load("/schemas/several-types.schema.json"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("several types");
  }

  private static void assertAgree(String what, JsonNode root) {
    assertThat(own(root)).as("%s", what).isEqualTo(full(root));
  }

  /** Each problem as place, keyword and property; places only inside anyOf, oneOf and not. */
  private static Set<String> own(JsonNode root) {
    Set<String> found = new TreeSet<>();
    for (SchemaValidator.Violation v : (isFramework(root) ? OWN_FRAMEWORK : isCatalogue(root) ? OWN_CATALOGUE : OWN_SPEC).validate(root)) {
      found.add(
          v.combined()
              ? NodePaths.pointer(v.at()) + " (combined)"
              : NodePaths.pointer(v.at()) + " " + v.keyword() + " " + v.property());
    }
    return found;
  }

  private static Set<String> full(JsonNode root) {
    Set<String> found = new TreeSet<>();
    for (Error e : (isFramework(root) ? FULL_FRAMEWORK : isCatalogue(root) ? FULL_CATALOGUE : FULL_SPEC).validate(root)) {
      boolean combined = Set.of("anyOf", "oneOf", "not").contains(e.getKeyword());
      for (Object segment : elements(e.getEvaluationPath())) {
        combined |= Set.of("anyOf", "oneOf", "not").contains(segment.toString());
      }
      String at = NodePaths.pointer(elements(e.getInstanceLocation()));
      found.add(combined ? at + " (combined)" : at + " " + e.getKeyword() + " " + e.getProperty());
    }
    return found;
  }

  private static List<Object> elements(NodePath path) {
    List<Object> elements = new ArrayList<>();
    for (int i = 0; i < path.getNameCount(); i++) {
      elements.add(path.getElement(i));
    }
    return elements;
  }

  /** A framework spec, checked against its own schema. */
  private static boolean isFramework(JsonNode root) {
    return root.has("framework") && !root.has("qualification");
  }

  @Test
  void theShippedFrameworkIsAmongTheFilesCompared() throws IOException {
    assertThat(files().stream().map(SchemaAgreementTest::tree))
        .anyMatch(t -> t != null && isFramework(t.root()));
  }

  private static boolean isCatalogue(JsonNode root) {
    return root.has("catalogue") && !root.has("qualification");
  }

  private static LocatedTree tree(Path file) {
    try {
      return YAML.read(file.toString(), Files.readString(file));
    } catch (SpecException | IOException e) {
      return null;
    }
  }

  private static final List<JsonNode> REPLACEMENTS =
      List.of(
          JsonNodeFactory.instance.textNode("4"),
          JsonNodeFactory.instance.textNode(""),
          JsonNodeFactory.instance.textNode(" A1"),
          JsonNodeFactory.instance.textNode("Level 2"),
          JsonNodeFactory.instance.textNode("E4"),
          JsonNodeFactory.instance.textNode("F/601/1609"),
          JsonNodeFactory.instance.textNode("600/1234/X"),
          JsonNodeFactory.instance.textNode("employee rights "),
          JsonNodeFactory.instance.numberNode(0),
          JsonNodeFactory.instance.numberNode(-3),
          JsonNodeFactory.instance.numberNode(9),
          JsonNodeFactory.instance.numberNode(4.0),
          JsonNodeFactory.instance.numberNode(4.5),
          JsonNodeFactory.instance.numberNode(1_000_001),
          JsonNodeFactory.instance.booleanNode(true),
          JsonNodeFactory.instance.nullNode(),
          JsonNodeFactory.instance.arrayNode(),
          JsonNodeFactory.instance.objectNode());

  private static final List<String> KEYS =
      List.of("credit", "min", "max", "exactly", "from-catalogue", "reference", "title", "level",
          "glh", "number", "units", "groups", "total", "choose", "barred", "all-of", "equivalent",
          "measure", "at-least", "catalogues", "qualification", "achievement", "one-of", "id",
          "components", "code");

  /** One random change somewhere in the tree: a key removed, added or renamed, or a value replaced. */
  private static void corrupt(JsonNode root, Random random) {
    List<JsonNode> containers = new ArrayList<>();
    collect(root, containers);
    JsonNode target = containers.get(random.nextInt(containers.size()));
    if (target.isObject()) {
      ObjectNode object = (ObjectNode) target;
      List<String> names = new ArrayList<>();
      object.properties().forEach(e -> names.add(e.getKey()));
      int action = random.nextInt(4);
      if (action == 0 && !names.isEmpty()) {
        object.remove(names.get(random.nextInt(names.size())));
      } else if (action == 1) {
        object.set(KEYS.get(random.nextInt(KEYS.size())), replacement(random));
      } else if (!names.isEmpty()) {
        object.set(names.get(random.nextInt(names.size())), replacement(random));
      }
    } else {
      ArrayNode array = (ArrayNode) target;
      if (array.isEmpty() || random.nextInt(3) == 0) {
        array.add(replacement(random));
      } else if (random.nextBoolean()) {
        array.remove(random.nextInt(array.size()));
      } else {
        array.set(random.nextInt(array.size()), replacement(random));
      }
    }
  }

  private static JsonNode replacement(Random random) {
    return REPLACEMENTS.get(random.nextInt(REPLACEMENTS.size())).deepCopy();
  }

  private static void collect(JsonNode node, List<JsonNode> containers) {
    if (node.isContainerNode()) {
      containers.add(node);
      for (JsonNode child : node) {
        collect(child, containers);
      }
    }
  }
}
