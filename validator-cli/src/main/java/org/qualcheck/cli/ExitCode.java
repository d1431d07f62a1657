package org.qualcheck.cli;

/**
 * The exit codes of every qualcheck command, stable for scripts: one table, each code meaning the
 * same for every command that can return it (README, "Exit codes").
 */
public final class ExitCode {
  /**
   * The rules are met: by the plan (validate, plan), by every record (batch); every component of
   * the framework is complete (framework); lint found no error; show and count are done.
   */
  public static final int MET = 0;

  /**
   * The rules are not met: by the plan as given (validate, and plan, whatever change it finds), by
   * some record of a batch or a record is in error; a framework component is missing (framework);
   * or lint found an error.
   */
  public static final int NOT_MET = 1;

  /**
   * The command line, the plan or the learner record is wrong: unknown option, unknown unit, unit
   * given twice, a record that cannot be read, a file that does not exist.
   */
  public static final int USAGE = 2;

  /** The spec, or a framework spec, cannot be loaded. */
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
