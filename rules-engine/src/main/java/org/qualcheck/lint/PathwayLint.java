package org.qualcheck.lint;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.qualcheck.check.Checker;
import org.qualcheck.check.Plan;
import org.qualcheck.model.Group;
import org.qualcheck.model.Qualification;
import org.qualcheck.model.SourceLocation;
import org.qualcheck.model.Variant;
import org.qualcheck.plan.Feasibility;
import org.qualcheck.plan.PlanOptions;
import org.qualcheck.plan.Planner;
import org.qualcheck.rule.AllOf;
import org.qualcheck.rule.Barred;
import org.qualcheck.rule.Bounds;
import org.qualcheck.rule.Choose;
import org.qualcheck.rule.Rule;
import org.qualcheck.rule.Total;

/**
 * Lint for a qualification with pathways or endorsed titles: each pathway is linted as the
 * qualification of the common rules and its own ({@link Qualification#routes}), and the findings
 * merged. A pathway that no plan meets is reported as such; a unit is dead only if no pathway can
 * use it; a common rule is redundant only if it is so in every pathway; findings on a pathway's
 * rules name the pathway. Each endorsed title is checked for satisfiability with every pathway.
 * In a structure where each plan is read one way only, a pathway whose every plan achieves another
 * pathway too is reported, as is a pair of pathways that admit exactly the same plans.
 */
final class PathwayLint {
  private PathwayLint() {}

  static LintReport lint(Qualification q) {
    List<Qualification> routes = q.routes();
    List<LintReport> reports = routes.stream().map(Linter::lintOne).toList();
    Map<String, Integer> owner = new HashMap<>();
    for (int i = 0; i < q.pathways().size(); i++) {
      for (Rule r : q.pathways().get(i).rules()) {
        owner.put(r.id(), i);
      }
    }
    List<Boolean> satisfiable = new ArrayList<>();
    for (LintReport r : reports) {
      satisfiable.add(r.findings().stream().noneMatch(f -> f.kind() == FindingKind.UNSATISFIABLE));
    }
    long satisfiableRoutes = satisfiable.stream().filter(b -> b).count();
    Map<String, Finding> merged = new LinkedHashMap<>();
    Map<String, Integer> seenIn = new HashMap<>();
    for (int i = 0; i < reports.size(); i++) {
      for (Finding f : reports.get(i).findings()) {
        boolean ownRule = f.rules().stream().anyMatch(owner::containsKey);
        Finding g = f;
        if (!q.pathways().isEmpty()
            && (ownRule || f.kind() == FindingKind.UNSATISFIABLE
                || f.kind() == FindingKind.NOT_IMPLIED || f.kind() == FindingKind.EVADED_MAXIMUM
                || f.kind() == FindingKind.UNDECIDED)) {
          g = named(f, q.pathways().get(i));
        }
        if (f.kind() == FindingKind.DEAD_UNIT && !q.pathways().isEmpty()) {
          // each pathway proves it with its own rules; the unit is what must agree
          g = new Finding(f.kind(), "unit " + String.join(", ", f.units()) + " can never be part"
              + " of a plan that meets the rules: no pathway can use it", f.location(), List.of(),
              f.units(), f.plan());
        }
        String key = g.kind() + "\u0000" + g.message();
        if (merged.putIfAbsent(key, g) == null) {
          seenIn.put(key, 0);
        }
        if (satisfiable.get(i)) {
          seenIn.merge(key, 1, Integer::sum);
        }
      }
    }
    List<Finding> out = new ArrayList<>();
    for (Map.Entry<String, Finding> e : merged.entrySet()) {
      Finding f = e.getValue();
      boolean common = f.rules().stream().noneMatch(owner::containsKey);
      boolean everywhere = seenIn.get(e.getKey()) == satisfiableRoutes && satisfiableRoutes > 0;
      if (f.kind() == FindingKind.DEAD_UNIT && !everywhere) {
        continue;
      }
      if (f.kind() == FindingKind.REDUNDANT_RULE && common && !everywhere) {
        continue;
      }
      out.add(f);
    }
    endorsements(q, out);
    impliedPathways(q, out);
    return new LintReport(
        q,
        out.stream()
            .sorted(
                Comparator.comparing(Finding::severity)
                    .thenComparingInt(f -> f.location().map(SourceLocation::line).orElse(0)))
            .collect(ImmutableList.toImmutableList()));
  }

  private static Finding named(Finding f, Variant pathway) {
    return new Finding(
        f.kind(),
        "in pathway " + pathway.id() + ": " + f.message(),
        f.location(),
        f.rules(),
        f.units(),
        f.plan());
  }

  /** An endorsed title that no plan can earn, through any pathway. */
  private static void endorsements(Qualification q, List<Finding> out) {
    for (Variant e : q.endorsements()) {
      boolean decided = true;
      boolean some = false;
      for (Qualification route : q.routesWith(e.id())) {
        Feasibility f = Planner.of(route).feasibility(Plan.of(), PlanOptions.defaults());
        some |= f.plan().isPresent();
        decided &= f.decided();
      }
      if (!some && decided) {
        out.add(
            new Finding(
                FindingKind.UNSATISFIABLE,
                "no plan earns the endorsed title " + e.id() + ": no plan that achieves the"
                    + " qualification meets every rule of the endorsement",
                q.location("endorsement:" + e.id()),
                e.rules().stream().map(Rule::id).toList(),
                List.of(),
                Optional.empty()));
      }
    }
  }

  /**
   * For each ordered pair of pathways (P, Q): whether every plan achieving Q achieves P, asked rule
   * by rule of P through its negation, as for redundant rules. Only in structures where a plan is
   * read one way only, where achieving Q and breaking a rule of P is one reading's question.
   */
  private static void impliedPathways(Qualification q, List<Finding> out) {
    List<Qualification> routes = q.routes();
    if (routes.size() < 2
        || routes.stream().anyMatch(r -> !Checker.of(r).compiled().isSimple())) {
      return;
    }
    int k = routes.size();
    Boolean[][] implies = new Boolean[k][k];
    for (int a = 0; a < k; a++) {
      for (int b = 0; b < k; b++) {
        if (a != b) {
          implies[a][b] = implies(q, routes.get(a), q.pathways().get(b));
        }
      }
    }
    Set<Integer> reported = new HashSet<>();
    for (int a = 0; a < k; a++) {
      for (int b = 0; b < k; b++) {
        if (a == b || !Boolean.TRUE.equals(implies[a][b]) || reported.contains(a)) {
          continue;
        }
        Variant pa = q.pathways().get(a);
        Variant pb = q.pathways().get(b);
        boolean same = Boolean.TRUE.equals(implies[b][a]);
        if (same && b < a) {
          continue;
        }
        reported.add(a);
        out.add(
            new Finding(
                FindingKind.PATHWAY_IMPLIED,
                same
                    ? "pathways " + pa.id() + " and " + pb.id() + " admit exactly the same plans,"
                        + " so one of them is never needed"
                    : "every plan that achieves pathway " + pa.id() + " also achieves pathway "
                        + pb.id() + ", so pathway " + pa.id() + " is never needed",
                q.location("pathway:" + pa.id()),
                List.of(),
                List.of(),
                Optional.empty()));
      }
    }
  }

  /**
   * Whether every plan meeting {@code route} meets every rule of {@code pathway}: true, false, or
   * null when a search reached its bound.
   */
  private static Boolean implies(Qualification q, Qualification route, Variant pathway) {
    for (Rule r : pathway.rules()) {
      for (Negation n : negations(q, r)) {
        Qualification.Builder b =
            Qualification.builder(route.code()).title(route.title()).source(route.source())
                .levels(route.lowestLevel(), route.highestLevel());
        route.units().values().forEach(b::unit);
        route.groups().values().forEach(b::group);
        route.rules().forEach(b::rule);
        n.rule().ifPresent(b::rule);
        Feasibility f =
            Planner.of(b.build())
                .feasibility(Plan.of(n.include()), PlanOptions.defaults().excluding(n.exclude()));
        if (f.plan().isPresent()) {
          return false;
        }
        if (!f.decided()) {
          return null;
        }
      }
    }
    return true;
  }

  /**
   * One way to break a rule: a rule to meet instead, units to include, units to leave out. A plan
   * breaks the rule exactly when it meets one of its negations.
   */
  private record Negation(Optional<Rule> rule, List<String> include, List<String> exclude) {}

  private static List<Negation> negations(Qualification q, Rule r) {
    Set<String> ids = new HashSet<>();
    q.routes().forEach(route -> route.rules().forEach(x -> ids.add(x.id())));
    String negated = "negation";
    while (ids.contains(negated)) {
      negated = negated + "-";
    }
    List<Negation> out = new ArrayList<>();
    if (r instanceof Total t) {
      for (Bounds b : opposite(t.bounds())) {
        out.add(new Negation(
            Optional.of(new Total(negated, t.measure(), t.scope(), t.level(), b)),
            List.of(), List.of()));
      }
    } else if (r instanceof Choose c) {
      for (Bounds b : opposite(c.bounds())) {
        out.add(new Negation(Optional.of(new Choose(negated, c.units(), b)), List.of(), List.of()));
      }
    } else if (r instanceof AllOf a) {
      // in a simple structure a unit counts in its one group, so a required unit is missed only by
      // leaving it out
      List<String> required = new ArrayList<>(a.scope().units());
      for (String g : a.scope().groups()) {
        Group group = q.groups().get(g);
        required.addAll(group.units());
      }
      for (String u : new java.util.LinkedHashSet<>(required)) {
        out.add(new Negation(Optional.empty(), List.of(), List.of(u)));
      }
    } else if (r instanceof Barred b) {
      for (int i = 0; i < b.units().size(); i++) {
        for (int j = i + 1; j < b.units().size(); j++) {
          out.add(new Negation(
              Optional.empty(), List.of(b.units().get(i), b.units().get(j)), List.of()));
        }
      }
    }
    return out;
  }

  /** Bounds that a figure meets exactly when it breaks {@code b}. */
  private static List<Bounds> opposite(Bounds b) {
    List<Bounds> out = new ArrayList<>();
    long min = b.min().orElse(0);
    if (min > 0) {
      out.add(new Bounds(OptionalLong.empty(), OptionalLong.of(min - 1)));
    }
    if (b.max().isPresent()) {
      out.add(new Bounds(OptionalLong.of(b.max().getAsLong() + 1), OptionalLong.empty()));
    }
    return out;
  }
}
