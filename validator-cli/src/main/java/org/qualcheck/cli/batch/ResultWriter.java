package org.qualcheck.cli.batch;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes batch results, one output record per input record, in input order. Worker threads encode
 * whole chunks of results through {@link #encoder}; one thread writes the encoded chunks in order
 * with {@link #writeEncoded}.
 */
interface ResultWriter extends AutoCloseable {
  /**
   * An encoder writing results to {@code bytes} the way the output format wants them, without the
   * format's header. Each thread opens its own; the writer itself is thread-safe.
   */
  Encoder encoder(OutputStream bytes) throws IOException;

  /** Writes bytes from an {@link Encoder} to the output. */
  void writeEncoded(byte[] bytes, int offset, int length) throws IOException;

  @Override
  void close() throws IOException;

  /** Encodes the results of one chunk. Not thread-safe. */
  interface Encoder extends AutoCloseable {
    /** A result from the general path. */
    void write(Outcome o) throws IOException;

    /** A result from the fast path: the record {@code s} last checked. */
    void write(FastPath.Scratch s, FastPath fast) throws IOException;

    /** Flushes everything written to the bytes given. */
    @Override
    void close() throws IOException;
  }

  /**
   * JSON lines: {@code learner}, {@code line}, {@code qualification}, then {@code met} and
   * {@code failed} (the failing rules) or {@code error}, then any other input fields under
   * {@code columns}.
   */
  final class JsonLines implements ResultWriter {
    private static final JsonFactory FACTORY = new JsonFactory();
    private static final SerializableString LEARNER = new SerializedString("learner");
    private static final SerializableString LINE = new SerializedString("line");
    private static final SerializableString QUALIFICATION = new SerializedString("qualification");
    private static final SerializableString ERROR = new SerializedString("error");
    private static final SerializableString MET = new SerializedString("met");
    private static final SerializableString FAILED = new SerializedString("failed");
    private static final SerializableString RULE = new SerializedString("rule");
    private static final SerializableString REQUIREMENT = new SerializedString("requirement");
    private static final SerializableString ACHIEVED = new SerializedString("achieved");
    private static final SerializableString SHORTFALL = new SerializedString("shortfall");
    private static final SerializableString EXCESS = new SerializedString("excess");
    private static final SerializableString COLUMNS = new SerializedString("columns");
    private static final SerializableString PATHWAYS = new SerializedString("achievedPathways");

    private final OutputStream out;

    JsonLines(OutputStream out) {
      this.out = out;
    }

    private static JsonGenerator generator(OutputStream out) throws IOException {
      JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8);
      g.setRootValueSeparator(null);
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      return g;
    }

    @Override
    public Encoder encoder(OutputStream bytes) throws IOException {
      JsonGenerator json = generator(bytes);
      return new Encoder() {
        @Override
        public void write(Outcome o) throws IOException {
          JsonLines.write(json, o);
        }

        @Override
        public void write(FastPath.Scratch s, FastPath fast) throws IOException {
          JsonLines.write(json, s, fast);
        }

        @Override
        public void close() throws IOException {
          json.close();
        }
      };
    }

    @Override
    public void writeEncoded(byte[] bytes, int offset, int length) throws IOException {
      out.write(bytes, offset, length);
    }

    private static void write(JsonGenerator json, Outcome o) throws IOException {
      json.writeStartObject();
      if (o.learner() != null) {
        json.writeFieldName(LEARNER);
        json.writeString(o.learner());
      }
      json.writeFieldName(LINE);
      json.writeNumber(o.line());
      if (o.qualification() != null) {
        json.writeFieldName(QUALIFICATION);
        json.writeString(o.qualification());
      }
      if (o.error() != null) {
        json.writeFieldName(ERROR);
        json.writeString(o.error());
      } else {
        json.writeFieldName(MET);
        json.writeBoolean(o.met());
        if (o.onTrack() != null) {
          json.writeFieldName("onTrack");
          json.writeBoolean(o.onTrack());
        }
        json.writeFieldName(FAILED);
        json.writeStartArray();
        for (Outcome.FailedRule f : o.failed()) {
          json.writeStartObject();
          json.writeFieldName(RULE);
          json.writeString(f.rule());
          json.writeFieldName(REQUIREMENT);
          json.writeString(f.requirement());
          failure(json, f.achieved(), f.shortfall(), f.excess());
        }
        json.writeEndArray();
        if (o.pathways() != null) {
          json.writeFieldName(PATHWAYS);
          json.writeStartArray();
          for (String p : o.pathways()) {
            json.writeString(p);
          }
          json.writeEndArray();
        }
      }
      if (!o.passthrough().isEmpty()) {
        json.writeFieldName(COLUMNS);
        json.writeStartObject();
        for (Map.Entry<String, String> e : o.passthrough().entrySet()) {
          json.writeFieldName(e.getKey());
          json.writeString(e.getValue());
        }
        json.writeEndObject();
      }
      json.writeEndObject();
      json.writeRaw('\n');
    }

    private static void write(JsonGenerator json, FastPath.Scratch s, FastPath fast)
        throws IOException {
      FastPath.Target t = s.target;
      json.writeStartObject();
      json.writeFieldName(LEARNER);
      if (s.learnerText != null) {
        json.writeString(s.learnerText);
      } else {
        json.writeUTF8String(s.data, s.learnerStart, s.learnerEnd - s.learnerStart);
      }
      json.writeFieldName(LINE);
      json.writeNumber(s.line);
      json.writeFieldName(QUALIFICATION);
      json.writeString(t.codeJson);
      json.writeFieldName(MET);
      json.writeBoolean(s.met);
      json.writeFieldName(FAILED);
      SerializedString failed = t.failedJson.get(s.failing);
      if (failed == null && t.failedJson.size() < t.cached) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonGenerator g = generator(bytes)) {
          failed(g, s.failing, t);
        }
        failed = new SerializedString(bytes.toString(StandardCharsets.UTF_8));
        t.failedJson.putIfAbsent(s.failing.copy(), failed);
      }
      if (failed != null) {
        json.writeRawValue(failed);
      } else {
        failed(json, s.failing, t);
      }
      int[] pass = fast.passthrough();
      if (pass.length > 0) {
        SerializableString[] names = fast.passthroughNames();
        json.writeFieldName(COLUMNS);
        json.writeStartObject();
        for (int k = 0; k < pass.length; k++) {
          json.writeFieldName(names[k]);
          int from = s.cellStart[pass[k]];
          json.writeUTF8String(s.data, from, s.cellEnd[pass[k]] - from);
        }
        json.writeEndObject();
      } else if (s.learnerText != null && !s.names.isEmpty()) {
        json.writeFieldName(COLUMNS);
        json.writeStartObject();
        for (int k = 0; k < s.names.size(); k++) {
          json.writeFieldName(s.names.get(k));
          json.writeString(s.text, s.valueStart[k], s.valueLength[k]);
        }
        json.writeEndObject();
      }
      json.writeEndObject();
      json.writeRaw('\n');
    }

    /** The list of failing rules, as the general path writes it from an {@link Outcome}. */
    private static void failed(JsonGenerator json, FastPath.Failing failing, FastPath.Target t)
        throws IOException {
      json.writeStartArray();
      long[] figures = failing.figures;
      for (int k = 0; k < figures.length; k++) {
        long f = figures[k];
        if (f != Long.MIN_VALUE) {
          json.writeStartObject();
          json.writeFieldName(RULE);
          json.writeString(t.ruleIdsJson[k]);
          json.writeFieldName(REQUIREMENT);
          json.writeString(t.requirementsJson[k]);
          failure(json, f, Outcome.shortfall(t.rules[k], f), Outcome.excess(t.rules[k], f));
        }
      }
      json.writeEndArray();
    }

    /** The figures of a failing rule, and the end of its object. */
    private static void failure(JsonGenerator json, long achieved, long shortfall, long excess)
        throws IOException {
      json.writeFieldName(ACHIEVED);
      json.writeNumber(achieved);
      json.writeFieldName(SHORTFALL);
      json.writeNumber(shortfall);
      json.writeFieldName(EXCESS);
      json.writeNumber(excess);
      json.writeEndObject();
    }

    @Override
    public void close() throws IOException {
      out.flush();
    }
  }

  /**
   * CSV with a header row: learner, line, qualification, met, failed_rules, error, then pathways
   * and on_track where they apply, then the input's other columns; one named like a result column
   * is renamed ({@link #passThroughName}).
   */
  final class Csv implements ResultWriter {
    private static final CsvFactory FACTORY = new CsvFactory();
    private static final List<String> RESULT_COLUMNS =
        List.of("learner", "line", "qualification", "met", "failed_rules", "error");

    /**
     * The output name of the passed-through input column {@code name}: itself, or, when a result
     * column (or an earlier renamed column) already has that name, {@code input_} before it, as
     * often as it takes, so the header never names a column twice. Adds the name to {@code used}.
     */
    static String passThroughName(String name, Set<String> used) {
      String out = name;
      while (!used.add(out)) {
        out = "input_" + out;
      }
      return out;
    }

    private final OutputStream out;
    private final List<String> passthrough;
    private final CsvSchema schema;
    /** Where the input's columns start: after the result columns, pathways and on_track. */
    private final int first;
    private final boolean pathways;
    /** The on_track column's index, or -1 when there is none. */
    private final int onTrack;

    Csv(OutputStream out, List<String> passthrough) throws IOException {
      this(out, passthrough, false, false);
    }

    /**
     * With {@code pathways}, a column {@code pathways} after {@code error} lists the pathways each
     * plan achieves, separated by semicolons. With {@code onTrack}, for input that can hold learner
     * records, a column {@code on_track} after those says {@code true} or {@code false} for a
     * checked learner record and is empty for a plan or an error.
     */
    Csv(OutputStream out, List<String> passthrough, boolean pathways, boolean onTrack)
        throws IOException {
      this.out = out;
      this.passthrough = passthrough;
      this.pathways = pathways;
      this.onTrack = onTrack ? RESULT_COLUMNS.size() + (pathways ? 1 : 0) : -1;
      this.first = RESULT_COLUMNS.size() + (pathways ? 1 : 0) + (onTrack ? 1 : 0);
      CsvSchema.Builder builder = CsvSchema.builder();
      Set<String> names = new HashSet<>(RESULT_COLUMNS);
      RESULT_COLUMNS.forEach(builder::addColumn);
      if (pathways) {
        names.add("pathways");
        builder.addColumn("pathways");
      }
      if (onTrack) {
        names.add("on_track");
        builder.addColumn("on_track");
      }
      for (String c : passthrough) {
        builder.addColumn(passThroughName(c, names));
      }
      this.schema = builder.build().withoutHeader();
      List<String> header = new ArrayList<>();
      schema.forEach(c -> header.add(c.getName()));
      try (JsonGenerator g = generator(out)) {
        row(g, header.toArray(new String[0]));
      }
    }

    private JsonGenerator generator(OutputStream bytes) throws IOException {
      JsonGenerator g = FACTORY.createGenerator(bytes, JsonEncoding.UTF8);
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      g.setSchema(schema);
      return g;
    }

    @Override
    public Encoder encoder(OutputStream bytes) throws IOException {
      JsonGenerator csv = generator(bytes);
      String[] cells = new String[schema.size()];
      StringBuilder failed = new StringBuilder();
      return new Encoder() {
        @Override
        public void write(Outcome o) throws IOException {
          cells[0] = o.learner() == null ? "" : o.learner();
          cells[1] = Long.toString(o.line());
          cells[2] = o.qualification() == null ? "" : o.qualification();
          cells[3] = o.met() == null ? "" : o.met().toString();
          failed.setLength(0);
          for (Outcome.FailedRule f : o.failed()) {
            failedRule(failed, f.rule(), f.shortfall(), f.excess());
          }
          cells[4] = failed.toString();
          cells[5] = o.error() == null ? "" : o.error();
          if (pathways) {
            cells[6] = o.pathways() == null ? "" : String.join(";", o.pathways());
          }
          if (onTrack >= 0) {
            cells[onTrack] = o.onTrack() == null || o.error() != null ? ""
                : o.onTrack().toString();
          }
          for (int k = 0; k < passthrough.size(); k++) {
            cells[first + k] = o.passthrough().getOrDefault(passthrough.get(k), "");
          }
          row(csv, cells);
        }

        @Override
        public void write(FastPath.Scratch s, FastPath fast) throws IOException {
          FastPath.Target t = s.target;
          cells[0] = s.learnerText != null ? s.learnerText
              : ascii(s.data, s.learnerStart, s.learnerEnd);
          cells[1] = Long.toString(s.line);
          cells[2] = t.codeText;
          cells[3] = s.met ? "true" : "false";
          String rules = t.failedCsv.get(s.failing);
          if (rules == null) {
            failed.setLength(0);
            long[] figures = s.failing.figures;
            for (int k = 0; k < figures.length; k++) {
              long f = figures[k];
              if (f != Long.MIN_VALUE) {
                failedRule(failed, t.ruleIds[k], Outcome.shortfall(t.rules[k], f),
                    Outcome.excess(t.rules[k], f));
              }
            }
            rules = failed.toString();
            if (t.failedCsv.size() < t.cached) {
              t.failedCsv.putIfAbsent(s.failing.copy(), rules);
            }
          }
          cells[4] = rules;
          // A record the fast path takes is a plan: no pathways (their records are not taken), no
          // answer to whether the learner is on track.
          for (int k = 5; k < first; k++) {
            cells[k] = "";
          }
          int[] pass = fast.passthrough();
          for (int k = 0; k < pass.length; k++) {
            cells[first + k] = ascii(s.data, s.cellStart[pass[k]], s.cellEnd[pass[k]]);
          }
          row(csv, cells);
        }

        @Override
        public void close() throws IOException {
          csv.close();
        }
      };
    }

    private static String ascii(byte[] bytes, int from, int to) {
      return new String(bytes, from, to - from, StandardCharsets.ISO_8859_1);
    }

    /** A failing rule as the failed_rules cell lists it: its id and how far off it is. */
    private static void failedRule(StringBuilder into, String rule, long shortfall, long excess) {
      if (into.length() > 0) {
        into.append("; ");
      }
      into.append(rule);
      if (shortfall > 0) {
        into.append(" (").append(shortfall).append(" short)");
      } else if (excess > 0) {
        into.append(" (").append(excess).append(" over)");
      }
    }

    private static void row(JsonGenerator g, String[] cells) throws IOException {
      g.writeStartArray();
      for (String c : cells) {
        g.writeString(c);
      }
      g.writeEndArray();
    }

    @Override
    public void writeEncoded(byte[] bytes, int offset, int length) throws IOException {
      out.write(bytes, offset, length);
    }

    @Override
    public void close() throws IOException {
      out.flush();
    }
  }
}
