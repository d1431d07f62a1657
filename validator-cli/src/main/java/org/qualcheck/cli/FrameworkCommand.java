package org.qualcheck.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.qualcheck.framework.Framework;
import org.qualcheck.framework.check.FrameworkChecker;
import org.qualcheck.framework.check.FrameworkResult;
import org.qualcheck.model.PrintableText;
import org.qualcheck.model.Qualification;
import org.qualcheck.record.LearnerRecord;
import org.qualcheck.record.RecordException;
import org.qualcheck.record.RecordProblem;
import org.qualcheck.record.RecordReader;
import org.qualcheck.spec.FrameworkReader;
import org.qualcheck.spec.SpecException;
import org.qualcheck.spec.SpecProblem;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code qualcheck framework}: has this learner completed an apprenticeship framework, and if
 * not, which components are missing.
 */
final class FrameworkCommand implements Callable<Integer> {
  private CommandSpec spec;
  private Path frameworkFile;
  private Path recordFile;
  private List<Path> qualificationSpecs;
  private LocalDate on;
  private OutputFormat format;

  /** The command's options, help and exit codes, for picocli. */
  static CommandSpec spec() {
    FrameworkCommand command = new FrameworkCommand();
    CommandSpec spec =
        CommandModel.command(
            command,
            "framework",
            "Checks a learner record against an apprenticeship framework: says whether every"
                + " component is complete, and names each missing component and what it lacks.",
            "A qualification the framework requires is judged from the record's units by its spec"
                + " when --qualification-spec gives one with its code; otherwise the record's"
                + " qualifications must list it as achieved.");
    spec.addOption(
        CommandModel.option("--spec", Path.class, "FILE", "The framework spec (YAML).")
            .required(true)
            .build());
    spec.addOption(
        CommandModel.option("--record", Path.class, "FILE", "The learner record (JSON).")
            .required(true)
            .build());
    spec.addOption(
        OptionSpec.builder("--qualification-spec")
            .type(List.class)
            .auxiliaryTypes(Path.class)
            .paramLabel("FILE")
            .description(
                "A spec of a qualification the framework requires, to judge it from the record's"
                    + " units; may be repeated.")
            .build());
    spec.addOption(
        CommandModel.option(
                "--on",
                LocalDate.class,
                "DATE",
                "Judge the record as of this day, YYYY-MM-DD (default: today).")
            .converters(new IsoDate())
            .build());
    spec.addOption(SpecAndFormat.formatOption());
    CommandModel.exitCodes(
        spec,
        "0:every component is complete",
        "1:some component is not complete",
        "2:bad command line, a record that cannot be read, or a file that does not exist",
        "3:invalid framework or qualification spec",
        "70:output could not be written");
    command.spec = spec;
    return spec;
  }

  private void readOptions() {
    frameworkFile = CommandModel.value(spec, "--spec");
    recordFile = CommandModel.value(spec, "--record");
    List<Path> given = CommandModel.value(spec, "--qualification-spec");
    qualificationSpecs = given == null ? List.of() : given;
    on = CommandModel.value(spec, "--on");
    format = CommandModel.value(spec, "--format");
  }

  @Override
  public Integer call() {
    readOptions();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Framework framework;
    List<Qualification> specs = new ArrayList<>();
    try {
      framework = loadFramework(err);
      for (Path file : qualificationSpecs) {
        specs.add(Specs.load(file, err));
      }
    } catch (Specs.SpecLoadFailed e) {
      return e.exitCode();
    }
    String wrong = wrongSpecs(framework, specs);
    if (wrong != null) {
      err.println("qualcheck: " + PrintableText.escape(wrong));
      err.flush();
      return ExitCode.USAGE;
    }
    LearnerRecord record;
    try {
      record = new RecordReader().read(recordFile);
    } catch (RecordException e) {
      for (RecordProblem p : e.problems()) {
        err.println(PrintableText.escape(p.toString()));
      }
      err.flush();
      return ExitCode.USAGE;
    }
    LocalDate day = on != null ? on : LocalDate.now();
    FrameworkResult result = FrameworkChecker.of(framework, specs).check(record, day);
    if (format == OutputFormat.JSON) {
      out.println(JsonOutput.write(FrameworkOutput.json(result)));
    } else {
      out.print(FrameworkOutput.text(result));
    }
    out.flush();
    return result.complete() ? ExitCode.MET : ExitCode.NOT_MET;
  }

  private Framework loadFramework(PrintWriter err) throws Specs.SpecLoadFailed {
    if (frameworkFile.toString().isEmpty() || !Files.exists(frameworkFile)) {
      err.println(
          "qualcheck: "
              + (frameworkFile.toString().isEmpty()
                  ? "an empty path was given for the framework spec; name a framework file"
                  : PrintableText.escape(frameworkFile.toString()) + ": no such framework file"));
      err.flush();
      throw new Specs.SpecLoadFailed(ExitCode.USAGE);
    }
    try {
      // made here, not when the class is loaded: its schema takes a while to set up, and building
      // the command line for --help or --version loads this class without running the command
      return new FrameworkReader().read(frameworkFile);
    } catch (SpecException e) {
      for (SpecProblem p : e.problems()) {
        err.println(Specs.line(p));
      }
      err.flush();
      throw new Specs.SpecLoadFailed(ExitCode.INVALID_SPEC);
    }
  }

  /**
   * A sentence for a qualification spec the framework does not require, or two for one code, so
   * that a mistyped file is not silently ignored; null when every spec has its place.
   */
  private String wrongSpecs(Framework framework, List<Qualification> specs) {
    Map<String, String> required = new HashMap<>();
    for (String code : framework.qualificationCodes()) {
      required.put(code.toUpperCase(Locale.ROOT), code);
    }
    Map<String, Path> seen = new HashMap<>();
    for (int i = 0; i < specs.size(); i++) {
      Qualification q = specs.get(i);
      Path file = qualificationSpecs.get(i);
      String key = q.code().toUpperCase(Locale.ROOT);
      if (!required.containsKey(key)) {
        return file
            + ": qualification "
            + q.code()
            + " is not required by framework "
            + framework.code()
            + ", which requires "
            + String.join(", ", framework.qualificationCodes());
      }
      Path before = seen.putIfAbsent(key, file);
      if (before != null) {
        return file + ": qualification " + q.code() + " is given twice, also by " + before;
      }
    }
    return null;
  }
}
