package org.qualcheck.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Holds {@link YamlTreeReader}, which reads SnakeYAML's events directly, to the reader it replaced
 * ({@link JacksonYamlTreeReader}, which read them through Jackson's YAML parser): on every fixture
 * and shipped file, and on seeded random mutations of them, both must build the same tree with the
 * same positions, or refuse with the same problems at the same places.
 *
 * <p>The suite runs {@value #SEEDS} seeds of {@value #CASES_PER_SEED} mutations each; {@code
 * -Dqualcheck.yaml.seeds=N} runs N seeds. A failure names its seed and case, and prints the text.
 */
class YamlTreeReaderDifferentialTest {
  static final int SEEDS = 40;
  static final int CASES_PER_SEED = 100;

  private static final YamlTreeReader NEW = new YamlTreeReader();
  private static final JacksonYamlTreeReader OLD = new JacksonYamlTreeReader();

  /** Folders of YAML (and other text) the project's tests and users read, from this module. */
  private static final List<Path> SOURCES =
      List.of(
          Path.of("src/test/resources"),
          Path.of("../rules-engine/src/test/resources"),
          Path.of("../validator-cli/src/test/resources"),
          Path.of("../validator-http/src/test/resources"),
          Path.of("../specs"),
          Path.of("../examples"));

  private static List<Path> corpus;

  /**
   * Refusals the seeded mutations must reach (each by a part of its sentence), so that the
   * comparison covers every rule of the reader and cannot quietly stop doing so.
   */
  private static final List<String> REFUSALS =
      List.of(
          "the anchor \"&",
          "the alias \"*",
          "the tag \"",
          "is given twice in the same mapping",
          "levels deep",
          "the control character",
          "is not plain decimal",
          "a second YAML document",
          "the file is not well-formed YAML here:",
          "a key must be plain text",
          "a number here has too many digits",
          "a text value here is longer than",
          "a key here is longer than",
          "this kind of YAML value is not allowed",
          "YAML's infinity",
          "the top level of the file must be a mapping");

  /** How many mutations each reader read, and how often each refusal was given. */
  private static final java.util.concurrent.ConcurrentHashMap<String, Integer> REACHED =
      new java.util.concurrent.ConcurrentHashMap<>();

  private static final java.util.concurrent.atomic.AtomicInteger SEEDS_RUN =
      new java.util.concurrent.atomic.AtomicInteger();

  /** Every file under the source folders, skipping build output, in a fixed order. */
  static synchronized List<Path> corpus() {
    if (corpus == null) {
      List<Path> files = new ArrayList<>();
      for (Path root : SOURCES) {
        if (!Files.isDirectory(root)) {
          continue;
        }
        try (Stream<Path> walk = Files.walk(root)) {
          walk.filter(Files::isRegularFile)
              .filter(p -> !p.toString().contains("/target/"))
              .filter(p -> !p.toString().contains("node_modules"))
              .filter(YamlTreeReaderDifferentialTest::small)
              .sorted()
              .forEach(files::add);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      corpus = List.copyOf(files);
    }
    return corpus;
  }

  private static boolean small(Path p) {
    try {
      return Files.size(p) <= 256 * 1024;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Stream<Path> files() {
    return corpus().stream();
  }

  static String text(Path p) {
    try {
      return new String(Files.readAllBytes(p), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The kind a file is read as: catalogues and frameworks by their folder, specs otherwise. */
  static YamlTreeReader.Kind kindOf(Path p) {
    String s = p.toString();
    if (s.contains("frameworks")) {
      return YamlTreeReader.Kind.FRAMEWORK;
    }
    if (s.contains("catalogue") || s.contains("/units")) {
      return YamlTreeReader.Kind.CATALOGUE;
    }
    return YamlTreeReader.Kind.SPEC;
  }

  @Test
  void theCorpusHoldsTheShippedSpecsAndTheFixtures() {
    List<String> names = corpus().stream().map(Path::toString).collect(Collectors.toList());
    assertThat(names)
        .anyMatch(n -> n.endsWith("specs/ocr-03455-customer-service-l2.yaml"))
        .anyMatch(n -> n.contains("frameworks/"))
        .anyMatch(n -> n.contains("hostile/"))
        .anyMatch(n -> n.endsWith("specs/billion-laughs.yaml"));
    assertThat(names.size()).isGreaterThan(150);
  }

  @ParameterizedTest
  @MethodSource("files")
  void readsEveryFileAsTheJacksonReaderDid(Path file) {
    String text = text(file);
    for (YamlTreeReader.Kind kind : YamlTreeReader.Kind.values()) {
      assertSame(file.toString(), text, kind, "file " + file + " as " + kind);
    }
  }

  /** Scalars whose type YAML 1.1 and 1.2 disagree on, or that only YAML 1.1 reads as numbers. */
  static Stream<String> scalars() {
    return Stream.of(
        "017", "0o17", "0x1F", "0X1f", "0b101", "1_000", "+5", "-5", "-0", "+0", "00", "09", "08.5",
        "0_", "0x_", "0b_", "1__0", "1:30", "-1:30:00", "190:20:30", "1e3", "1E+3", "1.5", ".5",
        "5.", "+.5", "1_000.5", ".inf", "-.Inf", ".NaN", "yes", "no", "on", "off", "y", "n", "Y",
        "N", "true", "True", "TRUE", "tRUE", "false", "FALSE", "null", "Null", "NULL", "~", "",
        "2001-12-14", "<<", "=", "0x" + "F".repeat(120), "9".repeat(150), "0b" + "1".repeat(70),
        "0" + "7".repeat(30), "-0x" + "f".repeat(9), "12", "-12", "0");
  }

  @ParameterizedTest(name = "[{0}]")
  @MethodSource("scalars")
  void typesEveryScalarAsTheJacksonReaderDid(String scalar) {
    String[] forms = {
      scalar, "'" + scalar + "'", "!!int " + scalar, "!!float " + scalar, "!!bool " + scalar,
      "!!null " + scalar, "!!str " + scalar
    };
    for (String form : forms) {
      String spec = "qualification:\n  code: T\nunits:\n  - credits: " + form + "\n";
      assertSame("scalar.yaml", spec, YamlTreeReader.Kind.SPEC, "credits: " + form);
      assertSame(
          "scalar.yaml", "qualification: {" + form + ": 1}\n", YamlTreeReader.Kind.SPEC, "key " + form);
    }
  }

  /**
   * The reader's shortcut for text ({@link YamlTreeReader#isPlainText}) never says text where
   * SnakeYAML's resolver would type the scalar otherwise: checked on random scalars built from the
   * words and characters the resolver's expressions look for.
   */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void theShortcutForTextAgreesWithTheResolver(int seed) {
    org.yaml.snakeyaml.resolver.Resolver resolver = new org.yaml.snakeyaml.resolver.Resolver();
    String[] parts = {
      "y", "Y", "n", "N", "t", "T", "f", "F", "o", "O", "yes", "no", "on", "off", "true", "false",
      "null", "Null", "NULL", "TRUE", "False", "inf", "nan", "x", "e", "E", "a", "Z", "0", "1", "9",
      ".", "_", ":", "-", "+", " ", "~", "<", "<<", "=", "\t", "2001-12-14", "é", "\u0000"
    };
    Random random = new Random(seed);
    for (int c = 0; c < 2000; c++) {
      StringBuilder b = new StringBuilder();
      for (int k = 1 + random.nextInt(5); k > 0; k--) {
        b.append(parts[random.nextInt(parts.length)]);
      }
      String value = b.toString();
      if (YamlTreeReader.isPlainText(value)) {
        assertThat(resolver.resolve(org.yaml.snakeyaml.nodes.NodeId.scalar, value, true))
            .as("seed %d: %s", seed, value)
            .isEqualTo(org.yaml.snakeyaml.nodes.Tag.STR);
      }
    }
  }

  static IntStream seeds() {
    return IntStream.range(0, Integer.getInteger("qualcheck.yaml.seeds", SEEDS));
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void readsRandomMutationsAsTheJacksonReaderDid(int seed) {
    List<Path> files = corpus();
    Random random = new Random(seed * 1_000_003L + 17);
    for (int c = 0; c < CASES_PER_SEED; c++) {
      Path base = files.get(random.nextInt(files.size()));
      String text = text(base);
      int mutations = 1 + random.nextInt(3);
      for (int m = 0; m < mutations; m++) {
        text = Mutations.mutate(text, random);
      }
      YamlTreeReader.Kind kind = YamlTreeReader.Kind.values()[random.nextInt(3)];
      String outcome =
          assertSame(
              "case.yaml",
              text,
              kind,
              "seed " + seed + " case " + c + " (a mutation of " + base + ", as " + kind + ")");
      REACHED.merge(outcome.startsWith("read ") ? "read" : "refused", 1, Integer::sum);
      for (String refusal : REFUSALS) {
        if (outcome.contains(refusal)) {
          REACHED.merge(refusal, 1, Integer::sum);
        }
      }
    }
    SEEDS_RUN.incrementAndGet();
  }

  /** After the seeded runs: every refusal was reached, and most mutations were still read. */
  @org.junit.jupiter.api.AfterAll
  static void theMutationsReachEveryRefusal() {
    System.out.println(
        "YamlTreeReaderDifferentialTest: "
            + SEEDS_RUN.get()
            + " seeds, "
            + REACHED.getOrDefault("read", 0)
            + " mutations read alike and "
            + REACHED.getOrDefault("refused", 0)
            + " refused alike; refusals reached: "
            + new java.util.TreeMap<>(REACHED));
    if (SEEDS_RUN.get() >= SEEDS) {
      for (String refusal : REFUSALS) {
        assertThat(REACHED.getOrDefault(refusal, 0)).as("mutations refused with \"%s\"", refusal).isPositive();
      }
      assertThat(REACHED.getOrDefault("read", 0)).as("mutations read").isGreaterThan(SEEDS * CASES_PER_SEED / 10);
    }
  }

  private static String assertSame(String file, String text, YamlTreeReader.Kind kind, String what) {
    String expected = outcome(() -> OLD.read(file, text, kind));
    String actual = outcome(() -> NEW.read(file, text, kind));
    if (!expected.equals(actual)) {
      System.out.println("YamlTreeReaderDifferentialTest: " + what + " differs; the text:");
      System.out.println(PrintableTextForTests.show(text));
    }
    assertThat(actual).as(what).isEqualTo(expected);
    return actual;
  }

  /** A reader's answer as text: the tree with node types and positions, or the problems. */
  static String outcome(java.util.function.Supplier<LocatedTree> read) {
    LocatedTree tree;
    try {
      tree = read.get();
    } catch (SpecException e) {
      return "refused "
          + e.kind()
          + "\n"
          + e.problems().stream()
              .map(p -> p.location() + " " + p.message())
              .collect(Collectors.joining("\n"));
    } catch (RuntimeException e) {
      return "threw " + e;
    }
    StringBuilder out = new StringBuilder("read ").append(tree.file()).append(' ').append(tree.kind());
    dump(tree.root(), out);
    out.append("\nvalues");
    for (Map.Entry<String, ?> e : tree.values().entrySet()) {
      out.append('\n').append(e.getKey()).append(' ').append(e.getValue());
    }
    out.append("\nkeys");
    for (Map.Entry<String, ?> e : tree.keys().entrySet()) {
      out.append('\n').append(e.getKey()).append(' ').append(e.getValue());
    }
    return out.toString();
  }

  private static void dump(JsonNode node, StringBuilder out) {
    out.append(' ').append(node.getClass().getSimpleName()).append('(');
    if (node.isObject()) {
      node.properties()
          .forEach(
              e -> {
                out.append(e.getKey()).append(':');
                dump(e.getValue(), out);
                out.append(',');
              });
    } else if (node.isArray()) {
      for (JsonNode item : node) {
        dump(item, out);
        out.append(',');
      }
    } else {
      out.append(node.toString());
    }
    out.append(')');
  }

  /** Shows a text with its control characters visible, for a failure's report. */
  private static final class PrintableTextForTests {
    static String show(String text) {
      StringBuilder b = new StringBuilder();
      text.codePoints()
          .forEach(
              c -> {
                if (c == '\n') {
                  b.append("\\n\n");
                } else if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0x2028 || c == 0x2029
                    || (c >= 0xD800 && c <= 0xDFFF) || c == 0xFEFF) {
                  b.append(String.format("\\u%04X", c));
                } else {
                  b.appendCodePoint(c);
                }
              });
      return b.toString();
    }
  }

  /** Seeded edits that reach the corners of YAML and of the reader's rules. */
  static final class Mutations {
    private static final String[] INSERTS = {
      "&a ", "*a", "&b ", "*b", "!!str ", "!!int ", "!!float ", "!!bool ", "!!null ", "!!binary ",
      "!!map ", "!!seq ", "!custom ", "! ", "!<tag:x> ", "\t", "\r", "\r\n", "\n", ":", ": ", "- ",
      "-", "? ", "?", "[", "]", "{", "}", ",", "#", " #", "\"", "'", "\\", "|", ">", "|-\n", ">+\n",
      "---\n", "...\n", "--- ", "%YAML 1.1\n", "%TAG ! tag:x,2000:\n", "\u0000", "\u0007", "\u001B",
      "\u007F", "\u0085", "\u2028", "\u2029", "\u00A0", "\uFEFF", "\uD800", "\uDC00", "\uFFFE",
      "\uD83D\uDE00", "é", "<<: ", "~", "null", "Null", "NULL", "yes", "no", "on", "off", "Y", "n",
      "y", "N", "TRUE", "True", "tRUE", "true", "false", "FALSE", "017", "0x1F", "0X1f", "0o17",
      "0b101", "0B11", "0b", "0x", "0o", "1_000", "+5", "-5", "-0", "+0", "00", "0_", "0x_", "0b_",
      "09", "08.5", "1__0", "_1", "1_", "+", "-", "1e3", "1E+3", "1.5", "-1.5e-3", ".5", "5.",
      "1_000.5", "+.5", ".inf", "-.Inf", "+.INF", ".NaN", ".nan", "1:30", "-1:30:00", "190:20:30",
      "2001-12-14", "2001-12-14t21:59:43.10-05:00", "0x" + "F".repeat(120), "9".repeat(150),
      "0b" + "1".repeat(70), "0" + "7".repeat(30), "0x" + "F".repeat(20), "-0x" + "f".repeat(9),
      "=", "!!", "&", "*", "@", "`", "%", "x: y", "{a: 1}", "[1, 2]", "{a: 1, a: 2}", "? [a]\n: b\n",
      "? {a: 1}\n: b\n", "*a: 1\n", "&a a: 1\n", "!!str a: 1\n", "\"a\\x41\\u0041\\N\"", "'it''s'",
      "!!binary aGVsbG8=", "!!binary aGVsbG8", "\"\\e\\0\"", "\"\\uD800\"", "\"\\xZZ\"", "\"\\U0001F600\"", "\"\\U00110000\"",
    };

    static String mutate(String text, Random random) {
      List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
      int n = lines.size();
      switch (random.nextInt(16)) {
        case 0:
          if (n > 1) {
            lines.remove(random.nextInt(n));
          }
          return String.join("\n", lines);
        case 1:
          {
            int i = random.nextInt(n);
            lines.add(i, lines.get(i));
            return String.join("\n", lines);
          }
        case 2:
          if (n > 1) {
            int i = random.nextInt(n - 1);
            String a = lines.get(i);
            lines.set(i, lines.get(i + 1));
            lines.set(i + 1, a);
          }
          return String.join("\n", lines);
        case 3:
        case 4:
        case 5:
        case 6:
          {
            String insert = INSERTS[random.nextInt(INSERTS.length)];
            int at = random.nextInt(text.length() + 1);
            if (random.nextBoolean()) {
              // at a value's start: after a colon and space, or after a dash and space
              int colon = text.indexOf(": ", at);
              int dash = text.indexOf("- ", at);
              int next = colon < 0 ? dash : dash < 0 ? colon : Math.min(colon, dash);
              if (next >= 0) {
                at = next + 2;
              }
            }
            return text.substring(0, at) + insert + text.substring(at);
          }
        case 7:
          {
            // replace a value with an odd scalar
            int colon = text.indexOf(": ", random.nextInt(text.length() + 1));
            if (colon < 0) {
              return text;
            }
            int end = text.indexOf('\n', colon);
            end = end < 0 ? text.length() : end;
            return text.substring(0, colon + 2)
                + INSERTS[random.nextInt(INSERTS.length)]
                + text.substring(end);
          }
        case 8:
          {
            int depth = 58 + random.nextInt(12);
            String nest;
            switch (random.nextInt(3)) {
              case 0:
                nest = "[".repeat(depth) + "1" + "]".repeat(depth);
                break;
              case 1:
                nest = "{a: ".repeat(depth) + "1" + "}".repeat(depth);
                break;
              default:
                StringBuilder b = new StringBuilder("\n");
                for (int d = 0; d < depth; d++) {
                  b.append("  ".repeat(d + 1)).append(d % 2 == 0 ? "k:" : "- k:").append('\n');
                }
                b.setLength(b.length() - 2);
                nest = b.append(": 1").toString();
                break;
            }
            int i = random.nextInt(n);
            lines.set(i, lines.get(i).replaceFirst(": .*$", ": " + nest));
            return String.join("\n", lines);
          }
        case 9:
          return random.nextBoolean()
              ? text.replace("\n", "\r")
              : text.replace("\r\n", "\n").replace("\n", random.nextBoolean() ? "\r\n" : "\r")
                  .replaceFirst("\r\n?", "\n");
        case 10:
          {
            int at = random.nextInt(text.length() + 1);
            int len = random.nextInt(Math.min(40, text.length() - at) + 1);
            return text.substring(0, at) + text.substring(at + len);
          }
        case 11:
          {
            int i = random.nextInt(n);
            String line = lines.get(i);
            lines.set(i, random.nextBoolean() ? " " + line : line.replaceFirst("^ ", ""));
            return String.join("\n", lines);
          }
        case 12:
          switch (random.nextInt(4)) {
            case 0:
              return "---\n" + text;
            case 1:
              return text + "\n---\nx: 1\n";
            case 2:
              return text + "\n...\n";
            default:
              return text + "\n--- \n";
          }
        case 13:
          {
            // very long text: a value, a key (plain, quoted or explicit) or a whole line
            int size = random.nextBoolean() ? 1000 + random.nextInt(60) : 65_530 + random.nextInt(20);
            String longText = "x".repeat(size);
            String line;
            switch (random.nextInt(4)) {
              case 0:
                line = "long: " + longText;
                break;
              case 1:
                line = longText + ": 1";
                break;
              case 2:
                line = "\"" + longText + "\": 1";
                break;
              default:
                line = "? " + longText + "\n: 1";
                break;
            }
            if (random.nextBoolean()) {
              return line + "\n" + text;
            }
            lines.add(random.nextInt(n + 1), line);
            return String.join("\n", lines);
          }
        case 14:
          {
            // the same key or anchor twice, in a mapping of the file
            int i = random.nextInt(n);
            String line = lines.get(i);
            int colon = line.indexOf(':');
            if (colon > 0) {
              lines.add(i + 1, line.substring(0, colon) + ": " + (random.nextBoolean() ? "&a 1" : "x"));
            }
            return String.join("\n", lines);
          }
        default:
          {
            // a random character anywhere
            int at = random.nextInt(text.length() + 1);
            char c = (char) (random.nextBoolean() ? random.nextInt(0x80) : random.nextInt(0x10000));
            return text.substring(0, at) + c + text.substring(at);
          }
      }
    }
  }
}
