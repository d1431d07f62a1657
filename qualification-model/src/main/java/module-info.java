/**
 * The qualification model: immutable types for a qualification's units, groups and rules of
 * combination, and the strict YAML spec reader that builds them; and the learner record (units
 * achieved, in progress or planned, with dates and provenance) with its strict JSON reader.
 *
 * <p>Jackson and SnakeYAML are read-time details of {@link org.qualcheck.spec.SpecReader} and are
 * not part of the API, nor is Guava: the API speaks in {@code java.util} types (immutable lists,
 * maps and sets), so the module passes no readability on and an application may use any Guava
 * version, or none. The spec format's JSON Schema is packaged in {@code
 * org.qualcheck.spec} and read through the reader's own class, so the package needs no {@code
 * opens}.
 */
module org.qualcheck.model {
  requires com.google.common;
  requires com.fasterxml.jackson.core;
  requires com.fasterxml.jackson.databind;
  requires org.yaml.snakeyaml;

  exports org.qualcheck.framework;
  exports org.qualcheck.model;
  exports org.qualcheck.record;
  exports org.qualcheck.rule;
  exports org.qualcheck.spec;
}
