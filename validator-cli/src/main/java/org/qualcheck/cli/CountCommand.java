package org.qualcheck.cli;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.qualcheck.check.Checker;
import org.qualcheck.check.RuleText;
import org.qualcheck.check.Plan;
import org.qualcheck.count.Counter;
import org.qualcheck.count.PathwayCounter;
import org.qualcheck.model.Qualification;
import org.qualcheck.plan.Planner;
import picocli.CommandLine.Model.ArgGroupSpec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code qualcheck count}: how many distinct plans meet the rules, exactly. */
final class CountCommand implements Callable<Integer> {
  private CommandSpec spec;
  private SpecAndFormat options;
  private boolean list;

  /** The command's options, help and exit codes, for picocli. */
  static CommandSpec spec() {
    CountCommand command = new CountCommand();
    CommandSpec spec =
        CommandModel.command(
            command,
            "count",
            "Counts, exactly, the distinct plans (sets of units) that meet the rules: all of them,"
                + " those with exactly N credits, or the minimal ones (no unit can be removed).");
    SpecAndFormat.addTo(spec);
    spec.addArgGroup(
        ArgGroupSpec.builder()
            .exclusive(true)
            .multiplicity("0..1")
            .addArg(
                CommandModel.option(
                        "--credits", Long.class, "N", "Only plans of exactly N credits.")
                    .build())
            .addArg(
                CommandModel.flag("--minimal", "Only plans from which no unit can be removed."))
            .build());
    spec.addOption(
        CommandModel.flag("--list", "Also list the plans, one per line, as they are found."));
    CommandModel.exitCodes(
        spec,
        "0:counted",
        "2:bad command line or a spec file that does not exist",
        "3:invalid spec",
        "4:undecided (--minimal): the search reached its bound; the count is of the plans found",
        "70:standard output was closed or could not be written (the count stops at once)");
    command.spec = spec;
    return spec;
  }

  @Override
  public Integer call() throws IOException {
    options = SpecAndFormat.of(spec);
    list = CommandModel.isSet(spec, "--list");
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Qualification q;
    try {
      q = options.load(err);
    } catch (Specs.SpecLoadFailed e) {
      return e.exitCode();
    }
    boolean minimal = CommandModel.isSet(spec, "--minimal");
    Long credits = CommandModel.value(spec, "--credits");
    if (credits != null && credits < 0) {
      err.println("qualcheck: --credits cannot be negative");
      return ExitCode.USAGE;
    }
    Checker checker = Checker.of(q);
    String unsupported = unsupported(q, checker, minimal);
    if (unsupported != null) {
      err.println("qualcheck: " + unsupported);
      return ExitCode.USAGE;
    }
    boolean undecided;
    try {
      if (options.json()) {
        undecided = writeJson(q, checker, credits, minimal, list, out);
      } else {
        boolean[] partial = {false};
        BigInteger count = run(checker, credits, minimal, partial, list ? plan -> {
          out.println(plan);
          stillOpen(out);
        } : null);
        undecided = partial[0];
        boolean one = count.equals(BigInteger.ONE);
        out.println(count + (one ? " plan " : " plans ")
            + (minimal ? (one ? "is" : "are") + " minimal (no unit can be removed)"
                : (credits != null ? "of exactly " + RuleText.count(credits, "credit") + " " : "")
                    + (one ? "meets" : "meet") + " the rules"));
        if (undecided) {
          out.println("UNDECIDED: the units are listed in so many groups that the search over where"
              + " each counts reached its bound; the count is of the minimal plans found before"
              + " it, and there may be more");
        }
      }
    } catch (OutputClosed e) {
      err.println("qualcheck: standard output was closed, so the count stopped");
      return ExitCode.SOFTWARE;
    }
    out.flush();
    return undecided ? ExitCode.UNDECIDED : ExitCode.MET;
  }

  /**
   * Thrown from the listing as soon as the output reports a failed write: a {@link PrintWriter}
   * swallows a broken pipe, and the count would otherwise run on, unread, for as long as it takes.
   */
  static final class OutputClosed extends RuntimeException {
    OutputClosed() {
      super(null, null, false, false);
    }
  }

  /** Checks after each listed plan that {@code out} can still be written. */
  private static void stillOpen(PrintWriter out) {
    if (out.checkError()) {
      throw new OutputClosed();
    }
  }

  /**
   * Why the question cannot be answered exactly for this structure, or null when it can: counting
   * all plans needs a structure where a plan reads one way only.
   */
  static String unsupported(Qualification q, Checker checker, boolean minimal) {
    if (!minimal && checker.hasVariants()) {
      return PathwayCounter.supports(checker) ? null : q.code() + (q.pathways().size()
          > PathwayCounter.MAX_PATHWAYS ? " has more than " + PathwayCounter.MAX_PATHWAYS
          + " pathways, too many to count exactly; --minimal works on any structure"
          : " has units listed in more than one group or equivalent units, so a plan can be read"
          + " several ways; exact counting of all plans needs a structure without them (--minimal"
          + " works on any structure)");
    }
    if (!minimal && !Counter.supports(checker.compiled())) {
      return q.code() + " has units listed in more than one group or"
          + " equivalent units, so a plan can be read several ways; exact counting of all plans"
          + " needs a structure without them (--minimal works on any structure)";
    }
    return null;
  }

  /**
   * Writes {@code count --format json}'s answer, with its final line break, to {@code out}; true
   * when the listing of minimal plans stopped at the search bound (the JSON then says undecided).
   *
   * @throws OutputClosed if {@code out} fails while plans are listed
   */
  static boolean writeJson(Qualification q, Checker checker, Long credits, boolean minimal,
      boolean list, PrintWriter out) throws IOException {
    String what = minimal ? "minimal" : credits != null ? "credits" : "all";
    JsonGenerator json = JsonWriter.generator(new NonClosingWriter(out));
    json.writeStartObject();
    json.writeStringField("format", "qualcheck-count/1");
    json.writeObjectFieldStart("qualification");
    json.writeStringField("code", q.code());
    json.writeStringField("title", q.title());
    json.writeEndObject();
    json.writeStringField("mode", what);
    if (credits != null) {
      json.writeNumberField("credits", credits);
    }
    BigInteger count;
    boolean[] partial = {false};
    if (list) {
      json.writeArrayFieldStart("plans");
      count = run(checker, credits, minimal, partial, plan -> {
        try {
          json.writeStartArray();
          for (String u : plan.units()) {
            json.writeString(u);
          }
          json.writeEndArray();
          json.flush();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        stillOpen(out);
      });
      json.writeEndArray();
    } else {
      count = run(checker, credits, minimal, partial, null);
    }
    if (partial[0]) {
      json.writeBooleanField("undecided", true);
    }
    json.writeFieldName("count");
    json.writeNumber(count);
    json.writeEndObject();
    json.close();
    out.println();
    return partial[0];
  }

  /** The count; sets {@code partial[0]} when the listing of minimal plans stopped at the bound. */
  private static BigInteger run(Checker checker, Long credits, boolean minimal, boolean[] partial,
      Consumer<Plan> sink) {
    if (minimal) {
      long[] n = {0};
      partial[0] = !Planner.of(checker).minimalPlans(plan -> {
        n[0]++;
        if (sink != null) {
          sink.accept(plan);
        }
      });
      return BigInteger.valueOf(n[0]);
    }
    if (checker.hasVariants()) {
      PathwayCounter counter = credits == null
          ? PathwayCounter.allPlans(checker)
          : PathwayCounter.plansWithCredits(checker, credits);
      if (sink != null) {
        counter.list(sink);
      }
      return counter.count();
    }
    Counter counter = credits == null
        ? Counter.allPlans(checker.compiled())
        : Counter.plansWithCredits(checker.compiled(), credits);
    if (sink != null) {
      counter.list(sink);
    }
    return counter.count();
  }

  /** Lets the JSON generator be closed without closing the command's output. */
  private static final class NonClosingWriter extends java.io.FilterWriter {
    NonClosingWriter(java.io.Writer out) {
      super(out);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}
