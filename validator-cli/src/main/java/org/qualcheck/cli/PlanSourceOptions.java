package org.qualcheck.cli;

import java.util.List;
import org.qualcheck.check.Plan;
import org.qualcheck.check.PlanException;
import org.qualcheck.model.Qualification;
import picocli.CommandLine.Option;

/** The plan given on the command line, by {@code --units} or {@code --plan}; shared by commands. */
final class PlanSourceOptions {
  @Option(
      names = "--units",
      paramLabel = "UNITS",
      description = "The plan's units, separated by commas, e.g. F1,F2,A3,B2,C3,D2.")
  String units;

  @Option(
      names = "--plan",
      paramLabel = "FILE",
      description =
          "A file holding the plan's units (commas, spaces or lines; # comments); - reads standard"
              + " input.")
  String planFile;

  /** The plan, resolved against the qualification. */
  Plan resolve(Qualification q) throws UsageException {
    List<String> tokens = units != null ? PlanInput.tokens(units) : PlanInput.read(planFile, System.in);
    return Plan.resolve(q, tokens);
  }

  /** Resolves unit lists given to options such as {@code --exclude}, by number or reference. */
  static List<String> units(Qualification q, String list) {
    return list == null ? List.of() : Plan.resolve(q, PlanInput.tokens(list)).units().asList();
  }

  static void printProblems(PlanException e, java.io.PrintWriter err) {
    for (String problem : e.problems()) {
      err.println("qualcheck: " + problem);
    }
  }
}
