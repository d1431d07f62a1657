package org.qualcheck.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.qualcheck.lint.Finding;
import org.qualcheck.lint.LintReport;
import org.qualcheck.lint.Linter;
import org.qualcheck.lint.Severity;
import org.qualcheck.model.Qualification;
import org.qualcheck.spec.SpecException;
import org.qualcheck.spec.SpecProblem;
import org.qualcheck.spec.SpecReader;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/** {@code qualcheck lint}: exact findings about specs for qualification designers. */
final class LintCommand implements Callable<Integer> {
  /** What lint can print. */
  enum Format {
    TEXT,
    JSON,
    SARIF
  }

  private CommandSpec spec;
  private List<Path> specFiles;
  private Format format;

  /** The command's options, help and exit codes, for picocli. */
  static CommandSpec spec() {
    LintCommand command = new LintCommand();
    CommandSpec spec =
        CommandModel.command(
            command,
            "lint",
            "Checks that each spec loads and that its rules say what they mean: some plan meets"
                + " them, every unit can be part of such a plan, no rule is implied by the others,"
                + " rules marked implied follow from the unmarked ones, no maximum is evaded by"
                + " counting its units in another group, mandatory units are not barred from each"
                + " other, and printed figures (group credits, check characters, reference"
                + " numbers, levels) agree. Every finding is exact and names the plan or the rules"
                + " that prove it. A unit catalogue given as SPEC is checked for its units' check"
                + " characters.");
    spec.addPositional(
        PositionalParamSpec.builder()
            .index("0..*")
            .arity("1..*")
            .required(true)
            .type(List.class)
            .auxiliaryTypes(Path.class)
            .paramLabel("SPEC")
            .description("The specs (YAML) to lint.")
            .build());
    spec.addOption(
        CommandModel.option(
                "--format",
                Format.class,
                "FORMAT",
                "text, json or sarif (SARIF 2.1.0) (default: ${DEFAULT-VALUE}).")
            .defaultValue("text")
            .build());
    CommandModel.exitCodes(
        spec,
        "0:no finding at error severity",
        "1:a finding at error severity",
        "2:bad command line or a spec file that does not exist",
        "3:a spec cannot be loaded",
        "70:output could not be written");
    command.spec = spec;
    return spec;
  }

  /** One spec's outcome: its findings, or why it could not be loaded. */
  record Linted(Path file, LintReport report, List<SpecProblem> problems, boolean missing) {
    boolean loaded() {
      return report != null;
    }
  }

  @Override
  public Integer call() {
    specFiles = spec.positionalParameters().get(0).getValue();
    format = CommandModel.value(spec, "--format");
    SpecReader reader = new SpecReader();
    List<Linted> results = new ArrayList<>();
    for (Path file : specFiles) {
      if (!Files.exists(file)) {
        results.add(new Linted(file, null, List.of(), true));
        continue;
      }
      try {
        Qualification q = reader.readSpecOrCatalogue(file);
        results.add(new Linted(file, Linter.lint(q), List.of(), false));
      } catch (SpecException e) {
        results.add(new Linted(file, null, e.problems(), false));
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    switch (format) {
      case TEXT -> LintOutput.text(results, out, err);
      case JSON -> LintOutput.json(results, out);
      case SARIF -> LintOutput.sarif(results, out);
    }
    out.flush();
    err.flush();
    if (out.checkError()) {
      return ExitCode.SOFTWARE;
    }
    return exitCode(results);
  }

  static int exitCode(List<Linted> results) {
    if (results.stream().anyMatch(Linted::missing)) {
      return ExitCode.USAGE;
    }
    if (results.stream().anyMatch(r -> !r.loaded())) {
      return ExitCode.INVALID_SPEC;
    }
    boolean errors =
        results.stream()
            .flatMap(r -> r.report().findings().stream())
            .map(Finding::severity)
            .anyMatch(s -> s == Severity.ERROR);
    return errors ? ExitCode.NOT_MET : ExitCode.MET;
  }
}
