package org.qualcheck.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The YAML files shipped under {@code specs/} and its subfolders, specs and unit catalogues alike:
 * each fits its schema as an editor would check it, loads through the reader, and points editors at
 * its schema on its first line. A file is a catalogue when its top level has {@code catalogue}.
 */
class SpecFilesTest {
  private static final Path SPECS = Path.of("../specs");
  static final Path SCHEMA = SPECS.resolve("schema/qualification.schema.json");
  static final Path CATALOGUE_SCHEMA = SPECS.resolve("schema/catalogue.schema.json");
  static final Path FRAMEWORK_SCHEMA = SPECS.resolve("schema/framework.schema.json");

  static List<Path> yamlFiles() throws IOException {
    try (Stream<Path> files = Files.walk(SPECS)) {
      return files.filter(p -> p.toString().endsWith(".yaml")).sorted().collect(Collectors.toList());
    }
  }

  static List<Path> specFiles() throws IOException {
    List<Path> specs =
        yamlFiles().stream()
            .filter(p -> !isCatalogue(p) && !isFramework(p))
            .collect(Collectors.toList());
    assertThat(specs).hasSizeGreaterThanOrEqualTo(3);
    return specs;
  }

  static List<Path> catalogueFiles() throws IOException {
    List<Path> catalogues = yamlFiles().stream().filter(SpecFilesTest::isCatalogue).collect(Collectors.toList());
    assertThat(catalogues).isNotEmpty();
    return catalogues;
  }

  static List<Path> frameworkFiles() throws IOException {
    List<Path> frameworks =
        yamlFiles().stream().filter(SpecFilesTest::isFramework).collect(Collectors.toList());
    assertThat(frameworks).isNotEmpty();
    return frameworks;
  }

  private static boolean isCatalogue(Path file) {
    return topLevel(file).has("catalogue");
  }

  /** An apprenticeship framework spec: its top level has {@code framework}. */
  private static boolean isFramework(Path file) {
    return topLevel(file).has("framework");
  }

  private static JsonNode topLevel(Path file) {
    try {
      return new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void everyShippedYamlFileIsASpecOrACatalogue() throws IOException {
    assertThat(specFiles().size() + catalogueFiles().size() + frameworkFiles().size())
        .isEqualTo(yamlFiles().size());
    assertThat(yamlFiles())
        .contains(
            SPECS.resolve("ocr-03455-customer-service-l2.yaml"),
            SPECS.resolve("examples/catalogue/customer-service-units.yaml"),
            SPECS.resolve("frameworks/customer-service-apprenticeship-l2.yaml"));
  }

  @ParameterizedTest
  @MethodSource("specFiles")
  void fitsTheSchema(Path spec) throws IOException {
    assertThat(validate(SCHEMA, spec)).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("catalogueFiles")
  void catalogueFitsTheCatalogueSchema(Path catalogue) throws IOException {
    assertThat(validate(CATALOGUE_SCHEMA, catalogue)).isEmpty();
  }

  static List<com.networknt.schema.Error> validate(Path schemaFile, Path yaml) throws IOException {
    Schema schema =
        SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
            .getSchema(new ObjectMapper().readTree(schemaFile.toFile()));
    JsonNode tree = new ObjectMapper(new YAMLFactory()).readTree(yaml.toFile());
    return schema.validate(tree);
  }

  @ParameterizedTest
  @MethodSource("frameworkFiles")
  void frameworkFitsTheFrameworkSchemaLoadsAndNamesTheSchema(Path framework) throws IOException {
    assertThat(validate(FRAMEWORK_SCHEMA, framework)).isEmpty();
    assertThat(new FrameworkReader().read(framework).components()).isNotEmpty();
    assertThat(Files.readAllLines(framework).get(0))
        .isEqualTo("# yaml-language-server: $schema=" + relative(framework, FRAMEWORK_SCHEMA));
  }

  @ParameterizedTest
  @MethodSource("specFiles")
  void loadsThroughTheReader(Path spec) {
    assertThat(Fixtures.READER.read(spec).units()).isNotEmpty();
  }

  @ParameterizedTest
  @MethodSource("catalogueFiles")
  void catalogueLoadsThroughTheCatalogueReader(Path catalogue) throws IOException {
    CatalogueReader reader = new CatalogueReader(new YamlTreeReader());
    assertThat(reader.read(catalogue.toString(), Files.readString(catalogue)).units()).isNotEmpty();
  }

  @ParameterizedTest
  @MethodSource("specFiles")
  void namesTheSchemaOnItsFirstLine(Path spec) throws IOException {
    assertThat(Files.readAllLines(spec).get(0))
        .isEqualTo("# yaml-language-server: $schema=" + relative(spec, SCHEMA));
  }

  @ParameterizedTest
  @MethodSource("catalogueFiles")
  void catalogueNamesTheCatalogueSchemaOnItsFirstLine(Path catalogue) throws IOException {
    assertThat(Files.readAllLines(catalogue).get(0))
        .isEqualTo("# yaml-language-server: $schema=" + relative(catalogue, CATALOGUE_SCHEMA));
  }

  /** The path from a file's folder to a schema, as an editor follows it. */
  private static String relative(Path file, Path schema) {
    return file.getParent().relativize(schema).toString().replace('\\', '/');
  }

  @Test
  void theSchemasArePackagedWithTheReader() throws IOException {
    for (Path schema : List.of(SCHEMA, CATALOGUE_SCHEMA, FRAMEWORK_SCHEMA)) {
      try (InputStream in =
          SpecReader.class.getResourceAsStream("/org/qualcheck/spec/" + schema.getFileName())) {
        assertThat(in).as("%s", schema).isNotNull();
        assertThat(new ObjectMapper().readTree(in)).isEqualTo(new ObjectMapper().readTree(schema.toFile()));
      }
    }
  }

  @Test
  void theSchemasForbidUnknownKeysEverywhere() throws IOException {
    for (Path file : List.of(SCHEMA, CATALOGUE_SCHEMA, FRAMEWORK_SCHEMA)) {
      JsonNode schema = new ObjectMapper().readTree(file.toFile());
      List<String> open = new java.util.ArrayList<>();
      collectOpenObjects(schema, "", open);
      assertThat(open).as("%s", file).isEmpty();
    }
  }

  private static void collectOpenObjects(JsonNode node, String at, List<String> open) {
    if (node.isObject()) {
      if (node.path("type").asText().equals("object")
          && !node.path("additionalProperties").equals(com.fasterxml.jackson.databind.node.BooleanNode.FALSE)) {
        open.add(at);
      }
      node.properties().forEach(e -> collectOpenObjects(e.getValue(), at + "/" + e.getKey(), open));
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        collectOpenObjects(node.get(i), at + "/" + i, open);
      }
    }
  }

  /** Every keyword of JSON Schema draft-07, the draft the YAML editors' language server supports. */
  private static final java.util.Set<String> DRAFT_07 =
      java.util.Set.of(
          "$schema", "$id", "$ref", "$comment", "title", "description", "default", "readOnly",
          "writeOnly", "examples", "multipleOf", "maximum", "exclusiveMaximum", "minimum",
          "exclusiveMinimum", "maxLength", "minLength", "pattern", "additionalItems", "items",
          "maxItems", "minItems", "uniqueItems", "contains", "maxProperties", "minProperties",
          "required", "additionalProperties", "definitions", "properties", "patternProperties",
          "dependencies", "propertyNames", "const", "enum", "type", "format", "contentMediaType",
          "contentEncoding", "if", "then", "else", "allOf", "anyOf", "oneOf", "not");

  @Test
  void everySchemaIsDraft07AndUsesNothingLater() throws IOException {
    List<Path> schemas;
    try (Stream<Path> files = Files.list(SPECS.resolve("schema"))) {
      schemas = files.filter(p -> p.toString().endsWith(".json")).sorted().collect(Collectors.toList());
    }
    assertThat(schemas).hasSizeGreaterThanOrEqualTo(5);
    for (Path file : schemas) {
      JsonNode schema = new ObjectMapper().readTree(file.toFile());
      assertThat(schema.path("$schema").asText())
          .as("%s", file)
          .isEqualTo("http://json-schema.org/draft-07/schema#");
      List<String> later = new java.util.ArrayList<>();
      collectUnknownKeywords(schema, "", later);
      assertThat(later).as("keywords outside draft-07 in %s", file).isEmpty();
    }
  }

  private static void collectUnknownKeywords(JsonNode schema, String at, List<String> unknown) {
    if (schema.isArray()) {
      for (int i = 0; i < schema.size(); i++) {
        collectUnknownKeywords(schema.get(i), at + "/" + i, unknown);
      }
      return;
    }
    if (!schema.isObject()) {
      return;
    }
    for (var e : schema.properties()) {
      String key = e.getKey();
      if (!DRAFT_07.contains(key)) {
        unknown.add(at + "/" + key);
      } else if (key.equals("properties") || key.equals("definitions")) {
        for (var named : e.getValue().properties()) {
          collectUnknownKeywords(named.getValue(), at + "/" + key + "/" + named.getKey(), unknown);
        }
      } else if (!List.of("enum", "const", "required", "examples", "default", "type").contains(key)) {
        collectUnknownKeywords(e.getValue(), at + "/" + key, unknown);
      }
    }
  }
}
