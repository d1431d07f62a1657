package org.qualcheck.example.embedding;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.qualcheck.api.LoadedQualification;
import org.qualcheck.api.Qualcheck;
import org.qualcheck.check.CheckResult;
import org.qualcheck.check.PlanException;
import org.qualcheck.check.PlanProblem;
import org.qualcheck.spec.SpecException;

/**
 * Checks each learner's units given on the command line against one qualification and prints the
 * verdict, the reasons and the cheapest units to add:
 *
 * <pre>
 * java -p ... -m org.qualcheck.example.embedding/org.qualcheck.example.embedding.CheckUnits \
 *     specs/ocr-03455-customer-service-l2.yaml F1,F2,A3,B2,C3,D2 F1,F2,A1,B2,C1,D8
 * </pre>
 */
public final class CheckUnits {
  private CheckUnits() {}

  /** Runs with the spec's path first and then one comma-separated list of units per learner. */
  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /**
   * Prints a report per learner. Returns 0 when every learner meets the rules, 1 when one does not,
   * and 2 when the spec or a learner's units cannot be read.
   */
  static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length < 2) {
      err.println("usage: CheckUnits SPEC UNITS [UNITS ...]");
      return 2;
    }
    LoadedQualification qualification;
    try {
      qualification = Qualcheck.load(Path.of(args[0]));
    } catch (SpecException e) {
      err.println(e.getMessage());
      return 2;
    }
    int status = 0;
    for (String learner : Arrays.asList(args).subList(1, args.length)) {
      List<String> units = Arrays.asList(learner.split(","));
      try {
        CheckResult result = qualification.check(units);
        out.println(learner + ": " + (result.met() ? "MET" : "NOT MET"));
        for (String reason : qualification.explain(result)) {
          out.println("  " + reason);
        }
        if (!result.met()) {
          qualification.complete(units).best().ifPresent(c -> out.println("  " + c.summary()));
          status = Math.max(status, 1);
        }
      } catch (PlanException e) {
        err.println(learner + ": "
            + e.problems().stream().map(PlanProblem::message).collect(Collectors.joining("; ")));
        status = 2;
      }
    }
    return status;
  }
}
