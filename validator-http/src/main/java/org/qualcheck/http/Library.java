package org.qualcheck.http;

import static com.google.common.base.Preconditions.checkArgument;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.qualcheck.check.Checker;
import org.qualcheck.cli.batch.BatchRun;
import org.qualcheck.model.Qualification;
import org.qualcheck.plan.Planner;
import org.qualcheck.spec.FrameworkReader;
import org.qualcheck.spec.SpecException;
import org.qualcheck.spec.SpecProblem;
import org.qualcheck.spec.SpecReader;

/**
 * The qualifications a server answers for, each compiled once into the checker and planner every
 * request shares (both are immutable and thread-safe). Immutable.
 */
public final class Library {
  /** One qualification with its compiled engine. */
  public record Entry(Qualification qualification, Checker checker, Planner planner, BatchRun batch) {
    static Entry of(Qualification q, int batchThreads) {
      Checker checker = Checker.of(q);
      return new Entry(q, checker, Planner.of(checker), new BatchRun(List.of(q), batchThreads));
    }
  }

  /** Thrown when the specs folder cannot be served; each line is located and ready to print. */
  public static final class LoadException extends Exception {
    private static final long serialVersionUID = 1L;
    private final List<String> lines;

    LoadException(List<String> lines) {
      super(String.join("\n", lines), null, false, false);
      this.lines = List.copyOf(lines);
    }

    public List<String> lines() {
      return lines;
    }
  }

  private final Map<String, Entry> byCode;
  private final BatchRun batchAll;

  private Library(Map<String, Entry> byCode, BatchRun batchAll) {
    this.byCode = byCode;
    this.batchAll = batchAll;
  }

  /** A library of the given qualifications; their codes must differ. */
  public static Library of(Collection<Qualification> qualifications, int batchThreads) {
    Map<String, Entry> byCode = new LinkedHashMap<>();
    for (Qualification q : qualifications) {
      checkArgument(byCode.put(q.code(), Entry.of(q, batchThreads)) == null,
          "two specs have the code %s", q.code());
    }
    return new Library(
        java.util.Collections.unmodifiableMap(byCode),
        new BatchRun(List.copyOf(qualifications), batchThreads));
  }

  /**
   * Loads every spec under {@code folder} and its subfolders ({@code .yaml} and {@code .yml}, in
   * path order). Unit catalogues are read by the specs that list them and are not served on their
   * own; apprenticeship framework specs are not qualifications and are passed over. Any spec that cannot be loaded, or two specs with one code, fail the whole load: a server
   * that quietly left a spec out would answer 404 for it.
   */
  public static Library load(Path folder, int batchThreads) throws LoadException {
    if (!Files.isDirectory(folder)) {
      throw new LoadException(List.of("qualcheck: " + folder + ": no such specs folder"));
    }
    List<Path> files;
    try (Stream<Path> walk = Files.walk(folder)) {
      files = walk.filter(Files::isRegularFile)
          .filter(p -> {
            String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
            return n.endsWith(".yaml") || n.endsWith(".yml");
          })
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new LoadException(List.of("qualcheck: " + folder + ": cannot be read"));
    }
    SpecReader reader = new SpecReader();
    List<String> problems = new ArrayList<>();
    Map<String, Path> seen = new LinkedHashMap<>();
    List<Qualification> loaded = new ArrayList<>();
    for (Path file : files) {
      Qualification q;
      try {
        q = reader.read(file);
      } catch (SpecException e) {
        if (isCatalogue(reader, file)) {
          continue; // read by the specs that list it; it has no rules of its own to check against
        }
        if (isFramework(file)) {
          continue; // an apprenticeship framework, checked by the framework command, not served
        }
        for (SpecProblem p : e.problems()) {
          problems.add(p.location() + ": " + p.message());
        }
        continue;
      }
      Path before = seen.putIfAbsent(q.code(), file);
      if (before != null) {
        problems.add("qualcheck: " + file + ": has the code " + q.code() + ", as " + before + " does");
        continue;
      }
      loaded.add(q);
    }
    if (!problems.isEmpty()) {
      throw new LoadException(problems);
    }
    if (loaded.isEmpty()) {
      throw new LoadException(List.of("qualcheck: " + folder + ": holds no spec"));
    }
    return of(loaded, batchThreads);
  }

  private static boolean isFramework(Path file) {
    try {
      new FrameworkReader().read(file);
      return true;
    } catch (SpecException e) {
      return false;
    }
  }

  private static boolean isCatalogue(SpecReader reader, Path file) {
    try {
      reader.readCatalogue(file);
      return true;
    } catch (SpecException e) {
      return false;
    }
  }

  public Optional<Entry> get(String code) {
    return Optional.ofNullable(byCode.get(code));
  }

  /** Every qualification, in the order loaded. */
  public Collection<Entry> entries() {
    return byCode.values();
  }

  /** A batch over every qualification, whose records name their qualification's code. */
  public BatchRun batchAll() {
    return batchAll;
  }
}
