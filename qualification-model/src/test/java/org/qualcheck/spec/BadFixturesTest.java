package org.qualcheck.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every fixture other than the {@code valid-*} ones shows a mistake, and every one of them is
 * refused with a plain, located report naming the fixture.
 */
class BadFixturesTest {
  private static final Path FIXTURES = Path.of("src/test/resources/specs");

  static List<String> badFixtures() throws IOException {
    try (Stream<Path> files = Files.list(FIXTURES)) {
      List<String> names =
          files
              .map(p -> p.getFileName().toString())
              .filter(n -> n.endsWith(".yaml") && !n.startsWith("valid-"))
              .sorted()
              .collect(Collectors.toList());
      assertThat(names).hasSizeGreaterThan(30);
      return names;
    }
  }

  @ParameterizedTest
  @MethodSource("badFixtures")
  void isRefusedWithALocatedPlainReport(String name) {
    Path file = FIXTURES.resolve(name);
    SpecException e =
        org.assertj.core.api.Assertions.catchThrowableOfType(
            SpecException.class, () -> Fixtures.READER.read(file));
    assertThat(e).as("%s should be refused", name).isNotNull();
    Fixtures.assertPlain(e);
    assertThat(e.problems()).allSatisfy(p -> assertThat(p.location().file()).isEqualTo(file.toString()));
    assertThat(e.getMessage().lines())
        .allSatisfy(line -> assertThat(line).matches("\\Q" + file + "\\E:\\d+:\\d+: \\S.*"));
  }
}
