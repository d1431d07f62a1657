package org.qualcheck.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.qualcheck.model.Qualification;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** The {@code --spec} and {@code --format} options that validate, plan and count share. */
final class SpecAndFormat {
  private final Path specFile;
  private final OutputFormat format;

  private SpecAndFormat(Path specFile, OutputFormat format) {
    this.specFile = specFile;
    this.format = format;
  }

  /** Declares the two options on a command. */
  static void addTo(CommandSpec spec) {
    spec.addOption(
        CommandModel.option("--spec", Path.class, "FILE", "The spec (YAML).")
            .required(true)
            .build());
    spec.addOption(formatOption());
  }

  /** {@code --format text|json}, text by default. */
  static OptionSpec formatOption() {
    return CommandModel.option(
            "--format", OutputFormat.class, "FORMAT", "text or json (default: ${DEFAULT-VALUE}).")
        .defaultValue("text")
        .build();
  }

  /** The two options as the command line gave them. */
  static SpecAndFormat of(CommandSpec spec) {
    return new SpecAndFormat(
        CommandModel.value(spec, "--spec"), CommandModel.value(spec, "--format"));
  }

  Qualification load(PrintWriter err) throws Specs.SpecLoadFailed {
    return Specs.load(specFile, err);
  }

  boolean json() {
    return format == OutputFormat.JSON;
  }
}
