package org.qualcheck.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
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

  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .setSerializationInclusion(JsonInclude.Include.NON_NULL);

  private JsonOutput() {}

  record QualificationRef(String code, String title) {}

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
      String explanation) {}

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
      List<VariantJson> endorsements) {}

  /** A pathway or endorsed title; present only for qualifications that have them. */
  record VariantJson(String id, String title, boolean met, Boolean undecided, List<RuleJson> rules) {}

  static CheckResultJson checkResult(Qualification q, CheckResult r) {
    int credits = q.credits(r.plan().units());
    return new CheckResultJson(
        CHECK_RESULT_FORMAT,
        new QualificationRef(q.code(), q.title()),
        List.copyOf(r.plan().units()),
        credits,
        r.met(),
        r.undecided() ? Boolean.TRUE : null,
        r.outcomes().stream().map(JsonOutput::rule).toList(),
        r.placement(),
        r.notCounted(),
        r.notCountedBy(),
        q.pathways().isEmpty() ? null : variants(r.pathways()),
        q.pathways().isEmpty() ? null : r.achievedPathways(),
        q.endorsements().isEmpty() ? null : variants(r.endorsements()));
  }

  private static List<VariantJson> variants(List<VariantOutcome> outcomes) {
    return outcomes.stream()
        .map(
            v ->
                new VariantJson(
                    v.id(),
                    v.title(),
                    v.met(),
                    v.undecided() ? Boolean.TRUE : null,
                    v.outcomes().stream().map(JsonOutput::rule).toList()))
        .toList();
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

  static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("result could not be written as JSON", e);
    }
  }
}
