package org.qualcheck.model;

/**
 * A place in a source file: 1-based line and column. Rendered as {@code file:line:column}, the form
 * editors and terminals make clickable.
 */
public record SourceLocation(String file, int line, int column) {
  @Override
  public String toString() {
    return file + ":" + line + ":" + column;
  }
}
