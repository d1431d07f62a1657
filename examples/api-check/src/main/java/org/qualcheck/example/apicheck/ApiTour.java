package org.qualcheck.example.apicheck;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import org.qualcheck.api.LoadedQualification;
import org.qualcheck.api.Qualcheck;
import org.qualcheck.check.CheckResult;
import org.qualcheck.check.Plan;
import org.qualcheck.check.PlanException;
import org.qualcheck.check.PlanProblem;
import org.qualcheck.check.RuleOutcome;
import org.qualcheck.spec.SpecException;

/**
 * A short tour of the API, run in a process of its own so its test can see everything the library
 * prints: it loads a spec, checks plans given every way, and prints each answer and each refusal
 * as data on standard output. The library must print nothing itself.
 */
public final class ApiTour {
  private ApiTour() {}

  /**
   * Runs the tour on the spec named by the first argument.
   *
   * @param args the spec's path
   */
  public static void main(String[] args) {
    LoadedQualification nvq = Qualcheck.load(Path.of(args[0]));
    CheckResult byReference = nvq.check(Plan.of("F/601/1609", "f2", "a3", "B2", "C3", "D2"));
    System.out.println("met: " + byReference.met() + " " + byReference.plan());
    for (RuleOutcome o : byReference.outcomes()) {
      OptionalLong maximum = o.maximum();
      if (maximum.isPresent()) {
        System.out.println(o.ruleId() + " maximum " + maximum.getAsLong());
      }
    }
    refuse(nvq, Arrays.asList("F1", null));
    refuse(nvq, List.of("", "F1"));
    refuse(nvq, List.of("FF1"));
    try {
      Qualcheck.load(Path.of("no-such-spec.yaml"));
    } catch (SpecException e) {
      System.out.println("spec: " + e.kind());
    }
  }

  private static void refuse(LoadedQualification nvq, List<String> units) {
    try {
      nvq.check(units);
      System.out.println("accepted " + units);
    } catch (PlanException e) {
      for (PlanProblem p : e.problems()) {
        System.out.println(
            "plan: " + p.kind() + " at " + p.position() + " " + p.suggestion().orElse("-"));
      }
    }
  }
}
