package org.qualcheck.cli;

import java.io.PrintWriter;
import java.io.Writer;

/**
 * The work the {@code ./qualcheck} launcher records once to build a class-data-sharing archive:
 * each command a user runs, in one process, with its output discarded. The classes it loads are
 * the ones the archive holds, already parsed and verified, so later commands start without
 * loading them from the jar.
 *
 * <p>Not a command: the launcher runs it as {@code java -cp qualcheck.jar
 * org.qualcheck.cli.ArchiveTraining SPEC [FRAMEWORK RECORD COHORT]}, with a spec whose plan
 * {@code F1,F2} exists (03455's) and, optionally, a framework spec requiring it, a learner record
 * for that framework and a CSV cohort for a batch, whose results are discarded.
 */
public final class ArchiveTraining {
  private ArchiveTraining() {}

  /** Runs each command on the files given as arguments, printing nothing. */
  public static void main(String[] args) {
    if (args.length != 1 && args.length != 4) {
      System.err.println("usage: ArchiveTraining SPEC [FRAMEWORK RECORD COHORT]");
      System.exit(ExitCode.USAGE);
    }
    QualcheckCommand.configurePicocli();
    String spec = args[0];
    String[][] commands = {
      {"validate", "--spec", spec, "--units", "F1,F2"},
      {"validate", "--spec", spec, "--units", "F1;F2", "--format", "json"},
      {"plan", "--spec", spec, "--units", "F1,F2"},
      {"plan", "--spec", spec, "--units", "F1,F2", "--what-if", "--format", "json"},
      {"show", spec},
      {"lint", spec},
      {"lint", "--format", "json", spec},
      {"lint", "--format", "sarif", spec},
      {"count", "--spec", spec, "--credits", "28"},
      {"validate", "--spec", spec, "--units", "F1,NOT-A-UNIT"},
      {"validate", "--no-such-option"},
      {"--help"},
      {"validate", "--help"},
      {"--version"},
    };
    if (args.length == 4) {
      String[][] withFiles = {
        {"framework", "--spec", args[1], "--record", args[2], "--qualification-spec", spec},
        {"batch", "--spec", spec, "--input", args[3], "--output", "/dev/null",
          "--output-format", "csv", "--threads", "1"},
      };
      run(withFiles);
    }
    run(commands);
  }

  private static void run(String[][] commands) {
    for (String[] command : commands) {
      PrintWriter nowhere = new PrintWriter(Writer.nullWriter());
      QualcheckCommand.commandLine(nowhere, nowhere).execute(command);
    }
  }
}
