package org.qualcheck.record;

import java.util.Optional;

/**
 * How a unit's credit was obtained. Rules of combination may limit the credit obtained other than
 * by assessment, such as "no more than 30 credits through prior learning or credit transfer".
 */
public enum Via {
  /** Assessed in this qualification: the usual way, and the default. */
  ASSESSMENT("assessment"),
  /** Achieved in another qualification and carried over by the unit's reference number. */
  TRANSFER("transfer"),
  /** Awarded through recognition (or accreditation) of prior learning. */
  RPL("rpl"),
  /** Exempted on the strength of another certificated achievement. */
  EXEMPTION("exemption");

  private final String jsonName;

  Via(String jsonName) {
    this.jsonName = jsonName;
  }

  /** {@return the name the record's JSON and specs use, such as {@code rpl}} */
  public String jsonName() {
    return jsonName;
  }

  /**
   * {@return the way the JSON names so, or empty if it names none}
   *
   * @param jsonName the name as written in a record or a spec, such as {@code transfer}
   */
  public static Optional<Via> fromJsonName(String jsonName) {
    for (Via v : values()) {
      if (v.jsonName.equals(jsonName)) {
        return Optional.of(v);
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return jsonName;
  }
}
