package org.qualcheck.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * Runs the command line in-process, configured as {@code main} configures it, and captures what it
 * prints.
 */
record CliRun(int exitCode, String out, String err) {
  /** {@code qualcheck args...} with every command built. */
  static CliRun of(String... args) {
    return run(null, args);
  }

  /** {@code qualcheck args...} as {@code main} runs it: only the command named first is built. */
  static CliRun asMain(String... args) {
    return run(args.length > 0 ? args[0] : null, args);
  }

  private static CliRun run(String onlyCommand, String... args) {
    QualcheckCommand.configurePicocli();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        QualcheckCommand.commandLine(
                new PrintWriter(out, true), new PrintWriter(err, true), onlyCommand)
            .execute(args);
    return new CliRun(code, out.toString(), err.toString());
  }
}
