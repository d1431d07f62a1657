package org.qualcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code serve} is listed by the command line, whose jar leaves the server out. */
class ServeHelpTest {
  @Test
  void helpListsServe() {
    CliRun run = CliRun.of("--help");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).containsPattern("(?m)^\\s+serve\\s+Serves the HTTP API");
  }

  @Test
  void serveFromThisJarSaysWhereTheServerIs() {
    CliRun run = CliRun.of("serve", "--port", "9000");
    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err()).contains("./qualcheck serve").contains("qualcheck-serve.jar");
    assertThat(run.out()).isEmpty();
  }
}
