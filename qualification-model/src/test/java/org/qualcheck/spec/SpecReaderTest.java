package org.qualcheck.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.qualcheck.spec.Fixtures.assertAt;
import static org.qualcheck.spec.Fixtures.only;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qualcheck.model.Level;
import org.qualcheck.model.Qualification;
import org.qualcheck.model.SourceLocation;
import org.qualcheck.model.Unit;
import org.qualcheck.rule.AllOf;
import org.qualcheck.rule.Barred;
import org.qualcheck.rule.Bounds;
import org.qualcheck.rule.Choose;
import org.qualcheck.rule.Equivalent;
import org.qualcheck.rule.LevelFilter;
import org.qualcheck.rule.Measure;
import org.qualcheck.rule.Scope;
import org.qualcheck.rule.Total;

/** The reader's entry points, and what it builds from a valid spec using every feature. */
class SpecReaderTest {
  private static final SpecReader READER = Fixtures.READER;

  @Test
  void buildsEveryPartOfAValidSpec() {
    Qualification q = Fixtures.load("valid-minimal.yaml");
    assertThat(q.code()).isEqualTo("T1");
    assertThat(q.title()).isEqualTo("Test qualification");
    assertThat(q.source()).isEqualTo("test fixture");
    assertThat(q.number().orElseThrow().value()).isEqualTo("601/5021/X");
    assertThat(q.lowestLevel()).isEqualTo(Level.ENTRY_3);
    assertThat(q.highestLevel()).isEqualTo(Level.LEVEL_3);

    Unit a1 = q.unit("A1").orElseThrow();
    assertThat(a1.reference().orElseThrow().value()).isEqualTo("F/601/1609");
    assertThat(a1.credits()).isEqualTo(4);
    assertThat(a1.level()).isEqualTo(Level.LEVEL_2);
    assertThat(a1.guidedLearningHours()).isEqualTo(OptionalInt.of(30));
    Unit a2 = q.unit("A2").orElseThrow();
    assertThat(a2.reference()).isEmpty();
    assertThat(a2.level()).isEqualTo(Level.ENTRY_3);
    assertThat(a2.guidedLearningHours()).isEmpty();

    assertThat(q.groups().get("A").units()).containsExactly("A1", "A2");
    assertThat(q.groups().get("A").declaredCredits()).isEqualTo(OptionalInt.of(10));
    assertThat(q.groups().get("B").declaredCredits()).isEmpty();

    assertThat(q.rules())
        .containsExactly(
            new AllOf("rule-1", Scope.groups("A")),
            new Total(
                "enough",
                Measure.CREDITS,
                Scope.groups("A", "B"),
                java.util.Optional.of(LevelFilter.atMost(Level.LEVEL_2)),
                Bounds.between(12, 20)),
            new Choose("rule-3", com.google.common.collect.ImmutableList.of("A2", "A3"), Bounds.exactly(1)),
            new Barred("rule-4", com.google.common.collect.ImmutableList.of("A2", "A3")),
            new Equivalent("rule-5", com.google.common.collect.ImmutableList.of("A1", "A3")),
            new Total(
                "rule-6",
                Measure.GUIDED_LEARNING_HOURS,
                Scope.units(List.of("A1")),
                java.util.Optional.empty(),
                new Bounds(OptionalLong.of(1), OptionalLong.empty())));
  }

  @Test
  void recordsWhereEachUnitGroupAndRuleIsWritten() {
    Qualification q = Fixtures.load("valid-minimal.yaml");
    String f = "specs/valid-minimal.yaml";
    assertThat(q.location("unit:A1")).contains(new SourceLocation(f, 9, 5));
    assertThat(q.location("unit:A3")).contains(new SourceLocation(f, 19, 5));
    assertThat(q.location("group:B")).contains(new SourceLocation(f, 28, 5));
    assertThat(q.location("rule:rule-1")).contains(new SourceLocation(f, 32, 5));
    assertThat(q.location("rule:enough")).contains(new SourceLocation(f, 33, 5));
    assertThat(q.location("qualification:number")).contains(new SourceLocation(f, 5, 11));
    assertThat(q.locations()).hasSize(1 + 3 + 2 + 6);
  }

  @Test
  void aCatalogueIsToldApartFromASpecAndReadOnItsOwn() {
    Path catalogue = Path.of("../specs/examples/catalogue/customer-service-units.yaml");
    Path spec = Path.of("../specs/ocr-03455-customer-service-l2.yaml");
    assertThat(READER.readSpecOrCatalogue(spec).code()).isEqualTo("03455");
    assertThat(READER.readSpecOrCatalogue(spec).rules()).hasSize(8);
    assertThat(READER.readSpecOrCatalogue(catalogue).units().keySet())
        .isEqualTo(READER.readCatalogue(catalogue).units().keySet());
    assertThatThrownBy(() -> READER.readSpecOrCatalogue(Path.of("no-such-file.yaml")))
        .isInstanceOf(SpecException.class)
        .hasMessageContaining("no-such-file.yaml:1:1: the file does not exist");
    Qualification units = READER.readCatalogue(catalogue);
    assertThat(units.rules()).isEmpty();
    assertThat(units.units()).containsKey("R/601/1212");
    assertThat(units.units().get("R/601/1212").credits()).isEqualTo(5);
    assertThat(units.location("unit:F/601/1609").orElseThrow().line()).isEqualTo(16);
    assertThatThrownBy(() -> READER.read(catalogue))
        .isInstanceOf(SpecException.class)
        .hasMessageContaining("customer-service-units.yaml:9:1: this is a unit catalogue, not a"
            + " qualification spec");
  }

  @Test
  void namesAreCheckedEvenWhenTheSchemaRefusesTheSpec() {
    SpecException e =
        catchThrowableOfType(
            SpecException.class,
            () ->
                READER.read(
                    "both.yaml",
                    """
                    qualification: {code: B, title: Both kinds, source: test}
                    units:
                      - {number: U1, title: One, credits: 0, level: 2}
                      - {number: U2, title: Two, credits: 4, level: 2}
                    groups:
                      - {id: G, title: G, units: [U1, U9]}
                    rules:
                      - {id: r, total: {groups: [G, H], min: 5, max: 2}}
                      - {id: r, barred: [U1, U1]}
                    """));
    assertThat(e.problems())
        .extracting(p -> p.location().line() + ": " + p.message())
        .containsExactly(
            "3: \"credits\" of unit \"U1\" must be a whole number of at least 1, not 0",
            "6: group \"G\" names unit \"U9\", which is not declared under \"units\"",
            "8: rule \"r\" names group \"H\", which is not declared under \"groups\"",
            "8: rule \"r\" has a minimum of 5 above its maximum of 2, so no plan could meet it",
            "9: two rules have the id \"r\"; the first is on line 8, so give this one another id",
            "9: rule \"r\" lists unit \"U1\" twice");
  }

  @Test
  void namesAreNotJudgedAgainstDeclarationsTooMalformedToRead() {
    SpecException e =
        catchThrowableOfType(
            SpecException.class,
            () ->
                READER.read(
                    "malformed.yaml",
                    """
                    qualification: {code: M, title: Malformed, source: test}
                    units: {U1: 4}
                    groups: [7, {id: G, title: G, units: 5}]
                    rules: [3, {all-of: {units: [U1]}}]
                    """));
    assertThat(e.problems()).noneMatch(p -> p.message().contains("not declared"));
    assertThat(e.problems()).extracting(p -> p.location().line()).contains(2, 3, 4);
  }

  @Test
  void readsWhichRulesAreMarkedImplied() {
    Qualification q =
        READER.read(
            "implied.yaml",
            """
            qualification: {code: I, title: Implied, source: test}
            units:
              - {number: U1, title: One, credits: 4, level: 2}
            rules:
              - {id: one-unit, total: {measure: units, min: 1}}
              - {id: four-credits, implied: true, total: {min: 4}}
              - {id: not-marked, implied: false, total: {min: 1}}
            """);
    assertThat(q.impliedRules()).containsExactly("four-credits");
    assertThatThrownBy(
            () ->
                READER.read(
                    "implied-text.yaml",
                    """
                    qualification: {code: I, title: Implied, source: test}
                    units:
                      - {number: U1, title: One, credits: 4, level: 2}
                    rules:
                      - {id: four-credits, implied: "yes", total: {min: 4}}
                    """))
        .isInstanceOf(SpecException.class)
        .hasMessageContaining("implied-text.yaml:5:");
  }

  @Test
  void readsFromAPath(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("t1.yaml");
    Files.writeString(file, Fixtures.text("valid-minimal.yaml"));
    assertThat(READER.read(file).code()).isEqualTo("T1");
  }

  @Test
  void readsFromAStreamWithoutClosingIt() {
    byte[] bytes = Fixtures.text("valid-minimal.yaml").getBytes(StandardCharsets.UTF_8);
    boolean[] closed = {false};
    InputStream in =
        new ByteArrayInputStream(bytes) {
          @Override
          public void close() {
            closed[0] = true;
          }
        };
    assertThat(READER.read("stdin", in).units()).hasSize(3);
    assertThat(closed[0]).isFalse();
  }

  @Test
  void readsFromACharacterStreamWithoutClosingIt() {
    boolean[] closed = {false};
    Reader in =
        new StringReader(Fixtures.text("valid-minimal.yaml")) {
          @Override
          public void close() {
            closed[0] = true;
          }
        };
    assertThat(READER.read("column", in).units()).hasSize(3);
    assertThat(closed[0]).isFalse();
  }

  @Test
  void anOversizedCharacterStreamIsRefused() {
    Reader big = new StringReader("#".repeat(4 * 1024 * 1024) + "\n\n");
    SpecException e = catchThrowableOfType(SpecException.class, () -> READER.read("big", big));
    Fixtures.assertPlain(e);
    assertThat(e.getMessage()).startsWith("big:1:1: the file is larger than 4 MB");
  }

  @Test
  void anUnreadableCharacterStreamIsASpecProblem() {
    Reader broken =
        new Reader() {
          @Override
          public int read(char[] buffer, int offset, int length) throws IOException {
            throw new IOException("disk on fire");
          }

          @Override
          public void close() {}
        };
    SpecException e = catchThrowableOfType(SpecException.class, () -> READER.read("pipe", broken));
    Fixtures.assertPlain(e);
    assertThat(e.getMessage()).isEqualTo("pipe:1:1: the spec cannot be read").doesNotContain("fire");
  }

  @Test
  void ignoresAByteOrderMark() {
    assertThat(READER.read("bom.yaml", "\uFEFF" + Fixtures.text("valid-minimal.yaml")).code())
        .isEqualTo("T1");
  }

  @Test
  void aMissingFileIsASpecProblem(@TempDir Path dir) {
    Path missing = dir.resolve("missing.yaml");
    SpecException e = catchThrowableOfType(SpecException.class, () -> READER.read(missing));
    Fixtures.assertPlain(e);
    assertAt(only(e), missing.toString(), 1, 1);
    assertThat(only(e).message()).isEqualTo("the file does not exist");
  }

  @Test
  void aFolderIsASpecProblem(@TempDir Path dir) {
    SpecException e = catchThrowableOfType(SpecException.class, () -> READER.read(dir));
    Fixtures.assertPlain(e);
    assertThat(only(e).message()).isEqualTo("this is a folder, not a spec file");
  }

  @Test
  void aFileThatIsNotUtf8IsASpecProblem(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("latin1.yaml");
    Files.write(file, "title: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
    SpecException e = catchThrowableOfType(SpecException.class, () -> READER.read(file));
    Fixtures.assertPlain(e);
    assertThat(only(e).message()).startsWith("the file is not UTF-8 text");
  }

  @Test
  void anOversizedFileIsRefusedBeforeReading(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("big.yaml");
    Files.write(file, new byte[4 * 1024 * 1024 + 1]);
    SpecException e = catchThrowableOfType(SpecException.class, () -> READER.read(file));
    Fixtures.assertPlain(e);
    assertThat(only(e).message()).startsWith("the file is larger than 4 MB");
  }

  @Test
  void anOversizedStreamIsRefused() {
    InputStream big =
        new java.io.SequenceInputStream(
            new ByteArrayInputStream(new byte[4 * 1024 * 1024]),
            new ByteArrayInputStream(new byte[] {'\n', '\n'}));
    SpecException e = catchThrowableOfType(SpecException.class, () -> READER.read("big", big));
    Fixtures.assertPlain(e);
    assertThat(e.getMessage()).startsWith("big:1:1: the file is larger than 4 MB");
  }

  @Test
  void anEmptyStreamIsAnEmptySpec() {
    SpecException e =
        catchThrowableOfType(
            SpecException.class, () -> READER.read("stdin", InputStream.nullInputStream()));
    assertThat(e.getMessage()).startsWith("stdin:1:1: the file is empty");
  }

  @Test
  void anUnreadableStreamIsASpecProblem() {
    InputStream broken =
        new InputStream() {
          @Override
          public int read() throws IOException {
            throw new IOException("disk on fire");
          }
        };
    SpecException e = catchThrowableOfType(SpecException.class, () -> READER.read("pipe", broken));
    Fixtures.assertPlain(e);
    assertThat(e.getMessage()).isEqualTo("pipe:1:1: the spec cannot be read").doesNotContain("fire");
  }

  @Test
  void oneReaderServesManyThreads() throws Exception {
    String good = Fixtures.text("valid-minimal.yaml");
    String bad = Fixtures.text("many-problems.yaml");
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Integer>> results = new java.util.ArrayList<>();
      for (int i = 0; i < 64; i++) {
        boolean even = i % 2 == 0;
        results.add(
            pool.submit(
                () -> {
                  if (even) {
                    return READER.read("good.yaml", good).units().size();
                  }
                  try {
                    READER.read("bad.yaml", bad);
                    return -1;
                  } catch (SpecException e) {
                    return e.problems().size();
                  }
                }));
      }
      for (int i = 0; i < results.size(); i++) {
        assertThat(results.get(i).get()).isEqualTo(i % 2 == 0 ? 3 : 6);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
