package org.qualcheck.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.qualcheck.check.RuleText;
import org.qualcheck.explain.StructureText;
import org.qualcheck.model.Group;
import org.qualcheck.model.Qualification;
import org.qualcheck.model.Unit;
import org.qualcheck.rule.Rule;

/**
 * A qualification's structure as the page needs it: groups of units with credits and levels, the
 * rules in the English of {@code qualcheck show}, and its Mermaid flowchart.
 */
record Structure(
    String format,
    String code,
    String title,
    String number,
    List<GroupJson> groups,
    List<RuleJson> rules,
    String english,
    String mermaid) {

  static final String FORMAT = "qualcheck-structure/1";

  record UnitJson(String number, String reference, String title, int credits, String level) {}

  record GroupJson(String id, String title, int credits, List<UnitJson> units) {}

  record RuleJson(String id, String kind, String requirement) {}

  /** The id under which units in no group are listed. */
  static final String UNGROUPED = "";

  static Structure of(Qualification q) {
    List<GroupJson> groups = new ArrayList<>();
    Set<String> grouped = new TreeSet<>();
    for (Group g : q.groups().values()) {
      groups.add(new GroupJson(g.id(), g.title(), q.credits(g.units()),
          g.units().stream().map(u -> unit(q.units().get(u))).toList()));
      grouped.addAll(g.units());
    }
    List<UnitJson> loose = q.units().values().stream()
        .filter(u -> !grouped.contains(u.number())).map(Structure::unit).toList();
    if (!loose.isEmpty()) {
      groups.add(new GroupJson(UNGROUPED, "Units in no group",
          loose.stream().mapToInt(UnitJson::credits).sum(), loose));
    }
    List<RuleJson> rules = new ArrayList<>();
    for (Rule r : q.rules()) {
      rules.add(new RuleJson(r.id(), RuleText.kind(r), RuleText.requirement(r, q)));
    }
    return new Structure(FORMAT, q.code(), q.title(),
        q.number().map(Object::toString).orElse(null), groups, rules,
        StructureText.text(q), StructureText.mermaid(q));
  }

  private static UnitJson unit(Unit u) {
    return new UnitJson(u.number(), u.reference().map(Object::toString).orElse(null), u.title(),
        u.credits(), u.level().label());
  }
}
