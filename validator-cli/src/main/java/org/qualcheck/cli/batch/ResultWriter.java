package org.qualcheck.cli.batch;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.fasterxml.jackson.databind.SequenceWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Writes batch outcomes, one output record per input record, in input order. */
interface ResultWriter extends AutoCloseable {
  void write(Outcome o) throws IOException;

  @Override
  void close() throws IOException;

  /**
   * Encodes outcomes the way {@link #write} would, without the header, so worker threads can
   * encode chunks while one thread writes the bytes in order. Thread-safe.
   */
  byte[] encode(List<Outcome> outcomes) throws IOException;

  /** Writes bytes from {@link #encode} to the output. */
  void writeEncoded(byte[] bytes) throws IOException;

  /**
   * JSON lines: {@code learner}, {@code line}, {@code qualification}, then {@code met} and
   * {@code failed} (the failing rules) or {@code error}, then any other input fields under
   * {@code columns}.
   */
  final class JsonLines implements ResultWriter {
    private static final JsonFactory FACTORY = new JsonFactory();
    private final OutputStream out;
    private final JsonGenerator json;

    JsonLines(OutputStream out) throws IOException {
      this.out = out;
      this.json = generator(out);
    }

    private static JsonGenerator generator(OutputStream out) throws IOException {
      JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8);
      g.setRootValueSeparator(null);
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      return g;
    }

    @Override
    public byte[] encode(List<Outcome> outcomes) throws IOException {
      java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(outcomes.size() * 128);
      try (JsonGenerator g = generator(bytes)) {
        for (Outcome o : outcomes) {
          write(g, o);
        }
      }
      return bytes.toByteArray();
    }

    @Override
    public void writeEncoded(byte[] bytes) throws IOException {
      json.flush();
      out.write(bytes);
    }

    @Override
    public void write(Outcome o) throws IOException {
      write(json, o);
    }

    private static void write(JsonGenerator json, Outcome o) throws IOException {
      json.writeStartObject();
      if (o.learner() != null) {
        json.writeStringField("learner", o.learner());
      }
      json.writeNumberField("line", o.line());
      if (o.qualification() != null) {
        json.writeStringField("qualification", o.qualification());
      }
      if (o.error() != null) {
        json.writeStringField("error", o.error());
      } else {
        json.writeBooleanField("met", o.met());
        json.writeArrayFieldStart("failed");
        for (Outcome.FailedRule f : o.failed()) {
          json.writeStartObject();
          json.writeStringField("rule", f.rule());
          json.writeStringField("requirement", f.requirement());
          json.writeNumberField("achieved", f.achieved());
          json.writeNumberField("shortfall", f.shortfall());
          json.writeNumberField("excess", f.excess());
          json.writeEndObject();
        }
        json.writeEndArray();
      }
      if (!o.passthrough().isEmpty()) {
        json.writeObjectFieldStart("columns");
        for (Map.Entry<String, String> e : o.passthrough().entrySet()) {
          json.writeStringField(e.getKey(), e.getValue());
        }
        json.writeEndObject();
      }
      json.writeEndObject();
      json.writeRaw('\n');
    }

    @Override
    public void close() throws IOException {
      json.close();
      out.flush();
    }
  }

  /**
   * CSV with a header row: learner, line, qualification, met, failed_rules, error, then the input's
   * other columns.
   */
  final class Csv implements ResultWriter {
    private final OutputStream out;
    private final SequenceWriter rows;
    private final List<String> passthrough;
    private final CsvMapper mapper = new CsvMapper();
    private final CsvSchema schema;

    Csv(OutputStream out, List<String> passthrough) throws IOException {
      this.out = out;
      this.passthrough = passthrough;
      CsvSchema.Builder builder = CsvSchema.builder();
      for (String c : List.of("learner", "line", "qualification", "met", "failed_rules", "error")) {
        builder.addColumn(c);
      }
      for (String c : passthrough) {
        builder.addColumn(c);
      }
      this.schema = builder.build();
      mapper.getFactory().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      this.rows = mapper.writer(schema.withoutHeader()).writeValues(out);
      List<String> header = new ArrayList<>();
      schema.forEach(c -> header.add(c.getName()));
      rows.write(header);
    }

    @Override
    public byte[] encode(List<Outcome> outcomes) throws IOException {
      java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(outcomes.size() * 64);
      try (SequenceWriter w = mapper.writer(schema.withoutHeader()).writeValues(bytes)) {
        for (Outcome o : outcomes) {
          w.write(row(o));
        }
      }
      return bytes.toByteArray();
    }

    @Override
    public void writeEncoded(byte[] bytes) throws IOException {
      rows.flush();
      out.write(bytes);
    }

    @Override
    public void write(Outcome o) throws IOException {
      rows.write(row(o));
    }

    private List<String> row(Outcome o) {
      List<String> row = new ArrayList<>();
      row.add(o.learner() == null ? "" : o.learner());
      row.add(Long.toString(o.line()));
      row.add(o.qualification() == null ? "" : o.qualification());
      row.add(o.met() == null ? "" : o.met().toString());
      row.add(o.failed().stream()
          .map(f -> f.rule() + (f.shortfall() > 0 ? " (" + f.shortfall() + " short)"
              : f.excess() > 0 ? " (" + f.excess() + " over)" : ""))
          .collect(Collectors.joining("; ")));
      row.add(o.error() == null ? "" : o.error());
      for (String c : passthrough) {
        row.add(o.passthrough().getOrDefault(c, ""));
      }
      return row;
    }

    @Override
    public void close() throws IOException {
      rows.close();
      out.flush();
    }
  }
}
