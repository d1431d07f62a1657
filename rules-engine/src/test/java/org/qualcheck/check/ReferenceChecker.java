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
import org.qualcheck.rule.Cap;
import org.qualcheck.rule.Choose;
import org.qualcheck.rule.Equivalent;
import org.qualcheck.rule.Rule;
import org.qualcheck.rule.Total;
import org.qualcheck.rule.UnitFilter;

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
      return dropCapped(plan, counted);
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
        boolean levelOk = passes(t.filter(), unit);
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
    if (r instanceof Cap c) {
      return capFigure(c, counted, at) <= c.max();
    }
    return r instanceof Equivalent;
  }

  /**
   * Caps: tries every subset of the counted units that some cap could take in as the ones left
   * uncounted (every one of them, plainly), then every placement of the rest; a reading may leave
   * a unit uncounted only if counting it would take some cap over, wherever it were placed.
   */
  private boolean dropCapped(Set<String> plan, List<String> counted) {
    List<String> cappable = new ArrayList<>();
    for (String u : counted) {
      for (Rule r : q.rules()) {
        if (r instanceof Cap c && mayTakeIn(c, u) && !cappable.contains(u)) {
          cappable.add(u);
        }
      }
    }
    for (long drop = 0; drop < (1L << cappable.size()); drop++) {
      List<String> kept = new ArrayList<>();
      for (String u : counted) {
        int j = cappable.indexOf(u);
        if (j < 0 || (drop & (1L << j)) == 0) {
          kept.add(u);
        }
      }
      List<String> dropped = new ArrayList<>(counted);
      dropped.removeAll(kept);
      if (placeLeaving(plan, kept, dropped, 0, new HashMap<>())) {
        return true;
      }
    }
    return false;
  }

  /**
   * As placeAll, but a reading also needs every dropped unit to have had to be dropped: counted
   * and placed in any of its groups (or none, if it has none), it would take some cap over.
   */
  private boolean placeLeaving(
      Set<String> plan, List<String> kept, List<String> dropped, int k,
      Map<String, String> placement) {
    if (k == kept.size()) {
      Set<String> counted = new HashSet<>(kept);
      return allRulesHold(plan, counted, placement) && eachHadToGo(counted, dropped, placement);
    }
    String u = kept.get(k);
    List<String> options = groupsFor(u);
    if (options.isEmpty()) {
      return placeLeaving(plan, kept, dropped, k + 1, placement);
    }
    for (String g : options) {
      placement.put(u, g);
      if (placeLeaving(plan, kept, dropped, k + 1, placement)) {
        return true;
      }
    }
    placement.remove(u);
    return false;
  }

  private boolean eachHadToGo(Set<String> counted, List<String> dropped, Map<String, String> at) {
    for (String u : dropped) {
      List<String> options = groupsFor(u);
      if (options.isEmpty()) {
        options = new ArrayList<>();
        options.add(null);
      }
      for (String g : options) {
        Set<String> more = new HashSet<>(counted);
        more.add(u);
        Map<String, String> placed = new HashMap<>(at);
        if (g != null) {
          placed.put(u, g);
        }
        boolean over = false;
        for (Rule r : q.rules()) {
          if (r instanceof Cap c && capFigure(c, more, placed) > c.max()) {
            over = true;
          }
        }
        if (!over) {
          return false;
        }
      }
    }
    return true;
  }

  /** Whether the cap's scope takes in the unit under some placement, and its filter passes it. */
  private boolean mayTakeIn(Cap c, String unit) {
    if (!passes(c.filter(), q.units().get(unit)) || !viaOk(c.via(), unit)) {
      return false;
    }
    if (c.scope().isWholePlan() || namedBy(unit, c.scope().units())) {
      return true;
    }
    for (String g : groupsFor(unit)) {
      if (c.scope().groups().contains(g)) {
        return true;
      }
    }
    return false;
  }

  private long capFigure(Cap c, Set<String> counted, Map<String, String> at) {
    long sum = 0;
    for (String v : counted) {
      Unit unit = q.units().get(v);
      boolean inScope =
          c.scope().isWholePlan()
              || c.scope().groups().contains(at.get(v))
              || namedBy(v, c.scope().units());
      if (inScope && passes(c.filter(), unit) && viaOk(c.via(), v)) {
        sum +=
            switch (c.measure()) {
              case CREDITS -> unit.credits();
              case UNITS -> 1;
              case GUIDED_LEARNING_HOURS -> unit.guidedLearningHoursOrZero();
            };
      }
    }
    return sum;
  }

  /** The filter of a total or cap, read plainly: level, then the attributes. */
  private static boolean passes(UnitFilter f, Unit unit) {
    if (f.level().isPresent()) {
      int c = unit.level().compareTo(f.level().get().level());
      boolean ok =
          switch (f.level().get().comparison()) {
            case EXACTLY -> c == 0;
            case AT_LEAST -> c >= 0;
            case AT_MOST -> c <= 0;
          };
      if (!ok) {
        return false;
      }
    }
    if (f.attribute().isPresent() && !unit.attributes().contains(f.attribute().get())) {
      return false;
    }
    return f.withoutAttribute().isEmpty() || !unit.attributes().contains(f.withoutAttribute().get());
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

  /** Whether a total's {@code via} filter, if it has one, admits how the unit's credit came. */
  private boolean viaOk(Total t, String unit) {
    return viaOk(t.via(), unit);
  }

  /** Whether a {@code via} filter of a total or cap, if any, admits how the unit's credit came. */
  private boolean viaOk(Set<Via> via, String unit) {
    return via.isEmpty() || via.contains(provenance.getOrDefault(unit, Via.ASSESSMENT));
  }
}
