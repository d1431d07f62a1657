package org.qualcheck.rule;

/** What a {@link Total} adds up over the units in its scope. */
public enum Measure {
  /** The units' credit values. */
  CREDITS("credits", "credit"),
  /** One per unit. */
  UNITS("units", "unit"),
  /** The units' guided learning hours; a unit without recorded hours adds nothing. */
  GUIDED_LEARNING_HOURS("guided learning hours", "guided learning hour");

  private final String plural;
  private final String singular;

  Measure(String plural, String singular) {
    this.plural = plural;
    this.singular = singular;
  }

  /**
   * {@return an amount of this measure in words, such as "5 credits" or "1 unit"}
   *
   * @param n the amount
   */
  public String amount(long n) {
    return n + " " + (n == 1 ? singular : plural);
  }

  /** {@return the measure's plural noun, e.g. {@code "credits"}} */
  public String plural() {
    return plural;
  }
}
