package org.qualcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each real structure shipped in {@code specs/} (not the illustrative ones in {@code
 * specs/examples/}) cites its source and quotes its rule in its header, marks the placeholder
 * units it holds for what the source omits, lints clean and is rendered by {@code show}; so a
 * broken or unexplained shipped spec fails the build. (Every shipped file also lints clean in
 * {@link LintCommandTest}, and the JSON Schema is applied to each in {@code SchemaAgreementTest}.)
 */
class ShippedSpecsTest {
  static List<Path> realSpecs() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("../specs"))) {
      List<Path> specs = files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
      assertThat(specs).as("real structures shipped").hasSizeGreaterThanOrEqualTo(3);
      return specs;
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("realSpecs")
  void headerCitesTheSourceAndQuotesTheRule(Path spec) throws IOException {
    String text = Files.readString(spec, StandardCharsets.UTF_8);
    String header = text.substring(0, text.indexOf("\nqualification:"));
    assertThat(header).as("%s cites its source", spec).containsPattern("(?m)^# *(\\[\\d\\] *)?Sources?:?");
    assertThat(header).as("%s quotes its rule", spec).contains("as printed").contains("\"");
    assertThat(header).as("%s says how each rule reads the source", spec)
        .contains("How each rule below reads it");
    if (text.substring(header.length()).contains("PLACEHOLDER")
        || text.substring(header.length()).toLowerCase(java.util.Locale.ROOT).contains("placeholder")) {
      assertThat(header).as("%s explains its placeholders", spec).contains("GAPS");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("realSpecs")
  void lintsCleanAndShowRendersIt(Path spec) {
    CliRun lint = CliRun.of("lint", spec.toString());
    assertThat(lint.exitCode()).as(lint.err()).isZero();
    assertThat(lint.out()).isEqualTo(spec + ": no findings\n");
    CliRun show = CliRun.of("show", spec.toString());
    assertThat(show.exitCode()).as(show.err()).isZero();
    assertThat(show.out()).contains("Rules of combination");
    CliRun mermaid = CliRun.of("show", "--format", "mermaid", spec.toString());
    assertThat(mermaid.exitCode()).as(mermaid.err()).isZero();
  }
}
