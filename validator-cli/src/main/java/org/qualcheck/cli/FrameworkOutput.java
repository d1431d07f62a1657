package org.qualcheck.cli;

import java.util.List;
import java.util.stream.Collectors;
import org.qualcheck.framework.Requirement;
import org.qualcheck.framework.check.ComponentOutcome;
import org.qualcheck.framework.check.FrameworkResult;
import org.qualcheck.framework.check.RequirementOutcome;
import org.qualcheck.model.PrintableText;

/**
 * What {@code qualcheck framework} prints: a line per component in text, or the JSON shape of
 * {@code specs/schema/framework-result.schema.json}, whose field names are part of the interface.
 */
final class FrameworkOutput {
  /** Version of the framework result shape. */
  static final String FORMAT = "qualcheck-framework-result/1";

  private FrameworkOutput() {}

  record FrameworkRef(String code, String title) implements JsonWriter.Shape {
    @Override
    public void writeFields(JsonWriter json) {
      json.field("code", code).field("title", title);
    }
  }

  record RequirementJson(
      String kind, String name, String title, boolean held, boolean checkedBySpec, String reason)
      implements JsonWriter.Shape {
    @Override
    public void writeFields(JsonWriter json) {
      json.field("kind", kind)
          .field("name", name)
          .field("title", title)
          .field("held", held)
          .field("checkedBySpec", checkedBySpec)
          .field("reason", reason);
    }
  }

  record ComponentJson(
      String id,
      String title,
      boolean complete,
      String alternative,
      List<String> missing,
      List<RequirementJson> requirements) implements JsonWriter.Shape {
    @Override
    public void writeFields(JsonWriter json) {
      json.field("id", id)
          .field("title", title)
          .field("complete", complete)
          .field("alternative", alternative)
          .strings("missing", missing)
          .objects("requirements", requirements);
    }
  }

  record ResultJson(
      String format,
      FrameworkRef framework,
      String learner,
      String on,
      boolean complete,
      List<ComponentJson> components) implements JsonWriter.Shape {
    @Override
    public void writeFields(JsonWriter json) {
      json.field("format", format)
          .field("framework", framework)
          .field("learner", learner)
          .field("on", on)
          .field("complete", complete)
          .objects("components", components);
    }
  }

  static ResultJson json(FrameworkResult r) {
    return new ResultJson(
        FORMAT,
        new FrameworkRef(r.framework().code(), r.framework().title()),
        r.learner(),
        r.on().toString(),
        r.complete(),
        r.components().stream().map(FrameworkOutput::component).toList());
  }

  private static ComponentJson component(ComponentOutcome c) {
    return new ComponentJson(
        c.id(),
        c.component().title(),
        c.complete(),
        c.alternative(),
        c.missing().stream().map(o -> o.requirement().name()).toList(),
        c.requirements().stream().map(FrameworkOutput::requirement).toList());
  }

  private static RequirementJson requirement(RequirementOutcome o) {
    Requirement r = o.requirement();
    return new RequirementJson(
        r.kind() == Requirement.Kind.QUALIFICATION ? "qualification" : "achievement",
        r.name(),
        r.title().orElse(null),
        o.held(),
        o.checkedBySpec(),
        o.reason());
  }

  /** One line for the verdict, then one per component; escaped, as names come from files. */
  static String text(FrameworkResult r) {
    List<ComponentOutcome> incomplete = r.incomplete();
    StringBuilder head = new StringBuilder();
    head.append(r.framework().title())
        .append(" (")
        .append(r.framework().code())
        .append("), learner ")
        .append(r.learner())
        .append(", as of ")
        .append(r.on())
        .append(": ")
        .append(
            r.complete()
                ? "complete"
                : "not complete; missing "
                    + incomplete.stream().map(ComponentOutcome::id).collect(Collectors.joining(", ")));
    StringBuilder sb = new StringBuilder(PrintableText.escape(head)).append('\n');
    for (ComponentOutcome c : r.components()) {
      StringBuilder line = new StringBuilder();
      line.append(c.complete() ? "  complete  " : "  MISSING   ")
          .append(c.id())
          .append(": ")
          .append(c.component().title());
      if (c.component().isChoice()) {
        line.append(c.complete() ? ", by " : ", nearest ").append(c.alternative());
      }
      List<RequirementOutcome> shown = c.complete() ? held(c) : c.missing();
      line.append(" (")
          .append(
              shown.stream()
                  .map(o -> o.requirement().describe() + ": " + o.reason())
                  .collect(Collectors.joining("; ")))
          .append(')');
      sb.append(PrintableText.escape(line)).append('\n');
    }
    return sb.toString();
  }

  /** The held requirements of the alternative that completes the component. */
  private static List<RequirementOutcome> held(ComponentOutcome c) {
    List<String> names =
        c.component().alternatives().stream()
            .filter(a -> a.id().equals(c.alternative()))
            .flatMap(a -> a.requirements().stream())
            .map(Requirement::describe)
            .toList();
    return c.requirements().stream()
        .filter(o -> names.contains(o.requirement().describe()))
        .distinct()
        .toList();
  }
}
