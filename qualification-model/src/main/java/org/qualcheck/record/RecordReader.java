package org.qualcheck.record;

import static com.google.common.base.Preconditions.checkNotNull;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.qualcheck.model.PrintableText;
import org.qualcheck.model.SourceLocation;

/**
 * Reads a learner record from JSON in the format of {@code learner-record.schema.json}:
 *
 * <pre>{@code
 * {"learner": "L1001", "registered": "2025-09-01",
 *  "units": [{"unit": "F1", "status": "achieved", "date": "2026-02-10"},
 *            {"unit": "D2", "status": "in-progress"}, "A3"]}
 * }</pre>
 *
 * <p>A unit given as plain text is planned, by assessment, as in a plan. Reading is strict: one
 * JSON object and nothing after it, every field named once and known, no value coerced to another
 * type, dates as {@code YYYY-MM-DD} days of the calendar. Every problem is reported at once, each
 * located by line and column, in a {@link RecordException}.
 *
 * <p>Instances are immutable and thread-safe; create one and share it.
 */
public final class RecordReader {
  /** The largest record read, in bytes (and in characters for text): 1 MiB. */
  public static final int MAX_BYTES = 1024 * 1024;

  private static final int MAX_DEPTH = 16;
  private static final int MAX_PROBLEMS = 50;
  private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final List<String> RECORD_KEYS =
      List.of("learner", "registered", "units", "qualifications", "achievements");
  private static final List<String> UNIT_KEYS =
      List.of("unit", "status", "date", "via", "from", "evidence");
  private static final List<String> QUALIFICATION_KEYS = List.of("code", "status", "date");
  private static final List<String> ACHIEVEMENT_KEYS = List.of("id", "date");

  private static final JsonFactory JSON =
      JsonFactory.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
          .streamReadConstraints(
              StreamReadConstraints.builder()
                  .maxNestingDepth(MAX_DEPTH)
                  .maxStringLength(64 * 1024)
                  .maxNumberLength(100)
                  .build())
          .build();

  /** A reader of the record format packaged with this library. */
  public RecordReader() {}

  /**
   * Reads the record in {@code file}; problems name the file as the path was given.
   *
   * @param file the record file, UTF-8 JSON
   * @return the record
   * @throws RecordException if the file cannot be read or is not a valid record
   */
  public LearnerRecord read(Path file) {
    checkNotNull(file, "file");
    String name = file.toString();
    if (name.isEmpty()) {
      throw failure(name, "an empty path was given; name the record file");
    }
    if (Files.isDirectory(file)) {
      throw failure(name, "this is a folder, not a record file");
    }
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      bytes = in.readNBytes(MAX_BYTES + 1);
    } catch (NoSuchFileException e) {
      throw failure(name, "the file does not exist");
    } catch (AccessDeniedException e) {
      throw failure(name, "the file cannot be read: permission is denied");
    } catch (IOException e) {
      throw failure(name, "the file cannot be read");
    }
    return read(name, bytes);
  }

  /**
   * Reads a record from a stream, which is read to its end (up to the 1 MiB limit) but not closed.
   *
   * @param displayName how problems name the source, usually its path
   * @param in the stream holding the record as UTF-8 JSON
   * @return the record
   * @throws RecordException if the stream cannot be read or does not hold a valid record
   */
  public LearnerRecord read(String displayName, InputStream in) {
    checkNotNull(displayName, "displayName");
    checkNotNull(in, "in");
    try {
      return read(displayName, in.readNBytes(MAX_BYTES + 1));
    } catch (IOException e) {
      throw failure(displayName, "the record cannot be read");
    }
  }

  private LearnerRecord read(String name, byte[] bytes) {
    if (bytes.length > MAX_BYTES) {
      throw failure(name, "the file is larger than 1 MB; a learner record is far smaller");
    }
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
    } catch (CharacterCodingException e) {
      throw failure(name, "the file is not UTF-8 text; save it as UTF-8");
    }
    return read(name, text);
  }

  /**
   * Reads a record from its JSON text.
   *
   * @param displayName how problems name the source, usually its path
   * @param json the record's JSON text
   * @return the record
   * @throws RecordException if the text is not a valid record
   */
  public LearnerRecord read(String displayName, String json) {
    checkNotNull(displayName, "displayName");
    checkNotNull(json, "json");
    if (json.length() > MAX_BYTES) {
      throw failure(displayName, "the record is larger than 1 MB; a learner record is far smaller");
    }
    String text = json.startsWith("\uFEFF") ? json.substring(1) : json;
    Located tree = parse(displayName, text);
    return new Assembly(tree).record();
  }

  private static RecordException failure(String name, String message) {
    return new RecordException(List.of(new RecordProblem(new SourceLocation(name, 1, 1), message)));
  }

  /** A parsed document with the place of every value and every field name, by JSON pointer. */
  private record Located(
      String file,
      JsonNode root,
      Map<String, SourceLocation> values,
      Map<String, SourceLocation> keys) {

    SourceLocation value(String pointer) {
      SourceLocation l = values.get(pointer);
      return l != null ? l : new SourceLocation(file, 1, 1);
    }

    SourceLocation key(String pointer) {
      SourceLocation l = keys.get(pointer);
      return l != null ? l : value(pointer);
    }
  }

  private static Located parse(String name, String text) {
    Map<String, SourceLocation> values = new HashMap<>();
    Map<String, SourceLocation> keys = new HashMap<>();
    try (JsonParser p = JSON.createParser(text)) {
      JsonToken first = p.nextToken();
      if (first == null) {
        throw failure(name, "the record is empty; a learner record is a JSON object");
      }
      JsonNode root = value(p, name, "", values, keys);
      JsonToken after;
      try {
        after = p.nextToken();
      } catch (IOException e) {
        after = JsonToken.NOT_AVAILABLE;
      }
      if (after != null) {
        throw located(name, p.currentTokenLocation(),
            "something follows the record; a record is one JSON object and nothing else");
      }
      return new Located(name, root, values, keys);
    } catch (StreamConstraintsException e) {
      throw located(name, e.getLocation(), "the record nests too deeply or holds too long a value");
    } catch (JsonEOFException e) {
      throw located(name, e.getLocation(), "the record ends before its JSON is complete");
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      String message = e.getOriginalMessage();
      if (message != null && message.startsWith("Duplicate field '")) {
        String field = message.substring("Duplicate field '".length());
        field = field.substring(0, Math.max(0, field.indexOf('\'')));
        throw located(name, e.getLocation(),
            "the field \"" + PrintableText.escape(field) + "\" is given twice in one object");
      }
      throw located(name, e.getLocation(), "this is not valid JSON");
    } catch (IOException e) {
      throw failure(name, "the record cannot be read");
    }
  }

  private static RecordException located(String name, JsonLocation at, String message) {
    SourceLocation l = at == null || at.getLineNr() < 1
        ? new SourceLocation(name, 1, 1)
        : new SourceLocation(name, at.getLineNr(), Math.max(1, at.getColumnNr()));
    return new RecordException(List.of(new RecordProblem(l, message)));
  }

  private static SourceLocation here(String name, JsonParser p) {
    JsonLocation l = p.currentTokenLocation();
    return new SourceLocation(name, l.getLineNr(), l.getColumnNr());
  }

  /** The value starting at the parser's current token, recording where it and its parts are. */
  private static JsonNode value(
      JsonParser p,
      String name,
      String pointer,
      Map<String, SourceLocation> values,
      Map<String, SourceLocation> keys)
      throws IOException {
    values.put(pointer, here(name, p));
    JsonNodeFactory f = JsonNodeFactory.instance;
    switch (p.currentToken()) {
      case START_OBJECT: {
        ObjectNode o = f.objectNode();
        for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
          String field = p.currentName();
          String child = pointer + "/" + escape(field);
          keys.put(child, here(name, p));
          p.nextToken();
          o.set(field, value(p, name, child, values, keys));
        }
        return o;
      }
      case START_ARRAY: {
        ArrayNode a = f.arrayNode();
        int i = 0;
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
          a.add(value(p, name, pointer + "/" + i++, values, keys));
        }
        return a;
      }
      case VALUE_STRING:
        return f.textNode(p.getText());
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        return f.numberNode(p.getDecimalValue());
      case VALUE_TRUE:
        return f.booleanNode(true);
      case VALUE_FALSE:
        return f.booleanNode(false);
      default:
        return f.nullNode();
    }
  }

  private static String escape(String field) {
    return field.replace("~", "~0").replace("/", "~1");
  }

  /** Turns a located tree into a record, collecting every problem on the way. */
  private static final class Assembly {
    private final Located tree;
    private final List<RecordProblem> problems = new ArrayList<>();

    Assembly(Located tree) {
      this.tree = tree;
    }

    LearnerRecord record() {
      JsonNode root = tree.root();
      if (!root.isObject()) {
        problem(tree.value(""), "a learner record is a JSON object, such as {\"learner\": \"L1001\","
            + " \"units\": [...]}, not " + kind(root));
        throw done();
      }
      knownKeys(root, "", RECORD_KEYS, "a learner record");
      String learner = text(root, "", "learner", true, "the record's learner").orElse(null);
      Optional<LocalDate> registered = date(root, "", "registered");
      List<UnitEntry> units = list(root, "units", this::unit);
      List<QualificationEntry> qualifications = list(root, "qualifications", this::qualification);
      List<AchievementEntry> achievements = list(root, "achievements", this::achievement);
      once(units, UnitEntry::unit, "units", "unit", "unit");
      once(qualifications, QualificationEntry::code, "qualifications", "code", "qualification");
      once(achievements, AchievementEntry::id, "achievements", "id", "achievement");
      if (!problems.isEmpty() || learner == null) {
        throw done();
      }
      try {
        return new LearnerRecord(learner, registered, units, qualifications, achievements);
      } catch (IllegalArgumentException e) {
        problem(tree.value(""), e.getMessage());
        throw done();
      }
    }

    private interface Entry<T> {
      T read(JsonNode node, String pointer);
    }

    private <T> List<T> list(JsonNode root, String field, Entry<T> entry) {
      JsonNode node = root.get(field);
      String pointer = "/" + field;
      List<T> out = new ArrayList<>();
      if (node == null) {
        return out;
      }
      if (!node.isArray()) {
        problem(tree.value(pointer), "\"" + field + "\" must be a list, not " + kind(node));
        return out;
      }
      for (int i = 0; i < node.size(); i++) {
        T t = entry.read(node.get(i), pointer + "/" + i);
        out.add(t);
      }
      return out;
    }

    private <T> void once(
        List<T> entries, java.util.function.Function<T, String> name, String list, String field,
        String what) {
      Map<String, String> seen = new HashMap<>();
      for (int i = 0; i < entries.size(); i++) {
        T e = entries.get(i);
        if (e == null) {
          continue;
        }
        String n = name.apply(e);
        String earlier = seen.putIfAbsent(LearnerRecord.key(n), n);
        if (earlier != null) {
          String pointer = "/" + list + "/" + i;
          JsonNode node = tree.root().at(pointer);
          SourceLocation at = node.isObject() ? tree.value(pointer + "/" + field)
              : tree.value(pointer);
          problem(at, "the record lists " + what + " " + PrintableText.escape(n) + " twice"
              + (earlier.equals(n) ? "" : " (also as " + PrintableText.escape(earlier) + ")"));
        }
      }
    }

    private UnitEntry unit(JsonNode node, String pointer) {
      if (node.isTextual()) {
        Optional<String> unit = identifier(node, pointer, "a unit");
        return unit.map(UnitEntry::planned).orElse(null);
      }
      if (!node.isObject()) {
        problem(tree.value(pointer), "a unit is a unit number or reference number, or an object"
            + " such as {\"unit\": \"F1\", \"status\": \"achieved\"}, not " + kind(node));
        return null;
      }
      int before = problems.size();
      knownKeys(node, pointer, UNIT_KEYS, "a unit");
      Optional<String> unit = text(node, pointer, "unit", true, "a unit");
      Optional<Status> status = status(node, pointer);
      Optional<LocalDate> date = date(node, pointer, "date");
      Via via = Via.ASSESSMENT;
      JsonNode v = node.get("via");
      if (v != null) {
        Optional<Via> named = v.isTextual() ? Via.fromJsonName(v.asText()) : Optional.empty();
        if (named.isEmpty()) {
          problem(tree.value(pointer + "/via"), "\"via\" is one of assessment, transfer, rpl or"
              + " exemption, not " + shown(v));
        } else {
          via = named.get();
        }
      }
      Optional<String> from = text(node, pointer, "from", false, "the qualification it came from");
      boolean viaKnown = v == null || v.isTextual() && Via.fromJsonName(v.asText()).isPresent();
      if (node.has("from") && viaKnown && via != Via.TRANSFER) {
        problem(tree.key(pointer + "/from"), "only a unit obtained by credit transfer (\"via\":"
            + " \"transfer\") names the qualification it came from");
      }
      Optional<String> evidence = text(node, pointer, "evidence", false, "the evidence");
      if (problems.size() > before || unit.isEmpty() || status.isEmpty()) {
        return null;
      }
      return new UnitEntry(unit.get(), status.get(), date, via, from, evidence);
    }

    private QualificationEntry qualification(JsonNode node, String pointer) {
      if (!node.isObject()) {
        problem(tree.value(pointer), "a qualification is an object such as {\"code\": \"03455\","
            + " \"status\": \"achieved\"}, not " + kind(node));
        return null;
      }
      int before = problems.size();
      knownKeys(node, pointer, QUALIFICATION_KEYS, "a qualification");
      Optional<String> code = text(node, pointer, "code", true, "a qualification");
      Optional<Status> status = status(node, pointer);
      Optional<LocalDate> date = date(node, pointer, "date");
      if (problems.size() > before || code.isEmpty() || status.isEmpty()) {
        return null;
      }
      return new QualificationEntry(code.get(), status.get(), date);
    }

    private AchievementEntry achievement(JsonNode node, String pointer) {
      if (!node.isObject()) {
        problem(tree.value(pointer), "an achievement is an object such as {\"id\": \"err\","
            + " \"date\": \"2026-01-15\"}, not " + kind(node));
        return null;
      }
      int before = problems.size();
      knownKeys(node, pointer, ACHIEVEMENT_KEYS, "an achievement");
      Optional<String> id = text(node, pointer, "id", true, "an achievement");
      Optional<LocalDate> date = date(node, pointer, "date");
      if (problems.size() > before || id.isEmpty()) {
        return null;
      }
      return new AchievementEntry(id.get(), date);
    }

    private Optional<Status> status(JsonNode node, String pointer) {
      JsonNode s = node.get("status");
      if (s == null) {
        return Optional.empty();
      }
      Optional<Status> status = s.isTextual() ? Status.fromJsonName(s.asText()) : Optional.empty();
      if (status.isEmpty()) {
        problem(tree.value(pointer + "/status"), "\"status\" is one of achieved, in-progress or"
            + " planned, not " + shown(s));
      }
      return status;
    }

    private void knownKeys(JsonNode node, String pointer, List<String> known, String what) {
      for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
        String field = it.next();
        if (!known.contains(field)) {
          problem(tree.key(pointer + "/" + escape(field)), "\"" + PrintableText.escape(field)
              + "\" is not a field of " + what + "; it takes " + String.join(", ", known));
        }
      }
      for (String required : requiredOf(known)) {
        if (!node.has(required)) {
          problem(tree.value(pointer), what + " needs \"" + required + "\"");
        }
      }
    }

    private static List<String> requiredOf(List<String> known) {
      if (known == RECORD_KEYS) {
        return List.of("learner");
      } else if (known == UNIT_KEYS) {
        return List.of("unit", "status");
      } else if (known == QUALIFICATION_KEYS) {
        return List.of("code", "status");
      }
      return List.of("id");
    }

    /** The text of a field; its absence is reported elsewhere when the field is required. */
    private Optional<String> text(
        JsonNode node, String pointer, String field, boolean required, String what) {
      JsonNode v = node.get(field);
      if (v == null) {
        return Optional.empty();
      }
      if (!v.isTextual()) {
        problem(tree.value(pointer + "/" + field), "\"" + field + "\" must be text, not " + kind(v));
        return Optional.empty();
      }
      return identifier(v, pointer + "/" + field, what);
    }

    private Optional<String> identifier(JsonNode v, String pointer, String what) {
      String s = v.asText();
      if (s.isBlank()) {
        problem(tree.value(pointer), what + " is blank");
        return Optional.empty();
      }
      int control = PrintableText.firstControl(s);
      if (control >= 0) {
        problem(tree.value(pointer), what + " holds the control character "
            + PrintableText.codePointName(s.charAt(control)));
        return Optional.empty();
      }
      return Optional.of(s.strip());
    }

    private Optional<LocalDate> date(JsonNode node, String pointer, String field) {
      JsonNode v = node.get(field);
      if (v == null) {
        return Optional.empty();
      }
      SourceLocation at = tree.value(pointer + "/" + field);
      if (!v.isTextual() || !DATE.matcher(v.asText()).matches()) {
        problem(at, "\"" + field + "\" is a date written YYYY-MM-DD, not " + shown(v));
        return Optional.empty();
      }
      try {
        return Optional.of(LocalDate.parse(v.asText()));
      } catch (DateTimeException e) {
        problem(at, "\"" + field + "\" is " + v.asText() + ", which is not a day of the calendar");
        return Optional.empty();
      }
    }

    private void problem(SourceLocation at, String message) {
      problems.add(new RecordProblem(at, message));
    }

    private RecordException done() {
      problems.sort(
          Comparator.comparingInt((RecordProblem p) -> p.location().line())
              .thenComparingInt(p -> p.location().column()));
      return new RecordException(
          problems.size() > MAX_PROBLEMS ? problems.subList(0, MAX_PROBLEMS) : problems);
    }

    private static String shown(JsonNode v) {
      if (v.isTextual()) {
        String s = v.asText();
        return "\"" + PrintableText.escape(s.length() > 40 ? s.substring(0, 40) + "..." : s)
            + "\"";
      }
      return kind(v);
    }

    private static String kind(JsonNode v) {
      if (v.isObject()) {
        return "an object";
      } else if (v.isArray()) {
        return "a list";
      } else if (v.isTextual()) {
        return "text";
      } else if (v.isNumber()) {
        return "a number";
      } else if (v.isBoolean()) {
        return "true or false";
      }
      return "null";
    }
  }
}
