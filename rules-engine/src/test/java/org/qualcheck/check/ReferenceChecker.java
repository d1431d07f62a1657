package org.qualcheck.check;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.qualcheck.model.Group;
import org.qualcheck.model.Qualification;
import org.qualcheck.model.Unit;
import org.qualcheck.rule.AllOf;
import org.qualcheck.rule.Barred;
import org.qualcheck.rule.Choose;
import org.qualcheck.rule.Equivalent;
import org.qualcheck.rule.Rule;
import org.qualcheck.rule.Total;

/**
 * A deliberately naive reading of the rules, written from their Javadoc with plain collections and
 * no shared code with the engine: tries every reading of a plan (one counted unit per equivalence
 * class, every placement of counted units) and evaluates each rule directly on the model.
 */
public final class ReferenceChecker {
  private final Qualification q;
  private final Map<String, Set<String>> classOf = new HashMap<>();

  public ReferenceChecker(Qualification q) {
    this.q = q;
    for (String u : q.units().keySet()) {
      classOf.put(u, new HashSet<>(Set.of(u)));
    }
    boolean changed = true;
    while (changed) {
      changed = false;
      for (Rule r : q.rules()) {
        if (r instanceof Equivalent e) {
          Set<String> merged = new HashSet<>();
          for (String u : e.units()) {
            merged.addAll(classOf.get(u));
          }
          for (String u : new ArrayList<>(merged)) {
            if (!classOf.get(u).equals(merged)) {
              classOf.put(u, new HashSet<>(merged));
              changed = true;
            }
          }
        }
      }
    }
  }

  public boolean meets(Set<String> plan) {
    List<Set<String>> classes = new ArrayList<>();
    Set<Set<String>> seen = new HashSet<>();
    for (String u : plan) {
      Set<String> c = classOf.get(u);
      if (seen.add(c)) {
        Set<String> chosenMembers = new LinkedHashSet<>();
        for (String v : plan) {
          if (c.contains(v)) {
            chosenMembers.add(v);
          }
        }
        classes.add(chosenMembers);
      }
    }
    return pickCounted(plan, classes, 0, new ArrayList<>());
  }

  private boolean pickCounted(
      Set<String> plan, List<Set<String>> classes, int k, List<String> counted) {
    if (k == classes.size()) {
      return placeAll(plan, counted, 0, new HashMap<>());
    }
    for (String u : classes.get(k)) {
      counted.add(u);
      if (pickCounted(plan, classes, k + 1, counted)) {
        return true;
      }
      counted.remove(counted.size() - 1);
    }
    return false;
  }

  private List<String> groupsFor(String unit) {
    List<String> out = new ArrayList<>();
    for (Group g : q.groups().values()) {
      for (String member : classOf.get(unit)) {
        if (g.contains(member)) {
          out.add(g.id());
          break;
        }
      }
    }
    return out;
  }

  private boolean placeAll(
      Set<String> plan, List<String> counted, int k, Map<String, String> placement) {
    if (k == counted.size()) {
      return allRulesHold(plan, new HashSet<>(counted), placement);
    }
    String u = counted.get(k);
    List<String> options = groupsFor(u);
    if (options.isEmpty()) {
      return placeAll(plan, counted, k + 1, placement);
    }
    for (String g : options) {
      placement.put(u, g);
      if (placeAll(plan, counted, k + 1, placement)) {
        return true;
      }
    }
    placement.remove(u);
    return false;
  }

  private boolean allRulesHold(Set<String> plan, Set<String> counted, Map<String, String> at) {
    for (Rule r : q.rules()) {
      if (!holds(r, plan, counted, at)) {
        return false;
      }
    }
    return true;
  }

  private boolean namedBy(String unit, List<String> names) {
    for (String n : names) {
      if (classOf.get(unit).contains(n)) {
        return true;
      }
    }
    return false;
  }

  private boolean holds(Rule r, Set<String> plan, Set<String> counted, Map<String, String> at) {
    if (r instanceof AllOf a) {
      for (String gid : a.scope().groups()) {
        for (String u : q.groups().get(gid).units()) {
          boolean ok = false;
          for (String v : counted) {
            ok |= classOf.get(u).contains(v) && gid.equals(at.get(v));
          }
          if (!ok) {
            return false;
          }
        }
      }
      for (String u : a.scope().units()) {
        boolean ok = false;
        for (String v : counted) {
          ok |= classOf.get(u).contains(v);
        }
        if (!ok) {
          return false;
        }
      }
      return true;
    }
    if (r instanceof Total t) {
      long sum = 0;
      for (String v : counted) {
        Unit unit = q.units().get(v);
        boolean inScope =
            t.scope().isWholePlan()
                || t.scope().groups().contains(at.get(v))
                || namedBy(v, t.scope().units());
        boolean levelOk = t.level().isEmpty() || t.level().get().accepts(unit.level());
        if (inScope && levelOk) {
          sum +=
              switch (t.measure()) {
                case CREDITS -> unit.credits();
                case UNITS -> 1;
                case GUIDED_LEARNING_HOURS -> unit.guidedLearningHoursOrZero();
              };
        }
      }
      return t.bounds().admits(sum);
    }
    if (r instanceof Choose c) {
      long n = counted.stream().filter(v -> namedBy(v, c.units())).count();
      return c.bounds().admits(n);
    }
    if (r instanceof Barred b) {
      return plan.stream().filter(b.units()::contains).count() <= 1;
    }
    return r instanceof Equivalent;
  }

  // Pathways and endorsed titles, read from their definition: a plan achieves a qualification with
  // pathways when one reading of it meets the common rules and every rule of some pathway; it earns
  // an endorsed title when one reading meets the common rules, some pathway's rules (if any) and
  // the endorsement's. Each combination is a plain qualification built here, checked as above.

  /** Whether the plan achieves the qualification, through some pathway if it has pathways. */
  public boolean achieves(Set<String> plan) {
    return q.pathways().isEmpty() ? flat(q.rules()).meets(plan) : !metPathways(plan).isEmpty();
  }

  /** The ids of the pathways the plan achieves, in order. */
  public List<String> metPathways(Set<String> plan) {
    List<String> met = new ArrayList<>();
    for (org.qualcheck.model.Variant p : q.pathways()) {
      if (flat(joined(q.rules(), p.rules())).meets(plan)) {
        met.add(p.id());
      }
    }
    return met;
  }

  /** The ids of the endorsed titles the plan earns, in order. */
  public List<String> earnedEndorsements(Set<String> plan) {
    List<String> earned = new ArrayList<>();
    for (org.qualcheck.model.Variant e : q.endorsements()) {
      boolean any = false;
      if (q.pathways().isEmpty()) {
        any = flat(joined(q.rules(), e.rules())).meets(plan);
      }
      for (org.qualcheck.model.Variant p : q.pathways()) {
        any |= flat(joined(joined(q.rules(), p.rules()), e.rules())).meets(plan);
      }
      if (any) {
        earned.add(e.id());
      }
    }
    return earned;
  }

  private static List<Rule> joined(List<Rule> a, List<Rule> b) {
    List<Rule> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  /** A reference checker for the same units and groups under these rules alone. */
  private ReferenceChecker flat(List<Rule> rules) {
    Qualification.Builder b = Qualification.builder(q.code());
    q.units().values().forEach(b::unit);
    q.groups().values().forEach(b::group);
    rules.forEach(b::rule);
    return new ReferenceChecker(b.build());
  }
}
