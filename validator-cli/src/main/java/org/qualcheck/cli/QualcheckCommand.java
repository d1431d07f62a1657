package org.qualcheck.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code qualcheck} command: checks plans against qualifications' rules of combination. */
@Command(
    name = "qualcheck",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = "Checks a learner's chosen units against a qualification's rules of combination.",
    subcommands = {ValidateCommand.class, PlanCommand.class, CountCommand.class, BatchCommand.class, LintCommand.class, ShowCommand.class, ServeHelp.class, CommandLine.HelpCommand.class},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:rules met",
      "1:rules not met",
      "2:bad command line or bad plan",
      "3:invalid spec"
    })
public final class QualcheckCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "name a command, such as validate");
  }

  /** Builds the command line with qualcheck's error handling, writing to the given streams. */
  public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
    CommandLine cl = new CommandLine(new QualcheckCommand());
    cl.setOut(out);
    cl.setErr(err);
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setParameterExceptionHandler(
        (ex, args) -> {
          CommandLine c = ex.getCommandLine();
          c.getErr().println("qualcheck: " + ex.getMessage());
          c.getErr()
              .println("Try '" + c.getCommandSpec().qualifiedName() + " --help' for more information.");
          c.getErr().flush();
          return ExitCode.USAGE;
        });
    cl.setExecutionExceptionHandler(
        (ex, c, parseResult) -> {
          c.getErr().println("qualcheck: internal error: " + ex);
          c.getErr().println("Please report this with the command that caused it.");
          c.getErr().flush();
          return ExitCode.SOFTWARE;
        });
    return cl;
  }

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, false, java.nio.charset.StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, java.nio.charset.StandardCharsets.UTF_8);
    int code = commandLine(out, err).execute(args);
    out.flush();
    if (out.checkError() && code != ExitCode.SOFTWARE) { // 70: the command has said why
      err.println("qualcheck: standard output could not be written");
      code = ExitCode.SOFTWARE;
    }
    System.exit(code);
  }
}
