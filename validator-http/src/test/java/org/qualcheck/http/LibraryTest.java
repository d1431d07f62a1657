package org.qualcheck.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which files under --specs are served, and which folders are refused. */
class LibraryTest {
  @Test
  void servesEverySpecUnderTheFolderButNotTheCataloguesTheyList() throws Exception {
    Library library = Library.load(Http.SPECS, 1);
    long specs;
    try (Stream<Path> walk = Files.walk(Http.SPECS)) {
      specs = walk.filter(p -> p.toString().endsWith(".yaml"))
          .filter(LibraryTest::isSpec)
          .count();
    }
    assertThat(library.entries()).hasSize((int) specs);
    assertThat(library.get("03455")).isPresent();
    assertThat(library.get("EXAMPLE-CSF")).as("a spec that lists a catalogue").isPresent();
  }

  private static boolean isSpec(Path file) {
    try {
      return Files.readAllLines(file).stream().anyMatch(l -> l.startsWith("qualification:"));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void aSpecWithNoRulesIsServedNotTakenForACatalogue(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("bare.yaml"), "qualification: {code: BARE, title: Bare, source: test}\n"
        + "units:\n  - {number: A1, title: One, credits: 4, level: 2}\nrules: []\n");
    assertThat(Library.load(dir, 1).get("BARE")).isPresent();
  }

  @Test
  void twoSpecsWithOneCodeAreRefused(@TempDir Path dir) throws IOException {
    Files.copy(Http.SPEC_03455, dir.resolve("a.yaml"));
    Files.copy(Http.SPEC_03455, dir.resolve("b.yaml"));
    assertThatThrownBy(() -> Library.load(dir, 1))
        .isInstanceOfSatisfying(Library.LoadException.class, e -> assertThat(e.lines())
            .singleElement().asString().contains("b.yaml").contains("has the code 03455"));
  }

  @Test
  void anEmptyOrMissingFolderIsRefused(@TempDir Path dir) {
    assertThatThrownBy(() -> Library.load(dir, 1)).hasMessageContaining("holds no spec");
    assertThatThrownBy(() -> Library.load(dir.resolve("nope"), 1))
        .hasMessageContaining("no such specs folder");
  }
}
