package org.qualcheck.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.qualcheck.cli.batch.BatchInputException;
import org.qualcheck.cli.batch.BatchRun;
import org.qualcheck.model.Qualification;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** {@code qualcheck batch}: checks every learner's plan in a CSV or JSON lines file. */
final class BatchCommand implements Callable<Integer> {
  private CommandSpec spec;
  private List<Path> specFiles;
  private String input;
  private String output;
  private BatchRun.Format inputFormat;
  private BatchRun.Format outputFormat;
  private java.time.LocalDate on;
  private Integer threads;

  /** The command's options, help and exit codes, for picocli. */
  static CommandSpec spec() {
    BatchCommand command = new BatchCommand();
    CommandSpec spec =
        CommandModel.command(
            command,
            "batch",
            "Checks a whole cohort: one result per input record, in input order. Each"
                + " non-blank line is a record; LF, CR and CR LF all end a line. A malformed record"
                + " (unknown or repeated unit, bad CSV quoting or JSON, anything after the JSON"
                + " value, bad UTF-8) gets an error result for that learner and checking goes on; a"
                + " record with no units is not met. A summary goes to standard error.",
            "CSV input has a header row with a learner and a units column (units separated by"
                + " semicolons, or commas in a quoted cell, and by spaces too unless some unit"
                + " number of the record's qualification holds a space, as in SHC 31; other columns"
                + " are passed through); JSON lines input has {\"learner\": \"...\", \"units\":"
                + " [\"F1\", ...]}. With several specs, each record names its qualification code in"
                + " a qualification column or field.",
            "Learner records: a JSON line with \"registered\", \"qualifications\","
                + " \"achievements\" or a unit given as an object ({\"unit\": \"F1\", \"status\":"
                + " \"achieved\", \"date\": \"2026-02-10\", \"via\": \"rpl\"}) is a learner record,"
                + " and CSV whose header has unit and status columns (learner,unit,status,date,via)"
                + " holds one row per learner and unit, rows in any order: one result per learner"
                + " in order of first appearance, and a bad row makes its learner's result an"
                + " error. A record is met when the units achieved by the --on date meet the"
                + " rules; results also say whether it is on track.");
    spec.addOption(
        OptionSpec.builder("--spec")
            .type(List.class)
            .auxiliaryTypes(Path.class)
            .required(true)
            .paramLabel("FILE")
            .description("A qualification spec; repeat for several.")
            .build());
    spec.addOption(
        CommandModel.option(
                "--input",
                String.class,
                "FILE",
                "The plans: a .csv or .jsonl file, or - for standard input.")
            .required(true)
            .build());
    spec.addOption(
        CommandModel.option(
                "--output",
                String.class,
                "FILE",
                "Where results go: a .jsonl or .csv file, or - for standard output. A file (or a"
                    + " link to one) is replaced only once the results are complete; a device or"
                    + " named pipe is written directly.")
            .required(true)
            .build());
    spec.addOption(
        CommandModel.option(
                "--input-format",
                BatchRun.Format.class,
                "FORMAT",
                "csv or jsonl; needed when the input is - or has another extension.")
            .build());
    spec.addOption(
        CommandModel.option(
                "--output-format",
                BatchRun.Format.class,
                "FORMAT",
                "jsonl or csv; needed when the output is - or has another extension.")
            .build());
    spec.addOption(
        CommandModel.option(
                "--on",
                java.time.LocalDate.class,
                "YYYY-MM-DD",
                "The date learner records are checked as of (default: today).")
            .converters(new IsoDate())
            .build());
    spec.addOption(
        CommandModel.option(
                "--threads",
                Integer.class,
                "N",
                "Worker threads (default: the number of processors).")
            .build());
    CommandModel.exitCodes(
        spec,
        "0:every record meets the rules",
        "1:some record does not meet the rules or is in error",
        "2:bad command line, or input that cannot be read at all",
        "3:invalid spec",
        "70:output could not be written (nothing partial is left behind)");
    command.spec = spec;
    return spec;
  }

  private void readOptions() {
    specFiles = CommandModel.value(spec, "--spec");
    input = CommandModel.value(spec, "--input");
    output = CommandModel.value(spec, "--output");
    inputFormat = CommandModel.value(spec, "--input-format");
    outputFormat = CommandModel.value(spec, "--output-format");
    on = CommandModel.value(spec, "--on");
    threads = CommandModel.value(spec, "--threads");
  }

  @Override
  public Integer call() {
    readOptions();
    PrintWriter err = spec.commandLine().getErr();
    BatchRun.Format in;
    BatchRun.Format out;
    try {
      in = format(inputFormat, input, "--input");
      out = format(outputFormat, output, "--output");
    } catch (UsageException e) {
      err.println("qualcheck: " + e.getMessage());
      return ExitCode.USAGE;
    }
    if (threads != null && (threads < 1 || threads > 256)) {
      err.println("qualcheck: --threads must be from 1 to 256");
      return ExitCode.USAGE;
    }
    List<Qualification> qualifications = new ArrayList<>();
    for (Path file : specFiles) {
      try {
        Qualification q = Specs.load(file, err);
        if (qualifications.stream().anyMatch(x -> x.code().equals(q.code()))) {
          err.println("qualcheck: two specs have the code " + q.code());
          return ExitCode.USAGE;
        }
        qualifications.add(q);
      } catch (Specs.SpecLoadFailed e) {
        return e.exitCode();
      }
    }
    BatchRun run = new BatchRun(qualifications,
        threads != null ? threads : Runtime.getRuntime().availableProcessors(),
        on != null ? on : java.time.LocalDate.now());
    long started = System.nanoTime();
    boolean terminal = System.console() != null;
    Path target = output.equals("-") ? null : Path.of(output);
    BatchRun.Summary summary;
    try (InputStream source = open(input);
        OutputFile file = target == null ? null : OutputFile.open(target, err)) {
      OutputStream sink = new BufferedOutputStream(
          file == null ? new NonClosing(System.out) : file.stream(), 1 << 16);
      try (OutputStream o = sink) {
        long[] shown = {0};
        summary = run.run(source, in, o, out, n -> {
          if (terminal && n / 100_000 != shown[0] / 100_000) {
            shown[0] = n;
            err.print("\r" + n + " records checked");
            err.flush();
          }
        });
      }
      if (file != null) {
        file.commit();
      }
    } catch (UsageException e) {
      err.println("qualcheck: " + e.getMessage());
      return ExitCode.USAGE;
    } catch (BatchInputException e) {
      err.println("qualcheck: " + input + ": " + e.getMessage());
      return ExitCode.USAGE;
    } catch (IOException e) {
      err.println("qualcheck: the batch stopped: " + OutputFile.describe(e)
          + (target == null ? "" : "; " + target + " was not written"));
      return ExitCode.SOFTWARE;
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    if (terminal) {
      err.print("\r");
    }
    // The time runs from the specs being loaded to the last result written, and says so.
    err.printf(Locale.ROOT, "%d records: %d met, %d not met, %d errors (%.2f s reading, checking"
            + " and writing, %,.0f records/s; start-up and loading the specs not included)%n",
        summary.records(), summary.met(), summary.notMet(), summary.errors(), seconds,
        summary.records() / Math.max(seconds, 1e-9));
    err.flush();
    return summary.met() == summary.records() ? ExitCode.MET : ExitCode.NOT_MET;
  }

  private static InputStream open(String input) throws UsageException, IOException {
    if (input.equals("-")) {
      return new java.io.FilterInputStream(System.in) {
        @Override
        public void close() {}
      };
    }
    Path p = Path.of(input);
    if (Files.isDirectory(p)) {
      throw new UsageException(input + ": is a folder, not an input file");
    }
    try {
      return Files.newInputStream(p);
    } catch (NoSuchFileException e) {
      throw new UsageException(input + ": no such input file");
    } catch (AccessDeniedException e) {
      throw new UsageException(input + ": cannot be read (permission denied)");
    }
  }

  private static BatchRun.Format format(BatchRun.Format given, String file, String option)
      throws UsageException {
    if (given != null) {
      return given;
    }
    String name = file.toLowerCase(Locale.ROOT);
    if (name.endsWith(".csv")) {
      return BatchRun.Format.CSV;
    }
    if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
      return BatchRun.Format.JSONL;
    }
    throw new UsageException("cannot tell the format of " + option + " " + file
        + "; give " + option + "-format csv or jsonl");
  }

  /** Standard output must stay open after the batch's writer is closed. */
  private static final class NonClosing extends java.io.FilterOutputStream {
    NonClosing(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      if (out instanceof java.io.PrintStream ps && ps.checkError()) {
        throw new IOException("standard output could not be written");
      }
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}
