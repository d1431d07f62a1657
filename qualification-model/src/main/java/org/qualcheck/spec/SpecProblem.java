package org.qualcheck.spec;

import static com.google.common.base.Preconditions.checkNotNull;

import org.qualcheck.model.SourceLocation;

/**
 * One thing wrong with a spec file: where it is and a sentence saying what is wrong, written for
 * the qualification designer who edits the file rather than for a programmer.
 *
 * @param location the file, line and column (1-based) the sentence refers to
 * @param message one plain sentence, without the location
 */
public record SpecProblem(SourceLocation location, String message) {
  /**
   * Checks the parts given.
   *
   * @param location the file, line and column (1-based) the sentence refers to
   * @param message one plain sentence, without the location
   */
  public SpecProblem {
    checkNotNull(location, "location");
    checkNotNull(message, "message");
  }

  /** {@code file:line:column: sentence}, the form editors and terminals make clickable. */
  @Override
  public String toString() {
    return location + ": " + message;
  }
}
