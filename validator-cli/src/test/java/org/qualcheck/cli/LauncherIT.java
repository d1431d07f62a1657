package org.qualcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The {@code ./qualcheck} launcher starts the built jar whatever Java options the user gives: it
 * adds its own for short commands (one compiler thread, the serial collector), and Java refuses to
 * start when one of them contradicts the user's (two collectors; one compiler thread with full
 * tiering), which a script would read as exit 1, "not met".
 */
class LauncherIT {
  private static final Path LAUNCHER = Path.of("../qualcheck");
  private static final String S03455 = "specs/ocr-03455-customer-service-l2.yaml";

  @ParameterizedTest(name = "{0}={1} {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "QUALCHECK_JAVA_OPTS | -Xmx256m                                  | validate",
        "QUALCHECK_JAVA_OPTS | -XX:TieredStopAtLevel=4                   | validate",
        "QUALCHECK_JAVA_OPTS | -XX:+UseG1GC                              | validate",
        "QUALCHECK_JAVA_OPTS | -XX:+UseParallelGC -XX:CICompilerCount=2  | validate",
        "QUALCHECK_JAVA_OPTS | -XX:TieredStopAtLevel=4 -XX:+UseG1GC      | batch",
        "JAVA_TOOL_OPTIONS   | -XX:+UseParallelGC                        | validate",
        "JDK_JAVA_OPTIONS    | -XX:+UseG1GC -XX:TieredStopAtLevel=4      | validate",
        "_JAVA_OPTIONS       | -XX:-TieredCompilation                    | validate",
      })
  void startsWithTheUsersJavaOptions(String variable, String options, String command)
      throws Exception {
    List<String> args =
        command.equals("validate")
            ? List.of(LAUNCHER.toString(), "validate", "--spec", "../" + S03455,
                "--units", "F1,F2,A3,B2,C3,D2,A4")
            : List.of(LAUNCHER.toString(), "batch", "--spec", "../" + S03455,
                "--input", "../examples/cohort.csv", "--output", "-", "--output-format", "csv");
    ProcessBuilder builder = new ProcessBuilder(args);
    Map<String, String> env = builder.environment();
    env.remove("QUALCHECK_JAVA_OPTS");
    env.remove("JAVA_TOOL_OPTIONS");
    env.remove("JDK_JAVA_OPTIONS");
    env.remove("_JAVA_OPTIONS");
    env.put("QUALCHECK_CDS", "off");
    env.put(variable, options);
    Process process = builder.start();
    process.getOutputStream().close();
    CompletableFuture<String> out = Processes.drain(process.getInputStream());
    CompletableFuture<String> err = Processes.drain(process.getErrorStream());
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("the launcher did not end: " + args);
    }
    if (command.equals("validate")) {
      assertThat(process.exitValue()).as("exit code; stderr: %s", err.get()).isZero();
      assertThat(out.get()).contains("MET: the plan meets all 8 rules.");
    } else {
      assertThat(process.exitValue()).as("exit code; stderr: %s", err.get()).isEqualTo(1);
      assertThat(out.get()).startsWith("learner,line,qualification,met,").contains("L1001,2,03455,true");
    }
    assertThat(err.get()).doesNotContain("Could not create the Java Virtual Machine");
  }
}
