package org.qualcheck.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.ISetter;
import picocli.CommandLine.Model.UnmatchedArgsBinding;

/**
 * Names {@code qualcheck serve} in the command list. The server lives in its own jar so that this
 * one stays small and quick to start; the {@code qualcheck} launcher sends {@code serve} there.
 */
final class ServeHelp implements Callable<Integer> {
  private CommandSpec spec;

  /** The command's name and help for picocli; it takes any arguments, and ignores them. */
  static CommandSpec spec() {
    ServeHelp command = new ServeHelp();
    CommandSpec spec = CommandSpec.wrapWithoutInspection(command).name("serve");
    spec.usageMessage()
        .description(
            "Serves the HTTP API and the planner and designer page (qualcheck serve --help for its"
                + " options). It runs from its own jar, validator-http/target/qualcheck-serve.jar,"
                + " which the qualcheck launcher builds and starts.");
    spec.addUnmatchedArgsBinding(UnmatchedArgsBinding.forStringArrayConsumer(new Ignored()));
    command.spec = spec;
    return spec;
  }

  /** Where the arguments go: nowhere, as the server's own jar reads them. */
  private static final class Ignored implements ISetter {
    @Override
    public <T> T set(T value) {
      return null;
    }
  }

  @Override
  public Integer call() {
    spec.commandLine().getErr().println("qualcheck: serve runs from its own jar: start it with"
        + " ./qualcheck serve, or java -jar validator-http/target/qualcheck-serve.jar");
    return ExitCode.USAGE;
  }
}
