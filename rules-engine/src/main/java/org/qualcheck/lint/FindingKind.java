package org.qualcheck.lint;

/** What lint looks for, each with a stable id (used in JSON and SARIF) and its severity. */
public enum FindingKind {
  /** No plan can meet the rules of combination. */
  UNSATISFIABLE("unsatisfiable", Severity.ERROR, "No plan can meet the rules of combination."),
  /** A unit can never be part of a plan that meets the rules. */
  DEAD_UNIT(
      "dead-unit", Severity.WARNING, "A unit can never be part of a plan that meets the rules."),
  /** A rule is implied by the other rules, so it never decides. */
  REDUNDANT_RULE(
      "redundant-rule", Severity.WARNING, "A rule is implied by the other rules, so it never decides."),
  /**
   * A rule marked implied is not implied by the other rules: some plan meets them and breaks it.
   */
  NOT_IMPLIED(
      "not-implied",
      Severity.WARNING,
      "A rule marked implied is not implied by the other rules: some plan meets them and breaks it."),
  /**
   * A maximum never binds: every plan that would break it can count the units concerned in another
   * group instead.
   */
  EVADED_MAXIMUM(
      "evaded-maximum",
      Severity.WARNING,
      "A maximum never binds: every plan that would break it can count the units concerned in"
          + " another group instead."),
  /**
   * A cap can never leave a unit uncounted: its scope takes in no unit, or not enough to pass it.
   */
  INERT_CAP(
      "inert-cap",
      Severity.WARNING,
      "A cap can never leave a unit uncounted: the units its scope and filter take in can never"
          + " add up to more than it allows."),
  /** A total or cap filters on an attribute that no unit carries. */
  UNKNOWN_ATTRIBUTE(
      "unknown-attribute",
      Severity.WARNING,
      "A total or cap filters on an attribute that no unit carries, which is most likely a"
          + " misspelling."),
  /**
   * Every plan that achieves one pathway also achieves another, so the first is never needed (or
   * the two admit exactly the same plans).
   */
  PATHWAY_IMPLIED(
      "pathway-implied",
      Severity.WARNING,
      "Every plan that achieves one pathway also achieves another, so it is never needed."),
  /** Units that must all be taken are barred from each other. */
  BARRED_MANDATORY(
      "barred-mandatory", Severity.ERROR, "Units that must all be taken are barred from each other."),
  /** A group's printed credit figure disagrees with its units' own credit values. */
  DECLARED_CREDITS(
      "declared-credits",
      Severity.ERROR,
      "A group's printed credit figure disagrees with its units' own credit values."),
  /** A unit reference number or qualification number has the wrong check character. */
  CHECK_CHARACTER(
      "check-character",
      Severity.ERROR,
      "A unit reference number or qualification number has the wrong check character."),
  /** A unit's level lies outside the range of levels the qualification allows. */
  LEVEL_OUT_OF_RANGE(
      "level-out-of-range",
      Severity.ERROR,
      "A unit's level lies outside the range of levels the qualification allows."),
  /** Units shared by many groups make the placement search expensive; checks may end undecided. */
  EXPENSIVE_PLACEMENT(
      "expensive-placement",
      Severity.WARNING,
      "Units listed in many groups make checking a plan that holds them a search over very many"
          + " placements, which may end undecided."),
  /** The search reached its bound before it could decide a question; the answer is unknown. */
  UNDECIDED(
      "undecided",
      Severity.WARNING,
      "The search reached its bound before it could decide a question; the answer is unknown.");

  private final String id;
  private final Severity severity;
  private final String description;

  FindingKind(String id, Severity severity, String description) {
    this.id = id;
    this.severity = severity;
    this.description = description;
  }

  /** {@return the stable id, e.g. "dead-unit"} */
  public String id() {
    return id;
  }

  /** {@return how serious a finding of this kind is} */
  public Severity severity() {
    return severity;
  }

  /** {@return one sentence saying what the kind of finding means} */
  public String description() {
    return description;
  }
}
