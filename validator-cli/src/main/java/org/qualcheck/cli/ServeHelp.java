package org.qualcheck.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Unmatched;

/**
 * Names {@code qualcheck serve} in the command list. The server lives in its own jar so that this
 * one stays small and quick to start; the {@code qualcheck} launcher sends {@code serve} there.
 */
@Command(
    name = "serve",
    description = {
      "Serves the HTTP API and the planner and designer page (qualcheck serve --help for its"
          + " options). It runs from its own jar, validator-http/target/qualcheck-serve.jar, which"
          + " the qualcheck launcher builds and starts."
    })
final class ServeHelp implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Unmatched List<String> ignored;

  @Override
  public Integer call() {
    spec.commandLine().getErr().println("qualcheck: serve runs from its own jar: start it with"
        + " ./qualcheck serve, or java -jar validator-http/target/qualcheck-serve.jar");
    return ExitCode.USAGE;
  }
}
