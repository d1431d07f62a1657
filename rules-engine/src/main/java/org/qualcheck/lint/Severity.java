package org.qualcheck.lint;

/** How serious a lint finding is; the names match SARIF's result levels. */
public enum Severity {
  /** The structure is wrong: no plan can meet it, or a transcribed figure is false. */
  ERROR("error"),
  /** Probably not what the designer meant: a dead unit, a redundant rule. */
  WARNING("warning"),
  /** Worth knowing; nothing to change. */
  NOTE("note");

  private final String label;

  Severity(String label) {
    this.label = label;
  }

  /** {@return the severity as reports print it: "error", "warning" or "note"} */
  public String label() {
    return label;
  }
}
