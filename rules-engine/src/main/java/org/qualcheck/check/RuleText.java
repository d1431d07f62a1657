package org.qualcheck.check;

import java.util.List;
import org.qualcheck.model.Qualification;
import org.qualcheck.rule.AllOf;
import org.qualcheck.rule.Barred;
import org.qualcheck.rule.Bounds;
import org.qualcheck.rule.Cap;
import org.qualcheck.rule.Choose;
import org.qualcheck.rule.Equivalent;
import org.qualcheck.rule.Measure;
import org.qualcheck.rule.Rule;
import org.qualcheck.rule.Scope;
import org.qualcheck.rule.Total;

/** Renders rules as the plain English a specification would print. */
public final class RuleText {
  private RuleText() {}

  /**
   * {@return the items as a list in words, such as "A, B and C"}
   *
   * @param items the items, in order
   */
  public static String list(List<String> items) {
    if (items.isEmpty()) {
      return "";
    }
    if (items.size() == 1) {
      return items.get(0);
    }
    return String.join(", ", items.subList(0, items.size() - 1))
        + " and "
        + items.get(items.size() - 1);
  }

  /**
   * {@return a count and its noun, made plural by an s unless the count is one: "1 unit",
   * "2 units"}
   *
   * @param n the count
   * @param noun the noun, singular
   */
  public static String count(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  /**
   * Bounds with their measure, singular where the figure that ends the phrase is one: "at least 1
   * credit", "exactly 2 units", "between 0 and 1 units".
   *
   * @param bounds the bounds of the figure
   * @param measure what the figure counts
   * @return the phrase
   */
  public static String figure(Bounds bounds, Measure measure) {
    boolean one = bounds.max().isPresent()
        ? bounds.max().getAsLong() == 1 && bounds.min().orElse(1) == 1
        : bounds.lowest() == 1;
    return bounds + " " + (one ? measure.amount(1).substring("1 ".length()) : measure.plural());
  }

  /**
   * {@return the scope in words: "group A", "groups B, C, D and E", "units F1 and F2",
   * "group A and unit X"}
   *
   * @param scope the groups and units a rule sums over
   */
  public static String scope(Scope scope) {
    if (scope.isWholePlan()) {
      return "in total";
    }
    StringBuilder s = new StringBuilder();
    if (!scope.groups().isEmpty()) {
      s.append(scope.groups().size() == 1 ? "group " : "groups ").append(list(scope.groups()));
    }
    if (!scope.units().isEmpty()) {
      if (s.length() > 0) {
        s.append(" and ");
      }
      s.append(scope.units().size() == 1 ? "unit " : "units ").append(list(scope.units()));
    }
    return "from " + s;
  }

  /**
   * {@return the rule kind's key in the spec language: all-of, total, cap, choose, barred or
   * equivalent}
   *
   * @param rule the rule whose kind is wanted
   */
  public static String kind(Rule rule) {
    return rule.accept(
        new Rule.Visitor<String>() {
          @Override
          public String visitAllOf(AllOf r) {
            return "all-of";
          }

          @Override
          public String visitTotal(Total r) {
            return "total";
          }

          @Override
          public String visitCap(Cap r) {
            return "cap";
          }

          @Override
          public String visitChoose(Choose r) {
            return "choose";
          }

          @Override
          public String visitBarred(Barred r) {
            return "barred";
          }

          @Override
          public String visitEquivalent(Equivalent r) {
            return "equivalent";
          }
        });
  }

  /**
   * {@return what a rule asks, as a phrase: "at least 20 credits from groups B, C, D and E"}
   *
   * @param rule the rule to word
   * @param qualification the qualification the rule belongs to, for its units and groups
   */
  public static String requirement(Rule rule, Qualification qualification) {
    return requirementOf(rule, qualification);
  }

  /** "credit transfer or recognition of prior learning": a total's {@code via}, in words. */
  private static String ways(java.util.Set<org.qualcheck.record.Via> via) {
    List<String> words = new java.util.ArrayList<>();
    for (org.qualcheck.record.Via v : via) {
      words.add(
          switch (v) {
            case ASSESSMENT -> "assessment";
            case TRANSFER -> "credit transfer";
            case RPL -> "recognition of prior learning";
            case EXEMPTION -> "exemption";
          });
    }
    if (words.size() == 1) {
      return words.get(0);
    }
    return String.join(", ", words.subList(0, words.size() - 1)) + " or " + words.get(words.size() - 1);
  }

  private static String requirementOf(Rule rule, Qualification qualification) {
    return rule.accept(
        new Rule.Visitor<String>() {
          @Override
          public String visitAllOf(AllOf r) {
            List<String> groups = r.scope().groups();
            List<String> units = r.scope().units();
            if (groups.isEmpty() && units.size() == 1) {
              return "unit " + units.get(0);
            }
            StringBuilder s = new StringBuilder("all units");
            if (!groups.isEmpty()) {
              s.append(" of ").append(groups.size() == 1 ? "group " : "groups ").append(list(groups));
            }
            if (!units.isEmpty()) {
              s.append(groups.isEmpty() ? " " : units.size() == 1 ? ", and unit " : ", and units ")
                  .append(list(units));
            }
            return s.toString();
          }

          @Override
          public String visitTotal(Total r) {
            return figure(r.bounds(), r.measure())
                + r.filter()
                + (r.via().isEmpty() ? "" : " obtained by " + ways(r.via()))
                + " "
                + scope(r.scope());
          }

          @Override
          public String visitCap(Cap r) {
            return "at most "
                + r.measure().amount(r.max())
                + r.filter()
                + (r.via().isEmpty() ? "" : " obtained by " + ways(r.via()))
                + " "
                + scope(r.scope())
                + " count";
          }

          @Override
          public String visitChoose(Choose r) {
            return r.bounds() + " of units " + list(r.units());
          }

          @Override
          public String visitBarred(Barred r) {
            return r.units().size() == 2
                ? "not both " + r.units().get(0) + " and " + r.units().get(1)
                : "at most one of " + list(r.units());
          }

          @Override
          public String visitEquivalent(Equivalent r) {
            return "at most one of the equivalent units " + list(r.units()) + " counts";
          }
        });
  }

  /** How a plan fares against a rule, in one plain sentence. */
  static String explanation(RuleOutcome o) {
    Rule r = o.rule();
    long figure = o.achieved();
    List<String> counted = o.counted();
    if (r instanceof AllOf) {
      if (o.holds()) {
        return figure == 1
            ? "the 1 required unit is in the plan"
            : "all " + figure + " required units are in the plan";
      }
      return (o.minimum() == 1
              ? "the 1 required unit is"
              : o.missing().size() + " of " + count(o.minimum(), "required unit")
                  + (o.missing().size() == 1 ? " is" : " are"))
          + " missing: "
          + list(o.missing());
    }
    if (r instanceof Barred) {
      return o.holds()
          ? "no barred combination is taken"
          : list(counted) + " may not be taken together";
    }
    if (r instanceof Equivalent) {
      return counted.isEmpty()
          ? "none of these units is in the plan"
          : figure > 1
              ? "only " + counted.get(0) + " counts of the " + figure + " equivalent units taken"
              : counted.get(0) + " counts";
    }
    if (r instanceof Cap c) {
      return c.measure().amount(figure)
          + (figure == 1 ? " counts" : " count")
          + (counted.isEmpty() ? "" : " (" + String.join(", ", counted) + ")")
          + (o.notCounted().isEmpty()
              ? ""
              : "; not counted, over the cap: " + String.join(", ", o.notCounted()));
    }
    Measure measure = r instanceof Total t ? t.measure() : Measure.UNITS;
    String got = measure.amount(figure);
    String from = counted.isEmpty() ? "" : " (" + String.join(", ", counted) + ")";
    if (o.holds()) {
      return got + from;
    }
    return o.shortfall() > 0
        ? got + from + ", " + o.shortfall() + " short"
        : got + from + ", " + o.excess() + " over the maximum";
  }
}
