package org.qualcheck.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.qualcheck.check.Checker;
import org.qualcheck.check.Plan;
import org.qualcheck.lint.Linter;
import org.qualcheck.plan.PlanOptions;
import org.qualcheck.plan.Planner;
import org.qualcheck.spec.SpecException;
import org.qualcheck.spec.SpecReader;

/**
 * The commands' JSON answers for other front ends, such as {@code qualcheck serve}. Each method
 * runs the very code its command runs and returns exactly what the command prints to standard
 * output with {@code --format json}, final line break included, so the two cannot drift apart.
 */
public final class JsonReports {
  private static final SpecReader READER = new SpecReader();

  private JsonReports() {}

  /** {@code validate --format json} of a resolved plan. */
  public static String validate(Checker checker, Plan plan) {
    return JsonOutput.write(JsonOutput.checkResult(checker.qualification(), checker.check(plan)))
        + System.lineSeparator();
  }

  /** {@code plan --format json}: the cheapest completion or smallest repair, and the what-if. */
  public static String plan(Planner planner, Plan plan, PlanOptions options, boolean whatIf) {
    PlanCommand.Answer a = PlanCommand.answer(planner, plan, options, whatIf);
    return PlanCommand.json(planner.checker().qualification(), a) + System.lineSeparator();
  }

  /**
   * Why {@code count} cannot answer for this structure (the command's sentence, exit 2), or empty
   * when it can.
   */
  public static Optional<String> countRefusal(Checker checker, boolean minimal) {
    return Optional.ofNullable(CountCommand.unsupported(checker.qualification(), checker, minimal));
  }

  /**
   * {@code count --format json}: all plans, those of exactly {@code credits} credits (when not
   * null), or the minimal ones.
   *
   * @throws IllegalArgumentException if {@link #countRefusal} names a reason
   */
  public static String count(Checker checker, Long credits, boolean minimal) {
    if (countRefusal(checker, minimal).isPresent()) {
      throw new IllegalArgumentException(countRefusal(checker, minimal).get());
    }
    if (credits != null && credits < 0) {
      throw new IllegalArgumentException("credits cannot be negative");
    }
    StringWriter text = new StringWriter();
    try (PrintWriter out = new PrintWriter(text)) {
      CountCommand.writeJson(checker.qualification(), checker, credits, minimal, false, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text.toString();
  }

  /**
   * {@code lint --format json} of one spec given as text under {@code name}. The spec has no
   * folder, so one that lists catalogues gets a located problem rather than reading files.
   */
  public static String lint(String name, String yamlText) {
    Path file = Path.of(name);
    LintCommand.Linted linted;
    try {
      linted = new LintCommand.Linted(file, Linter.lint(READER.read(name, yamlText)), List.of(), false);
    } catch (SpecException e) {
      linted = new LintCommand.Linted(file, null, e.problems(), false);
    }
    StringWriter text = new StringWriter();
    try (PrintWriter out = new PrintWriter(text)) {
      LintOutput.json(List.of(linted), out);
    }
    return text.toString();
  }
}
