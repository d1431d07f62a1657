package org.qualcheck.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Help.ColorScheme;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * {@code qualcheck help [COMMAND]}: the usage help of the top level or of the command named, as
 * picocli's own {@link CommandLine.HelpCommand} prints it. That one can only be described to
 * picocli by its annotations, whose reading this command line avoids; this one says the same,
 * built with picocli's model API.
 */
final class HelpCommand implements CommandLine.IHelpCommandInitializable2, Callable<Integer> {
  private CommandSpec spec;
  private CommandLine self;
  private ColorScheme colorScheme;
  private PrintWriter out;

  /** The command's arguments and help, for picocli. */
  static CommandSpec spec() {
    HelpCommand command = new HelpCommand();
    CommandSpec spec = CommandSpec.wrapWithoutInspection(command).name("help").helpCommand(true);
    spec.usageMessage()
        .header("Display help information about the specified command.")
        .synopsisHeading("%nUsage: ")
        .description(
            "%nWhen no COMMAND is given, the usage help for the main command is displayed.",
            "If a COMMAND is specified, the help for that command is shown.%n");
    spec.addOption(
        OptionSpec.builder("-h", "--help")
            .usageHelp(true)
            .description("Show usage help for the help command and exit.")
            .build());
    spec.addPositional(
        PositionalParamSpec.builder()
            .index("0")
            .arity("0..1")
            .type(String.class)
            .paramLabel("COMMAND")
            .description("The COMMAND to display the usage help message for.")
            .build());
    command.spec = spec;
    return spec;
  }

  @Override
  public void init(
      CommandLine helpCommandLine, ColorScheme colorScheme, PrintWriter out, PrintWriter err) {
    this.self = helpCommandLine;
    this.colorScheme = colorScheme;
    this.out = out;
  }

  @Override
  public Integer call() {
    CommandLine parent = self.getParent();
    String name = spec.positionalParameters().get(0).getValue();
    CommandLine shown = parent;
    if (name != null) {
      shown = parent.getSubcommands().get(name);
      if (shown == null) {
        throw new CommandLine.ParameterException(
            parent, "Unknown subcommand '" + name + "'.", null, name);
      }
    }
    shown.usage(out, colorScheme);
    return shown.getCommandSpec().exitCodeOnUsageHelp();
  }
}
