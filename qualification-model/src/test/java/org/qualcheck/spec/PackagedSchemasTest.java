package org.qualcheck.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The schemas compiled into the reader are the files editors use, character for character: the
 * build writes them into Java string constants, and an escape lost on the way (a backslash, a
 * quote, a letter outside ASCII) would change what the reader accepts without any other test
 * noticing.
 */
class PackagedSchemasTest {
  @ParameterizedTest(name = "{1}")
  @CsvSource({
    SchemaCheck.SCHEMA_RESOURCE + ", qualification.schema.json",
    SchemaCheck.CATALOGUE_SCHEMA_RESOURCE + ", catalogue.schema.json",
    FrameworkReader.SCHEMA_RESOURCE + ", framework.schema.json",
  })
  void theCompiledTextIsTheSchemaFile(String resource, String file) throws IOException {
    String onDisk = Files.readString(Path.of("../specs/schema", file), StandardCharsets.UTF_8);
    assertThat(PackagedSchemas.text(resource)).isEqualTo(onDisk);
    try (InputStream packaged = SchemaValidator.class.getResourceAsStream(resource)) {
      assertThat(packaged).as("the file is still packaged, for editors and tools").isNotNull();
      assertThat(new String(packaged.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(onDisk);
    }
  }

  @ParameterizedTest
  @CsvSource({"/org/qualcheck/spec/learner-record.schema.json", "/schemas/several-types.schema.json"})
  void otherSchemasAreNotCompiledIn(String resource) {
    assertThat(PackagedSchemas.text(resource)).isNull();
  }
}
