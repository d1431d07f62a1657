package org.qualcheck.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.qualcheck.check.CheckResult;
import org.qualcheck.check.Checker;
import org.qualcheck.check.Plan;
import org.qualcheck.check.PlanException;
import org.qualcheck.model.PrintableText;
import org.qualcheck.model.Qualification;
import org.qualcheck.progress.RecordChecker;
import org.qualcheck.progress.RecordResult;
import org.qualcheck.record.LearnerRecord;
import org.qualcheck.record.RecordException;
import org.qualcheck.record.RecordProblem;
import org.qualcheck.record.RecordReader;
import picocli.CommandLine.Model.CommandSpec;

/** {@code qualcheck validate}: does this plan meet the qualification's rules, and if not, why. */
final class ValidateCommand implements Callable<Integer> {
  private CommandSpec spec;
  private SpecAndFormat options;
  private PlanSourceOptions planSource;
  private Path record;
  private LocalDate on;

  /** The command's options, help and exit codes, for picocli. */
  static CommandSpec spec() {
    ValidateCommand command = new ValidateCommand();
    CommandSpec spec =
        CommandModel.command(
            command,
            "validate",
            "Checks a plan of units against a qualification's rules of combination and explains,"
                + " rule by rule, what is met and what is short.",
            "Units may be given by unit number (A3) or unit reference number (R/601/1212).",
            "With --record, checks a learner record (JSON: achieved, in-progress and planned units,"
                + " with dates and how credit was obtained) as of a date: whether the certificate"
                + " can be claimed (exit 0), whether the learner is on track, and what remains.");
    SpecAndFormat.addTo(spec);
    spec.addArgGroup(PlanSourceOptions.group("0..1"));
    spec.addOption(
        CommandModel.option(
                "--record",
                Path.class,
                "FILE",
                "A learner record (JSON, see specs/schema/learner-record.schema.json) instead of a"
                    + " plan.")
            .build());
    spec.addOption(
        CommandModel.option(
                "--on",
                LocalDate.class,
                "YYYY-MM-DD",
                "With --record: the date to check as of (default: today).")
            .converters(new IsoDate())
            .build());
    CommandModel.exitCodes(
        spec,
        "0:rules met (with --record: met by the units achieved as of the date)",
        "1:rules not met",
        "2:bad command line, bad plan or bad record (unknown unit, unit given twice)",
        "3:invalid spec",
        "4:undecided: the search over the ways of reading the plan reached its bound",
        "70:output could not be written");
    command.spec = spec;
    return spec;
  }

  private void readOptions() {
    options = SpecAndFormat.of(spec);
    planSource = PlanSourceOptions.of(spec);
    record = CommandModel.value(spec, "--record");
    on = CommandModel.value(spec, "--on");
  }

  @Override
  public Integer call() throws Exception {
    readOptions();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Qualification q;
    try {
      q = options.load(err);
    } catch (Specs.SpecLoadFailed e) {
      return e.exitCode();
    }
    if ((planSource == null) == (record == null)) {
      err.println("qualcheck: give the plan with --units or --plan, or a learner record with"
          + " --record");
      return ExitCode.USAGE;
    }
    if (on != null && record == null) {
      err.println("qualcheck: --on dates a check of a learner record; give one with --record");
      return ExitCode.USAGE;
    }
    if (record != null) {
      return validateRecord(q, out, err);
    }
    Plan plan;
    try {
      plan = planSource.resolve(q);
    } catch (UsageException e) {
      err.println("qualcheck: " + e.getMessage());
      return ExitCode.USAGE;
    } catch (PlanException e) {
      PlanSourceOptions.printProblems(e, err);
      return ExitCode.USAGE;
    }
    CheckResult result = Checker.of(q).check(plan);
    if (options.json()) {
      out.println(JsonOutput.write(JsonOutput.checkResult(q, result)));
    } else {
      out.print(TextReport.checkResult(q, result));
    }
    out.flush();
    return switch (result.verdict()) {
      case MET -> ExitCode.MET;
      case NOT_MET -> ExitCode.NOT_MET;
      case UNDECIDED -> ExitCode.UNDECIDED;
    };
  }

  private int validateRecord(Qualification q, PrintWriter out, PrintWriter err) {
    LearnerRecord learner;
    try {
      learner = new RecordReader().read(record);
    } catch (RecordException e) {
      for (RecordProblem p : e.problems()) {
        err.println("qualcheck: " + PrintableText.escape(p.toString()));
      }
      return ExitCode.USAGE;
    }
    LocalDate asOf = on != null ? on : LocalDate.now();
    RecordResult result;
    try {
      result = RecordChecker.of(q).check(learner, asOf);
    } catch (PlanException e) {
      PlanSourceOptions.printProblems(e, err);
      return ExitCode.USAGE;
    } catch (IllegalArgumentException e) {
      err.println("qualcheck: " + record + ": " + PrintableText.escape(e.getMessage()));
      return ExitCode.USAGE;
    }
    if (options.json()) {
      out.println(JsonOutput.write(RecordReport.json(q, learner, result)));
    } else {
      out.print(RecordReport.text(q, learner, result));
    }
    out.flush();
    if (result.isAchieved()) {
      return ExitCode.MET;
    }
    return result.achieved().undecided() ? ExitCode.UNDECIDED : ExitCode.NOT_MET;
  }
}
