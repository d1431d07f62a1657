package org.qualcheck.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The catalogue schema as an editor applies it: it accepts a good catalogue, rejects bad ones, and
 * describes a unit's details exactly as the spec schema does, so a unit moved from a spec into a
 * catalogue means the same.
 */
class CatalogueSchemaTest {
  private static final Path FIXTURES = Path.of("src/test/resources/catalogues");

  @Test
  void acceptsAGoodCatalogue() throws IOException {
    assertThat(
            SpecFilesTest.validate(
                SpecFilesTest.CATALOGUE_SCHEMA,
                FIXTURES.resolve("shared/units/customer-service-units.yaml")))
        .isEmpty();
  }

  @Test
  void rejectsACatalogueBreakingIt() throws IOException {
    assertThat(
            SpecFilesTest.validate(
                SpecFilesTest.CATALOGUE_SCHEMA,
                FIXTURES.resolve("catalogue-schema-problems/units.yaml")))
        .extracting(e -> e.getInstanceLocation().toString())
        .contains("/catalogue", "/units/0/number", "/units/0/credits", "/units/1");
  }

  @Test
  void rejectsACatalogueListingCatalogues() throws IOException {
    assertThat(
            SpecFilesTest.validate(
                SpecFilesTest.CATALOGUE_SCHEMA, FIXTURES.resolve("nested-catalogue/units.yaml")))
        .extracting(com.networknt.schema.Error::getProperty)
        .containsExactly("catalogues");
  }

  @Test
  void rejectsASpec() throws IOException {
    assertThat(
            SpecFilesTest.validate(
                SpecFilesTest.CATALOGUE_SCHEMA, FIXTURES.resolve("shared/retail-award.yaml")))
        .isNotEmpty();
  }

  @Test
  void theSpecSchemaRefusesDetailsBesideFromCatalogue() throws IOException {
    assertThat(
            SpecFilesTest.validate(
                SpecFilesTest.SCHEMA, FIXTURES.resolve("details-beside-from-catalogue/spec.yaml")))
        .extracting(e -> e.getInstanceLocation().toString())
        .containsExactlyInAnyOrder("/units/0/credits", "/units/0/title");
  }

  @Test
  void describesUnitDetailsAsTheSpecSchemaDoes() throws IOException {
    JsonNode spec = new ObjectMapper().readTree(SpecFilesTest.SCHEMA.toFile()).path("definitions");
    JsonNode catalogue =
        new ObjectMapper().readTree(SpecFilesTest.CATALOGUE_SCHEMA.toFile()).path("definitions");
    assertThat(catalogue.path("level")).isEqualTo(spec.path("level"));
    assertThat(catalogue.path("text")).isEqualTo(spec.path("text"));
    for (String field : List.of("title", "credits", "level", "glh")) {
      assertThat(catalogue.path("unit").path("properties").path(field))
          .as(field)
          .isEqualTo(spec.path("unit").path("properties").path(field));
    }
    assertThat(catalogue.at("/unit/properties/reference/pattern"))
        .isEqualTo(spec.at("/unit/properties/reference/pattern"))
        .isEqualTo(spec.at("/unit/properties/from-catalogue/pattern"));
  }
}
