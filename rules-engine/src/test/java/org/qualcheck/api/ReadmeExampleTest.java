package org.qualcheck.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The README's library example is the code of the embedding example project, which compiles and
 * runs it against the installed jars (see {@code .ci/run}); this keeps the two the same text.
 */
class ReadmeExampleTest {
  static final Path README = Path.of("../README.md");
  static final Path EXAMPLE =
      Path.of(
          "../examples/embedding/src/test/java/org/qualcheck/example/embedding/EmbeddingTest.java");

  @Test
  void theReadmeShowsTheExampleProjectsCodeWordForWord() throws IOException {
    List<String> example = new ArrayList<>();
    boolean inside = false;
    for (String line : Files.readAllLines(EXAMPLE)) {
      if (line.strip().equals("// README example: end")) {
        inside = false;
      }
      if (inside) {
        example.add(line);
      }
      if (line.strip().equals("// README example: begin")) {
        inside = true;
      }
    }
    assertThat(example).as("the marked lines of %s", EXAMPLE).isNotEmpty();
    assertThat(javaBlockContaining(Files.readAllLines(README), "Qualcheck.load("))
        .isEqualTo(outdented(example));
  }

  @Test
  void theReadmeShowsTheRecordExampleWordForWord() throws IOException {
    List<String> example = new ArrayList<>();
    boolean inside = false;
    for (String line : Files.readAllLines(EXAMPLE)) {
      if (line.strip().equals("// README record example: end")) {
        inside = false;
      }
      if (inside) {
        example.add(line);
      }
      if (line.strip().equals("// README record example: begin")) {
        inside = true;
      }
    }
    assertThat(example).as("the record example's lines in %s", EXAMPLE).isNotEmpty();
    assertThat(javaBlockContaining(Files.readAllLines(README), "LearnerRecord.builder("))
        .isEqualTo(outdented(example));
  }

  /** The lines of the first fenced Java block holding {@code text}, without the fences. */
  static List<String> javaBlockContaining(List<String> markdown, String text) {
    List<String> block = null;
    for (String line : markdown) {
      if (block == null && line.equals("```java")) {
        block = new ArrayList<>();
      } else if (block != null && line.equals("```")) {
        if (block.stream().anyMatch(l -> l.contains(text))) {
          return block;
        }
        block = null;
      } else if (block != null) {
        block.add(line);
      }
    }
    throw new AssertionError("the README has no Java block with " + text);
  }

  static List<String> outdented(List<String> lines) {
    int indent =
        lines.stream()
            .filter(l -> !l.isBlank())
            .mapToInt(l -> l.length() - l.stripLeading().length())
            .min()
            .orElse(0);
    return lines.stream().map(l -> l.isBlank() ? "" : l.substring(indent)).toList();
  }
}
