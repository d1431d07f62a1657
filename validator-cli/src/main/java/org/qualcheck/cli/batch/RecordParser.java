package org.qualcheck.cli.batch;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.qualcheck.record.LearnerRecord;
import org.qualcheck.record.RecordException;
import org.qualcheck.record.RecordProblem;
import org.qualcheck.record.RecordReader;

/** Turns one line of batch input into a {@link ParsedRecord}. Thread-safe once built. */
interface RecordParser {
  ParsedRecord parse(RawRecord raw);

  /** CSV with a header row naming a {@code learner} and a {@code units} column. */
  final class Csv implements RecordParser {
    private static final ObjectReader LINE = new CsvMapper().readerFor(String[].class);

    private final List<String> header;
    private final int learner;
    private final int units;
    private final int qualification;

    private Csv(List<String> header) {
      this.header = header;
      this.learner = header.indexOf("learner");
      this.units = header.indexOf("units");
      this.qualification = header.indexOf("qualification");
    }

    /**
     * Reads the header row.
     *
     * @throws BatchInputException if the header cannot be read or lacks a required column
     */
    /**
     * The header row's column names, stripped, or no columns when the header cannot be read (then
     * {@link #fromHeader} says why).
     */
    static List<String> columns(RawRecord raw) {
      if (raw == null || raw.text() == null) {
        return List.of();
      }
      try {
        List<String> header = new ArrayList<>();
        for (String c : LINE.<String[]>readValue(raw.text())) {
          header.add(c.strip());
        }
        return header;
      } catch (IOException e) {
        return List.of();
      }
    }

    static Csv fromHeader(RawRecord raw) throws BatchInputException {
      if (raw == null) {
        throw new BatchInputException("the input is empty; a CSV input starts with a header row"
            + " naming a learner and a units column");
      }
      if (raw.text() == null) {
        throw new BatchInputException("line 1: " + raw.unreadable());
      }
      String[] cells;
      try {
        cells = LINE.readValue(raw.text());
      } catch (IOException e) {
        throw new BatchInputException("line 1: the header row is not valid CSV");
      }
      List<String> header = new ArrayList<>();
      for (String c : cells) {
        header.add(c.strip());
      }
      for (String required : List.of("learner", "units")) {
        if (!header.contains(required)) {
          throw new BatchInputException(
              "line 1: the header row has no \"" + required + "\" column (it has "
                  + String.join(", ", header) + ")");
        }
      }
      if (header.stream().distinct().count() != header.size()) {
        throw new BatchInputException("line 1: the header row names a column twice");
      }
      return new Csv(header);
    }

    List<String> header() {
      return header;
    }

    @Override
    public ParsedRecord parse(RawRecord raw) {
      if (raw.text() == null) {
        return ParsedRecord.error(raw.line(), null, raw.unreadable());
      }
      String[] cells;
      try {
        cells = LINE.readValue(raw.text());
      } catch (IOException e) {
        return ParsedRecord.error(raw.line(), null,
            "the record is not valid CSV (check its quotes; a quoted field cannot span lines)");
      }
      String who = learner < cells.length ? cells[learner].strip() : null;
      if (cells.length != header.size()) {
        return ParsedRecord.error(raw.line(), who, "the record has " + cells.length
            + (cells.length == 1 ? " field" : " fields") + " but the header has " + header.size());
      }
      if (who.isEmpty()) {
        return ParsedRecord.error(raw.line(), null, "the record has no learner");
      }
      Map<String, String> passthrough = new LinkedHashMap<>();
      for (int i = 0; i < cells.length; i++) {
        if (i != learner && i != units && i != qualification) {
          passthrough.put(header.get(i), cells[i]);
        }
      }
      String code = qualification >= 0 && !cells[qualification].isBlank()
          ? cells[qualification].strip() : null;
      return new ParsedRecord(raw.line(), who, code, List.of(), cells[units], passthrough, null);
    }
  }

  /**
   * JSON lines: {@code {"learner": "...", "units": ["F1", ...], "qualification": "..."}}. A line
   * holds one JSON value and nothing else, and an object names each field once: a second value on
   * the line, trailing junk or a repeated field makes an error result rather than being dropped.
   */
  final class JsonLines implements RecordParser {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .build();

    @Override
    public ParsedRecord parse(RawRecord raw) {
      if (raw.text() == null) {
        return ParsedRecord.error(raw.line(), null, raw.unreadable());
      }
      JsonNode node;
      try (JsonParser p = MAPPER.createParser(raw.text())) {
        node = MAPPER.readTree(p);
        if (trailing(p)) {
          return ParsedRecord.error(raw.line(), null, "the line holds more than one JSON value"
              + " (one record per line; nothing may follow the record on its line)");
        }
      } catch (IOException e) {
        String twice = repeatedField(raw.text());
        return ParsedRecord.error(raw.line(), null, twice != null
            ? "the record gives the field \"" + twice + "\" more than once"
            : "the record is not valid JSON");
      }
      if (node == null || !node.isObject()) {
        return ParsedRecord.error(raw.line(), null, "the record is not a JSON object");
      }
      JsonNode learner = node.get("learner");
      String who = learner != null && learner.isTextual() ? learner.asText().strip() : null;
      if (who == null || who.isEmpty()) {
        return ParsedRecord.error(raw.line(), null,
            "the record has no \"learner\" text field");
      }
      if (isLearnerRecord(node)) {
        return learnerRecord(raw, node, who);
      }
      JsonNode units = node.get("units");
      if (units == null || !units.isArray()) {
        return ParsedRecord.error(raw.line(), who, "\"units\" must be a list of unit numbers");
      }
      List<String> tokens = new ArrayList<>();
      for (JsonNode u : units) {
        if (!u.isTextual()) {
          return ParsedRecord.error(raw.line(), who, "\"units\" must hold only text, not " + u);
        }
        tokens.add(u.asText().strip());
      }
      JsonNode q = node.get("qualification");
      if (q != null && !q.isTextual() && !q.isNull()) {
        return ParsedRecord.error(raw.line(), who, "\"qualification\" must be text");
      }
      Map<String, String> passthrough = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> f : node.properties()) {
        if (!List.of("learner", "units", "qualification").contains(f.getKey())) {
          passthrough.put(f.getKey(), f.getValue().isTextual() ? f.getValue().asText()
              : f.getValue().toString());
        }
      }
      return new ParsedRecord(raw.line(), who,
          q == null || q.isNull() ? null : q.asText().strip(), tokens, null, passthrough, null);
    }

    /** Fields only a learner record has; a line with one is read as a record, strictly. */
    static final Set<String> RECORD_FIELDS = Set.of("registered", "qualifications", "achievements");

    private static final RecordReader RECORDS = new RecordReader();

    /** Whether a line is a learner record: it has a record's field, or a unit given as an object. */
    private static boolean isLearnerRecord(JsonNode node) {
      for (String f : RECORD_FIELDS) {
        if (node.has(f)) {
          return true;
        }
      }
      JsonNode units = node.get("units");
      if (units != null && units.isArray()) {
        for (JsonNode u : units) {
          if (u.isObject()) {
            return true;
          }
        }
      }
      return false;
    }

    /**
     * The line as a learner record, read by the record reader (its fields, strictly); the
     * qualification it names, if any, chooses the spec as for plans.
     */
    private static ParsedRecord learnerRecord(RawRecord raw, JsonNode node, String who) {
      // The tree is this line's own: the qualification comes off it before the record reader,
      // which knows no such field, reads the rest.
      com.fasterxml.jackson.databind.node.ObjectNode fields =
          (com.fasterxml.jackson.databind.node.ObjectNode) node;
      JsonNode q = fields.remove("qualification");
      if (q != null && !q.isTextual() && !q.isNull()) {
        return ParsedRecord.error(raw.line(), who, "\"qualification\" must be text");
      }
      try {
        LearnerRecord record = RECORDS.read("line " + raw.line(), fields.toString());
        return ParsedRecord.record(raw.line(),
            q == null || q.isNull() ? null : q.asText().strip(), record);
      } catch (RecordException e) {
        return ParsedRecord.error(raw.line(), who, String.join("; ",
            e.problems().stream().map(RecordProblem::message).toList()));
      }
    }

    /** Whether anything but white space follows the value {@code p} has just read. */
    private static boolean trailing(JsonParser p) {
      try {
        return p.nextToken() != null;
      } catch (IOException junk) {
        return true;
      }
    }

    /**
     * The first field name some object in {@code text} repeats, or null if none does (or the text
     * is not JSON): read again without the duplicate check, to word the error.
     */
    private static String repeatedField(String text) {
      Deque<Set<String>> open = new ArrayDeque<>();
      try (JsonParser p = LENIENT.createParser(text)) {
        for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
          if (t == JsonToken.START_OBJECT) {
            open.push(new HashSet<>());
          } else if (t == JsonToken.END_OBJECT) {
            open.pop();
          } else if (t == JsonToken.FIELD_NAME && !open.peek().add(p.currentName())) {
            return p.currentName();
          }
        }
      } catch (IOException notJson) {
        return null;
      }
      return null;
    }

    private static final JsonFactory LENIENT = new JsonFactory();
  }
}
