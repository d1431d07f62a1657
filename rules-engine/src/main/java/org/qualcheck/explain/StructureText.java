package org.qualcheck.explain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.qualcheck.check.RuleText;
import org.qualcheck.model.Group;
import org.qualcheck.model.PrintableText;
import org.qualcheck.model.Qualification;
import org.qualcheck.model.Unit;
import org.qualcheck.rule.AllOf;
import org.qualcheck.rule.Measure;
import org.qualcheck.rule.Rule;
import org.qualcheck.rule.Total;

/**
 * Renders a qualification's structure for people: its groups and units as a table and its rules
 * of combination as the plain English of a specification, generated from the rules themselves;
 * and as a Mermaid flowchart for documentation.
 */
public final class StructureText {
  private StructureText() {}

  /**
   * {@return the structure as a table of groups and units, then the rules of combination in words}
   *
   * @param q the qualification to describe
   */
  public static String text(Qualification q) {
    StringBuilder s = new StringBuilder();
    s.append(PrintableText.escape(q.title())).append(" (").append(q.code()).append(")\n");
    q.number().ifPresent(n -> s.append("Qualification number: ").append(n).append('\n'));
    if (!q.source().isBlank()) {
      s.append("Source: ")
          .append(PrintableText.escape(q.source().replaceAll("\\s+", " ").strip()))
          .append('\n');
    }
    int numberWidth = q.units().keySet().stream().mapToInt(String::length).max().orElse(0);
    Set<String> grouped = new TreeSet<>();
    for (Group g : q.groups().values()) {
      int credits = q.credits(g.units());
      s.append("\nGroup ").append(g.id()).append(": ").append(PrintableText.escape(g.title()))
          .append(" (").append(RuleText.count(g.units().size(), "unit")).append(", ")
          .append(RuleText.count(credits, "credit")).append(")\n");
      for (String u : g.units()) {
        row(s, q.units().get(u), Math.max(4, numberWidth));
        grouped.add(u);
      }
    }
    List<Unit> loose = q.units().values().stream().filter(u -> !grouped.contains(u.number())).toList();
    if (!loose.isEmpty()) {
      s.append("\nUnits in no group\n");
      loose.forEach(u -> row(s, u, Math.max(4, numberWidth)));
    }
    s.append("\nRules of combination\n").append(rules(q));
    return s.toString();
  }

  private static void row(StringBuilder s, Unit u, int numberWidth) {
    s.append(String.format("  %-" + numberWidth + "s  %-10s  %2d cr  %-7s  %s%n", u.number(),
        u.reference().map(Object::toString).orElse(""), u.credits(), u.level().label(),
          PrintableText.escape(u.title())));
  }

  /**
   * "To achieve this qualification, you must achieve a total of at least 28 credits made up as
   * follows:" and one line per other rule; without a total over the whole plan, "you must meet
   * all of the following:".
   *
   * @param q the qualification whose rules are worded
   * @return the opening sentence, then one line per other rule, each ending with its id in brackets
   */
  public static String rules(Qualification q) {
    Rule total = null;
    for (Rule r : q.rules()) {
      if (r instanceof Total t && t.scope().isWholePlan() && t.level().isEmpty() && t.via().isEmpty()
          && t.measure() == Measure.CREDITS && total == null) {
        total = r;
      }
    }
    StringBuilder s = new StringBuilder("To achieve this qualification, you must ");
    if (total != null) {
      Total t = (Total) total;
      s.append("achieve a total of ").append(RuleText.figure(t.bounds(), Measure.CREDITS))
          .append(" made up as follows:\n");
    } else {
      s.append("meet all of the following:\n");
    }
    for (Rule r : q.rules()) {
      if (r == total) {
        continue;
      }
      s.append("- ").append(sentence(r, q)).append(" [").append(r.id()).append("]\n");
    }
    return s.toString();
  }

  private static String sentence(Rule r, Qualification q) {
    String text = RuleText.requirement(r, q);
    if (r instanceof AllOf a && a.scope().units().isEmpty()) {
      int credits = 0;
      for (String g : a.scope().groups()) {
        credits += q.credits(q.groups().get(g).units());
      }
      text = text + " (" + RuleText.count(credits, "credit") + ")";
    }
    return text;
  }

  /**
   * {@return a Mermaid flowchart: each group a subgraph of its units, each rule a node linked to
   * its scope}
   *
   * @param q the qualification to draw
   */
  public static String mermaid(Qualification q) {
    StringBuilder s = new StringBuilder("flowchart TB\n");
    Map<String, String> unitIds = new java.util.LinkedHashMap<>();
    int k = 0;
    for (String u : q.units().keySet()) {
      unitIds.put(u, "u" + k++);
    }
    Map<String, String> groupIds = new java.util.LinkedHashMap<>();
    k = 0;
    for (Group g : q.groups().values()) {
      String gid = "g" + k++;
      groupIds.put(g.id(), gid);
      s.append("  subgraph ").append(gid).append("[\"").append(label("Group " + g.id() + ": " + g.title()))
          .append("\"]\n");
      for (String u : g.units()) {
        Unit unit = q.units().get(u);
        // a unit listed in several groups appears in each, under a node of its own
        s.append("    ").append(gid).append('_').append(unitIds.get(u)).append("[\"")
            .append(label(u + " · " + unit.credits() + " cr · " + unit.level().label()))
            .append("\"]\n");
      }
      s.append("  end\n");
    }
    k = 0;
    for (Rule r : q.rules()) {
      String rid = "r" + k++;
      s.append("  ").append(rid).append("{{\"").append(label(r.id() + ": " + RuleText.requirement(r, q)))
          .append("\"}}\n");
      List<String> targets = new ArrayList<>();
      for (String g : Qualification.groupsNamedBy(r)) {
        targets.add(groupIds.get(g));
      }
      for (String u : Qualification.unitsNamedBy(r)) {
        for (Group g : q.groupsOf(u)) {
          targets.add(groupIds.get(g.id()) + "_" + unitIds.get(u));
        }
      }
      for (String t : targets) {
        s.append("  ").append(rid).append(" --> ").append(t).append('\n');
      }
    }
    return s.toString();
  }

  /** Text safe inside a quoted Mermaid label. */
  static String label(String text) {
    return PrintableText.escape(text.replace("\"", "#quot;").replace("\n", " "));
  }
}
