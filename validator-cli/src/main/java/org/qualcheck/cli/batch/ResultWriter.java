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
   * JSON lines: {@code learner}, {@code line}, {@code qualification}, then {@code met} and
   * {@code failed} (the failing rules) or {@code error}, then any other input fields under
   * {@code columns}.
   */
  final class JsonLines implements ResultWriter {
    private final JsonGenerator json;

    JsonLines(OutputStream out) throws IOException {
      this.json = new JsonFactory().createGenerator(out, JsonEncoding.UTF8);
      json.setRootValueSeparator(null);
    }

    @Override
    public void write(Outcome o) throws IOException {
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
    }
  }

  /**
   * CSV with a header row: learner, line, qualification, met, failed_rules, error, then the input's
   * other columns.
   */
  final class Csv implements ResultWriter {
    private final SequenceWriter rows;
    private final List<String> passthrough;

    Csv(OutputStream out, List<String> passthrough) throws IOException {
      this.passthrough = passthrough;
      CsvSchema.Builder schema = CsvSchema.builder();
      for (String c : List.of("learner", "line", "qualification", "met", "failed_rules", "error")) {
        schema.addColumn(c);
      }
      for (String c : passthrough) {
        schema.addColumn(c);
      }
      CsvMapper mapper = new CsvMapper();
      mapper.getFactory().disable(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      this.rows = mapper.writer(schema.build().withHeader()).writeValues(out);
    }

    @Override
    public void write(Outcome o) throws IOException {
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
      rows.write(row);
    }

    @Override
    public void close() throws IOException {
      rows.close();
    }
  }
}
