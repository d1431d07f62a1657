package org.qualcheck.spec;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The wording of spec problems: how to name a place in the file ("unit "A3"", ""min" of rule
 * "x""), what a field should hold, and how to show the value that was found instead.
 */
final class Phrases {
  private static final String LEVEL =
      "a level: 1 to 8, or E1 to E3, written as in 2, \"Level 2\", \"E3\" or \"Entry 3\"";
  private static final String UNIT_NUMBER = "a unit number written as text, such as \"A3\"";
  private static final String GROUP_ID = "a group id written as text, such as \"B\"";
  private static final String CATALOGUE_PATH =
      "the path of a catalogue file written as text, relative to the spec's folder, such as"
          + " \"shared-units.yaml\"";

  /** The most catalogues one spec may list; the schema says the same. */
  static final int MAX_CATALOGUES = 32;

  private Phrases() {}

  /** How to name the place at {@code at} as the subject of a sentence. */
  static String subject(LocatedTree tree, List<Object> at) {
    if (at.isEmpty()) {
      return "the file";
    }
    String top = at.get(0).toString();
    boolean isList = top.equals("units") || top.equals("groups") || top.equals("rules");
    boolean isHeader = top.equals("qualification") || top.equals("catalogue");
    if (at.size() == 1) {
      return isHeader ? "the " + top : "\"" + YamlTreeReader.safe(top) + "\"";
    }
    if (isHeader) {
      return field(at.subList(1, at.size())) + " of the " + top;
    }
    boolean isVariant = top.equals("pathways") || top.equals("endorsements");
    if (isVariant && at.get(1) instanceof Integer k) {
      String owner = item(tree, top, k);
      if (at.size() == 2) {
        return owner;
      }
      if (at.size() >= 4 && at.get(2).equals("rules") && at.get(3) instanceof Integer r) {
        JsonNode id = tree.root().path(top).path(k).path("rules").path(r).path("id");
        String rule =
            id.isTextual() && !id.asText().isBlank()
                ? "rule \"" + YamlTreeReader.safe(id.asText()) + "\""
                : "the " + ordinal(r + 1) + " rule of " + owner;
        return at.size() == 4 ? rule : field(at.subList(4, at.size())) + " of " + rule;
      }
      return field(at.subList(2, at.size())) + " of " + owner;
    }
    if (!isList || !(at.get(1) instanceof Integer)) {
      return field(at);
    }
    String item = item(tree, top, (Integer) at.get(1));
    return at.size() == 2 ? item : field(at.subList(2, at.size())) + " of " + item;
  }

  private static String field(List<Object> rest) {
    Object last = rest.get(rest.size() - 1);
    if (last instanceof Integer i) {
      return "entry " + (i + 1) + " of " + dotted(rest.subList(0, rest.size() - 1));
    }
    return dotted(rest);
  }

  private static String dotted(List<Object> keys) {
    return "\""
        + keys.stream()
            .map(k -> YamlTreeReader.safe(k.toString()))
            .collect(Collectors.joining("."))
        + "\"";
  }

  /**
   * "unit "A3"", "group "B"", "rule "mandatory"", or by position when the name is missing. A
   * catalogue's units are named by their unit reference number, as they have no unit number.
   */
  static String item(LocatedTree tree, String list, int index) {
    JsonNode node = tree.root().path(list).path(index);
    String noun = list.substring(0, list.length() - 1);
    boolean catalogue = tree.kind() == YamlTreeReader.Kind.CATALOGUE;
    JsonNode name = node.path(!list.equals("units") ? "id" : catalogue ? "reference" : "number");
    if (name.isTextual() && !name.asText().isBlank()) {
      return noun + " \"" + YamlTreeReader.safe(name.asText()) + "\"";
    }
    return "the " + ordinal(index + 1) + " " + noun;
  }

  static String ordinal(int n) {
    int mod100 = n % 100;
    String suffix;
    if (mod100 >= 11 && mod100 <= 13) {
      suffix = "th";
    } else if (n % 10 == 1) {
      suffix = "st";
    } else if (n % 10 == 2) {
      suffix = "nd";
    } else if (n % 10 == 3) {
      suffix = "rd";
    } else {
      suffix = "th";
    }
    return n + suffix;
  }

  /** What the value at {@code at} should be, as a noun phrase. */
  static String expectation(List<Object> at, JsonNode value) {
    int n = at.size();
    if (n == 0) {
      return "a mapping";
    }
    String top = at.get(0).toString();
    boolean isVariant = top.equals("pathways") || top.equals("endorsements");
    if (isVariant && n >= 4 && at.get(2).equals("rules") && at.get(3) instanceof Integer) {
      // a pathway's rules are written exactly as the common rules
      List<Object> asCommon = new java.util.ArrayList<>();
      asCommon.add("rules");
      asCommon.addAll(at.subList(3, n));
      return expectation(asCommon, value);
    }
    if (isVariant && n == 3) {
      String noun = top.substring(0, top.length() - 1);
      switch (at.get(2).toString()) {
        case "id":
          return "a " + noun + " id written as text, such as \"dementia\"";
        case "rules":
          return "a list of rules";
        default:
          return "text";
      }
    }
    Object lastElement = at.get(n - 1);
    boolean entry = lastElement instanceof Integer;
    String key = entry ? (n >= 2 ? at.get(n - 2).toString() : "") : lastElement.toString();
    String parent = n >= 2 ? at.get(entry ? Math.max(0, n - 3) : n - 2).toString() : "";
    if (n == 1) {
      switch (top) {
        case "qualification":
          return "a mapping with \"code\", \"title\" and \"source\"";
        case "catalogue":
          return "a mapping with \"title\" and \"source\"";
        case "catalogues":
          return value.isArray() && value.size() > MAX_CATALOGUES
              ? "a list of at most " + MAX_CATALOGUES + " catalogue file paths"
              : "a list of at least one catalogue file path";
        case "units":
          return "a list of at least one unit";
        case "groups":
          return "a list of groups";
        case "rules":
          return "a list of rules";
        case "pathways":
          return "a list of at least one pathway";
        case "endorsements":
          return "a list of at least one endorsed title";
        default:
          return "something else";
      }
    }
    if (n == 2 && top.equals("catalogues")) {
      return CATALOGUE_PATH;
    }
    if (n == 2 && !top.equals("qualification") && !top.equals("catalogue")) {
      return "a mapping describing one " + top.substring(0, top.length() - 1);
    }
    if (entry) {
      if (key.equals("groups")) {
        return GROUP_ID;
      }
      return UNIT_NUMBER;
    }
    switch (key) {
      case "code":
        return "text, such as \"03455\" (codes made of digits go in quotes)";
      case "title":
      case "source":
      case "description":
        return "text";
      case "number":
        return top.equals("qualification")
            ? "a qualification number such as \"601/5021/X\": three digits, four digits and a"
                + " check character, separated by slashes"
            : UNIT_NUMBER;
      case "id":
        return top.equals("groups")
            ? GROUP_ID
            : "a rule id written as text, such as \"one-from-B\"";
      case "reference":
      case "from-catalogue":
        return "a unit reference number such as \"F/601/1609\": a capital letter, three digits"
            + " and four digits, separated by slashes";
      case "credits":
        return top.equals("units") ? whole(1, 999, value) : whole(0, 99999, value);
      case "glh":
        return whole(0, 99999, value);
      case "lowest":
      case "highest":
      case "at-least":
      case "at-most":
        return LEVEL;
      case "exactly":
        return parent.equals("level") ? LEVEL : whole(0, 1000000, value);
      case "level":
        return top.equals("units")
            ? LEVEL
            : "a mapping with one of \"exactly\", \"at-least\" or \"at-most\" and a level";
      case "min":
      case "max":
        return whole(0, 1000000, value);
      case "measure":
        return "one of credits, units or glh";
      case "implied":
        return "true or false";
      case "levels":
        return "a mapping with \"lowest\" and \"highest\"";
      case "units":
        return top.equals("groups")
            ? "a list of unit numbers"
            : "a list of at least one unit number";
      case "groups":
        return "a list of at least one group id";
      case "all-of":
        return "a mapping naming \"groups\", \"units\" or both";
      case "total":
        return "a mapping with a \"min\", a \"max\" or both";
      case "cap":
        return "a mapping with a \"max\"";
      case "attribute":
      case "without-attribute":
        return "an attribute name written as text, such as \"graded\"";
      case "attributes":
        return "a list of attribute names, such as [graded]";
      case "choose":
        return "a mapping with \"units\" and \"exactly\", \"min\" or \"max\"";
      case "barred":
      case "equivalent":
        return "a list of at least two unit numbers";
      default:
        return "something else";
    }
  }

  private static String whole(int min, int max, JsonNode value) {
    if (value.isIntegralNumber()
        && value.bigIntegerValue().compareTo(BigInteger.valueOf(max)) > 0) {
      return "a whole number no greater than " + max;
    }
    return "a whole number of at least " + min;
  }

  /** The value as the designer wrote it, for "..., not X". */
  static String render(JsonNode value) {
    if (value.isTextual()) {
      return value.asText().isEmpty() ? "empty text" : "\"" + YamlTreeReader.safe(value.asText()) + "\"";
    }
    if (value.isArray()) {
      return value.isEmpty()
          ? "an empty list"
          : "a list of " + value.size() + (value.size() == 1 ? " entry" : " entries");
    }
    if (value.isObject()) {
      return value.isEmpty() ? "an empty mapping" : "a mapping";
    }
    if (value.isNumber()) {
      return YamlTreeReader.safe(
          value.isBigDecimal() ? value.decimalValue().toString() : value.asText());
    }
    if (value.isNull()) {
      return "an empty value";
    }
    return value.asText();
  }

  /** Advice for a number written in quotes, or the words yes/no, where a number is wanted. */
  static String quoteHint(JsonNode value, String expected) {
    if (!value.isTextual() || !expected.startsWith("a whole number")) {
      return "";
    }
    String t = value.asText().trim();
    if (t.matches("[0-9]+")) {
      return " (write the number without quotes)";
    }
    return "";
  }

  /** "a", "b" and "c" / "a", "b" or "c". */
  static String quotedList(List<String> items, String conjunction) {
    return joined(
        items.stream().map(s -> "\"" + s + "\"").collect(Collectors.toList()), conjunction);
  }

  /** a, b and c / a, b or c. */
  static String joined(List<String> items, String conjunction) {
    if (items.size() == 1) {
      return items.get(0);
    }
    return String.join(", ", items.subList(0, items.size() - 1))
        + " "
        + conjunction
        + " "
        + items.get(items.size() - 1);
  }

  /** The allowed key the designer most likely meant, or null if none is close. */
  static String closest(String key, List<String> allowed) {
    String k = key.toLowerCase(Locale.ROOT).trim();
    if (k.length() >= 3) {
      for (String a : allowed) {
        if (a.toLowerCase(Locale.ROOT).startsWith(k)) {
          return a;
        }
      }
    }
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String a : allowed) {
      int d = distance(k, a.toLowerCase(Locale.ROOT));
      if (d < bestDistance) {
        bestDistance = d;
        best = a;
      }
    }
    int tolerance = k.length() <= 3 ? 1 : 2;
    return best != null && bestDistance <= tolerance ? best : null;
  }

  /** Levenshtein distance. */
  static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
