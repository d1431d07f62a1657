package org.qualcheck.http;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The request bodies the API takes, read strictly: unknown fields, wrong types, duplicate keys,
 * trailing data and malformed UTF-8 are refused with one located sentence (400), never guessed at.
 */
final class Requests {
  private Requests() {}

  /** {@code POST .../check}: the plan's units by unit number or unit reference number. */
  record CheckRequest(List<String> units) {}

  /** {@code POST .../plan}: as {@code qualcheck plan}'s options. */
  record PlanRequest(
      List<String> units, List<String> exclude, List<String> prefer, Integer alternatives,
      Boolean whatIf) {}

  /** {@code POST .../count}: all plans, or those of exactly {@code credits} credits. */
  record CountRequest(Long credits) {}

  private static final ObjectMapper MAPPER = strictMapper();

  private static ObjectMapper strictMapper() {
    JsonMapper mapper =
        JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .build();
    for (LogicalType t : List.of(LogicalType.Textual, LogicalType.Integer, LogicalType.Boolean)) {
      mapper.coercionConfigFor(t)
          .setCoercion(CoercionInputShape.Integer, t == LogicalType.Integer ? CoercionAction.TryConvert : CoercionAction.Fail)
          .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
          .setCoercion(CoercionInputShape.Boolean, t == LogicalType.Boolean ? CoercionAction.TryConvert : CoercionAction.Fail)
          .setCoercion(CoercionInputShape.String, t == LogicalType.Textual ? CoercionAction.TryConvert : CoercionAction.Fail)
          .setCoercion(CoercionInputShape.EmptyString, t == LogicalType.Textual ? CoercionAction.TryConvert : CoercionAction.Fail);
    }
    return mapper;
  }

  /** Reads a JSON body as {@code type}; an empty body is refused. */
  static <T> T json(byte[] body, Class<T> type) throws ApiException {
    if (isBlank(body)) {
      throw ApiException.malformed("the request body is empty; it must be a JSON object");
    }
    String text = utf8(body);
    try {
      T value = MAPPER.readValue(text, type);
      if (value == null) {
        throw ApiException.malformed("the request body is null; it must be a JSON object");
      }
      return value;
    } catch (UnrecognizedPropertyException e) {
      throw ApiException.malformed("the request has an unknown field \"" + e.getPropertyName() + "\""
          + at(e) + "; the fields are " + fields(type));
    } catch (JsonParseException e) {
      throw ApiException.malformed("the request body is not valid JSON" + at(e) + ": "
          + firstSentence(e.getOriginalMessage()));
    } catch (JsonMappingException e) {
      if (String.valueOf(e.getOriginalMessage()).contains("end-of-input")) {
        throw ApiException.malformed("the request body is not valid JSON: it ends" + at(e)
            + " before its last value is complete");
      }
      String path = e.getPath().stream()
          .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
          .collect(Collectors.joining(".")).replace(".[", "[");
      throw ApiException.malformed(path.isEmpty()
          ? "the request body must be a JSON object" + at(e)
          : "the field \"" + path + "\" has the wrong type" + at(e) + "; see /api/openapi.json");
    } catch (JsonProcessingException e) {
      throw ApiException.malformed("the request body is not valid JSON" + at(e));
    }
  }

  static boolean isBlank(byte[] body) {
    for (byte b : body) {
      if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
        return false;
      }
    }
    return true;
  }

  /** The body as UTF-8 text, refusing malformed bytes; a byte order mark is dropped. */
  static String utf8(byte[] body) throws ApiException {
    try {
      String text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(body))
          .toString();
      return text.startsWith("\uFEFF") ? text.substring(1) : text;
    } catch (CharacterCodingException e) {
      throw ApiException.malformed("the request body is not UTF-8 text");
    }
  }

  private static String at(JsonProcessingException e) {
    var loc = e.getLocation();
    return loc == null || loc.getLineNr() < 1 ? ""
        : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
  }

  private static String firstSentence(String message) {
    if (message == null) {
      return "it cannot be parsed";
    }
    String m = message.lines().findFirst().orElse("").strip();
    return m.length() > 200 ? m.substring(0, 200) + "..." : m;
  }

  private static String fields(Class<?> type) {
    return java.util.Arrays.stream(type.getRecordComponents())
        .map(java.lang.reflect.RecordComponent::getName)
        .collect(Collectors.joining(", "));
  }

}
