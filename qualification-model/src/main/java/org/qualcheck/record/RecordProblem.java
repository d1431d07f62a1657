package org.qualcheck.record;

import static com.google.common.base.Preconditions.checkNotNull;

import org.qualcheck.model.SourceLocation;

/**
 * One thing wrong with a learner record: where it is and one plain sentence saying what is wrong.
 *
 * @param location the file (or line of a batch), line and column (1-based) the sentence refers to
 * @param message one plain sentence, without the location
 */
public record RecordProblem(SourceLocation location, String message) {
  /**
   * Checks the parts given.
   *
   * @param location the place the sentence refers to
   * @param message one plain sentence, without the location
   */
  public RecordProblem {
    checkNotNull(location, "location");
    checkNotNull(message, "message");
  }

  /** {@code file:line:column: sentence}, the form editors and terminals make clickable. */
  @Override
  public String toString() {
    return location + ": " + message;
  }
}
