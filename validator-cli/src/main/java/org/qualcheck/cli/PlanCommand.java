package org.qualcheck.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.qualcheck.check.Checker;
import org.qualcheck.check.Plan;
import org.qualcheck.check.PlanException;
import org.qualcheck.explain.Columns;
import org.qualcheck.model.PrintableText;
import org.qualcheck.model.Qualification;
import org.qualcheck.model.Unit;
import org.qualcheck.plan.Completion;
import org.qualcheck.plan.PlanAnswer;
import org.qualcheck.plan.PlanOptions;
import org.qualcheck.plan.Planner;
import org.qualcheck.plan.WhatIf;
import picocli.CommandLine.Model.CommandSpec;

/** {@code qualcheck plan}: the least change that makes a plan meet the rules. */
final class PlanCommand implements Callable<Integer> {
  private CommandSpec spec;
  private SpecAndFormat options;
  private PlanSourceOptions planSource;
  private int alternatives;
  private String exclude;
  private String prefer;
  private String endorsement;
  private boolean whatIf;

  /** The command's options, help and exit codes, for picocli. */
  static CommandSpec spec() {
    PlanCommand command = new PlanCommand();
    CommandSpec spec =
        CommandModel.command(
            command,
            "plan",
            "Completes a partial plan with the fewest added credits (then fewest units, then the"
                + " earliest units), or, where adding cannot help (a maximum or a barred"
                + " combination is broken), finds the smallest change adding and removing units."
                + " When nothing works, names the smallest set of rules that cannot all be met.");
    SpecAndFormat.addTo(spec);
    spec.addArgGroup(PlanSourceOptions.group("1"));
    spec.addOption(
        CommandModel.option(
                "--alternatives",
                int.class,
                "K",
                "Also show the next K best answers (default: ${DEFAULT-VALUE}).")
            .defaultValue("0")
            .build());
    spec.addOption(
        CommandModel.option("--exclude", String.class, "UNITS", "Units never to add.").build());
    spec.addOption(
        CommandModel.option(
                "--prefer", String.class, "UNITS", "Units to favour among equally cheap answers.")
            .build());
    spec.addOption(
        CommandModel.option(
                "--endorsement",
                String.class,
                "ID",
                "Complete toward the qualification with this endorsed title (its id in the spec).")
            .build());
    spec.addOption(
        CommandModel.flag(
            "--what-if",
            "Also say which units can be removed and what adding each other unit would do."));
    CommandModel.exitCodes(
        spec,
        "0:the plan already meets the rules",
        "1:the plan does not meet the rules (the answer says what to change, or that nothing can)",
        "2:bad command line or bad plan",
        "3:invalid spec",
        "4:undecided: the search reached its bound before it found a change or proved there is"
            + " none",
        "70:output could not be written");
    command.spec = spec;
    return spec;
  }

  private void readOptions() {
    options = SpecAndFormat.of(spec);
    planSource = PlanSourceOptions.of(spec);
    alternatives = CommandModel.value(spec, "--alternatives");
    exclude = CommandModel.value(spec, "--exclude");
    prefer = CommandModel.value(spec, "--prefer");
    endorsement = CommandModel.value(spec, "--endorsement");
    whatIf = CommandModel.isSet(spec, "--what-if");
  }

  @Override
  public Integer call() {
    readOptions();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (alternatives < 0 || alternatives > 1000) {
      err.println("qualcheck: --alternatives must be from 0 to 1000, not " + alternatives);
      return ExitCode.USAGE;
    }
    Qualification q;
    try {
      q = options.load(err);
    } catch (Specs.SpecLoadFailed e) {
      return e.exitCode();
    }
    Plan plan;
    PlanOptions planOptions;
    try {
      plan = planSource.resolve(q);
      planOptions =
          PlanOptions.defaults()
              .excluding(PlanSourceOptions.units(q, exclude))
              .preferring(PlanSourceOptions.units(q, prefer))
              .withAlternatives(alternatives);
    } catch (UsageException e) {
      err.println("qualcheck: " + e.getMessage());
      return ExitCode.USAGE;
    } catch (PlanException e) {
      PlanSourceOptions.printProblems(e, err);
      return ExitCode.USAGE;
    }
    Checker checker = Checker.of(q);
    if (endorsement != null
        && q.endorsements().stream().noneMatch(e -> e.id().equals(endorsement))) {
      err.println("qualcheck: --endorsement names \"" + PrintableText.escape(endorsement) + "\", "
          + (q.endorsements().isEmpty() ? "but the spec has no endorsed titles"
              : "which is not an endorsed title of the spec; its endorsed titles are "
                  + String.join(", ", q.endorsements().stream().map(e -> e.id()).toList())));
      return ExitCode.USAGE;
    }
    if (whatIf && checker.hasVariants()) {
      err.println("qualcheck: --what-if is not available for a qualification with pathways or"
          + " endorsed titles; plan without it");
      return ExitCode.USAGE;
    }
    Planner planner = endorsement == null ? Planner.of(checker)
        : Planner.towardEndorsement(checker, endorsement);
    Answer a = answer(planner, plan, planOptions, whatIf);
    if (options.json()) {
      out.println(json(q, a, endorsement));
    } else {
      out.print(text(q, a.answer(), a.repaired(), a.whatIf(), endorsement));
    }
    out.flush();
    if (undecided(a.answer())) {
      return ExitCode.UNDECIDED;
    }
    // the verdict on the plan as given, as validate gives it; the change is in the report
    return a.answer().current().met() ? ExitCode.MET : ExitCode.NOT_MET;
  }

  /** What plan answers: the best change (a repair where adding cannot help) and the what-if. */
  record Answer(PlanAnswer answer, boolean repaired, WhatIf whatIf) {}

  /** The cheapest completion, or where there is none the smallest repair, and the what-if. */
  static Answer answer(Planner planner, Plan plan, PlanOptions planOptions, boolean whatIf) {
    PlanAnswer answer = planner.complete(plan, planOptions);
    boolean repaired = false;
    if (answer.options().isEmpty()) {
      PlanAnswer repair = planner.repair(plan, planOptions);
      if (!repair.options().isEmpty()) {
        answer = repair;
        repaired = true;
      }
    }
    return new Answer(answer, repaired, whatIf ? planner.whatIf(plan) : null);
  }

  /** The answer as {@code plan --format json} prints it, without the final line break. */
  static String json(Qualification q, Answer a) {
    return json(q, a, null);
  }

  static String json(Qualification q, Answer a, String endorsement) {
    return JsonOutput.write(json(q, a.answer(), a.repaired(), a.whatIf(), endorsement));
  }

  /** Whether the goal is met as given: the qualification, or it with the endorsed title. */
  private static boolean goalMet(PlanAnswer a, String endorsement) {
    return endorsement == null
        ? a.current().met()
        : a.current().earnedEndorsements().contains(endorsement);
  }

  /**
   * Whether the answer is that there is none known: no change found and no conflict proved,
   * because a search reached its bound.
   */
  private static boolean undecided(PlanAnswer a) {
    return !a.current().met() && a.options().isEmpty() && a.conflict().isEmpty();
  }

  record ChangeJson(List<String> add, List<String> remove, long creditsAdded, long creditsRemoved,
      int creditsAfter) implements JsonWriter.Shape {
    @Override
    public void writeFields(JsonWriter json) {
      json.strings("add", add)
          .strings("remove", remove)
          .field("creditsAdded", creditsAdded)
          .field("creditsRemoved", creditsRemoved)
          .field("creditsAfter", creditsAfter);
    }
  }

  record ConflictJson(List<String> rules, List<String> reasons, String summary)
      implements JsonWriter.Shape {
    @Override
    public void writeFields(JsonWriter json) {
      json.strings("rules", rules).strings("reasons", reasons).field("summary", summary);
    }
  }

  record WhatIfJson(List<String> removable, Map<String, String> additions)
      implements JsonWriter.Shape {
    @Override
    public void writeFields(JsonWriter json) {
      json.strings("removable", removable).map("additions", additions);
    }
  }

  record PlanJson(
      String format,
      JsonOutput.QualificationRef qualification,
      List<String> plan,
      boolean met,
      List<String> add,
      List<String> remove,
      String kind,
      List<ChangeJson> alternatives,
      ConflictJson conflict,
      WhatIfJson whatIf,
      String pathway,
      String endorsement) implements JsonWriter.Shape {
    @Override
    public void writeFields(JsonWriter json) {
      json.field("format", format)
          .field("qualification", qualification)
          .strings("plan", plan)
          .field("met", met)
          .strings("add", add)
          .strings("remove", remove)
          .field("kind", kind)
          .objects("alternatives", alternatives)
          .field("conflict", conflict)
          .field("whatIf", whatIf)
          .field("pathway", pathway)
          .field("endorsement", endorsement);
    }
  }

  private static ChangeJson change(Qualification q, Completion c) {
    int after = q.credits(c.result().plan().units());
    return new ChangeJson(c.add(), c.remove(), c.creditsAdded(), c.creditsRemoved(), after);
  }

  /** The answer's JSON shape; the goal is the endorsed title when one is named. */
  static PlanJson json(
      Qualification q, PlanAnswer a, boolean repaired, WhatIf what, String endorsement) {
    boolean met = goalMet(a, endorsement);
    List<ChangeJson> alternatives = new ArrayList<>();
    for (int i = 1; i < a.options().size(); i++) {
      alternatives.add(change(q, a.options().get(i)));
    }
    Completion best = a.best().orElse(null);
    return new PlanJson(
        "qualcheck-plan/1",
        new JsonOutput.QualificationRef(q.code(), q.title()),
        List.copyOf(a.current().plan().units()),
        a.current().met(),
        best == null ? List.of() : best.add(),
        best == null ? List.of() : best.remove(),
        best == null ? (undecided(a) ? "undecided" : "none") : met ? "already-met" : repaired ? "repair" : "completion",
        alternatives,
        a.conflict()
            .map(c -> new ConflictJson(c.rules(), c.reasons(), c.summary()))
            .orElse(null),
        what == null
            ? null
            : new WhatIfJson(
                what.removable(),
                what.additions().entrySet().stream()
                    .collect(
                        java.util.stream.Collectors.toMap(
                            Map.Entry::getKey,
                            e -> e.getValue().name().toLowerCase(java.util.Locale.ROOT),
                            (x, y) -> x,
                            java.util.LinkedHashMap::new))),
        a.pathway().orElse(null),
        endorsement);
  }

  private static String text(
      Qualification q, PlanAnswer a, boolean repaired, WhatIf what, String endorsement) {
    boolean met = goalMet(a, endorsement);
    StringBuilder s = new StringBuilder();
    s.append(PrintableText.escape(q.title())).append(" (").append(q.code()).append(")\n\n");
    int credits = q.credits(a.current().plan().units());
    s.append("Plan: ")
        .append(a.current().plan().units().isEmpty() ? "(no units)" : String.join(", ", a.current().plan().units()))
        .append(" (").append(credits).append(" credits) ")
        .append(a.current().met() ? "meets the rules" : a.current().undecided()
            ? "is undecided: its check reached the search bound" : "does not meet the rules")
        .append(endorsement == null ? ".\n" : met ? " and earns the endorsed title "
            + endorsement + ".\n" : (a.current().met() ? " but does not" : " and does not")
            + " earn the endorsed title " + endorsement + ".\n");
    if (met) {
      s.append("Nothing to add.\n");
    } else if (a.best().isPresent()) {
      s.append(repaired ? "\nAdding units alone cannot help; the smallest change:\n"
          : "\nCheapest completion:\n");
      s.append("  ").append(a.best().get().summary()).append('\n');
      if (a.pathway().isPresent()) {
        String id = a.pathway().get();
        String title = q.pathways().stream().filter(p -> p.id().equals(id)).findFirst()
            .map(p -> PrintableText.escape(p.title())).orElse(id);
        s.append("  completes pathway ").append(id).append(" (").append(title).append(")")
            .append(endorsement == null ? "" : " with the endorsed title " + endorsement)
            .append('\n');
      } else if (endorsement != null) {
        s.append("  earns the endorsed title ").append(endorsement).append('\n');
      }
      Completion best = a.best().get();
      List<String> changed = new ArrayList<>(best.add());
      changed.addAll(best.remove());
      // columns sized as validate sizes them, so long unit numbers stay aligned
      int numberWidth = Math.max(4, changed.stream().mapToInt(String::length).max().orElse(0));
      int referenceWidth = Math.max(10, changed.stream()
          .mapToInt(u -> q.units().get(u).reference().map(r -> r.toString().length()).orElse(0))
          .max().orElse(0));
      for (String u : best.add()) {
        unitRow(s, '+', q.units().get(u), numberWidth, referenceWidth);
      }
      for (String u : best.remove()) {
        unitRow(s, '-', q.units().get(u), numberWidth, referenceWidth);
      }
      if (a.options().size() > 1) {
        s.append("\nAlternatives:\n");
        for (int i = 1; i < a.options().size(); i++) {
          s.append("  ").append(i).append(". ").append(a.options().get(i).summary()).append('\n');
        }
      }
    } else if (undecided(a)) {
      s.append("\nUNDECIDED: the search reached its bound before it found a change that makes the"
          + " plan meet the rules or proved that none exists")
          .append(a.current().undecided()
              ? " (the plan's units are listed in so many groups that even checking it is"
                  + " undecided).\n"
              : ".\n");
    } else {
      s.append("\nNo change can make this plan meet the rules: ")
          .append(a.conflict().map(c -> c.summary()).orElseThrow())
          .append(".\n");
    }
    if (what != null) {
      s.append("\nWhat if:\n  removable: ")
          .append(what.removable().isEmpty() ? "none" : String.join(", ", what.removable()))
          .append('\n');
      for (WhatIf.Effect effect : WhatIf.Effect.values()) {
        List<String> units = what.additions().entrySet().stream()
            .filter(e -> e.getValue() == effect).map(Map.Entry::getKey).toList();
        if (effect == WhatIf.Effect.UNDECIDED && units.isEmpty()) {
          continue;
        }
        s.append("  adding, ").append(effect.name().toLowerCase(java.util.Locale.ROOT)).append(": ")
            .append(units.isEmpty() ? "none" : String.join(", ", units)).append('\n');
      }
    }
    return s.toString();
  }

  /** One unit added or removed, its number and reference in columns as wide as the longest. */
  private static void unitRow(
      StringBuilder s, char sign, Unit unit, int numberWidth, int referenceWidth) {
    String reference = unit.reference().isPresent() ? unit.reference().get().toString() : "";
    StringBuilder row = new StringBuilder("    ").append(sign).append(' ');
    Columns.left(row, unit.number(), numberWidth).append("  ");
    Columns.left(row, reference, referenceWidth).append("  ");
    Columns.right(row, unit.credits(), 2).append(" cr  ");
    Columns.left(row, unit.level().label(), 7).append("  ").append(PrintableText.escape(unit.title()));
    s.append(row.toString().stripTrailing()).append('\n');
  }
}
