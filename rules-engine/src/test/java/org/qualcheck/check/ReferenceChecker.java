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
import org.qualcheck.record.Via;
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
  /** How each unit's credit was obtained in a learner's record; absent means by assessment. */
  private final Map<String, Via> provenance;

  public ReferenceChecker(Qualification q) {
    this(q, Map.of());
  }

  /** A reference for one learner's record: totals with {@code via} see how each unit came. */
  public ReferenceChecker(Qualification q, Map<String, Via> provenance) {
    this.q = q;
    this.provenance = provenance;
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
        levelOk &= viaOk(t, v);
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

  /** Whether a total's {@code via} filter, if it has one, admits how the unit's credit came. */
  private boolean viaOk(Total t, String unit) {
    return t.via().isEmpty() || t.via().contains(provenance.getOrDefault(unit, Via.ASSESSMENT));
  }
}
