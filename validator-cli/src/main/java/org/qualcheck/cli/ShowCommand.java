package org.qualcheck.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.qualcheck.explain.StructureText;
import org.qualcheck.model.Qualification;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code qualcheck show}: the structure as a table and the rules in plain English, or Mermaid. */
@Command(
    name = "show",
    mixinStandardHelpOptions = true,
    description = {
      "Prints a qualification's groups and units as a table and its rules of combination in plain"
          + " English, written from the rules themselves; --format mermaid prints a flowchart for"
          + " documentation."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:shown",
      "2:bad command line or a spec file that does not exist",
      "3:invalid spec",
      "70:output could not be written"
    })
final class ShowCommand implements Callable<Integer> {
  /** What show can print. */
  enum Format {
    TEXT,
    MERMAID
  }

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "SPEC", description = "The qualification spec (YAML).")
  Path specFile;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
      description = "text or mermaid (default: ${DEFAULT-VALUE}).")
  Format format;

  @Override
  public Integer call() {
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
