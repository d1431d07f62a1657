package org.qualcheck.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.qualcheck.check.CheckResult;
import org.qualcheck.check.Checker;
import org.qualcheck.check.Plan;
import org.qualcheck.check.PlanException;
import org.qualcheck.model.Qualification;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code qualcheck validate}: does this plan meet the qualification's rules, and if not, why. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
      "Checks a plan of units against a qualification's rules of combination and explains, rule by"
          + " rule, what is met and what is short.",
      "Units may be given by unit number (A3) or unit reference number (R/601/1212)."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:rules met",
      "1:rules not met",
      "2:bad command line or bad plan (unknown unit, unit given twice)",
      "3:invalid spec",
      "4:undecided: the search over the ways of reading the plan reached its bound",
      "70:output could not be written"
    })
final class ValidateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin SpecAndFormat options;

  @ArgGroup(exclusive = true, multiplicity = "1")
  PlanSourceOptions planSource;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Qualification q;
    try {
      q = options.load(err);
    } catch (Specs.SpecLoadFailed e) {
      return e.exitCode();
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
}
