package org.qualcheck.synthetic;

import static com.google.common.base.Preconditions.checkArgument;

import org.qualcheck.spec.SpecReader;

/**
 * Spec texts as large as the spec reader's limits allow, for the tests and benchmarks that show a
 * spec within the limits loads quickly.
 */
public final class LargeSpecs {
  private LargeSpecs() {}

  /**
   * A spec at every count limit at once: {@link SpecReader#MAX_UNITS} units, {@link
   * SpecReader#MAX_GROUPS} groups listing {@link SpecReader#MAX_GROUP_LISTINGS} units between them
   * (so each unit is in several groups), and {@link SpecReader#MAX_RULES} rules of every kind that
   * cover {@link SpecReader#MAX_RULE_COVERAGE} units between them.
   */
  public static String atLimits() {
    return spec(
        SpecReader.MAX_UNITS,
        SpecReader.MAX_GROUPS,
        SpecReader.MAX_GROUP_LISTINGS / SpecReader.MAX_GROUPS,
        SpecReader.MAX_RULES,
        SpecReader.MAX_RULE_COVERAGE / SpecReader.MAX_RULES);
  }

  /**
   * {@code units} units; {@code groups} groups of {@code perGroup} consecutive units each, the
   * groups spaced evenly so that they overlap; {@code rules} rules each covering {@code perRule}
   * units: all-of and total rules over groups, choose and total rules over units, and a few barred
   * and equivalent pairs.
   */
  public static String spec(int units, int groups, int perGroup, int rules, int perRule) {
    checkArgument(units >= 2 && groups >= 1 && perGroup >= 1 && perGroup <= units, "bad sizes");
    checkArgument(rules >= 1 && perRule >= 2 && perRule <= units, "bad sizes");
    StringBuilder s =
        new StringBuilder("qualification:\n  code: LARGE\n  title: A large structure\n")
            .append("  source: generated\nunits:\n");
    for (int u = 0; u < units; u++) {
      s.append("  - {number: U").append(u).append(", title: Unit ").append(u)
          .append(", credits: ").append(1 + u % 9).append(", level: ").append(1 + u % 3)
          .append("}\n");
    }
    s.append("groups:\n");
    int stride = Math.max(1, units / groups);
    for (int g = 0; g < groups; g++) {
      s.append("  - id: G").append(g).append("\n    title: Group ").append(g).append("\n    units: [");
      appendUnits(s, g * stride, perGroup, units);
      s.append("]\n");
    }
    s.append("rules:\n");
    int groupsPerRule = Math.max(1, Math.min(groups, perRule / perGroup));
    for (int r = 0; r < rules; r++) {
      int from = (r * 7) % units;
      switch (r % 6) {
        case 0 -> {
          s.append("  - all-of: {groups: [");
          appendGroups(s, r % groups, groupsPerRule, groups);
          s.append("]}\n");
        }
        case 1 -> {
          s.append("  - total: {groups: [");
          appendGroups(s, r % groups, groupsPerRule, groups);
          s.append("], min: 1, max: 900}\n");
        }
        case 2 -> {
          s.append("  - choose: {units: [");
          appendUnits(s, from, perRule, units);
          s.append("], min: 1}\n");
        }
        case 3 -> {
          s.append("  - total: {measure: units, units: [");
          appendUnits(s, from, perRule, units);
          s.append("], max: ").append(perRule).append("}\n");
        }
        case 4 -> {
          s.append("  - barred: [");
          appendUnits(s, from, 2, units);
          s.append("]\n");
        }
        default -> {
          s.append("  - equivalent: [");
          appendUnits(s, from, 2, units);
          s.append("]\n");
        }
      }
    }
    return s.toString();
  }

  private static void appendUnits(StringBuilder s, int from, int count, int units) {
    for (int i = 0; i < count; i++) {
      s.append(i == 0 ? "U" : ", U").append((from + i) % units);
    }
  }

  private static void appendGroups(StringBuilder s, int from, int count, int groups) {
    for (int i = 0; i < count; i++) {
      s.append(i == 0 ? "G" : ", G").append((from + i) % groups);
    }
  }
}
