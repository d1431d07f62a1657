package org.qualcheck.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableMap;
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.qualcheck.model.SourceLocation;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Turns YAML text into a {@link LocatedTree} in one pass over SnakeYAML's parser events, refusing
 * what a spec never needs and what makes YAML dangerous or ambiguous: anchors and aliases, explicit
 * tags, repeated keys, more than one document, deep nesting and oversized input.
 *
 * <p>The events are read directly, not through a streaming JSON parser's tokens, because that
 * layer's start-up cost was a large part of reading a spec; the tree, the limits and the refusals
 * are the same as through it (a differential test in the tests holds the two to each other).
 *
 * <p>Scalars are kept exactly as YAML typed them (a quoted {@code "4"} stays text, {@code yes}
 * stays text), so the schema sees what the designer wrote and nothing is coerced.
 *
 * <p>Specs and unit catalogues are read the same way, under the same limits; the {@link Kind}
 * only changes the words of the refusals, so a catalogue's problems speak of a catalogue.
 */
final class YamlTreeReader {
  /** The deepest nesting of mappings and lists a spec may use. */
  static final int MAX_DEPTH = 64;

  /** The largest spec accepted, in characters (and in bytes for files and streams). */
  static final int MAX_CHARS = 4 * 1024 * 1024;

  /** The longest single text value accepted. */
  static final int MAX_STRING = 64 * 1024;

  /** The most units a spec may declare; the largest real qualifications have a few hundred. */
  static final int MAX_UNITS = 1000;

  /** The most groups a spec may declare. */
  static final int MAX_GROUPS = 100;

  /** The most rules a spec may state. */
  static final int MAX_RULES = 250;

  /**
   * The most units a spec's groups may list, all groups together (a unit listed in two groups
   * counts twice): what checking a plan against rules that name groups costs grows with it.
   */
  static final int MAX_GROUP_LISTINGS = 5000;

  /**
   * The most units a spec's rules may cover, all rules together: each unit a rule names counts
   * once, and each group it names counts as many units as the group lists. What compiling the
   * rules costs grows with it.
   */
  static final int MAX_RULE_COVERAGE = 25000;

  /** The most components a framework may list; real frameworks have five or six. */
  static final int MAX_COMPONENTS = 100;

  /** The most units one catalogue may hold. */
  static final int MAX_CATALOGUE_UNITS = 10000;

  /**
   * Problems for lists of {@code tree} longer than their limits, located at the list's key: a
   * spec's units, groups and rules, or a catalogue's units. Checked before anything else looks at
   * the lists, so that the time and memory a file can cost are bounded by these counts.
   */
  static List<SpecProblem> sizeProblems(LocatedTree tree) {
    List<SpecProblem> problems = new ArrayList<>();
    if (tree.kind() == Kind.CATALOGUE) {
      tooMany(tree, "units", MAX_CATALOGUE_UNITS, "units", problems);
    } else if (tree.kind() == Kind.FRAMEWORK) {
      tooMany(tree, "components", MAX_COMPONENTS, "components", problems);
    } else {
      tooMany(tree, "units", MAX_UNITS, "units", problems);
      tooMany(tree, "groups", MAX_GROUPS, "groups", problems);
      tooMany(tree, "rules", MAX_RULES, "rules", problems);
      JsonNode groups = tree.root().path("groups");
      long listings = 0;
      for (JsonNode g : groups) {
        listings += g.path("units").size();
      }
      if (listings > MAX_GROUP_LISTINGS) {
        problems.add(
            new SpecProblem(
                tree.keyAt(List.of("groups")),
                "the groups of this spec list "
                    + listings
                    + " units in all (a unit listed in two groups counts twice), more than the "
                    + MAX_GROUP_LISTINGS
                    + " a spec may list; the limit keeps loading and checking fast"));
      }
      long coverage = ruleCoverage(tree.root());
      if (coverage > MAX_RULE_COVERAGE) {
        problems.add(
            new SpecProblem(
                tree.keyAt(List.of("rules")),
                "the rules of this spec cover "
                    + coverage
                    + " units in all (each unit a rule names counts once, each group as many as"
                    + " it lists), more than the "
                    + MAX_RULE_COVERAGE
                    + " a spec may cover; the limit keeps loading and checking fast"));
      }
    }
    return problems;
  }

  /** The units the rules name, with each named group counted as the units it lists. */
  private static long ruleCoverage(JsonNode root) {
    Map<String, Integer> groupSizes = new HashMap<>();
    for (JsonNode g : root.path("groups")) {
      if (g.path("id").isTextual()) {
        groupSizes.putIfAbsent(g.get("id").asText(), g.path("units").size());
      }
    }
    long coverage = 0;
    for (JsonNode rule : root.path("rules")) {
      for (JsonNode body : rule) {
        coverage += body.isArray() ? body.size() : body.path("units").size();
        for (JsonNode g : body.path("groups")) {
          coverage += Math.max(1, groupSizes.getOrDefault(g.asText(), 0));
        }
      }
    }
    return coverage;
  }

  private static void tooMany(
      LocatedTree tree, String key, int max, String noun, List<SpecProblem> problems) {
    JsonNode list = tree.root().path(key);
    if (list.isArray() && list.size() > max) {
      problems.add(
          new SpecProblem(
              tree.keyAt(List.of(key)),
              "this "
                  + tree.kind().noun()
                  + " has "
                  + list.size()
                  + " "
                  + noun
                  + ", more than the "
                  + max
                  + " a "
                  + tree.kind().noun()
                  + " may have; the limit keeps loading and checking fast, and real"
                  + " qualifications have a few hundred units at most"));
    }
  }

  /** The longest key accepted, in characters: the most YAML allows for a key on one line. */
  static final int MAX_KEY = 1024;

  /** Problems beyond this many are summarised in one line. */
  static final int MAX_PROBLEMS = 50;

  private static final String YAML_TAG_PREFIX = "tag:yaml.org,2002:";

  private static final String KEY_TOO_LONG =
      "a key here is longer than " + MAX_KEY + " characters, the most a key may have";

  private static final String TOO_MANY_DIGITS = "a number here has too many digits";

  /** The most digits of a binary, octal or hexadecimal number that are decoded to check it. */
  private static final int MAX_NUMBER_DIGITS = 100;

  /**
   * The most characters of a decimal number that are read: Java reads decimal digits into a big
   * number in time growing with their square, so a number as long as the file may be would take
   * minutes; no spec needs one longer than a line.
   */
  private static final int MAX_DECIMAL_LENGTH = 1_000;

  /** A number with a fraction or exponent in plain decimal digits; the schema refuses fractions. */
  private static final java.util.regex.Pattern PLAIN_DECIMAL =
      java.util.regex.Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][-+]?[0-9]+)?");

  /** What a file is meant to be, which decides how its refusals name it. */
  enum Kind {
    SPEC("spec", "qualification", "\"qualification\", \"units\", \"groups\" and \"rules\""),
    CATALOGUE("catalogue", "catalogue", "\"catalogue\" and \"units\""),
    FRAMEWORK("framework", "framework", "\"framework\" and \"components\"");

    private final String noun;
    private final String firstKey;
    private final String topKeys;

    Kind(String noun, String firstKey, String topKeys) {
      this.noun = noun;
      this.firstKey = firstKey;
      this.topKeys = topKeys;
    }

    /** "spec", "catalogue" or "framework". */
    String noun() {
      return noun;
    }

    /** The key a file of this kind starts with, such as "qualification". */
    String firstKey() {
      return firstKey;
    }

    /** The top-level keys of this kind, quoted and joined for a sentence. */
    String topKeys() {
      return topKeys;
    }

    /** The sentence for a file over {@link #MAX_CHARS}. */
    String tooLarge() {
      return "the file is larger than 4 MB; a " + noun + " is far smaller, so this is not a " + noun;
    }
  }

  /**
   * The parser's settings: SnakeYAML's own limits, set as strictly as the reader's. Never changed
   * after construction, so one reader serves any number of threads.
   */
  private final LoaderOptions loader;

  /** Types plain scalars by YAML 1.1's rules, as the tree has always typed them. */
  private final Resolver resolver = new Resolver();

  YamlTreeReader() {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    options.setMaxAliasesForCollections(0);
    options.setAllowRecursiveKeys(false);
    options.setNestingDepthLimit(MAX_DEPTH);
    options.setCodePointLimit(MAX_CHARS);
    options.setProcessComments(false);
    this.loader = options;
  }

  /** Parses the text of a spec; throws {@link SpecException} listing every problem found. */
  LocatedTree read(String file, String text) {
    return read(file, text, Kind.SPEC);
  }

  /** Parses the text of a file of this kind; throws {@link SpecException} listing every problem. */
  LocatedTree read(String file, String text, Kind kind) {
    return new Pass(file, kind).run(text);
  }

  /** What a run of YAML events stands for in the tree: a value, a key, or a collection's edge. */
  private enum Token {
    START_OBJECT,
    END_OBJECT,
    START_ARRAY,
    END_ARRAY,
    KEY,
    TEXT,
    INTEGER,
    DECIMAL,
    TRUE,
    FALSE,
    NULL,
    BINARY;

    boolean isStructStart() {
      return this == START_OBJECT || this == START_ARRAY;
    }
  }

  /**
   * A problem that stops the parse where SnakeYAML or the typing of a scalar gives up, with the
   * words the designer reads. Checked, so that no library exception can be taken for it.
   */
  private static final class Stop extends Exception {
    private static final long serialVersionUID = 1L;
    final transient SourceLocation where;

    Stop(SourceLocation where, String message) {
      super(message, null, false, false);
      this.where = where;
    }
  }

  /** One parse of one text; not shared between threads. */
  private final class Pass {
    private final String file;
    private final Kind kind;
    private final List<SpecProblem> problems = new ArrayList<>();
    private final Map<String, SourceLocation> values = new LinkedHashMap<>();
    private final Map<String, SourceLocation> keys = new LinkedHashMap<>();
    private final Set<String> refusedNames = new HashSet<>();
    /** The keys read so far of each open mapping, innermost first, with where each is. */
    private final Deque<Map<String, SourceLocation>> openMappings = new ArrayDeque<>();
    private final JsonNodeFactory nodes = JsonNodeFactory.instance;
    private ParserImpl parser;
    private SourceLocation last;

    /** The event behind the current token (or skipped last), whose marks locate it. */
    private Event lastEvent;
    /** The current token; null before the first and after the end of the stream. */
    private Token current;
    private boolean closed;
    private boolean currentIsAlias;
    /** The text of the current scalar, or the name of an alias. */
    private String scalar;
    private String name;
    /** Whether each open collection, outermost first, is a mapping; depth is how many are open. */
    private final boolean[] inMapping = new boolean[MAX_DEPTH + 2];
    private int depth;

    Pass(String file, Kind kind) {
      this.file = file;
      this.kind = kind;
      this.last = new SourceLocation(file, 1, 1);
    }

    LocatedTree run(String text) {
      if (text.length() > MAX_CHARS) {
        fail(last, kind.tooLarge());
      }
      refuseControlCharacters(text);
      JsonNode root = null;
      try {
        parser = new ParserImpl(new StreamReader(new StringReader(text)), loader);
        Token first = next();
        if (first == null) {
          fail(last, "the file is empty; a " + kind.noun + " starts with \"" + kind.firstKey + ":\"");
        }
        if (first == Token.TEXT && isOverlongKey(text)) {
          fail(
              last,
              "a key here is longer than "
                  + MAX_KEY
                  + " characters, the most YAML allows, so the line is read as one long piece of"
                  + " text; keys in a "
                  + kind.noun
                  + " are short names such as \"units\"");
        }
        if (first != Token.START_OBJECT) {
          fail(
              last,
              "the top level of the file must be a mapping of "
                  + kind.topKeys
                  + ", not "
                  + describeToken(first));
        }
        root = readValue(first, 0, "");
        Token extra = next();
        if (extra != null) {
          problem(
              last,
              "a second YAML document starts here; a "
                  + kind.noun
                  + " file holds exactly one document, so"
                  + " remove the \"---\" and what follows it or move it to its own file");
        }
      } catch (SpecException e) {
        throw e;
      } catch (Stop e) {
        problem(e.where, e.getMessage());
      } catch (RuntimeException e) {
        problem(last, "the file is not well-formed YAML here");
      }
      if (!problems.isEmpty()) {
        throw new SpecException(capped(problems));
      }
      return new LocatedTree(file, kind, root, ImmutableMap.copyOf(values), ImmutableMap.copyOf(keys));
    }

    /**
     * Refuses characters no spec needs and YAML readers treat in different ways: C0 controls other
     * than tab and line breaks, DEL, C1 controls (NEL included) and the Unicode line and paragraph
     * separators. Each is reported where it is, with its code, before the YAML parser sees them
     * (the parser would report the first at the start of the file, without a reason).
     */
    private void refuseControlCharacters(String text) {
      int line = 1;
      int column = 1;
      for (int i = 0; i < text.length(); ) {
        int c = text.codePointAt(i);
        i += Character.charCount(c);
        if (c == '\n' || (c == '\r' && (i >= text.length() || text.charAt(i) != '\n'))) {
          line++;
          column = 1;
          continue;
        }
        if (c != '\t' && c != '\r' && isRefusedInFile(c)) {
          problem(
              new SourceLocation(file, line, column),
              "the control character "
                  + org.qualcheck.model.PrintableText.codePointName(c)
                  + controlName(c)
                  + " is not allowed in a "
                  + kind.noun
                  + "; remove it (a "
                  + kind.noun
                  + " holds printable text, and a line break is a new line)");
        }
        column++;
      }
      if (!problems.isEmpty()) {
        throw new SpecException(capped(problems));
      }
    }

    /**
     * Whether the scalar the parser is on is a key too long for YAML: over {@link #MAX_KEY}
     * characters and followed by a colon, which YAML then reads as one long piece of text.
     */
    private boolean isOverlongKey(String text) {
      long start = lastEvent.getStartMark().getIndex();
      if (scalar.length() <= MAX_KEY || start < 0 || start + scalar.length() > text.length()) {
        return false;
      }
      String after = text.substring((int) start + scalar.length()).stripLeading();
      return scalar.contains(": ") || after.startsWith(":");
    }

    /** The next token, refusing anchors, aliases and tags on it; null at the end of the stream. */
    private Token next() throws Stop {
      Token t = nextToken();
      if (t != null) {
        Mark m = lastEvent.getStartMark();
        last = new SourceLocation(file, Math.max(1, m.getLine() + 1), Math.max(1, m.getColumn() + 1));
        inspectEvent(t);
      }
      return t;
    }

    /**
     * Turns the next events into a token: a mapping's scalar keys become keys, document edges are
     * passed over, and each scalar value is typed.
     */
    private Token nextToken() throws Stop {
      currentIsAlias = false;
      if (closed) {
        return null;
      }
      while (true) {
        Event event;
        try {
          event = parser.getEvent();
        } catch (MarkedYAMLException e) {
          Mark m = e.getProblemMark();
          throw new Stop(
              m != null ? new SourceLocation(file, m.getLine() + 1, m.getColumn() + 1) : endOfLastEvent(),
              explain(e.getMessage(), e));
        } catch (YAMLException e) {
          throw new Stop(endOfLastEvent(), explain(e.getMessage(), null));
        } catch (NumberFormatException e) {
          throw new Stop(
              endOfLastEvent(),
              explain(
                  "Malformed Number token: failed to tokenize due to ("
                      + e.getClass().getName()
                      + "): "
                      + e.getMessage(),
                  null));
        }
        if (event == null) {
          return current = null;
        }
        lastEvent = event;
        if (depth > 0 && inMapping[depth - 1] && current != Token.KEY) {
          if (event instanceof ScalarEvent key) {
            name = key.getValue();
            SourceLocation first = openMappings.peek().get(name);
            if (first != null) {
              throw new Stop(
                  startOfLastEvent(),
                  "the key \""
                      + safe(name)
                      + "\" is given twice in the same mapping; the first is on line "
                      + first.line());
            }
            return current = Token.KEY;
          }
          if (event.is(Event.ID.MappingEnd)) {
            depth--;
            return current = Token.END_OBJECT;
          }
          throw new Stop(endOfLastEvent(), explain("Expected a field name", null));
        }
        switch (event.getEventId()) {
          case Scalar:
            return current = decodeScalar((ScalarEvent) event);
          case MappingStart:
            open(true);
            return current = Token.START_OBJECT;
          case SequenceStart:
            open(false);
            return current = Token.START_ARRAY;
          case SequenceEnd:
            if (depth == 0 || inMapping[depth - 1]) {
              throw new Stop(endOfLastEvent(), explain("Unexpected close marker", null));
            }
            depth--;
            return current = Token.END_ARRAY;
          case MappingEnd:
            throw new Stop(endOfLastEvent(), explain("Not expecting END_OBJECT but a value", null));
          case Alias:
            currentIsAlias = true;
            scalar = ((AliasEvent) event).getAnchor();
            return current = Token.TEXT;
          case StreamEnd:
            closed = true;
            return current = null;
          default:
            // stream and document edges, comments
            break;
        }
      }
    }

    /** Opens a mapping or a list, refusing one nested deeper than {@link #MAX_DEPTH}. */
    private void open(boolean mapping) throws Stop {
      if (depth + 1 > MAX_DEPTH) {
        throw new Stop(last, "the file nests mappings and lists more than " + MAX_DEPTH + " levels deep");
      }
      inMapping[depth++] = mapping;
    }

    /** Where the last event starts. */
    private SourceLocation startOfLastEvent() {
      Mark m = lastEvent.getStartMark();
      return m == null ? last : new SourceLocation(file, m.getLine() + 1, Math.max(1, m.getColumn() + 1));
    }

    /** Where the last event ends, which is where a refused token is reported. */
    private SourceLocation endOfLastEvent() {
      Mark m = lastEvent == null ? null : lastEvent.getEndMark();
      return m == null ? last : new SourceLocation(file, m.getLine() + 1, Math.max(1, m.getColumn() + 1));
    }

    /**
     * The token of a scalar value. An untagged scalar is typed by YAML 1.1's rules (the reader's
     * checks then refuse the forms that only YAML 1.1 reads as numbers); of the words YAML 1.1
     * reads as booleans only true and false are booleans, so yes, no, on and off stay text.
     */
    private Token decodeScalar(ScalarEvent event) throws Stop {
      String value = event.getValue();
      scalar = value;
      if (value.isEmpty()) {
        // an empty value, written or left out, is empty text, whatever its tag
        return Token.TEXT;
      }
      String tag = event.getTag();
      if (tag == null || tag.equals("!")) {
        Tag type =
            isPlainText(value)
                ? Tag.STR
                : resolver.resolve(
                    NodeId.scalar, value, event.getImplicit().canOmitTagInPlainScalar());
        if (type == Tag.STR) {
          return Token.TEXT;
        }
        if (type == Tag.INT) {
          return decodeInteger(value);
        }
        if (type == Tag.FLOAT) {
          return Token.DECIMAL;
        }
        if (type == Tag.BOOL) {
          Token b = bool(value);
          if (b != null) {
            return b;
          }
        } else if (type == Tag.NULL) {
          return Token.NULL;
        }
        return Token.TEXT;
      }
      // A tagged scalar is refused (inspectEvent), but typed by its tag first, so that what else
      // is wrong with it is reported too.
      if (tag.startsWith(YAML_TAG_PREFIX)) {
        tag = tag.substring(YAML_TAG_PREFIX.length());
        if (tag.contains(",")) {
          String[] tags = tag.split(",");
          tag = tags.length == 0 ? "" : tags[0];
        }
      }
      if ("binary".equals(tag)) {
        try {
          com.fasterxml.jackson.core.Base64Variants.MIME.decode(value.trim());
        } catch (IllegalArgumentException e) {
          throw new Stop(endOfLastEvent(), explain(String.valueOf(e.getMessage()), null));
        }
        return Token.BINARY;
      }
      if ("bool".equals(tag)) {
        Token b = bool(value);
        if (b != null) {
          return b;
        }
      } else if (!value.isEmpty()) {
        if ("int".equals(tag)) {
          return decodeInteger(value);
        }
        if ("float".equals(tag)) {
          return Token.DECIMAL;
        }
        if ("null".equals(tag)) {
          return Token.NULL;
        }
      }
      return Token.TEXT;
    }

    private Token bool(String value) {
      if ("true".equalsIgnoreCase(value)) {
        return Token.TRUE;
      }
      if ("false".equalsIgnoreCase(value)) {
        return Token.FALSE;
      }
      return null;
    }

    /**
     * The token of a scalar YAML 1.1 reads as a whole number: binary, octal and hexadecimal forms
     * are decoded to find the ones no reader can read (and refused as not well-formed), a form
     * with a colon (base 60) is text, and the rest are numbers for the reader's checks. Null (no
     * token, which ends the parse) for a lone sign, which only an explicit tag can make a number.
     */
    private Token decodeInteger(String value) throws Stop {
      int len = value.length();
      char ch = value.charAt(0);
      int i = ch == '-' || ch == '+' ? 1 : 0;
      if (len == i) {
        return null;
      }
      if (value.charAt(i) == '0') {
        if (++i == len) {
          return Token.INTEGER;
        }
        ch = value.charAt(i);
        if (ch == 'b' || ch == 'B') {
          return decodeRadix(value, i + 1, 2, 31, 63);
        }
        if (ch == 'x' || ch == 'X') {
          return decodeRadix(value, i + 1, 16, 7, 15);
        }
        if ((ch >= '0' && ch <= '9') || ch == '_') {
          return decodeRadix(value, i, 8, 10, 21);
        }
        return Token.TEXT;
      }
      boolean underscores = false;
      while (true) {
        int c = value.charAt(i);
        if (c > '9' || c < '0') {
          if (c == '_') {
            underscores = true;
          } else {
            return Token.TEXT;
          }
        }
        if (++i == len) {
          if (underscores) {
            String cleaned = value.substring(value.charAt(0) == '+' ? 1 : 0).replace("_", "");
            if (cleaned.isEmpty() || "-".equals(cleaned)) {
              throw new Stop(endOfLastEvent(), explain("Invalid number ('" + value + "')", null));
            }
          }
          return Token.INTEGER;
        }
      }
    }

    /** Checks that the digits after a radix prefix can be read in that radix. */
    private Token decodeRadix(String value, int from, int radix, int intDigits, int longDigits)
        throws Stop {
      String digits = value.substring(from).replace("_", "");
      try {
        if (digits.length() <= intDigits) {
          Integer.parseInt(digits, radix);
        } else if (digits.length() <= longDigits) {
          Long.parseLong(digits, radix);
        } else {
          if (digits.length() > MAX_NUMBER_DIGITS) {
            throw new Stop(last, TOO_MANY_DIGITS);
          }
          new java.math.BigInteger(digits, radix);
        }
      } catch (NumberFormatException e) {
        throw new Stop(
            endOfLastEvent(),
            explain(
                "Invalid base-" + radix + " number ('" + digits + "'), problem: " + e.getMessage(),
                null));
      }
      return Token.INTEGER;
    }

    /**
     * Refuses aliases, anchors and tags on the node or key the parser is on. Each anchor and alias
     * name is reported once, at its first use, so an expansion attack does not flood the report.
     */
    private void inspectEvent(Token t) {
      Event event = lastEvent;
      if (currentIsAlias) {
        String alias = String.valueOf(((AliasEvent) event).getAnchor());
        if (!refusedNames.add("*" + alias)) {
          return;
        }
        problem(
            last,
            "the alias \"*"
                + safe(alias)
                + "\" is not allowed; a "
                + kind.noun
                + " writes every value out in full, without anchors and"
                + " aliases");
        return;
      }
      String anchor = event instanceof NodeEvent ne ? ne.getAnchor() : null;
      if (anchor != null && refusedNames.add("&" + anchor)) {
        problem(
            last,
            "the anchor \"&"
                + safe(anchor)
                + "\" is not allowed; a "
                + kind.noun
                + " writes every value out in full, without anchors and"
                + " aliases");
      }
      String tag = null;
      if (event instanceof ScalarEvent se) {
        tag = se.getTag();
      } else if (event instanceof CollectionStartEvent ce && t.isStructStart()) {
        tag = ce.getTag();
      }
      if (tag != null) {
        String shown =
            tag.startsWith(YAML_TAG_PREFIX) ? "!!" + tag.substring(YAML_TAG_PREFIX.length()) : tag;
        problem(
            last,
            "the tag \""
                + safe(shown)
                + "\" is not allowed; a "
                + kind.noun
                + " holds only plain text, numbers, lists and mappings");
      }
    }

    /** The tree of the value starting with this token, at this JSON pointer. */
    private JsonNode readValue(Token t, int depth, String pointer) throws Stop {
      if (depth >= MAX_DEPTH) {
        fail(last, "the file nests mappings and lists more than " + MAX_DEPTH + " levels deep");
      }
      values.put(pointer, last);
      if ((t == Token.INTEGER || t == Token.DECIMAL) && scalar.length() > MAX_DECIMAL_LENGTH) {
        fail(last, TOO_MANY_DIGITS);
      }
      switch (t) {
        case START_OBJECT:
          {
            ObjectNode o = nodes.objectNode();
            Map<String, SourceLocation> seen = new HashMap<>();
            openMappings.push(seen);
            for (Token k = next(); k != Token.END_OBJECT; k = next()) {
              if (k != Token.KEY) {
                fail(last, "a key is missing here; every entry of a mapping is \"key: value\"");
              }
              String key = name;
              if (key.length() > MAX_KEY) {
                fail(last, KEY_TOO_LONG);
              }
              // a repeated key stops the parse where it is read (nextToken)
              seen.put(key, last);
              String child = pointer + NodePaths.pointer(List.of(key));
              keys.put(child, last);
              Token v = next();
              o.set(key, readValue(v, depth + 1, child));
            }
            openMappings.pop();
            return o;
          }
        case START_ARRAY:
          {
            ArrayNode a = nodes.arrayNode();
            int i = 0;
            for (Token v = next(); v != Token.END_ARRAY; v = next()) {
              a.add(readValue(v, depth + 1, pointer + "/" + i++));
            }
            return a;
          }
        case TEXT:
          if (scalar.length() > MAX_STRING) {
            fail(last, "a text value here is longer than " + MAX_STRING / 1024 + " KB");
          }
          return nodes.textNode(scalar);
        case INTEGER:
          if (!isPlainInteger(scalar)) {
            problem(last, notPlainInteger(scalar));
            return nodes.nullNode();
          }
          return nodes.numberNode(new java.math.BigInteger(scalar));
        case DECIMAL:
          if (!PLAIN_DECIMAL.matcher(scalar).matches()) {
            problem(last, notPlainDecimal(scalar));
            return nodes.nullNode();
          }
          return nodes.numberNode(new java.math.BigDecimal(scalar));
        case TRUE:
          return nodes.booleanNode(true);
        case FALSE:
          return nodes.booleanNode(false);
        case NULL:
          return nodes.nullNode();
        default:
          fail(last, "this kind of YAML value is not allowed in a " + kind.noun);
          return nodes.nullNode();
      }
    }

    private void problem(SourceLocation where, String message) {
      problems.add(new SpecProblem(where, message));
    }

    /** Records a problem that stops the parse, and stops it. */
    private void fail(SourceLocation where, String message) {
      problem(where, message);
      throw new SpecException(capped(problems));
    }

    /**
     * The sentence for a problem SnakeYAML (or the typing of a scalar) reports, from its message:
     * SnakeYAML's own words when they are plain, as they say what YAML expected.
     */
    private String explain(String message, MarkedYAMLException marked) {
      if (String.valueOf(message).contains("Expected a field name")) {
        return "a key must be plain text, not a list or a mapping";
      }
      if (marked != null) {
        String problem = marked.getProblem();
        if (problem != null && problem.contains("exceeds the limit")) {
          return kind.tooLarge();
        }
        if (problem != null && problem.contains("Nesting Depth")) {
          return "the file nests mappings and lists more than " + MAX_DEPTH + " levels deep";
        }
        if (problem != null && !problem.isBlank() && isPlain(problem)) {
          return "the file is not well-formed YAML here: "
              + org.qualcheck.model.PrintableText.escape(problem.strip());
        }
      }
      return "the file is not well-formed YAML here";
    }
  }

  /**
   * Whether this is a whole number as YAML 1.2's core schema and JSON write it: {@code
   * -?(0|[1-9][0-9]*)}. YAML 1.1 readers also take octal ({@code 017} is 15), hexadecimal, binary,
   * a plus sign and underscores, which change the value or its meaning from reader to reader, so
   * only this form is accepted.
   */
  static boolean isPlainInteger(String written) {
    int i = written.startsWith("-") ? 1 : 0;
    if (i == written.length()) {
      return false;
    }
    if (written.charAt(i) == '0') {
      return i + 1 == written.length();
    }
    for (; i < written.length(); i++) {
      char c = written.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether YAML 1.1 reads this non-empty scalar as text whatever its style, without asking the
   * resolver: it starts with a letter and is longer than the longest word YAML 1.1 reads as
   * anything else ("false"), as most titles and names in a spec are. Only the words for booleans
   * and null start with a letter, so the resolver's regular expressions need not run on these.
   */
  static boolean isPlainText(String value) {
    char c = value.charAt(0);
    return value.length() > 5 && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
  }

  /** Why a whole number is refused, in a sentence that says how to write it. */
  static String notPlainInteger(String written) {
    String digits = written.startsWith("-") || written.startsWith("+") ? written.substring(1) : written;
    String reason;
    if (digits.startsWith("0x") || digits.startsWith("0X")) {
      reason = "it is hexadecimal";
    } else if (digits.startsWith("0b") || digits.startsWith("0B")) {
      reason = "it is binary";
    } else if (digits.startsWith("0o") || digits.startsWith("0O")) {
      reason = "it is octal";
    } else if (digits.length() > 1 && digits.startsWith("0")) {
      reason = "it has a leading zero, which YAML 1.1 reads as octal (so 017 would be 15)";
    } else if (written.startsWith("+")) {
      reason = "it has a plus sign";
    } else if (written.contains("_")) {
      reason = "it has underscores";
    } else {
      reason = "it is not written in plain digits";
    }
    return "the number \""
        + safe(written)
        + "\" is not plain decimal: "
        + reason
        + "; write whole numbers in plain decimal digits, such as 17, so that every YAML reader"
        + " reads the same value";
  }

  /** Why a number with a fraction or a special value is refused. */
  static String notPlainDecimal(String written) {
    String lower = written.toLowerCase(java.util.Locale.ROOT);
    if (lower.endsWith(".inf") || lower.endsWith(".nan")) {
      return "\""
          + safe(written)
          + "\" is YAML's "
          + (lower.endsWith(".inf") ? "infinity" : "not-a-number")
          + ", not a number a spec can use; numbers in a spec are whole numbers, such as 12";
    }
    return "the number \""
        + safe(written)
        + "\" is not plain decimal; numbers in a spec are whole numbers in plain decimal"
        + " digits, such as 12";
  }

  private static boolean isPlain(String text) {
    String lower = text.toLowerCase(java.util.Locale.ROOT);
    return !lower.contains("exception")
        && !lower.contains("jackson")
        && !lower.contains("snakeyaml")
        && !lower.contains("at com.")
        && !lower.contains("org.yaml");
  }

  private static boolean isRefusedInFile(int c) {
    return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0x2028 || c == 0x2029;
  }

  private static String controlName(int c) {
    switch (c) {
      case 0x00:
        return " (NUL)";
      case 0x1B:
        return " (escape)";
      case 0x7F:
        return " (DEL)";
      case 0x85:
        return " (next line)";
      case 0x2028:
        return " (line separator)";
      case 0x2029:
        return " (paragraph separator)";
      default:
        return "";
    }
  }

  /** Shortens text quoted back to the designer and escapes its control characters. */
  static String safe(String text) {
    String s = text.length() > 60 ? text.substring(0, 57) + "..." : text;
    return org.qualcheck.model.PrintableText.escape(s);
  }

  private static String describeToken(Token t) {
    if (t == null) {
      return "nothing";
    }
    switch (t) {
      case START_ARRAY:
        return "a list";
      case TEXT:
        return "a single piece of text";
      case NULL:
        return "an empty value";
      default:
        return "a single value";
    }
  }

  static List<SpecProblem> capped(List<SpecProblem> problems) {
    if (problems.size() <= MAX_PROBLEMS) {
      return problems;
    }
    List<SpecProblem> shown = new ArrayList<>(problems.subList(0, MAX_PROBLEMS));
    shown.add(
        new SpecProblem(
            problems.get(MAX_PROBLEMS).location(),
            "and "
                + (problems.size() - MAX_PROBLEMS)
                + " more problems like those above; fix those first"));
    return shown;
  }
}
