package org.qualcheck.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * Runs the command line in-process, configured as {@code main} configures it, and captures what it
 * prints.
 */
record CliRun(int exitCode, String out, String err) {
  static CliRun of(String... args) {
    QualcheckCommand.configurePicocli();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        QualcheckCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true))
            .execute(args);
    return new CliRun(code, out.toString(), err.toString());
  }
}
