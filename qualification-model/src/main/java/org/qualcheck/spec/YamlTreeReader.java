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
 * Turns YAML text into a {@link LocatedTree} in one pass over the parser's tokens, refusing what a
 * spec never needs and what makes YAML dangerous or ambiguous: anchors and aliases, explicit tags,
 * repeated keys, more than one document, deep nesting and oversized input.
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

  /** Problems beyond this many are summarised in one line. */
  static final int MAX_PROBLEMS = 50;

  private static final String YAML_TAG_PREFIX = "tag:yaml.org,2002:";

  /** What a file is meant to be, which decides how its refusals name it. */
  enum Kind {
    SPEC("spec", "qualification", "\"qualification\", \"units\", \"groups\" and \"rules\""),
    CATALOGUE("catalogue", "catalogue", "\"catalogue\" and \"units\"");

    private final String noun;
    private final String firstKey;
    private final String topKeys;

    Kind(String noun, String firstKey, String topKeys) {
      this.noun = noun;
      this.firstKey = firstKey;
      this.topKeys = topKeys;
    }

    /** "spec" or "catalogue". */
    String noun() {
      return noun;
    }

    /** The sentence for a file over {@link #MAX_CHARS}. */
    String tooLarge() {
      return "the file is larger than 4 MB; a " + noun + " is far smaller, so this is not a " + noun;
    }
  }

  private final YAMLFactory factory;

  YamlTreeReader() {
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
                    .maxNameLength(1024)
                    .maxNumberLength(100)
                    .build())
            .enable(YAMLParser.Feature.PARSE_BOOLEAN_LIKE_WORDS_AS_STRINGS);
    this.factory = new EventAwareYamlFactory(builder);
  }

  /** Parses the text of a spec; throws {@link SpecException} listing every problem found. */
  LocatedTree read(String file, String text) {
    return read(file, text, Kind.SPEC);
  }

  /** Parses the text of a file of this kind; throws {@link SpecException} listing every problem. */
  LocatedTree read(String file, String text, Kind kind) {
    return new Pass(file, kind).run(text);
  }

  /** One parse of one text; not shared between threads. */
  private final class Pass {
    private final String file;
    private final Kind kind;
    private final List<SpecProblem> problems = new ArrayList<>();
    private final Map<String, SourceLocation> values = new LinkedHashMap<>();
    private final Map<String, SourceLocation> keys = new LinkedHashMap<>();
    private final List<Object> path = new ArrayList<>();
    private final java.util.Set<String> refusedNames = new java.util.HashSet<>();
    private final java.util.Deque<Map<String, SourceLocation>> openMappings =
        new java.util.ArrayDeque<>();
    private EventAwareYamlParser parser;
    private SourceLocation last;

    Pass(String file, Kind kind) {
      this.file = file;
      this.kind = kind;
      this.last = new SourceLocation(file, 1, 1);
    }

    LocatedTree run(String text) {
      if (text.length() > MAX_CHARS) {
        fail(last, kind.tooLarge());
      }
      JsonNode root = null;
      try (EventAwareYamlParser p =
          (EventAwareYamlParser) factory.createParser(new StringReader(text))) {
        this.parser = p;
        JsonToken first = next();
        if (first == null) {
          fail(last, "the file is empty; a " + kind.noun + " starts with \"" + kind.firstKey + ":\"");
        }
        if (first != JsonToken.START_OBJECT) {
          fail(
              last,
              "the top level of the file must be a mapping of "
                  + kind.topKeys
                  + ", not "
                  + describeToken(first));
        }
        root = readValue(first, 0);
        JsonToken extra = next();
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
                + kind.noun
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
              if (name.length() > 1024) {
                fail(last, "a key here is too long");
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
          return nf.numberNode(parser.getBigIntegerValue());
        case VALUE_NUMBER_FLOAT:
          try {
            return nf.numberNode(new java.math.BigDecimal(parser.getText().replace("_", "")));
          } catch (NumberFormatException notDecimal) {
            return nf.numberNode(parser.getDoubleValue());
          }
        case VALUE_TRUE:
          return nf.booleanNode(true);
        case VALUE_FALSE:
          return nf.booleanNode(false);
        case VALUE_NULL:
          return nf.nullNode();
        default:
          fail(last, "this kind of YAML value is not allowed in a " + kind.noun);
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
          return "a key here is too long";
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
          return "the file is not well-formed YAML here: " + problem.strip();
        }
      }
      return "the file is not well-formed YAML here";
    }
  }

  private static boolean isPlain(String text) {
    String lower = text.toLowerCase(java.util.Locale.ROOT);
    return !lower.contains("exception")
        && !lower.contains("jackson")
        && !lower.contains("snakeyaml")
        && !lower.contains("at com.")
        && !lower.contains("org.yaml");
  }

  private static <T extends Throwable> T findCause(Throwable t, Class<T> type) {
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (type.isInstance(c)) {
        return type.cast(c);
      }
    }
    return null;
  }

  /** Shortens and strips control characters from text quoted back to the designer. */
  static String safe(String text) {
    String s = text.replaceAll("\\p{Cntrl}", "?");
    return s.length() > 60 ? s.substring(0, 57) + "..." : s;
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
