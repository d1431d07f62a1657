package org.qualcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's batch example works as written on a fresh clone: the cohort it reads is shipped in
 * {@code examples/}, the README shows that file as it is, and the results it shows are the ones
 * the command writes.
 */
class ReadmeCohortTest {
  private static final String COMMAND =
      "$ ./qualcheck batch --spec specs/ocr-03455-customer-service-l2.yaml --input"
          + " examples/cohort.csv --output - --output-format jsonl";

  @TempDir Path dir;

  @Test
  void theReadmeBatchExampleRunsAsWritten() throws IOException {
    List<String> readme = Files.readAllLines(Path.of("../README.md"));
    int cat = readme.indexOf("$ cat examples/cohort.csv");
    int command = readme.indexOf(COMMAND);
    assertThat(cat).as("the README shows the shipped cohort").isPositive();
    assertThat(command).as("the README runs the batch on it").isGreaterThan(cat);
    Path cohort = Path.of("../examples/cohort.csv");
    assertThat(Files.readAllLines(cohort)).isEqualTo(readme.subList(cat + 1, command));

    List<String> shown =
        readme.subList(command + 1, readme.size()).stream()
            .takeWhile(line -> line.startsWith("{"))
            .toList();
    assertThat(shown).hasSize(4);
    Path results = dir.resolve("results.jsonl");
    CliRun run =
        CliRun.of("batch", "--spec", "../specs/ocr-03455-customer-service-l2.yaml", "--input",
            cohort.toString(), "--output", results.toString(), "--output-format", "jsonl");
    assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
    assertThat(Files.readAllLines(results)).isEqualTo(shown);
    assertThat(run.err()).startsWith("4 records: 1 met, 1 not met, 2 errors (");
  }
}
