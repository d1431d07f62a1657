package org.qualcheck.cli;

import org.qualcheck.check.CheckResult;
import org.qualcheck.check.RuleOutcome;
import org.qualcheck.compile.CompiledQualification;
import org.qualcheck.model.PrintableText;
import org.qualcheck.model.Qualification;
import org.qualcheck.model.Unit;
import org.qualcheck.rule.Cap;

/** Renders results as text for people: aligned columns, one line per unit and per rule. */
final class TextReport {
  private TextReport() {}

  static String checkResult(Qualification q, CheckResult result) {
    StringBuilder s = new StringBuilder();
    s.append(PrintableText.escape(q.title())).append(" (").append(q.code()).append(")\n\n");
    int credits = 0;
    for (String u : result.plan().units()) {
      credits += q.units().get(u).credits();
    }
    s.append("Plan: ")
        .append(result.plan().size())
        .append(result.plan().size() == 1 ? " unit, " : " units, ")
        .append(credits)
        .append(credits == 1 ? " credit\n" : " credits\n");
    int numberWidth = 4;
    int titleWidth = 10;
    for (String u : result.plan().units()) {
      numberWidth = Math.max(numberWidth, u.length());
      titleWidth = Math.max(titleWidth, PrintableText.escape(q.units().get(u).title()).length());
    }
    for (String u : result.plan().units()) {
      Unit unit = q.units().get(u);
      String where = result.placement().containsKey(u) ? "group " + result.placement().get(u) : "";
      String leftOutBy = result.notCountedBy().get(u);
      if (result.notCounted().contains(u)) {
        where =
            leftOutBy != null && q.rules().stream().anyMatch(r -> r instanceof Cap && r.id().equals(leftOutBy))
                ? "not counted (over the cap " + leftOutBy + ")"
                : "not counted (an equivalent unit counts)";
      }
      s.append(
          String.format(
              "  %-" + numberWidth + "s  %-10s  %2d cr  %-7s  %-" + titleWidth + "s  %s%n",
              u,
              unit.reference().map(Object::toString).orElse(""),
              unit.credits(),
              unit.level().label(),
              PrintableText.escape(unit.title()),
              where).stripTrailing()).append('\n');
    }
    s.append('\n');
    int idWidth = 4;
    for (RuleOutcome o : result.outcomes()) {
      idWidth = Math.max(idWidth, o.ruleId().length());
    }
    for (RuleOutcome o : result.outcomes()) {
      s.append(
          String.format(
              "  %-4s  %-" + idWidth + "s  %s: %s%n",
              o.holds() ? "ok" : "FAIL",
              o.ruleId(),
              o.requirement(),
              o.explanation()));
    }
    s.append('\n');
    int failed = result.failures().size();
    if (result.met()) {
      int rules = result.outcomes().size();
      s.append(rules == 1 ? "MET: the plan meets the 1 rule.\n"
          : "MET: the plan meets all " + rules + " rules.\n");
    } else if (result.undecided()) {
      s.append("UNDECIDED: the plan's units are listed in so many groups that the search over where")
          .append(" each counts reached its bound (")
          .append(String.format(java.util.Locale.ROOT, "%,d", CompiledQualification.PLACEMENT_BUDGET))
          .append(" steps) before it could prove the plan met or not met; the rules above are")
          .append(" read the best way found, which ")
          .append(failed == 1 ? "fails 1 rule" : "fails " + failed + " rules")
          .append(".\n");
    } else {
      s.append("NOT MET: ")
          .append(failed)
          .append(" of ")
          .append(result.outcomes().size())
          .append(result.outcomes().size() == 1 ? " rule" : " rules")
          .append(failed == 1 ? " is" : " are")
          .append(" not met.\n");
    }
    return s.toString();
  }
}
