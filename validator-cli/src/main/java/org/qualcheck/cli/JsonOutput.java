package org.qualcheck.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.qualcheck.check.CheckResult;
import org.qualcheck.check.RuleOutcome;
import org.qualcheck.check.RuleText;
import org.qualcheck.check.VariantOutcome;
import org.qualcheck.model.Qualification;
import org.qualcheck.rule.Cap;

/**
 * The JSON shapes qualcheck prints. Field names and meanings are part of the interface: a change
 * that removes or renames a field raises the {@code format} version.
 */
final class JsonOutput {
  /** Version of the check result shape, see {@code specs/schema/check-result.schema.json}. */
  static final String CHECK_RESULT_FORMAT = "qualcheck-check-result/1";

  private JsonOutput() {}

  record QualificationRef(String code, String title) implements JsonWriter.Shape {
    @Override
    public void writeFields(JsonWriter json) {
      json.field("code", code).field("title", title);
    }
  }

  record RuleJson(
      String id,
      String kind,
      String requirement,
      boolean holds,
      long minimum,
      Long maximum,
      long achieved,
      long shortfall,
      long excess,
      List<String> counted,
      List<String> missing,
      List<String> notCounted,
      String explanation)
      implements JsonWriter.Shape {
    @Override
    public void writeFields(JsonWriter json) {
      json.field("id", id)
          .field("kind", kind)
          .field("requirement", requirement)
          .field("holds", holds)
          .field("minimum", minimum)
          .field("maximum", maximum)
          .field("achieved", achieved)
          .field("shortfall", shortfall)
          .field("excess", excess)
          .strings("counted", counted)
          .strings("missing", missing)
          .strings("notCounted", notCounted)
          .field("explanation", explanation);
    }
  }

  record CheckResultJson(
      String format,
      QualificationRef qualification,
      List<String> plan,
      int credits,
      boolean met,
      Boolean undecided,
      List<RuleJson> rules,
      Map<String, String> placement,
      List<String> notCounted,
      Map<String, String> notCountedBy,
      List<VariantJson> pathways,
      List<String> achievedPathways,
      List<VariantJson> endorsements)
      implements JsonWriter.Shape {
    @Override
    public void writeFields(JsonWriter json) {
      json.field("format", format)
          .field("qualification", qualification)
          .strings("plan", plan)
          .field("credits", credits)
          .field("met", met)
          .field("undecided", undecided)
          .objects("rules", rules)
          .map("placement", placement)
          .strings("notCounted", notCounted)
          .map("notCountedBy", notCountedBy)
          .objects("pathways", pathways)
          .strings("achievedPathways", achievedPathways)
          .objects("endorsements", endorsements);
    }
  }

  /** A pathway or endorsed title; present only for qualifications that have them. */
  record VariantJson(String id, String title, boolean met, Boolean undecided, List<RuleJson> rules)
      implements JsonWriter.Shape {
    @Override
    public void writeFields(JsonWriter json) {
      json.field("id", id)
          .field("title", title)
          .field("met", met)
          .field("undecided", undecided)
          .objects("rules", rules);
    }
  }

  static CheckResultJson checkResult(Qualification q, CheckResult r) {
    int credits = q.credits(r.plan().units());
    return new CheckResultJson(
        CHECK_RESULT_FORMAT,
        new QualificationRef(q.code(), q.title()),
        List.copyOf(r.plan().units()),
        credits,
        r.met(),
        r.undecided() ? Boolean.TRUE : null,
        rules(r.outcomes()),
        r.placement(),
        r.notCounted(),
        r.notCountedBy(),
        q.pathways().isEmpty() ? null : variants(r.pathways()),
        q.pathways().isEmpty() ? null : r.achievedPathways(),
        q.endorsements().isEmpty() ? null : variants(r.endorsements()));
  }

  // loops rather than streams: validate --format json sets up no stream pipeline at start-up
  private static List<VariantJson> variants(List<VariantOutcome> outcomes) {
    List<VariantJson> out = new ArrayList<>(outcomes.size());
    for (VariantOutcome v : outcomes) {
      out.add(
          new VariantJson(v.id(), v.title(), v.met(), v.undecided() ? Boolean.TRUE : null,
              rules(v.outcomes())));
    }
    return List.copyOf(out);
  }

  private static List<RuleJson> rules(List<RuleOutcome> outcomes) {
    List<RuleJson> out = new ArrayList<>(outcomes.size());
    for (RuleOutcome o : outcomes) {
      out.add(rule(o));
    }
    return List.copyOf(out);
  }

  static RuleJson rule(RuleOutcome o) {
    return new RuleJson(
        o.ruleId(),
        RuleText.kind(o.rule()),
        o.requirement(),
        o.holds(),
        o.minimum(),
        o.bounded() ? o.maximum().getAsLong() : null,
        o.achieved(),
        o.shortfall(),
        o.excess(),
        o.counted(),
        o.missing(),
        o.rule() instanceof Cap ? o.notCounted() : null,
        o.explanation());
  }

  /** The shape as indented JSON text, without a final line break. */
  static String write(JsonWriter.Shape value) {
    return JsonWriter.write(value);
  }
}
