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
 * The specs shipped under {@code specs/}: each fits the schema as an editor would check it, loads
 * through the reader, and points editors at the schema on its first line.
 */
class SpecFilesTest {
  private static final Path SPECS = Path.of("../specs");
  private static final Path SCHEMA = SPECS.resolve("schema/qualification.schema.json");

  static List<Path> specFiles() throws IOException {
    try (Stream<Path> files = Files.walk(SPECS)) {
      List<Path> specs =
          files.filter(p -> p.toString().endsWith(".yaml")).sorted().collect(Collectors.toList());
      assertThat(specs).isNotEmpty();
      return specs;
    }
  }

  @ParameterizedTest
  @MethodSource("specFiles")
  void fitsTheSchema(Path spec) throws IOException {
    Schema schema =
        SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
            .getSchema(new ObjectMapper().readTree(SCHEMA.toFile()));
    JsonNode tree = new ObjectMapper(new YAMLFactory()).readTree(spec.toFile());
    assertThat(schema.validate(tree)).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("specFiles")
  void loadsThroughTheReader(Path spec) {
    assertThat(Fixtures.READER.read(spec).units()).isNotEmpty();
  }

  @ParameterizedTest
  @MethodSource("specFiles")
  void namesTheSchemaOnItsFirstLine(Path spec) throws IOException {
    assertThat(Files.readAllLines(spec).get(0))
        .isEqualTo("# yaml-language-server: $schema=schema/qualification.schema.json");
  }

  @Test
  void theSchemaIsPackagedWithTheReader() throws IOException {
    try (InputStream in = SpecReader.class.getResourceAsStream(SchemaCheck.SCHEMA_RESOURCE)) {
      assertThat(in).isNotNull();
      assertThat(new ObjectMapper().readTree(in)).isEqualTo(new ObjectMapper().readTree(SCHEMA.toFile()));
    }
  }

  @Test
  void theSchemaForbidsUnknownKeysEverywhere() throws IOException {
    JsonNode schema = new ObjectMapper().readTree(SCHEMA.toFile());
    List<String> open = new java.util.ArrayList<>();
    collectOpenObjects(schema, "", open);
    assertThat(open).isEmpty();
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
}
