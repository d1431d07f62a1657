package org.qualcheck.spec;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.ObjectCodec;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactoryBuilder;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import com.google.common.collect.ImmutableMap;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.qualcheck.model.SourceLocation;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;

/**
 * The spec reader's YAML tree reader as it was when it read through Jackson's YAML parser: kept in
 * the tests only, as the reference that {@link YamlTreeReaderDifferentialTest} holds the event
 * reader to (the same tree, or the same problems at the same places).
 */
final class JacksonYamlTreeReader {
  private static final int MAX_DEPTH = YamlTreeReader.MAX_DEPTH;
  private static final int MAX_CHARS = YamlTreeReader.MAX_CHARS;
  private static final int MAX_STRING = YamlTreeReader.MAX_STRING;


  /** The longest key accepted, in characters: the most YAML allows for a key on one line. */
  static final int MAX_KEY = 1024;

  /** Problems beyond this many are summarised in one line. */
  static final int MAX_PROBLEMS = 50;

  private static final String YAML_TAG_PREFIX = "tag:yaml.org,2002:";

  private static final String KEY_TOO_LONG =
      "a key here is longer than " + MAX_KEY + " characters, the most a key may have";

  /**
   * A whole number as YAML 1.2's core schema and JSON write it. YAML 1.1 readers also take octal
   * ({@code 017} is 15), hexadecimal, binary, a plus sign and underscores, which change the value
   * or its meaning from reader to reader, so only this form is accepted.
   */
  private static final java.util.regex.Pattern PLAIN_INTEGER =
      java.util.regex.Pattern.compile("-?(0|[1-9][0-9]*)");

  /** A number with a fraction or exponent in plain decimal digits; the schema refuses fractions. */
  private static final java.util.regex.Pattern PLAIN_DECIMAL =
      java.util.regex.Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][-+]?[0-9]+)?");

  private final YAMLFactory factory;

  JacksonYamlTreeReader() {
    LoaderOptions loader = new LoaderOptions();
    loader.setAllowDuplicateKeys(false);
    loader.setMaxAliasesForCollections(0);
    loader.setAllowRecursiveKeys(false);
    loader.setNestingDepthLimit(MAX_DEPTH);
    loader.setCodePointLimit(MAX_CHARS);
    loader.setProcessComments(false);
    YAMLFactoryBuilder builder =
        YAMLFactory.builder()
            .loaderOptions(loader)
            .streamReadConstraints(
                StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_DEPTH)
                    .maxDocumentLength(MAX_CHARS)
                    .maxStringLength(MAX_STRING)
                    .maxNameLength(MAX_KEY)
                    .maxNumberLength(100)
                    .build())
            .enable(YAMLParser.Feature.PARSE_BOOLEAN_LIKE_WORDS_AS_STRINGS);
    this.factory = new EventAwareYamlFactory(builder);
  }

  /** Parses the text of a spec; throws {@link SpecException} listing every problem found. */
  LocatedTree read(String file, String text) {
    return read(file, text, YamlTreeReader.Kind.SPEC);
  }

  /** Parses the text of a file of this kind; throws {@link SpecException} listing every problem. */
  LocatedTree read(String file, String text, YamlTreeReader.Kind kind) {
    return new Pass(file, kind).run(text);
  }

  /** One parse of one text; not shared between threads. */
  private final class Pass {
    private final String file;
    private final YamlTreeReader.Kind kind;
    private final List<SpecProblem> problems = new ArrayList<>();
    private final Map<String, SourceLocation> values = new LinkedHashMap<>();
    private final Map<String, SourceLocation> keys = new LinkedHashMap<>();
    private final List<Object> path = new ArrayList<>();
    private final java.util.Set<String> refusedNames = new java.util.HashSet<>();
    private final java.util.Deque<Map<String, SourceLocation>> openMappings =
        new java.util.ArrayDeque<>();
    private EventAwareYamlParser parser;
    private SourceLocation last;

    Pass(String file, YamlTreeReader.Kind kind) {
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
      try (EventAwareYamlParser p =
          (EventAwareYamlParser) factory.createParser(new StringReader(text))) {
        this.parser = p;
        JsonToken first = next();
        if (first == null) {
          fail(last, "the file is empty; a " + kind.noun() + " starts with \"" + kind.firstKey() + ":\"");
        }
        if (first == JsonToken.VALUE_STRING && isOverlongKey(text)) {
          fail(
              last,
              "a key here is longer than "
                  + MAX_KEY
                  + " characters, the most YAML allows, so the line is read as one long piece of"
                  + " text; keys in a "
                  + kind.noun()
                  + " are short names such as \"units\"");
        }
        if (first != JsonToken.START_OBJECT) {
          fail(
              last,
              "the top level of the file must be a mapping of "
                  + kind.topKeys()
                  + ", not "
                  + describeToken(first));
        }
        root = readValue(first, 0);
        JsonToken extra = next();
        if (extra != null) {
          problem(
              last,
              "a second YAML document starts here; a "
                  + kind.noun()
                  + " file holds exactly one document, so"
                  + " remove the \"---\" and what follows it or move it to its own file");
        }
      } catch (SpecException e) {
        throw e;
      } catch (JacksonException e) {
        problem(
            isDuplicateKey(e) && parser != null ? tokenLocation() : locationOf(e), explain(e));
      } catch (IOException | RuntimeException e) {
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
                  + kind.noun()
                  + "; remove it (a "
                  + kind.noun()
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
    private boolean isOverlongKey(String text) throws IOException {
      String scalar = parser.getText();
      long start = parser.currentTokenLocation().getCharOffset();
      if (scalar.length() <= MAX_KEY || start < 0 || start + scalar.length() > text.length()) {
        return false;
      }
      String after = text.substring((int) start + scalar.length()).stripLeading();
      return scalar.contains(": ") || after.startsWith(":");
    }

    private JsonToken next() throws IOException {
      JsonToken t = parser.nextToken();
      if (t != null) {
        JsonLocation l = parser.currentTokenLocation();
        last = new SourceLocation(file, Math.max(1, l.getLineNr()), Math.max(1, l.getColumnNr()));
        inspectEvent(t);
      }
      return t;
    }

    /**
     * Refuses aliases, anchors and tags on the node or key the parser is on. Each anchor and alias
     * name is reported once, at its first use, so an expansion attack does not flood the report.
     */
    private void inspectEvent(JsonToken t) throws IOException {
      Event event = parser.lastEvent();
      if (parser.isCurrentAlias()) {
        if (!refusedNames.add("*" + parser.aliasName())) {
          return;
        }
        problem(
            last,
            "the alias \"*"
                + safe(parser.aliasName())
                + "\" is not allowed; a "
                + kind.noun()
                + " writes every value out in full, without anchors and"
                + " aliases");
        return;
      }
      String anchor = null;
      if (event instanceof NodeEvent ne) {
        anchor = ne.getAnchor();
      }
      if (anchor == null && t != JsonToken.FIELD_NAME) {
        anchor = parser.getObjectId();
      }
      if (anchor != null && refusedNames.add("&" + anchor)) {
        problem(
            last,
            "the anchor \"&"
                + safe(anchor)
                + "\" is not allowed; a "
                + kind.noun()
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
                + kind.noun()
                + " holds only plain text, numbers, lists and mappings");
      }
    }

    private JsonNode readValue(JsonToken t, int depth) throws IOException {
      if (depth >= MAX_DEPTH) {
        fail(last, "the file nests mappings and lists more than " + MAX_DEPTH + " levels deep");
      }
      values.put(NodePaths.pointer(path), last);
      JsonNodeFactory nf = JsonNodeFactory.instance;
      switch (t) {
        case START_OBJECT:
          {
            ObjectNode o = nf.objectNode();
            Map<String, SourceLocation> seen = new HashMap<>();
            openMappings.push(seen);
            for (JsonToken k = next(); k != JsonToken.END_OBJECT; k = next()) {
              if (k != JsonToken.FIELD_NAME) {
                fail(last, "a key is missing here; every entry of a mapping is \"key: value\"");
              }
              String name = parser.currentName();
              if (name.length() > MAX_KEY) {
                fail(last, KEY_TOO_LONG);
              }
              SourceLocation keyLocation = last;
              SourceLocation earlier = seen.putIfAbsent(name, keyLocation);
              path.add(name);
              JsonToken v = next();
              if (earlier != null) {
                problem(
                    keyLocation,
                    "the key \""
                        + safe(name)
                        + "\" is given twice in the same mapping; the first is on line "
                        + earlier.line());
                readValue(v, depth + 1);
              } else {
                keys.put(NodePaths.pointer(path), keyLocation);
                o.set(name, readValue(v, depth + 1));
              }
              path.remove(path.size() - 1);
            }
            openMappings.pop();
            return o;
          }
        case START_ARRAY:
          {
            ArrayNode a = nf.arrayNode();
            int i = 0;
            for (JsonToken v = next(); v != JsonToken.END_ARRAY; v = next()) {
              path.add(i++);
              a.add(readValue(v, depth + 1));
              path.remove(path.size() - 1);
            }
            return a;
          }
        case VALUE_STRING:
          String text = parser.getText();
          if (text.length() > MAX_STRING) {
            fail(last, "a text value here is longer than " + MAX_STRING / 1024 + " KB");
          }
          return nf.textNode(text);
        case VALUE_NUMBER_INT:
          {
            String written = parser.getText();
            if (!PLAIN_INTEGER.matcher(written).matches()) {
              problem(last, notPlainInteger(written));
              return nf.nullNode();
            }
            return nf.numberNode(new java.math.BigInteger(written));
          }
        case VALUE_NUMBER_FLOAT:
          {
            String written = parser.getText();
            if (!PLAIN_DECIMAL.matcher(written).matches()) {
              problem(last, notPlainDecimal(written));
              return nf.nullNode();
            }
            return nf.numberNode(new java.math.BigDecimal(written));
          }
        case VALUE_TRUE:
          return nf.booleanNode(true);
        case VALUE_FALSE:
          return nf.booleanNode(false);
        case VALUE_NULL:
          return nf.nullNode();
        default:
          fail(last, "this kind of YAML value is not allowed in a " + kind.noun());
          return nf.nullNode();
      }
    }

    /** Where the parser's current token (for a repeated key: that key) starts. */
    private SourceLocation tokenLocation() {
      JsonLocation l = parser.currentTokenLocation();
      return l.getLineNr() > 0
          ? new SourceLocation(file, l.getLineNr(), Math.max(1, l.getColumnNr()))
          : last;
    }

    private boolean isDuplicateKey(JacksonException e) {
      return String.valueOf(e.getOriginalMessage()).startsWith("Duplicate field '");
    }

    private void problem(SourceLocation where, String message) {
      problems.add(new SpecProblem(where, message));
    }

    /** Records a problem that stops the parse, and stops it. */
    private void fail(SourceLocation where, String message) {
      problem(where, message);
      throw new SpecException(capped(problems));
    }

    private SourceLocation locationOf(JacksonException e) {
      MarkedYAMLException marked = findCause(e, MarkedYAMLException.class);
      if (marked != null && marked.getProblemMark() != null) {
        Mark m = marked.getProblemMark();
        return new SourceLocation(file, m.getLine() + 1, m.getColumn() + 1);
      }
      JsonLocation l = e.getLocation();
      if (l != null && l.getLineNr() > 0) {
        return new SourceLocation(file, l.getLineNr(), Math.max(1, l.getColumnNr()));
      }
      return last;
    }

    private String explain(JacksonException e) {
      if (e instanceof StreamConstraintsException) {
        String m = String.valueOf(e.getOriginalMessage()).toLowerCase(java.util.Locale.ROOT);
        if (m.contains("nesting")) {
          return "the file nests mappings and lists more than " + MAX_DEPTH + " levels deep";
        }
        if (m.contains("string")) {
          return "a text value here is longer than " + MAX_STRING / 1024 + " KB";
        }
        if (m.contains("number")) {
          return "a number here has too many digits";
        }
        if (m.contains("name")) {
          return KEY_TOO_LONG;
        }
        return kind.tooLarge();
      }
      String all = String.valueOf(e.getOriginalMessage());
      java.util.regex.Matcher dup =
          java.util.regex.Pattern.compile("Duplicate field '(.*)'", java.util.regex.Pattern.DOTALL)
              .matcher(all);
      if (dup.matches()) {
        SourceLocation first =
            openMappings.isEmpty() ? null : openMappings.peek().get(dup.group(1));
        return "the key \""
            + safe(dup.group(1))
            + "\" is given twice in the same mapping"
            + (first == null ? "" : "; the first is on line " + first.line());
      }
      if (all.contains("Expected a field name")) {
        return "a key must be plain text, not a list or a mapping";
      }
      MarkedYAMLException marked = findCause(e, MarkedYAMLException.class);
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

  private static <T extends Throwable> T findCause(Throwable t, Class<T> type) {
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (type.isInstance(c)) {
        return type.cast(c);
      }
    }
    return null;
  }

  /** Shortens text quoted back to the designer and escapes its control characters. */
  static String safe(String text) {
    String s = text.length() > 60 ? text.substring(0, 57) + "..." : text;
    return org.qualcheck.model.PrintableText.escape(s);
  }

  private static String describeToken(JsonToken t) {
    if (t == null) {
      return "nothing";
    }
    switch (t) {
      case START_ARRAY:
        return "a list";
      case VALUE_STRING:
        return "a single piece of text";
      case VALUE_NULL:
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

  /** A factory whose parsers expose the YAML event behind each token. */
  private static final class EventAwareYamlFactory extends YAMLFactory {
    private static final long serialVersionUID = 1L;

    EventAwareYamlFactory(YAMLFactoryBuilder builder) {
      super(builder);
    }

    @Override
    protected YAMLParser _createParser(Reader r, IOContext ctxt) throws IOException {
      return new EventAwareYamlParser(
          ctxt, _parserFeatures, _yamlParserFeatures, _loaderOptions, _objectCodec, r);
    }
  }

  /**
   * A parser that exposes the YAML event behind the current token, because the token API does not
   * report anchors on scalars, and reports a collection's tag on the keys inside it.
   */
  private static final class EventAwareYamlParser extends YAMLParser {
    EventAwareYamlParser(
        IOContext ctxt,
        int parserFeatures,
        int yamlFeatures,
        LoaderOptions loaderOptions,
        ObjectCodec codec,
        Reader reader) {
      super(ctxt, parserFeatures, yamlFeatures, loaderOptions, codec, reader);
    }

    Event lastEvent() {
      return _lastEvent;
    }

    String aliasName() {
      return _lastEvent instanceof org.yaml.snakeyaml.events.AliasEvent a
          ? String.valueOf(a.getAnchor())
          : "";
    }
  }
}
