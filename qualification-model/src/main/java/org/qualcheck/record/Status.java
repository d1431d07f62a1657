package org.qualcheck.record;

import java.util.Optional;

/** How far a learner has got with a unit or a qualification. */
public enum Status {
  /** Achieved: the unit or qualification has been awarded, on the entry's date if it has one. */
  ACHIEVED("achieved"),
  /** Being studied now. */
  IN_PROGRESS("in-progress"),
  /** Chosen but not started. */
  PLANNED("planned");

  private final String jsonName;

  Status(String jsonName) {
    this.jsonName = jsonName;
  }

  /** {@return the name the record's JSON uses, such as {@code in-progress}} */
  public String jsonName() {
    return jsonName;
  }

  /**
   * {@return the status the JSON names so, or empty if it names none}
   *
   * @param jsonName the name as written in a record, such as {@code in-progress}
   */
  public static Optional<Status> fromJsonName(String jsonName) {
    for (Status s : values()) {
      if (s.jsonName.equals(jsonName)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return jsonName;
  }
}
