package org.qualcheck.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.qualcheck.model.Qualification;
import picocli.CommandLine.Option;

/** The {@code --spec} and {@code --format} options that validate, plan and count share. */
final class SpecAndFormat {
  @Option(names = "--spec", required = true, paramLabel = "FILE", description = "The spec (YAML).")
  Path specFile;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "text",
      description = "text or json (default: ${DEFAULT-VALUE}).")
  OutputFormat format;

  Qualification load(PrintWriter err) throws Specs.SpecLoadFailed {
    return Specs.load(specFile, err);
  }

  boolean json() {
    return format == OutputFormat.JSON;
  }
}
