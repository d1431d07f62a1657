package org.qualcheck.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.qualcheck.model.PrintableText;
import org.qualcheck.model.Qualification;
import org.qualcheck.spec.SpecException;
import org.qualcheck.spec.SpecProblem;
import org.qualcheck.spec.SpecReader;

/** Loads specs for the commands, turning every load failure into located messages and exit 3. */
final class Specs {
  private static final SpecReader READER = new SpecReader();

  private Specs() {}

  /** Thrown after the problems have been printed; carries the exit code. */
  static final class SpecLoadFailed extends Exception {
    private static final long serialVersionUID = 1L;
    private final int exitCode;

    SpecLoadFailed(int exitCode) {
      super(null, null, false, false);
      this.exitCode = exitCode;
    }

    int exitCode() {
      return exitCode;
    }
  }

  /** A problem as one line of text, {@code file:line:column: sentence}, safe to print. */
  static String line(SpecProblem p) {
    return PrintableText.escape(p.location() + ": " + p.message());
  }

  /**
   * Loads a spec, printing each problem as {@code file:line:column: sentence}. A file that does not
   * exist is a usage error (exit 2); one that exists but cannot be loaded is an invalid spec (exit
   * 3).
   */
  static Qualification load(Path file, PrintWriter err) throws SpecLoadFailed {
    if (file.toString().isEmpty()) {
      err.println("qualcheck: an empty path was given for the spec; name a spec file");
      err.flush();
      throw new SpecLoadFailed(ExitCode.USAGE);
    }
    if (!Files.exists(file)) {
      err.println("qualcheck: " + file + ": no such spec file");
      err.flush();
      throw new SpecLoadFailed(ExitCode.USAGE);
    }
    try {
      return READER.read(file);
    } catch (SpecException e) {
      for (SpecProblem p : e.problems()) {
        err.println(line(p));
      }
      err.flush();
      throw new SpecLoadFailed(ExitCode.INVALID_SPEC);
    }
  }
}
