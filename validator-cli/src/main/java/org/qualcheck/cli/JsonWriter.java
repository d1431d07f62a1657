package org.qualcheck.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;

/**
 * Writes the command line's JSON shapes with Jackson's streaming generator, indented by its
 * default pretty printer, leaving out fields whose value is null. Each shape names its own fields
 * in order, so no data-binding library (and none of its start-up: bean introspection, date formats
 * and their locale data) runs on a command's path.
 */
final class JsonWriter {
  /** A JSON object shape: writes its fields, in order, to the writer. */
  interface Shape {
    /** Writes this object's fields (not its braces); fields whose value is null are left out. */
    void writeFields(JsonWriter json);
  }

  private static final JsonFactory FACTORY = new JsonFactory();

  private final JsonGenerator out;

  private JsonWriter(JsonGenerator out) {
    this.out = out;
  }

  /** The shape as indented JSON text, without a final line break. */
  static String write(Shape value) {
    StringWriter text = new StringWriter();
    try (JsonGenerator generator = generator(text)) {
      new JsonWriter(generator).object(value);
    } catch (IOException e) {
      throw failed(e);
    }
    return text.toString();
  }

  /**
   * A generator that writes to {@code out}, indented as every shape here is, for output streamed
   * as it is found; closing it closes {@code out}.
   */
  static JsonGenerator generator(Writer out) throws IOException {
    return FACTORY.createGenerator(out).useDefaultPrettyPrinter();
  }

  /** A text field, left out when null. */
  JsonWriter field(String name, String value) {
    if (value != null) {
      try {
        out.writeStringField(name, value);
      } catch (IOException e) {
        throw failed(e);
      }
    }
    return this;
  }

  /** A number field. */
  JsonWriter field(String name, long value) {
    try {
      out.writeNumberField(name, value);
    } catch (IOException e) {
      throw failed(e);
    }
    return this;
  }

  /** A whole-number field ({@code Integer} or {@code Long}), left out when null. */
  JsonWriter field(String name, Number value) {
    return value == null ? this : field(name, value.longValue());
  }

  /** A true-or-false field. */
  JsonWriter field(String name, boolean value) {
    try {
      out.writeBooleanField(name, value);
    } catch (IOException e) {
      throw failed(e);
    }
    return this;
  }

  /** A true-or-false field, left out when null. */
  JsonWriter field(String name, Boolean value) {
    return value == null ? this : field(name, value.booleanValue());
  }

  /** An object field, left out when null. */
  JsonWriter field(String name, Shape value) {
    if (value != null) {
      try {
        out.writeFieldName(name);
      } catch (IOException e) {
        throw failed(e);
      }
      object(value);
    }
    return this;
  }

  /** An array of texts, left out when null. */
  JsonWriter strings(String name, List<String> values) {
    if (values != null) {
      try {
        out.writeArrayFieldStart(name);
        for (String v : values) {
          out.writeString(v);
        }
        out.writeEndArray();
      } catch (IOException e) {
        throw failed(e);
      }
    }
    return this;
  }

  /** An array of objects, left out when null. */
  JsonWriter objects(String name, List<? extends Shape> values) {
    if (values != null) {
      try {
        out.writeArrayFieldStart(name);
        for (Shape v : values) {
          if (v == null) {
            out.writeNull();
          } else {
            object(v);
          }
        }
        out.writeEndArray();
      } catch (IOException e) {
        throw failed(e);
      }
    }
    return this;
  }

  /**
   * An object whose keys are the map's, in its order, and whose values are texts or whole
   * numbers; left out when null, as are entries whose value is null.
   */
  JsonWriter map(String name, Map<String, ?> values) {
    if (values != null) {
      try {
        out.writeObjectFieldStart(name);
        for (Map.Entry<String, ?> e : values.entrySet()) {
          if (e.getValue() instanceof Number n) {
            out.writeNumberField(e.getKey(), n.longValue());
          } else if (e.getValue() != null) {
            out.writeStringField(e.getKey(), (String) e.getValue());
          }
        }
        out.writeEndObject();
      } catch (IOException e) {
        throw failed(e);
      }
    }
    return this;
  }

  private void object(Shape value) {
    try {
      out.writeStartObject();
      value.writeFields(this);
      out.writeEndObject();
    } catch (IOException e) {
      throw failed(e);
    }
  }

  private static UncheckedIOException failed(IOException e) {
    return new UncheckedIOException("result could not be written as JSON", e);
  }
}
