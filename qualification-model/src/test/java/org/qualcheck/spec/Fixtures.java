package org.qualcheck.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.qualcheck.model.Qualification;

/** Reads the spec fixtures under {@code src/test/resources/specs} and checks how they fail. */
final class Fixtures {
  static final SpecReader READER = new SpecReader();

  private Fixtures() {}

  /** The text of a fixture. */
  static String text(String name) {
    try (InputStream in = Fixtures.class.getClassLoader().getResourceAsStream("specs/" + name)) {
      assertThat(in).as("fixture %s", name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads a fixture that should load. */
  static Qualification load(String name) {
    return READER.read("specs/" + name, text(name));
  }

  /** Reads a fixture that should fail, checking that its report is fit for a designer. */
  static SpecException failure(String name) {
    return failureOf("specs/" + name, text(name));
  }

  /** Reads text that should fail, checking that its report is fit for a designer. */
  static SpecException failureOf(String displayName, String text) {
    SpecException e =
        catchThrowableOfType(SpecException.class, () -> READER.read(displayName, text));
    assertThat(e).as("%s should be refused", displayName).isNotNull();
    assertPlain(e);
    return e;
  }

  /** No programmer's vocabulary reaches the designer, and every line is located. */
  static void assertPlain(SpecException e) {
    assertThat(e.problems()).isNotEmpty();
    assertThat(e.getMessage())
        .doesNotContain("Exception")
        .doesNotContain("at com.")
        .doesNotContainIgnoringCase("jackson")
        .doesNotContainIgnoringCase("snakeyaml")
        .doesNotContain("$.")
        .doesNotContain("#/");
    assertThat(e.getMessage().lines()).hasSize(e.problems().size());
    for (SpecProblem p : e.problems()) {
      assertThat(p.location().line()).isPositive();
      assertThat(p.location().column()).isPositive();
      assertThat(p.message()).isNotBlank().doesNotContain("\n");
    }
  }

  /** The one problem of a report that has exactly one. */
  static SpecProblem only(SpecException e) {
    assertThat(e.problems()).hasSize(1);
    return e.problems().get(0);
  }

  /** Asserts file, line and column of a problem. */
  static void assertAt(SpecProblem p, String file, int line, int column) {
    assertThat(p.location().file()).isEqualTo(file);
    assertThat(p.location().line()).as("line of: %s", p).isEqualTo(line);
    assertThat(p.location().column()).as("column of: %s", p).isEqualTo(column);
  }
}
