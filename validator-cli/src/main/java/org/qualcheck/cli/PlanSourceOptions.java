package org.qualcheck.cli;

import java.util.List;
import org.qualcheck.check.Plan;
import org.qualcheck.check.PlanException;
import org.qualcheck.model.PrintableText;
import org.qualcheck.check.PlanProblem;
import org.qualcheck.model.Qualification;
import picocli.CommandLine.Model.ArgGroupSpec;
import picocli.CommandLine.Model.CommandSpec;

/** The plan given on the command line, by {@code --units} or {@code --plan}; shared by commands. */
final class PlanSourceOptions {
  private final String units;
  private final String planFile;

  private PlanSourceOptions(String units, String planFile) {
    this.units = units;
    this.planFile = planFile;
  }

  /** The two options, one or the other: {@code "0..1"} or {@code "1"} of them, as given. */
  static ArgGroupSpec group(String multiplicity) {
    return ArgGroupSpec.builder()
        .exclusive(true)
        .multiplicity(multiplicity)
        .addArg(
            CommandModel.option(
                    "--units",
                    String.class,
                    "UNITS",
                    "The plan's units, by unit number or unit reference number, separated by"
                        + " commas or semicolons; spaces also separate them unless some unit"
                        + " number of the spec holds a space (then give e.g. \"SHC 31, HSC 024\")."
                        + " Quote the list if it has spaces, e.g. F1,F2,A3,B2,C3,D2.")
                .build())
        .addArg(
            CommandModel.option(
                    "--plan",
                    String.class,
                    "FILE",
                    "A file holding the plan's units (separated as in --units, or one unit a line;"
                        + " # starts a comment); - reads standard input.")
                .build())
        .build();
  }

  /** The plan's source as the command line gave it, or null when it gave neither option. */
  static PlanSourceOptions of(CommandSpec spec) {
    String units = CommandModel.value(spec, "--units");
    String planFile = CommandModel.value(spec, "--plan");
    return units == null && planFile == null ? null : new PlanSourceOptions(units, planFile);
  }

  /** The plan, resolved against the qualification. */
  Plan resolve(Qualification q) throws UsageException {
    boolean spaced = q.hasSpacedUnitNumbers();
    List<String> tokens =
        units != null
            ? PlanInput.units(units, spaced)
            : PlanInput.tokens(PlanInput.text(planFile, System.in), spaced);
    return Plan.resolve(q, tokens);
  }

  /** Resolves unit lists given to options such as {@code --exclude}, by number or reference. */
  static List<String> units(Qualification q, String list) {
    return list == null
        ? List.of()
        : List.copyOf(Plan.resolve(q, PlanInput.units(list, q.hasSpacedUnitNumbers())).units());
  }

  /** Problems with a plan, one line each, the first {@value #MAX_PROBLEMS} and a count of the rest. */
  static void printProblems(PlanException e, java.io.PrintWriter err) {
    List<PlanProblem> problems = e.problems();
    for (PlanProblem problem : problems.subList(0, Math.min(problems.size(), MAX_PROBLEMS))) {
      err.println("qualcheck: " + PrintableText.escape(problem.message()));
    }
    if (problems.size() > MAX_PROBLEMS) {
      int rest = problems.size() - MAX_PROBLEMS;
      err.println("qualcheck: and " + rest + " more " + (rest == 1 ? "problem" : "problems")
          + " like those above; fix those first");
    }
  }

  /** Plan problems beyond this many are counted rather than printed, as spec problems are. */
  static final int MAX_PROBLEMS = 50;
}
