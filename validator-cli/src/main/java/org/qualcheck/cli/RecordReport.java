package org.qualcheck.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.qualcheck.check.RuleOutcome;
import org.qualcheck.check.RuleText;
import org.qualcheck.model.PrintableText;
import org.qualcheck.model.Qualification;
import org.qualcheck.plan.Completion;
import org.qualcheck.progress.RecordResult;
import org.qualcheck.progress.Standing;
import org.qualcheck.progress.UnitStanding;
import org.qualcheck.record.LearnerRecord;
import org.qualcheck.record.UnitEntry;
import org.qualcheck.record.Via;

/**
 * A learner record's check, as text for people and as JSON for programs: whether the certificate
 * can be claimed, whether the learner is on track, how each unit stands and what remains.
 */
final class RecordReport {
  /** Version of the record result shape. */
  static final String FORMAT = "qualcheck-record-result/1";

  private RecordReport() {}

  record UnitJson(
      String unit, String number, String status, String via, String date, String from,
      String evidence, String standing) implements JsonWriter.Shape {
    @Override
    public void writeFields(JsonWriter json) {
      json.field("unit", unit)
          .field("number", number)
          .field("status", status)
          .field("via", via)
          .field("date", date)
          .field("from", from)
          .field("evidence", evidence)
          .field("standing", standing);
    }
  }

  record CountedJson(String unit, String via, String date) implements JsonWriter.Shape {
    @Override
    public void writeFields(JsonWriter json) {
      json.field("unit", unit).field("via", via).field("date", date);
    }
  }

  record RuleJson(
      String id, String kind, String requirement, boolean holds, long minimum, Long maximum,
      long achieved, long shortfall, long excess, List<CountedJson> counted, List<String> missing,
      String explanation) implements JsonWriter.Shape {
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
          .objects("counted", counted)
          .strings("missing", missing)
          .field("explanation", explanation);
    }
  }

  record RemainingJson(List<String> complete, List<String> add, long creditsAdded)
      implements JsonWriter.Shape {
    @Override
    public void writeFields(JsonWriter json) {
      json.strings("complete", complete).strings("add", add).field("creditsAdded", creditsAdded);
    }
  }

  record RecordResultJson(
      String format,
      JsonOutput.QualificationRef qualification,
      String learner,
      String registered,
      String asOf,
      boolean met,
      boolean achieved,
      boolean onTrack,
      Boolean undecided,
      Boolean timeLimitPassed,
      List<UnitJson> units,
      List<RuleJson> rules,
      List<String> onTrackFailures,
      RemainingJson remaining) implements JsonWriter.Shape {
    @Override
    public void writeFields(JsonWriter json) {
      json.field("format", format)
          .field("qualification", qualification)
          .field("learner", learner)
          .field("registered", registered)
          .field("asOf", asOf)
          .field("met", met)
          .field("achieved", achieved)
          .field("onTrack", onTrack)
          .field("undecided", undecided)
          .field("timeLimitPassed", timeLimitPassed)
          .objects("units", units)
          .objects("rules", rules)
          .strings("onTrackFailures", onTrackFailures)
          .field("remaining", remaining);
    }
  }

  static RecordResultJson json(Qualification q, LearnerRecord record, RecordResult r) {
    Map<String, UnitStanding> byNumber = byNumber(r);
    List<UnitJson> units = new ArrayList<>();
    for (UnitStanding s : r.units()) {
      UnitEntry e = s.entry();
      units.add(new UnitJson(e.unit(), s.number().orElse(null), e.status().jsonName(),
          e.via().jsonName(), e.date().map(Object::toString).orElse(null), e.from().orElse(null),
          e.evidence().orElse(null), s.standing().jsonName()));
    }
    List<RuleJson> rules = new ArrayList<>();
    for (RuleOutcome o : r.achieved().outcomes()) {
      List<CountedJson> counted = new ArrayList<>();
      for (String u : o.counted()) {
        UnitStanding s = byNumber.get(u);
        counted.add(new CountedJson(u, s == null ? Via.ASSESSMENT.jsonName()
            : s.entry().via().jsonName(),
            s == null ? null : s.entry().date().map(Object::toString).orElse(null)));
      }
      rules.add(new RuleJson(o.ruleId(), RuleText.kind(o.rule()), o.requirement(), o.holds(),
          o.minimum(), o.bounded() ? o.maximum().getAsLong() : null, o.achieved(), o.shortfall(),
          o.excess(), counted, o.missing(), o.explanation()));
    }
    RemainingJson remaining = r.remaining()
        .map(c -> new RemainingJson(toComplete(r), c.add(), c.creditsAdded()))
        .orElse(null);
    return new RecordResultJson(
        FORMAT,
        new JsonOutput.QualificationRef(q.code(), q.title()),
        record.learner(),
        record.registered().map(Object::toString).orElse(null),
        r.asOf().toString(),
        r.met(),
        r.isAchieved(),
        r.isOnTrack(),
        r.achieved().undecided() || r.onTrack().undecided() ? Boolean.TRUE : null,
        r.timeLimitPassed() ? Boolean.TRUE : null,
        units,
        rules,
        r.onTrack().failures().stream().map(RuleOutcome::ruleId).toList(),
        remaining);
  }

  /** The units in progress, planned or dated after the as-of date: those still to achieve. */
  private static List<String> toComplete(RecordResult r) {
    List<String> out = new ArrayList<>();
    for (UnitStanding s : r.units()) {
      if (s.standing() == Standing.PENDING || s.standing() == Standing.NOT_YET) {
        out.add(s.number().orElseThrow());
      }
    }
    return out;
  }

  private static Map<String, UnitStanding> byNumber(RecordResult r) {
    Map<String, UnitStanding> out = new LinkedHashMap<>();
    for (UnitStanding s : r.units()) {
      s.number().ifPresent(n -> out.putIfAbsent(n, s));
    }
    return out;
  }

  static String text(Qualification q, LearnerRecord record, RecordResult r) {
    StringBuilder s = new StringBuilder();
    s.append(PrintableText.escape(q.title())).append(" (").append(q.code()).append(")\n");
    s.append("Learner ").append(PrintableText.escape(record.learner()));
    record.registered().ifPresent(d -> s.append(", registered ").append(d));
    s.append(", as of ").append(r.asOf());
    q.timeLimitYears().ifPresent(y -> s.append("; units count within ").append(y)
        .append(y == 1 ? " year" : " years").append(" of registration"));
    s.append("\n\n");
    int width = 4;
    for (UnitStanding u : r.units()) {
      width = Math.max(width, PrintableText.escape(u.entry().unit()).length());
    }
    for (UnitStanding u : r.units()) {
      UnitEntry e = u.entry();
      StringBuilder how = new StringBuilder(e.status().jsonName());
      e.date().ifPresent(d -> how.append(' ').append(d));
      if (e.via() != Via.ASSESSMENT) {
        how.append(" by ").append(e.via().jsonName());
      }
      e.from().ifPresent(f -> how.append(" from ").append(PrintableText.escape(f)));
      String unit = u.number().filter(n -> !n.equals(e.unit())).map(n -> " = " + n).orElse("");
      s.append(String.format("  %-" + width + "s  %-40s  %s%n",
          PrintableText.escape(e.unit()), how + unit, standingWords(u.standing())));
    }
    s.append("\nRules, for the achieved units:\n");
    Map<String, UnitStanding> byNumber = byNumber(r);
    int idWidth = 4;
    for (RuleOutcome o : r.achieved().outcomes()) {
      idWidth = Math.max(idWidth, o.ruleId().length());
    }
    for (RuleOutcome o : r.achieved().outcomes()) {
      s.append(String.format("  %-4s  %-" + idWidth + "s  %s: %s%n", o.holds() ? "ok" : "FAIL",
          o.ruleId(), o.requirement(), o.explanation()));
      if (o.counted().stream().anyMatch(u -> via(byNumber, u) != Via.ASSESSMENT)) {
        List<String> counted = new ArrayList<>();
        for (String u : o.counted()) {
          Via v = via(byNumber, u);
          counted.add(v == Via.ASSESSMENT ? u : u + " (" + v.jsonName() + ")");
        }
        s.append(String.format("  %-4s  %-" + idWidth + "s  counted: %s%n", "", "",
            String.join(", ", counted)));
      }
    }
    s.append('\n');
    if (r.isAchieved()) {
      s.append("ACHIEVED: the achieved units meet every rule; the certificate can be claimed.\n");
    } else {
      int failed = r.achieved().failures().size();
      s.append("NOT ACHIEVED: the achieved units fail ").append(failed)
          .append(failed == 1 ? " rule" : " rules").append(r.isOnTrack()
              ? "; ON TRACK: with the units in progress and planned every rule is met.\n"
              : "; NOT ON TRACK: with the units in progress and planned "
                  + r.onTrack().failures().size() + " of " + r.onTrack().outcomes().size()
                  + " rules still fail ("
                  + String.join(", ", r.onTrack().failures().stream()
                      .map(RuleOutcome::ruleId).toList()) + ").\n");
      Optional<Completion> c = r.remaining();
      List<String> complete = toComplete(r);
      if (r.timeLimitPassed()) {
        s.append("The time limit has passed: units not yet achieved can no longer count.\n");
      } else if (c.isPresent()) {
        s.append("Remaining: ");
        if (!complete.isEmpty()) {
          s.append("complete ").append(String.join(", ", complete));
        }
        if (!c.get().add().isEmpty()) {
          s.append(complete.isEmpty() ? "" : "; ").append("add ")
              .append(String.join(", ", c.get().add())).append(" (")
              .append(c.get().creditsAdded()).append(c.get().creditsAdded() == 1 ? " credit" :
                  " credits").append(")");
        }
        s.append(".\n");
      } else {
        s.append("No units can be added to meet the rules from here.\n");
      }
    }
    return s.toString();
  }

  private static Via via(Map<String, UnitStanding> byNumber, String unit) {
    UnitStanding s = byNumber.get(unit);
    return s == null ? Via.ASSESSMENT : s.entry().via();
  }

  private static String standingWords(Standing standing) {
    return switch (standing) {
      case ACHIEVED -> "counts";
      case NOT_YET -> "not yet (dated after the as-of date)";
      case PENDING -> "on track only";
      case OUTSIDE_TIME_LIMIT -> "does not count: outside the time limit";
      case NOT_IN_QUALIFICATION -> "does not count: not in this qualification";
    };
  }
}
