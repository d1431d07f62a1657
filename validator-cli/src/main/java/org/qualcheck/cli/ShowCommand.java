package org.qualcheck.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.qualcheck.explain.StructureText;
import org.qualcheck.model.Qualification;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/** {@code qualcheck show}: the structure as a table and the rules in plain English, or Mermaid. */
final class ShowCommand implements Callable<Integer> {
  /** What show can print. */
  enum Format {
    TEXT,
    MERMAID
  }

  private CommandSpec spec;
  private Path specFile;
  private Format format;

  /** The command's options, help and exit codes, for picocli. */
  static CommandSpec spec() {
    ShowCommand command = new ShowCommand();
    CommandSpec spec =
        CommandModel.command(
            command,
            "show",
            "Prints a qualification's groups and units as a table and its rules of combination in"
                + " plain English, written from the rules themselves; --format mermaid prints a"
                + " flowchart for documentation.");
    spec.addPositional(
        PositionalParamSpec.builder()
            .index("0")
            .arity("1")
            .required(true)
            .type(Path.class)
            .paramLabel("SPEC")
            .description("The qualification spec (YAML).")
            .build());
    spec.addOption(
        CommandModel.option(
                "--format", Format.class, "FORMAT", "text or mermaid (default: ${DEFAULT-VALUE}).")
            .defaultValue("text")
            .build());
    CommandModel.exitCodes(
        spec,
        "0:shown",
        "2:bad command line or a spec file that does not exist",
        "3:invalid spec",
        "70:output could not be written");
    command.spec = spec;
    return spec;
  }

  @Override
  public Integer call() {
    specFile = spec.positionalParameters().get(0).getValue();
    format = CommandModel.value(spec, "--format");
    PrintWriter out = spec.commandLine().getOut();
    Qualification q;
    try {
      q = Specs.load(specFile, spec.commandLine().getErr());
    } catch (Specs.SpecLoadFailed e) {
      return e.exitCode();
    }
    out.print(format == Format.MERMAID ? StructureText.mermaid(q) : StructureText.text(q));
    out.flush();
    return ExitCode.MET;
  }
}
