package org.qualcheck.cli;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.qualcheck.cli.LintCommand.Linted;
import org.qualcheck.lint.Finding;
import org.qualcheck.lint.FindingKind;
import org.qualcheck.lint.Severity;
import org.qualcheck.model.PrintableText;
import org.qualcheck.model.SourceLocation;
import org.qualcheck.spec.SpecProblem;

/**
 * Lint results as text, as JSON ({@code qualcheck-lint/1}) and as SARIF 2.1.0, the static analysis
 * format code hosts show inline. A spec that cannot be loaded yields one result per problem, under
 * the rule id {@code load-error}; a missing file, one result under {@code missing-file}.
 */
final class LintOutput {
  static final String LINT_FORMAT = "qualcheck-lint/1";
  static final String LOAD_ERROR = "load-error";
  static final String MISSING_FILE = "missing-file";

  private LintOutput() {}

  /** One line per finding, {@code file:line:column: severity: sentence [kind]}, then a summary. */
  static void text(List<Linted> results, PrintWriter out, PrintWriter err) {
    for (Linted r : results) {
      if (r.missing()) {
        err.println("qualcheck: " + r.file() + ": no such spec file");
        continue;
      }
      if (!r.loaded()) {
        for (SpecProblem p : r.problems()) {
          err.println(Specs.line(p));
        }
        err.println(r.file() + ": cannot be loaded (" + count(r.problems().size(), "problem") + ")");
        continue;
      }
      for (Finding f : r.report().findings()) {
        out.println(PrintableText.escape(where(r.file(), f) + ": " + f.severity().label() + ": "
            + f.message() + " [" + f.kind().id() + "]"));
      }
      out.println(r.file() + ": " + summary(r.report().findings()));
    }
  }

  private static String where(Path file, Finding f) {
    return f.location().map(SourceLocation::toString).orElse(file.toString());
  }

  private static String summary(List<Finding> findings) {
    if (findings.isEmpty()) {
      return "no findings";
    }
    List<String> parts = new ArrayList<>();
    for (Severity s : Severity.values()) {
      long n = findings.stream().filter(f -> f.severity() == s).count();
      if (n > 0) {
        parts.add(count(n, s.label()));
      }
    }
    return String.join(", ", parts);
  }

  private static String count(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  // ----- JSON -----

  record FindingJson(
      String kind,
      String severity,
      String message,
      Integer line,
      Integer column,
      List<String> rules,
      List<String> units,
      List<String> plan) implements JsonWriter.Shape {
    @Override
    public void writeFields(JsonWriter json) {
      json.field("kind", kind)
          .field("severity", severity)
          .field("message", message)
          .field("line", line)
          .field("column", column)
          .strings("rules", rules)
          .strings("units", units)
          .strings("plan", plan);
    }
  }

  record ProblemJson(int line, int column, String message) implements JsonWriter.Shape {
    @Override
    public void writeFields(JsonWriter json) {
      json.field("line", line).field("column", column).field("message", message);
    }
  }

  record FileJson(
      String file,
      boolean loaded,
      String qualification,
      List<FindingJson> findings,
      List<ProblemJson> problems) implements JsonWriter.Shape {
    @Override
    public void writeFields(JsonWriter json) {
      json.field("file", file)
          .field("loaded", loaded)
          .field("qualification", qualification)
          .objects("findings", findings)
          .objects("problems", problems);
    }
  }

  record LintJson(String format, List<FileJson> files, Map<String, Long> totals)
      implements JsonWriter.Shape {
    @Override
    public void writeFields(JsonWriter json) {
      json.field("format", format).objects("files", files).map("totals", totals);
    }
  }

  static void json(List<Linted> results, PrintWriter out) {
    write(out, json(results));
  }

  /** The JSON shape of the lint results. */
  static LintJson json(List<Linted> results) {
    List<FileJson> files = new ArrayList<>();
    Map<String, Long> totals = new TreeMap<>();
    Arrays.stream(Severity.values()).forEach(s -> totals.put(s.label(), 0L));
    for (Linted r : results) {
      if (!r.loaded()) {
        List<ProblemJson> problems =
            r.missing()
                ? List.of(new ProblemJson(0, 0, "no such spec file"))
                : r.problems().stream()
                    .map(p -> new ProblemJson(p.location().line(), p.location().column(), p.message()))
                    .toList();
        files.add(new FileJson(r.file().toString(), false, null, List.of(), problems));
        continue;
      }
      List<FindingJson> findings = new ArrayList<>();
      for (Finding f : r.report().findings()) {
        totals.merge(f.severity().label(), 1L, Long::sum);
        findings.add(
            new FindingJson(
                f.kind().id(),
                f.severity().label(),
                f.message(),
                f.location().map(SourceLocation::line).orElse(null),
                f.location().map(SourceLocation::column).orElse(null),
                f.rules(),
                f.units(),
                f.plan().map(p -> List.copyOf(p.units())).orElse(null)));
      }
      files.add(
          new FileJson(
              r.file().toString(), true, r.report().qualification().code(), findings, List.of()));
    }
    return new LintJson(LINT_FORMAT, files, totals);
  }

  // ----- SARIF 2.1.0 -----

  record Message(String text) implements JsonWriter.Shape {
    @Override
    public void writeFields(JsonWriter json) {
      json.field("text", text);
    }
  }

  record ArtifactLocation(String uri) implements JsonWriter.Shape {
    @Override
    public void writeFields(JsonWriter json) {
      json.field("uri", uri);
    }
  }

  record Region(int startLine, int startColumn) implements JsonWriter.Shape {
    @Override
    public void writeFields(JsonWriter json) {
      json.field("startLine", startLine).field("startColumn", startColumn);
    }
  }

  record PhysicalLocation(ArtifactLocation artifactLocation, Region region)
      implements JsonWriter.Shape {
    @Override
    public void writeFields(JsonWriter json) {
      json.field("artifactLocation", artifactLocation).field("region", region);
    }
  }

  record Location(PhysicalLocation physicalLocation) implements JsonWriter.Shape {
    @Override
    public void writeFields(JsonWriter json) {
      json.field("physicalLocation", physicalLocation);
    }
  }

  record Configuration(String level) implements JsonWriter.Shape {
    @Override
    public void writeFields(JsonWriter json) {
      json.field("level", level);
    }
  }

  record ReportingDescriptor(
      String id, Message shortDescription, Configuration defaultConfiguration)
      implements JsonWriter.Shape {
    @Override
    public void writeFields(JsonWriter json) {
      json.field("id", id)
          .field("shortDescription", shortDescription)
          .field("defaultConfiguration", defaultConfiguration);
    }
  }

  record Driver(
      String name, String version, String informationUri, List<ReportingDescriptor> rules)
      implements JsonWriter.Shape {
    @Override
    public void writeFields(JsonWriter json) {
      json.field("name", name)
          .field("version", version)
          .field("informationUri", informationUri)
          .objects("rules", rules);
    }
  }

  record Tool(Driver driver) implements JsonWriter.Shape {
    @Override
    public void writeFields(JsonWriter json) {
      json.field("driver", driver);
    }
  }

  record Result(
      String ruleId, int ruleIndex, String level, Message message, List<Location> locations)
      implements JsonWriter.Shape {
    @Override
    public void writeFields(JsonWriter json) {
      json.field("ruleId", ruleId)
          .field("ruleIndex", ruleIndex)
          .field("level", level)
          .field("message", message)
          .objects("locations", locations);
    }
  }

  record Run(Tool tool, List<Result> results) implements JsonWriter.Shape {
    @Override
    public void writeFields(JsonWriter json) {
      json.field("tool", tool).objects("results", results);
    }
  }

  /** The SARIF log; its schema field is named {@code $schema}, for data binding too. */
  record Sarif(@JsonProperty("$schema") String schema, String version, List<Run> runs)
      implements JsonWriter.Shape {
    @Override
    public void writeFields(JsonWriter json) {
      json.field("$schema", schema).field("version", version).objects("runs", runs);
    }
  }

  static final String SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

  static void sarif(List<Linted> results, PrintWriter out) {
    write(out, sarif(results));
  }

  /** The SARIF log of the lint results: every rule, then one result per finding or problem. */
  static Sarif sarif(List<Linted> results) {
    List<ReportingDescriptor> rules = new ArrayList<>();
    for (FindingKind k : FindingKind.values()) {
      rules.add(
          new ReportingDescriptor(
              k.id(), new Message(k.description()), new Configuration(k.severity().label())));
    }
    int loadError = rules.size();
    rules.add(
        new ReportingDescriptor(
            LOAD_ERROR, new Message("The spec cannot be loaded."), new Configuration("error")));
    int missingFile = rules.size();
    rules.add(
        new ReportingDescriptor(
            MISSING_FILE, new Message("The spec file does not exist."), new Configuration("error")));
    List<Result> found = new ArrayList<>();
    for (Linted r : results) {
      String uri = uri(r.file());
      if (r.missing()) {
        found.add(new Result(MISSING_FILE, missingFile, "error",
            new Message(r.file() + ": no such spec file"), List.of(location(uri, null))));
      } else if (!r.loaded()) {
        for (SpecProblem p : r.problems()) {
          found.add(new Result(LOAD_ERROR, loadError, "error", new Message(p.message()),
              List.of(location(uri, p.location()))));
        }
      } else {
        for (Finding f : r.report().findings()) {
          found.add(new Result(f.kind().id(), f.kind().ordinal(), f.severity().label(),
              new Message(f.message()), List.of(location(uri, f.location().orElse(null)))));
        }
      }
    }
    String v = LintCommand.class.getPackage().getImplementationVersion();
    Driver driver =
        new Driver("qualcheck", v == null ? "development" : v,
            null, rules);
    return new Sarif(SARIF_SCHEMA, "2.1.0", List.of(new Run(new Tool(driver), found)));
  }

  private static Location location(String uri, SourceLocation at) {
    return new Location(
        new PhysicalLocation(
            new ArtifactLocation(uri),
            at == null || at.line() < 1 ? null : new Region(at.line(), Math.max(1, at.column()))));
  }

  /** A relative path as a URI reference with forward slashes, as SARIF viewers expect. */
  static String uri(Path file) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < file.getNameCount(); i++) {
      if (i > 0) {
        s.append('/');
      }
      s.append(java.net.URLEncoder.encode(file.getName(i).toString(), java.nio.charset.StandardCharsets.UTF_8)
          .replace("+", "%20"));
    }
    return (file.isAbsolute() ? "file:///" : "") + s;
  }

  private static void write(PrintWriter out, JsonWriter.Shape value) {
    out.println(JsonOutput.write(value));
  }
}
