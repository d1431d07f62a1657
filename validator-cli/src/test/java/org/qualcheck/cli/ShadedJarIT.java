package org.qualcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The built jar, {@code target/qualcheck.jar}, does what the classes do. The jar is shaded: its
 * dependencies are merged into it, their module descriptors, signatures and Maven metadata left
 * out and their service files merged, and the launcher starts it by naming the main class on the
 * class path. A resource or class lost on the way, or one a library loads by name, would fail only
 * there and only on the path that needs it. So every command, in every output format, on good and
 * bad input, is run both in-process from the classes and as a process from the jar; the exit
 * codes, standard output and written files must be the same, and the jar's standard error must
 * say nothing the classes did not.
 */
class ShadedJarIT {
  private static final Path JAR = Path.of(System.getProperty("qualcheck.jar", "target/qualcheck.jar"));
  private static final String ROOT = "..";
  private static final String S03455 = ROOT + "/specs/ocr-03455-customer-service-l2.yaml";
  private static final String FRAMEWORK =
      ROOT + "/specs/frameworks/customer-service-apprenticeship-l2.yaml";

  @TempDir static Path dir;

  private static Path plans;
  private static Path plansJsonl;
  private static Path recordsJsonl;
  private static Path recordsCsv;

  @BeforeAll
  static void inputs() throws IOException {
    plans = Files.writeString(dir.resolve("plans.csv"),
        "learner,units,cohort\n"
            + "L1,F1 F2 A3 B2 C3 D2 A4,2026\n"
            + "L2,F1 F2 A1,2026\n"
            + "L3,F1 \"Z9\",2026\n"
            + "L4,F1 F1,2026\n");
    plansJsonl = Files.writeString(dir.resolve("plans.jsonl"),
        "{\"learner\": \"L1\", \"units\": [\"F1\", \"F2\", \"A3\", \"B2\", \"C3\", \"D2\", \"A4\"]}\n"
            + "{\"learner\": \"L2\", \"units\": [\"F1\"]}\n"
            + "{\"learner\": \"L3\", \"units\": [\"F1\"], }\n"
            + "{\"learner\": \"L4\", \"units\": [\"Z9\"]}\n");
    recordsJsonl = Files.writeString(dir.resolve("records.jsonl"),
        "{\"learner\": \"R1\", \"units\": [{\"unit\": \"F1\", \"status\": \"achieved\", "
            + "\"date\": \"2026-02-10\"}, {\"unit\": \"F2\", \"status\": \"in-progress\"}]}\n"
            + "{\"learner\": \"R2\", \"units\": [{\"unit\": \"F1\", \"status\": \"achieved\", "
            + "\"date\": \"2026-02-10\", \"via\": \"rpl\"}]}\n");
    recordsCsv = Files.writeString(dir.resolve("records.csv"),
        "learner,unit,status,date,via\n"
            + "R1,F1,achieved,2026-02-10,\n"
            + "R1,F2,in-progress,,\n"
            + "R2,F1,achieved,2026-01-05,rpl\n"
            + "R2,Q7,achieved,2026-01-05,\n");
  }

  static Stream<Arguments> commands() {
    List<List<String>> runs = new ArrayList<>();
    runs.add(List.of("--version"));
    runs.add(List.of("--help"));
    runs.add(List.of("help", "plan"));
    runs.add(List.of("batch", "--help"));
    runs.add(List.of("validate", "--spec", S03455, "--units", "F1,F2,A3,B2,C3,D2,A4"));
    runs.add(List.of("validate", "--spec", S03455, "--units", "f1 F/601/1609 A3", "--format", "json"));
    runs.add(List.of("validate", "--spec", S03455, "--units", "F1,F2,A1", "--format", "json"));
    runs.add(List.of("validate", "--spec", S03455, "--units", "F1,Z9"));
    runs.add(List.of("validate", "--spec", ROOT + "/specs/examples/unit-in-two-groups.yaml",
        "--units", "A1"));
    runs.add(List.of("validate", "--spec", "src/test/resources/specs/unknown-key.yaml",
        "--units", "A1"));
    runs.add(List.of("validate", "--spec", S03455, "--record",
        ROOT + "/specs/examples/records/03455-transfer.json", "--on", "2026-03-31"));
    runs.add(List.of("validate", "--spec", S03455, "--record",
        ROOT + "/specs/examples/records/03455-transfer.json", "--on", "2026-03-31",
        "--format", "json"));
    runs.add(List.of("validate", "--spec", "src/test/resources/specs/undecided-subset-sum.yaml",
        "--units", "A1", "--format", "json"));
    runs.add(List.of("plan", "--spec", S03455, "--units", "F1,F2"));
    runs.add(List.of("plan", "--spec", S03455, "--units", "F1,F2", "--what-if",
        "--alternatives", "2", "--format", "json"));
    runs.add(List.of("plan", "--spec", ROOT + "/specs/examples/barred-and-choose.yaml",
        "--units", "A1"));
    runs.add(List.of("count", "--spec", S03455));
    runs.add(List.of("count", "--spec", S03455, "--minimal", "--format", "json"));
    runs.add(List.of("count", "--spec", ROOT + "/specs/examples/unit-in-two-groups.yaml", "--list"));
    runs.add(List.of("count", "--spec", S03455, "--credits", "30"));
    runs.add(List.of("show", S03455));
    runs.add(List.of("show", S03455, "--format", "mermaid"));
    for (String format : List.of("text", "json", "sarif")) {
      runs.add(List.of("lint", "--format", format, S03455,
          ROOT + "/specs/examples/catalogue/customer-service-units.yaml",
          "src/test/resources/specs/several-problems.yaml"));
    }
    for (String format : List.of("text", "json")) {
      runs.add(List.of("framework", "--spec", FRAMEWORK, "--record",
          ROOT + "/examples/apprentice-L2001.json", "--qualification-spec", S03455,
          "--on", "2026-06-01", "--format", format));
    }
    runs.add(List.of("framework", "--spec", S03455, "--record",
        ROOT + "/examples/apprentice-L2001.json"));
    runs.add(List.of("nonsense"));
    runs.add(List.of("validate", "--units", "F1"));
    return runs.stream().map(run -> Arguments.of(String.join(" ", run), run));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("commands")
  void aCommandRunsFromTheJarAsFromTheClasses(String name, List<String> args) throws Exception {
    CliRun classes = CliRun.asMain(args.toArray(new String[0]));
    CliRun jar = fromJar(args);
    assertThat(jar.exitCode()).as("exit code of %s", name).isEqualTo(classes.exitCode());
    if (args.equals(List.of("--version"))) {
      assertThat(jar.out())
          .startsWith("qualcheck " + System.getProperty("qualcheck.version") + "\n");
    }
    assertThat(withoutVersion(jar.out())).as("standard output of %s", name).isEqualTo(classes.out());
    assertThat(jar.err()).as("standard error of %s", name).isEqualTo(classes.err());
  }

  static Stream<Arguments> batches() {
    return Stream.of(
        Arguments.of("plans.csv", "csv"),
        Arguments.of("plans.csv", "jsonl"),
        Arguments.of("plans.jsonl", "csv"),
        Arguments.of("plans.jsonl", "jsonl"),
        Arguments.of("records.jsonl", "csv"),
        Arguments.of("records.jsonl", "jsonl"),
        Arguments.of("records.csv", "jsonl"));
  }

  @ParameterizedTest(name = "{0} to {1}")
  @MethodSource("batches")
  void aBatchWritesFromTheJarWhatItWritesFromTheClasses(String input, String outputFormat)
      throws Exception {
    Path in = dir.resolve(input);
    Path fromClasses = dir.resolve(input + ".classes." + outputFormat);
    Path fromJar = dir.resolve(input + ".jar." + outputFormat);
    List<String> common = List.of("batch", "--spec", S03455, "--input", in.toString(),
        "--on", "2026-03-01", "--threads", "2");
    CliRun classes =
        CliRun.asMain(with(common, "--output", fromClasses.toString()).toArray(new String[0]));
    CliRun jar = fromJar(with(common, "--output", fromJar.toString()));
    assertThat(jar.exitCode()).isEqualTo(classes.exitCode()).isEqualTo(1);
    assertThat(Files.readString(fromJar)).isEqualTo(Files.readString(fromClasses)).isNotEmpty();
    // the summary's timings differ from run to run; its words do not
    assertThat(withoutFigures(jar.err())).isEqualTo(withoutFigures(classes.err()));
    assertThat(jar.err()).doesNotContain("Exception", "Error:", "internal error");
  }

  /**
   * The jar's output as the classes print it: the version comes from the jar's manifest, which the
   * classes run in-process here do not see, so they print none; {@code --version} and SARIF's tool
   * version print it.
   */
  private static String withoutVersion(String out) {
    String version = System.getProperty("qualcheck.version");
    assertThat(version).as("the project version, set by the build").isNotBlank();
    return out.replace("qualcheck " + version + "\n", "qualcheck (development build)\n")
        .replace("\"version\" : \"" + version + "\"", "\"version\" : \"development\"");
  }

  private static String withoutFigures(String summary) {
    return summary.replaceAll("[0-9][0-9.,]*", "N");
  }

  private static List<String> with(List<String> args, String... more) {
    List<String> all = new ArrayList<>(args);
    all.addAll(List.of(more));
    return all;
  }

  /** Runs the jar as the launcher runs a short command: its main class named on the class path. */
  private static CliRun fromJar(List<String> args) throws Exception {
    assertThat(JAR).as("the built jar").isRegularFile();
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xshare:off", "-XX:TieredStopAtLevel=1", "-XX:CICompilerCount=1", "-XX:+UseSerialGC",
        "-XX:-UsePerfData", "-cp", JAR.toString(),
        QualcheckCommand.class.getName()));
    command.addAll(args);
    Process process = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.PIPE).start();
    process.getOutputStream().close();
    CompletableFuture<String> out = Processes.drain(process.getInputStream());
    CompletableFuture<String> err = Processes.drain(process.getErrorStream());
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("the jar did not end: " + args);
    }
    return new CliRun(process.exitValue(), out.get(), err.get());
  }

}
