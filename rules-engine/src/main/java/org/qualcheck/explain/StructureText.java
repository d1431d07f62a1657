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
import org.qualcheck.model.Variant;
import org.qualcheck.rule.AllOf;
import org.qualcheck.rule.Cap;
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
    int numberWidth = 0;
    for (String number : q.units().keySet()) {
      numberWidth = Math.max(numberWidth, number.length());
    }
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
    List<Unit> loose = new ArrayList<>();
    for (Unit u : q.units().values()) {
      if (!grouped.contains(u.number())) {
        loose.add(u);
      }
    }
    if (!loose.isEmpty()) {
      s.append("\nUnits in no group\n");
      for (Unit u : loose) {
        row(s, u, Math.max(4, numberWidth));
      }
    }
    s.append("\nRules of combination\n").append(rules(q));
    if (!q.pathways().isEmpty()) {
      s.append("\nPathways: you must also meet every rule of at least one of these ")
          .append(q.pathways().size()).append(" pathways.\n");
      variants(s, q, q.pathways(), "Pathway");
    }
    if (!q.endorsements().isEmpty()) {
      s.append("\nEndorsed titles: added to the qualification's title when a plan that achieves it")
          .append(" also meets every rule of the endorsement; never needed to achieve it.\n");
      variants(s, q, q.endorsements(), "Endorsed title");
    }
    return s.toString();
  }

  private static void variants(
      StringBuilder s, Qualification q, List<Variant> variants, String noun) {
    for (Variant v : variants) {
      s.append(noun).append(' ').append(v.id()).append(": ")
          .append(PrintableText.escape(v.title())).append('\n');
      v.description().ifPresent(d -> s.append("  ").append(PrintableText.escape(d)).append('\n'));
      if (v.rules().isEmpty()) {
        s.append("  - no further rules\n");
      }
      for (Rule r : v.rules()) {
        s.append("  - ").append(sentence(r, q)).append(" [").append(r.id()).append("]\n");
      }
    }
  }

  private static void row(StringBuilder s, Unit u, int numberWidth) {
    String title = PrintableText.escape(u.title()) + attributes(u, "  [", "]");
    s.append("  ");
    Columns.left(s, u.number(), numberWidth).append("  ");
    Columns.left(s, u.reference().isPresent() ? u.reference().get().toString() : "", 10)
        .append("  ");
    Columns.right(s, u.credits(), 2).append(" cr  ");
    Columns.left(s, u.level().label(), 7).append("  ").append(title).append(System.lineSeparator());
  }

  /** The unit's attributes, comma-separated between {@code open} and {@code close}; or nothing. */
  private static String attributes(Unit u, String open, String close) {
    return u.attributes().isEmpty()
        ? ""
        : open + PrintableText.escape(String.join(", ", u.attributes())) + close;
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
      if (r instanceof Total t && t.scope().isWholePlan() && t.filter().isEmpty() && t.via().isEmpty()
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
    if (r instanceof Cap) {
      text = text + " (a plan may hold more; the rest count toward nothing)";
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
            .append(label(u + " · " + unit.credits() + " cr · " + unit.level().label()
                + attributes(unit, " · ", "")))
            .append("\"]\n");
      }
      s.append("  end\n");
    }
    int[] next = {0};
    rules(s, q, q.rules(), next, groupIds, unitIds, "  ");
    int v = 0;
    for (Variant p : q.pathways()) {
      s.append("  subgraph p").append(v++).append("[\"")
          .append(label("Pathway " + p.id() + ": " + p.title())).append("\"]\n");
      rules(s, q, p.rules(), next, groupIds, unitIds, "    ");
      s.append("  end\n");
    }
    v = 0;
    for (Variant e : q.endorsements()) {
      s.append("  subgraph e").append(v++).append("[\"")
          .append(label("Endorsed title " + e.id() + ": " + e.title())).append("\"]\n");
      rules(s, q, e.rules(), next, groupIds, unitIds, "    ");
      s.append("  end\n");
    }
    return s.toString();
  }

  /** Each rule a node, numbered on from {@code next[0]}, linked to the groups and units it names. */
  private static void rules(StringBuilder s, Qualification q, List<Rule> rules, int[] next,
      Map<String, String> groupIds, Map<String, String> unitIds, String indent) {
    for (Rule r : rules) {
      String rid = "r" + next[0]++;
      s.append(indent).append(rid).append("{{\"")
          .append(label(r.id() + ": " + RuleText.requirement(r, q)))
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
      // a cap's edges are dotted: it limits what counts there rather than asking for anything
      String edge = r instanceof Cap ? " -. caps .-> " : " --> ";
      for (String t : targets) {
        s.append(indent).append(rid).append(edge).append(t).append('\n');
      }
    }
  }

  /** Text safe inside a quoted Mermaid label. */
  static String label(String text) {
    return PrintableText.escape(text.replace("\"", "#quot;").replace("\n", " "));
  }
}
