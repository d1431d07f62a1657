package org.qualcheck.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** The {@code qualcheck} command: checks plans against qualifications' rules of combination. */
public final class QualcheckCommand implements Runnable {
  private CommandSpec spec;

  /** The top level's options, help and exit codes, for picocli; its commands are added apart. */
  private static CommandSpec spec() {
    QualcheckCommand command = new QualcheckCommand();
    CommandSpec spec =
        CommandModel.command(
            command,
            "qualcheck",
            "Checks a learner's chosen units against a qualification's rules of combination.");
    CommandModel.exitCodes(
        spec,
        "0:the rules are met (validate, plan; batch: by every record), the framework is complete"
            + " (framework), lint found no error, or show or count is done",
        "1:the rules are not met (validate, plan: by the plan as given; batch: by some record, or"
            + " a record is in error), a framework component is missing (framework), or lint found"
            + " an error",
        "2:bad command line, bad plan or record, or a file that does not exist",
        "3:invalid spec or framework spec",
        "4:undecided: the search over the ways of reading a plan reached its bound (validate,"
            + " plan, count --minimal)",
        "70:output could not be written, or qualcheck itself failed");
    command.spec = spec;
    return spec;
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "name a command, such as validate");
  }

  /** The commands, in the order the help lists them (then {@code help}). */
  private static final String[] COMMANDS = {
    "validate", "plan", "count", "batch", "framework", "lint", "show", "serve"
  };

  /** The model of the named command, with a new instance of it to run. */
  private static CommandSpec command(String name) {
    switch (name) {
      case "validate":
        return ValidateCommand.spec();
      case "plan":
        return PlanCommand.spec();
      case "count":
        return CountCommand.spec();
      case "batch":
        return BatchCommand.spec();
      case "framework":
        return FrameworkCommand.spec();
      case "lint":
        return LintCommand.spec();
      case "show":
        return ShowCommand.spec();
      case "serve":
        return ServeHelp.spec();
      default:
        throw new IllegalArgumentException(name);
    }
  }

  /** Builds the command line with qualcheck's error handling, writing to the given streams. */
  public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
    return commandLine(out, err, null);
  }

  /**
   * Builds the command line for these arguments. When the first names a command, only that command
   * is built: the others play no part in parsing, running or helping with that one, and building
   * them all would cost every start a share of its time.
   */
  static CommandLine commandLine(PrintWriter out, PrintWriter err, String first) {
    CommandLine cl = new CommandLine(spec());
    boolean one = false;
    for (String name : COMMANDS) {
      one |= name.equals(first);
    }
    for (String name : COMMANDS) {
      if (!one || name.equals(first)) {
        cl.addSubcommand(name, new CommandLine(command(name)));
      }
    }
    if (!one) {
      cl.addSubcommand("help", new CommandLine(HelpCommand.spec()));
    }
    cl.setOut(out);
    cl.setErr(err);
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    // an argument beginning with @ is a unit list or a path like any other, never a file of more
    // arguments: picocli would read that file, and stop with a stack trace if it cannot
    cl.setExpandAtFiles(false);
    cl.setParameterExceptionHandler(new UsageErrors());
    cl.setExecutionExceptionHandler(new InternalErrors());
    return cl;
  }

  /**
   * Bad command lines: the reason and where to find help, exit 2. Classes rather than lambdas, as
   * picocli's handler interfaces cannot be in the class-data archive, so a lambda for one would be
   * generated afresh on every command's start.
   */
  private static final class UsageErrors implements CommandLine.IParameterExceptionHandler {
    @Override
    public int handleParseException(CommandLine.ParameterException ex, String[] args) {
      CommandLine c = ex.getCommandLine();
      c.getErr().println("qualcheck: " + ex.getMessage());
      c.getErr()
          .println("Try '" + c.getCommandSpec().qualifiedName() + " --help' for more information.");
      c.getErr().flush();
      return ExitCode.USAGE;
    }
  }

  /** A failure of qualcheck itself: one line, no stack trace, exit 70. */
  private static final class InternalErrors implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(
        Exception ex, CommandLine c, CommandLine.ParseResult parseResult) {
      c.getErr().println("qualcheck: internal error: " + ex);
      c.getErr().println("Please report this with the command that caused it.");
      c.getErr().flush();
      return ExitCode.SOFTWARE;
    }
  }

  /**
   * Tells picocli not to register its converters for {@code java.sql} and {@code java.time} types,
   * which no option uses: registering them initialises those classes (date-time formatters
   * among them), a noticeable part of every command's start-up. Also skips its probing for Groovy
   * closures. Called once, first thing, by the processes that run commands.
   */
  static void configurePicocli() {
    System.setProperty("picocli.converters.excludes", "java\\.sql\\..*,java\\.time\\..*");
    System.setProperty("picocli.disable.closures", "true");
  }

  public static void main(String[] args) {
    configurePicocli();
    PrintWriter out = new PrintWriter(System.out, false, java.nio.charset.StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, java.nio.charset.StandardCharsets.UTF_8);
    int code = commandLine(out, err, args.length > 0 ? args[0] : null).execute(args);
    out.flush();
    if (out.checkError() && code != ExitCode.SOFTWARE) { // 70: the command has said why
      err.println("qualcheck: standard output could not be written");
      code = ExitCode.SOFTWARE;
    }
    System.exit(code);
  }
}
