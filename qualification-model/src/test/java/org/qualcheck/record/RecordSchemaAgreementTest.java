package org.qualcheck.record;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The record reader and a complete JSON Schema validator (networknt, draft-07, as editors and
 * MIS exports apply {@code learner-record.schema.json}) accept and refuse the same records: the
 * fixtures, and seeded random records, valid and corrupted. The one rule the schema cannot state,
 * that a record lists a unit, code or achievement once, is checked on its own.
 */
class RecordSchemaAgreementTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Schema SCHEMA = load(Path.of("../specs/schema/learner-record.schema.json"));
  private static final RecordReader READER = new RecordReader();
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private static Schema load(Path file) {
    try {
      return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
          .getSchema(MAPPER.readTree(file.toFile()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void theFixturesGetTheSameVerdicts() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("src/test/resources/records"))) {
      List<Path> all = files.sorted().toList();
      assertThat(all).hasSizeGreaterThanOrEqualTo(3);
      for (Path file : all) {
        JsonNode root = MAPPER.readTree(file.toFile());
        assertThat(readerAccepts(root)).as("%s", file).isEqualTo(schemaAccepts(root));
      }
    }
  }

  @Test
  void aDayNotOnTheCalendarIsRefusedByBoth() {
    ObjectNode r = F.objectNode().put("learner", "L").put("registered", "2025-02-29");
    assertThat(schemaAccepts(r)).isFalse();
    assertThat(readerAccepts(r)).isFalse();
    r.put("registered", "2024-02-29");
    assertThat(schemaAccepts(r)).isTrue();
    assertThat(readerAccepts(r)).isTrue();
  }

  @Test
  void aUnitListedTwiceIsRefusedByTheReaderThoughTheSchemaCannotSaySo() {
    ObjectNode r = F.objectNode().put("learner", "L");
    r.putArray("units").add("F1").add(F.objectNode().put("unit", "f1").put("status", "planned"));
    assertThat(schemaAccepts(r)).isTrue();
    assertThat(readerAccepts(r)).isFalse();
  }

  static Stream<Integer> seeds() {
    return IntStream.range(0, 500).boxed();
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void randomRecordsGetTheSameVerdicts(int seed) {
    Random random = new Random(seed);
    ObjectNode root = randomRecord(random);
    int corruptions = random.nextInt(3);
    for (int i = 0; i < corruptions; i++) {
      corrupt(root, random);
    }
    boolean reader = readerAccepts(root);
    boolean expected = schemaAccepts(root) && !listsSomethingTwice(root);
    assertThat(reader).as("seed %s: %s", seed, root).isEqualTo(expected);
  }

  private static boolean schemaAccepts(JsonNode root) {
    return SCHEMA.validate(root).isEmpty();
  }

  private static boolean readerAccepts(JsonNode root) {
    try {
      READER.read("r", root.toString());
      return true;
    } catch (RecordException e) {
      return false;
    }
  }

  /** Whether a list of the record repeats a name, stripped and compared without case. */
  private static boolean listsSomethingTwice(JsonNode root) {
    return repeats(root.get("units"), "unit")
        || repeats(root.get("qualifications"), "code")
        || repeats(root.get("achievements"), "id");
  }

  private static boolean repeats(JsonNode list, String field) {
    if (list == null || !list.isArray()) {
      return false;
    }
    Set<String> seen = new HashSet<>();
    for (JsonNode e : list) {
      JsonNode name = e.isObject() ? e.get(field) : e;
      if (name != null && name.isTextual()
          && !seen.add(name.asText().strip().toUpperCase(Locale.ROOT))) {
        return true;
      }
    }
    return false;
  }

  private static final List<String> UNITS = List.of("F1", "F2", "A3", "R/601/1212", "b2", " C3 ");
  private static final List<String> STATUSES = List.of("achieved", "in-progress", "planned");
  private static final List<String> VIAS = List.of("assessment", "transfer", "rpl", "exemption");

  private static ObjectNode randomRecord(Random random) {
    ObjectNode r = F.objectNode().put("learner", "L" + random.nextInt(100));
    if (random.nextBoolean()) {
      r.put("registered", date(random));
    }
    ArrayNode units = r.putArray("units");
    int n = random.nextInt(5);
    for (int i = 0; i < n; i++) {
      String unit = UNITS.get(random.nextInt(UNITS.size()));
      if (random.nextInt(4) == 0) {
        units.add(unit);
        continue;
      }
      ObjectNode u = units.addObject().put("unit", unit)
          .put("status", STATUSES.get(random.nextInt(3)));
      if (random.nextBoolean()) {
        u.put("date", date(random));
      }
      if (random.nextBoolean()) {
        u.put("via", VIAS.get(random.nextInt(4)));
        if (u.get("via").asText().equals("transfer") && random.nextBoolean()) {
          u.put("from", "600/2870/1");
        }
      }
      if (random.nextInt(4) == 0) {
        u.put("evidence", "certificate " + random.nextInt(9999));
      }
    }
    if (random.nextBoolean()) {
      r.putArray("qualifications").addObject().put("code", "03455")
          .put("status", STATUSES.get(random.nextInt(3)));
    }
    if (random.nextBoolean()) {
      ArrayNode a = r.putArray("achievements");
      a.addObject().put("id", "err");
      if (random.nextBoolean()) {
        a.addObject().put("id", random.nextBoolean() ? "plts" : "ERR").put("date", date(random));
      }
    }
    return r;
  }

  private static String date(Random random) {
    return String.format("%04d-%02d-%02d", 2015 + random.nextInt(15), 1 + random.nextInt(12),
        1 + random.nextInt(28));
  }

  private static final List<JsonNode> REPLACEMENTS =
      List.of(
          F.textNode(""),
          F.textNode("   "),
          F.textNode("A\u0007"),
          F.textNode("F1"),
          F.textNode("achieved"),
          F.textNode("done"),
          F.textNode("transfer"),
          F.textNode("rpl"),
          F.textNode("2025-02-30"),
          F.textNode("2025-2-3"),
          F.textNode("2024-02-29"),
          F.textNode("600/2870/1"),
          F.numberNode(3),
          F.booleanNode(true),
          F.nullNode(),
          F.arrayNode(),
          F.objectNode());

  private static final List<String> KEYS =
      List.of("learner", "registered", "units", "unit", "status", "date", "via", "from",
          "evidence", "qualifications", "code", "achievements", "id", "qualification", "credits");

  /** One random change: a field removed, added or replaced, or a list item added or replaced. */
  private static void corrupt(JsonNode root, Random random) {
    List<JsonNode> containers = new ArrayList<>();
    collect(root, containers);
    JsonNode target = containers.get(random.nextInt(containers.size()));
    JsonNode replacement = REPLACEMENTS.get(random.nextInt(REPLACEMENTS.size())).deepCopy();
    if (target.isObject()) {
      ObjectNode o = (ObjectNode) target;
      List<String> names = new ArrayList<>();
      o.fieldNames().forEachRemaining(names::add);
      int action = random.nextInt(3);
      if (action == 0 && !names.isEmpty()) {
        o.remove(names.get(random.nextInt(names.size())));
      } else if (action == 1 || names.isEmpty()) {
        o.set(KEYS.get(random.nextInt(KEYS.size())), replacement);
      } else {
        o.set(names.get(random.nextInt(names.size())), replacement);
      }
    } else {
      ArrayNode a = (ArrayNode) target;
      if (a.isEmpty() || random.nextBoolean()) {
        a.add(replacement);
      } else {
        a.set(random.nextInt(a.size()), replacement);
      }
    }
  }

  private static void collect(JsonNode node, List<JsonNode> containers) {
    if (node.isContainerNode()) {
      containers.add(node);
      node.forEach(child -> collect(child, containers));
    }
  }
}
