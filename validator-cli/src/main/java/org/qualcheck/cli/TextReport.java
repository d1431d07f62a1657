package org.qualcheck.cli;

import java.util.ArrayList;
import java.util.List;
import org.qualcheck.check.CheckResult;
import org.qualcheck.check.RuleOutcome;
import org.qualcheck.check.VariantOutcome;
import org.qualcheck.compile.CompiledQualification;
import org.qualcheck.explain.Columns;
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
      StringBuilder row = new StringBuilder("  ");
      Columns.left(row, u, numberWidth).append("  ");
      Columns.left(row, unit.reference().isPresent() ? unit.reference().get().toString() : "", 10)
          .append("  ");
      Columns.right(row, unit.credits(), 2).append(" cr  ");
      Columns.left(row, unit.level().label(), 7).append("  ");
      Columns.left(row, PrintableText.escape(unit.title()), titleWidth).append("  ").append(where);
      s.append(row.toString().stripTrailing()).append('\n');
    }
    s.append('\n');
    int idWidth = 4;
    List<RuleOutcome> all = new ArrayList<>(result.outcomes());
    for (VariantOutcome p : result.pathways()) {
      all.addAll(p.outcomes());
    }
    for (VariantOutcome e : result.endorsements()) {
      all.addAll(e.outcomes());
    }
    for (RuleOutcome o : all) {
      idWidth = Math.max(idWidth, o.ruleId().length());
    }
    boolean variants = !result.pathways().isEmpty() || !result.endorsements().isEmpty();
    if (variants) {
      s.append(result.pathways().isEmpty() ? "Rules:\n" : "Common rules:\n");
    }
    rules(s, result.outcomes(), idWidth);
    for (VariantOutcome p : result.pathways()) {
      s.append('\n').append(variantHeading("Pathway", p));
      rules(s, p.outcomes(), idWidth);
    }
    for (VariantOutcome e : result.endorsements()) {
      s.append('\n').append(variantHeading("Endorsed title", e));
      rules(s, e.outcomes(), idWidth);
    }
    s.append('\n');
    int failed = result.failures().size();
    if (!result.pathways().isEmpty()) {
      List<String> achieved = new ArrayList<>();
      for (VariantOutcome p : result.pathways()) {
        if (p.met()) {
          achieved.add(p.id());
        }
      }
      if (result.met()) {
        s.append("MET: the plan meets the common rules and every rule of ")
            .append(achieved.size() == 1 ? "pathway " : "pathways ")
            .append(String.join(", ", achieved));
      } else if (result.undecided()) {
        s.append("UNDECIDED: the search over where each unit counts reached its bound (")
            .append(String.format(java.util.Locale.ROOT, "%,d", CompiledQualification.PLACEMENT_BUDGET))
            .append(" steps) before it could prove any pathway met");
      } else {
        s.append("NOT MET: no pathway is met");
      }
      s.append(earned(result)).append(".\n");
      return s.toString();
    }
    if (result.met()) {
      int rules = result.outcomes().size();
      s.append(rules == 1 ? "MET: the plan meets the 1 rule" : "MET: the plan meets all " + rules + " rules")
          .append(earned(result))
          .append(".\n");
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

  private static void rules(StringBuilder s, List<RuleOutcome> outcomes, int idWidth) {
    for (RuleOutcome o : outcomes) {
      s.append("  ");
      Columns.left(s, o.holds() ? "ok" : "FAIL", 4).append("  ");
      Columns.left(s, o.ruleId(), idWidth).append("  ");
      s.append(o.requirement()).append(": ").append(o.explanation()).append(System.lineSeparator());
    }
  }

  private static String variantHeading(String noun, VariantOutcome v) {
    String verdict =
        v.met() ? (noun.equals("Pathway") ? "achieved" : "earned")
            : v.undecided() ? "undecided" : "not met";
    return noun + " " + v.id() + " (" + PrintableText.escape(v.title()) + "): " + verdict + "\n";
  }

  /** "; endorsed titles earned: x" when the qualification has endorsed titles. */
  private static String earned(CheckResult result) {
    if (result.endorsements().isEmpty()) {
      return "";
    }
    List<String> earned = result.earnedEndorsements();
    return earned.isEmpty() ? "; no endorsed title is earned"
        : "; endorsed " + (earned.size() == 1 ? "title" : "titles") + " earned: "
            + String.join(", ", earned);
  }
}
