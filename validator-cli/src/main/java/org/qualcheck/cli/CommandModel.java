package org.qualcheck.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * What every command's picocli model shares: its name and help, the {@code -h} and {@code -V}
 * options, the exit code list, and reading an option's value back. Each command declares its
 * options with these in one static method beside the code that runs it; building the model this
 * way, rather than from annotations, spares every start the annotation proxies and reflection.
 */
final class CommandModel {
  private CommandModel() {}

  /**
   * A command named {@code name}, run by {@code command}, with this description and -h, -V; -V
   * prints qualcheck's version, as it does before the command.
   */
  static CommandSpec command(Object command, String name, String... description) {
    CommandSpec spec =
        CommandSpec.wrapWithoutInspection(command).name(name).versionProvider(new Version());
    spec.usageMessage().description(description);
    spec.addOption(
        OptionSpec.builder("-h", "--help")
            .usageHelp(true)
            .description("Show this help message and exit.")
            .build());
    spec.addOption(
        OptionSpec.builder("-V", "--version")
            .versionHelp(true)
            .description("Print version information and exit.")
            .build());
    return spec;
  }

  /** The help's exit code list, each entry written {@code "code:meaning"}. */
  static void exitCodes(CommandSpec spec, String... entries) {
    Map<String, String> codes = new LinkedHashMap<>();
    for (String entry : entries) {
      int colon = entry.indexOf(':');
      codes.put(entry.substring(0, colon), entry.substring(colon + 1));
    }
    spec.usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(codes);
  }

  /** An option taking one value of this type, shown in the help as {@code name=paramLabel}. */
  static OptionSpec.Builder option(
      String name, Class<?> type, String paramLabel, String description) {
    return OptionSpec.builder(name).type(type).paramLabel(paramLabel).description(description);
  }

  /** An option that takes no value: present or not. */
  static OptionSpec flag(String name, String description) {
    return OptionSpec.builder(name).type(boolean.class).description(description).build();
  }

  /** The value the command line gave the named option, its default, or null. */
  static <T> T value(CommandSpec spec, String option) {
    return spec.findOption(option).getValue();
  }

  /** Whether the command line gave the named flag. */
  static boolean isSet(CommandSpec spec, String flag) {
    return Boolean.TRUE.equals(spec.findOption(flag).getValue());
  }
}
