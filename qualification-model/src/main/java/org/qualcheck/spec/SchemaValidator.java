package org.qualcheck.spec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Validates a parsed spec or catalogue tree against one of the packaged JSON Schemas (draft-07),
 * reporting each violated keyword at its place in the tree.
 *
 * <p>It knows exactly the keywords the spec and catalogue schemas use, and refuses a schema with
 * any other, so a schema edit it cannot honour fails the build rather than passing silently; a
 * test runs a complete JSON Schema validator beside it over every fixture and shipped file and
 * requires the same verdicts. A general validator is not used at run time because loading one
 * costs more than the rest of a command put together.
 *
 * <p>Immutable and thread-safe once built.
 */
final class SchemaValidator {
  /** One violated keyword. */
  record Violation(
      String keyword,
      List<Object> at,
      String property,
      List<String> allowedKeys,
      boolean combined) {}

  /** Keywords that only describe or annotate, and constrain nothing. */
  private static final Set<String> ANNOTATIONS =
      Set.of("$schema", "$id", "$comment", "title", "description", "default", "examples");

  /** The keywords applied. */
  private static final Set<String> KNOWN =
      Set.of(
          "$ref", "definitions", "type", "properties", "additionalProperties", "required",
          "minProperties", "maxProperties", "items", "minItems", "maxItems", "minLength",
          "pattern", "minimum", "maximum", "enum", "anyOf", "oneOf", "allOf", "not", "if", "then",
          "else");

  private final JsonNode root;
  private final Map<String, Pattern> patterns = new HashMap<>();
  /** Each local reference the schema makes, resolved once when it is vetted. */
  private final Map<String, JsonNode> references = new HashMap<>();

  private SchemaValidator(JsonNode root) {
    this.root = root;
    vet(root, "");
  }

  /**
   * The validator for the schema packaged at this resource beside this class. The reader's own
   * schemas are compiled in as text ({@link PackagedSchemas}), so that no command opens the jar to
   * read one; any other is read as a resource.
   */
  static SchemaValidator load(String resource) {
    String text = PackagedSchemas.text(resource);
    try {
      if (text != null) {
        return new SchemaValidator(parse(new JsonFactory().createParser(text)));
      }
      try (InputStream in = SchemaValidator.class.getResourceAsStream(resource)) {
        if (in == null) {
          throw new IllegalStateException("the schema " + resource + " is not packaged");
        }
        return new SchemaValidator(parse(new JsonFactory().createParser(in)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("the schema " + resource + " cannot be read", e);
    }
  }

  /** The schema itself, as parsed. */
  JsonNode schema() {
    return root;
  }

  /** Every violation in the tree, in the order the schema's keywords find them. */
  List<Violation> validate(JsonNode instance) {
    List<Violation> out = new ArrayList<>();
    evaluate(root, instance, new ArrayList<>(), false, out);
    return out;
  }

  /** Whether the value fits the schema; nothing is reported. */
  private boolean fits(JsonNode schema, JsonNode instance, List<Object> at) {
    List<Violation> none = new ArrayList<>();
    evaluate(schema, instance, at, true, none);
    return none.isEmpty();
  }

  private void evaluate(
      JsonNode schema, JsonNode value, List<Object> at, boolean combined, List<Violation> out) {
    if (schema.isBoolean()) {
      if (!schema.booleanValue()) {
        out.add(violation("false", at, null, combined));
      }
      return;
    }
    for (Map.Entry<String, JsonNode> entry : schema.properties()) {
      JsonNode k = entry.getValue();
      switch (entry.getKey()) {
        case "$ref" -> evaluate(references.get(k.textValue()), value, at, combined, out);
        case "type" -> {
          if (!hasType(value, k.textValue())) {
            out.add(violation("type", at, null, combined));
          }
        }
        case "properties" -> {
          if (value.isObject()) {
            for (Map.Entry<String, JsonNode> property : k.properties()) {
              JsonNode child = value.get(property.getKey());
              if (child != null) {
                evaluate(property.getValue(), child, with(at, property.getKey()), combined, out);
              }
            }
          }
        }
        case "additionalProperties" -> {
          if (value.isObject()) {
            JsonNode declared = schema.path("properties");
            for (Map.Entry<String, JsonNode> field : value.properties()) {
              String name = field.getKey();
              if (!declared.has(name)) {
                if (k.isBoolean() && !k.booleanValue()) {
                  out.add(
                      new Violation(
                          "additionalProperties", List.copyOf(at), name, allowed(declared), combined));
                } else {
                  evaluate(k, field.getValue(), with(at, name), combined, out);
                }
              }
            }
          }
        }
        case "required" -> {
          if (value.isObject()) {
            for (JsonNode name : k) {
              if (!value.has(name.textValue())) {
                out.add(violation("required", at, name.textValue(), combined));
              }
            }
          }
        }
        case "minProperties" -> {
          if (value.isObject() && value.size() < k.intValue()) {
            out.add(violation("minProperties", at, null, combined));
          }
        }
        case "maxProperties" -> {
          if (value.isObject() && value.size() > k.intValue()) {
            out.add(violation("maxProperties", at, null, combined));
          }
        }
        case "items" -> {
          if (value.isArray()) {
            for (int i = 0; i < value.size(); i++) {
              evaluate(k, value.get(i), with(at, i), combined, out);
            }
          }
        }
        case "minItems" -> {
          if (value.isArray() && value.size() < k.intValue()) {
            out.add(violation("minItems", at, null, combined));
          }
        }
        case "maxItems" -> {
          if (value.isArray() && value.size() > k.intValue()) {
            out.add(violation("maxItems", at, null, combined));
          }
        }
        case "minLength" -> {
          if (value.isTextual()
              && value.textValue().codePointCount(0, value.textValue().length()) < k.intValue()) {
            out.add(violation("minLength", at, null, combined));
          }
        }
        case "pattern" -> {
          if (value.isTextual() && !patterns.get(k.textValue()).matcher(value.textValue()).find()) {
            out.add(violation("pattern", at, null, combined));
          }
        }
        case "minimum" -> {
          if (value.isNumber() && value.decimalValue().compareTo(k.decimalValue()) < 0) {
            out.add(violation("minimum", at, null, combined));
          }
        }
        case "maximum" -> {
          if (value.isNumber() && value.decimalValue().compareTo(k.decimalValue()) > 0) {
            out.add(violation("maximum", at, null, combined));
          }
        }
        case "enum" -> {
          boolean listed = false;
          for (JsonNode option : k) {
            listed |= option.equals(value);
          }
          if (!listed) {
            out.add(violation("enum", at, null, combined));
          }
        }
        case "allOf" -> {
          for (JsonNode sub : k) {
            evaluate(sub, value, at, true, out);
          }
        }
        case "anyOf" -> {
          boolean any = false;
          for (JsonNode sub : k) {
            any |= fits(sub, value, at);
          }
          if (!any) {
            out.add(violation("anyOf", at, null, true));
          }
        }
        case "oneOf" -> {
          int fitting = 0;
          for (JsonNode sub : k) {
            fitting += fits(sub, value, at) ? 1 : 0;
          }
          if (fitting != 1) {
            out.add(violation("oneOf", at, null, true));
          }
        }
        case "not" -> {
          if (fits(k, value, at)) {
            out.add(violation("not", at, null, true));
          }
        }
        case "if" -> {
          JsonNode branch = fits(k, value, at) ? schema.get("then") : schema.get("else");
          if (branch != null) {
            evaluate(branch, value, at, combined, out);
          }
        }
        default -> {
          // annotations, definitions, and then/else (applied through "if")
        }
      }
    }
  }

  private static Violation violation(
      String keyword, List<Object> at, String property, boolean combined) {
    return new Violation(keyword, List.copyOf(at), property, List.of(), combined);
  }

  private static List<Object> with(List<Object> at, Object element) {
    List<Object> path = new ArrayList<>(at.size() + 1);
    path.addAll(at);
    path.add(element);
    return path;
  }

  /** The property names a schema object declares, leaving out those it names only to forbid. */
  private static List<String> allowed(JsonNode properties) {
    List<String> names = new ArrayList<>();
    for (Map.Entry<String, JsonNode> property : properties.properties()) {
      if (!(property.getValue().isBoolean() && !property.getValue().booleanValue())) {
        names.add(property.getKey());
      }
    }
    return List.copyOf(names);
  }

  private static boolean hasType(JsonNode value, String type) {
    return switch (type) {
      case "object" -> value.isObject();
      case "array" -> value.isArray();
      case "string" -> value.isTextual();
      case "boolean" -> value.isBoolean();
      case "null" -> value.isNull();
      case "number" -> value.isNumber();
      // as JSON Schema says since draft-06, 4.0 is an integer; SchemaCheck refuses fractions itself
      case "integer" ->
          value.isIntegralNumber()
              || (value.isNumber() && value.decimalValue().stripTrailingZeros().scale() <= 0);
      default -> throw new IllegalStateException("the schema names an unknown type " + type);
    };
  }

  /** The subschema a local reference such as {@code #/definitions/unit} points at. */
  private JsonNode resolve(String ref) {
    JsonNode target = root.at(ref.substring(1));
    if (target.isMissingNode()) {
      throw new IllegalStateException("the schema refers to " + ref + ", which it does not define");
    }
    return target;
  }

  /**
   * Checks once, on loading, that the schema uses only the keywords this class applies, that every
   * reference resolves and every pattern compiles.
   */
  private void vet(JsonNode schema, String where) {
    if (schema.isBoolean()) {
      return;
    }
    if (!schema.isObject()) {
      throw new IllegalStateException("the schema has a non-schema at " + where);
    }
    for (Map.Entry<String, JsonNode> entry : schema.properties()) {
      String key = entry.getKey();
      JsonNode k = entry.getValue();
      String here = where + "/" + key;
      if (ANNOTATIONS.contains(key)) {
        continue;
      }
      if (!KNOWN.contains(key)) {
        throw new IllegalStateException("the schema uses the keyword " + here + ", not supported here");
      }
      switch (key) {
        case "$ref" -> {
          if (!k.isTextual() || !k.textValue().startsWith("#/")) {
            throw new IllegalStateException("the schema has a non-local reference at " + here);
          }
          references.put(k.textValue(), resolve(k.textValue()));
        }
        case "type" -> {
          if (!k.isTextual()) {
            throw new IllegalStateException("the schema gives several types at " + here);
          }
          hasType(JsonNodeFactory.instance.nullNode(), k.textValue());
        }
        case "pattern" -> {
          if (!patterns.containsKey(k.textValue())) {
            patterns.put(k.textValue(), Pattern.compile(k.textValue()));
          }
        }
        case "properties", "definitions" -> {
          for (Map.Entry<String, JsonNode> property : k.properties()) {
            vet(property.getValue(), here + "/" + property.getKey());
          }
        }
        case "anyOf", "oneOf", "allOf" -> {
          for (int i = 0; i < k.size(); i++) {
            vet(k.get(i), here + "/" + i);
          }
        }
        case "items", "additionalProperties", "not", "if", "then", "else" -> vet(k, here);
        default -> {
          // a number, a type name or a list of names
        }
      }
    }
  }

  /**
   * Parses the packaged schema with Jackson's streaming parser into a tree. An object mapper would
   * do the same in one call, but starting one costs more than a whole command should.
   */
  private static JsonNode parse(JsonParser schema) throws IOException {
    try (JsonParser parser = schema) {
      JsonNode node = value(parser, parser.nextToken());
      if (parser.nextToken() != null) {
        throw new IOException("more than one JSON value");
      }
      return node;
    }
  }

  private static JsonNode value(JsonParser parser, JsonToken token) throws IOException {
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    if (token == null) {
      throw new IOException("the JSON ends early");
    }
    switch (token) {
      case START_OBJECT -> {
        ObjectNode object = nodes.objectNode();
        for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
          String name = parser.currentName();
          object.set(name, value(parser, parser.nextToken()));
        }
        return object;
      }
      case START_ARRAY -> {
        ArrayNode array = nodes.arrayNode();
        for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
          array.add(value(parser, t));
        }
        return array;
      }
      case VALUE_STRING -> {
        return nodes.textNode(parser.getText());
      }
      case VALUE_NUMBER_INT -> {
        return parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER
            ? nodes.numberNode(parser.getBigIntegerValue())
            : nodes.numberNode(parser.getLongValue());
      }
      case VALUE_NUMBER_FLOAT -> {
        return nodes.numberNode(parser.getDecimalValue());
      }
      case VALUE_TRUE, VALUE_FALSE -> {
        return nodes.booleanNode(token == JsonToken.VALUE_TRUE);
      }
      case VALUE_NULL -> {
        return nodes.nullNode();
      }
      default -> throw new IOException("unexpected " + token);
    }
  }
}
