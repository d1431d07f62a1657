package org.qualcheck.cli;

/** The exit codes of every qualcheck command, stable for scripts. */
public final class ExitCode {
  /** The rules are met (validate), or there was nothing to report. */
  public static final int MET = 0;

  /** The rules are not met, or a batch held a record that is not met or is in error. */
  public static final int NOT_MET = 1;

  /** The command line or the plan is wrong: unknown option, unknown unit, unit given twice. */
  public static final int USAGE = 2;

  /** The spec cannot be loaded. */
  public static final int INVALID_SPEC = 3;

  /**
   * A search reached its bound before it could answer: validate could not prove the plan met or
   * not met, plan found no change and could not prove that none exists, count --minimal listed
   * only some of the minimal plans. Only a structure whose units are each listed in many groups
   * can cause it.
   */
  public static final int UNDECIDED = 4;

  /** Output could not be written, or qualcheck itself failed. */
  public static final int SOFTWARE = 70;

  private ExitCode() {}
}
