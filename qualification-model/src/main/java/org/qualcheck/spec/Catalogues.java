package org.qualcheck.spec;

import static com.google.common.base.Preconditions.checkNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.qualcheck.model.SourceLocation;

/**
 * The unit catalogues a spec lists under {@code catalogues}, found and read, and the units they
 * offer by unit reference number.
 *
 * <p>Each path is relative to the spec's folder and must stay inside that folder or a folder below
 * it, also once {@code ..} is resolved and symbolic links are followed, so a spec cannot make the
 * reader open files elsewhere on the machine. Two catalogues may both hold a unit only if they
 * agree on every detail of it: a unit reference number stands for one unit.
 *
 * @param listed the catalogues in the order the spec lists them
 * @param units every catalogue unit by unit reference number, first listing first
 */
record Catalogues(ImmutableList<Catalogue> listed, ImmutableMap<String, CatalogueUnit> units) {
  /** What a spec without {@code catalogues} draws on. */
  static final Catalogues NONE = new Catalogues(ImmutableList.of(), ImmutableMap.of());

  Catalogues {
    checkNotNull(listed, "listed");
    checkNotNull(units, "units");
  }

  /**
   * Reads the catalogues a schema-valid spec lists; throws {@link SpecException} with every problem
   * found: those with a path are located at the path in the spec, those inside a catalogue in the
   * catalogue.
   *
   * @param folder the folder catalogue paths are relative to, as the spec's path gives it; empty
   *     when the spec was not read from a file, and then {@code catalogues} is refused
   */
  static Catalogues load(LocatedTree spec, Optional<Path> folder, CatalogueReader reader) {
    JsonNode paths = spec.root().path("catalogues");
    if (paths.isMissingNode()) {
      return NONE;
    }
    List<Object> at = List.of("catalogues");
    if (folder.isEmpty()) {
      throw failure(
          spec.keyAt(at),
          "\"catalogues\" can be used only in a spec read from a file, because catalogue paths are"
              + " relative to the spec's folder");
    }
    Path root;
    try {
      root = folder.get().toRealPath();
    } catch (IOException | RuntimeException e) {
      throw failure(spec.keyAt(at), "the spec's folder cannot be read, so its catalogues cannot be found");
    }
    List<SpecProblem> pathProblems = new ArrayList<>();
    List<SpecProblem> catalogueProblems = new ArrayList<>();
    Map<Path, SourceLocation> seen = new HashMap<>();
    List<Catalogue> listed = new ArrayList<>();
    for (int i = 0; i < paths.size(); i++) {
      String given = paths.get(i).asText();
      SourceLocation where = spec.valueAt(List.of("catalogues", i));
      String name = "catalogue \"" + YamlTreeReader.safe(given) + "\"";
      Path file;
      try {
        file = locate(given, root);
      } catch (PathRefused e) {
        pathProblems.add(new SpecProblem(where, name + " " + e.getMessage()));
        continue;
      }
      SourceLocation first = seen.putIfAbsent(file, where);
      if (first != null) {
        pathProblems.add(
            new SpecProblem(
                where, name + " is listed twice; the first is on line " + first.line()));
        continue;
      }
      String shown = folder.get().resolve(given).normalize().toString();
      try {
        listed.add(reader.read(shown, text(file, shown)));
      } catch (PathRefused e) {
        pathProblems.add(new SpecProblem(where, name + " " + e.getMessage()));
      } catch (SpecException e) {
        catalogueProblems.addAll(e.problems());
      }
    }
    Map<String, CatalogueUnit> units = new LinkedHashMap<>();
    for (Catalogue c : listed) {
      for (CatalogueUnit u : c.units().values()) {
        CatalogueUnit earlier = units.putIfAbsent(u.reference().value(), u);
        List<String> differences = earlier == null ? List.of() : u.differencesFrom(earlier);
        if (!differences.isEmpty()) {
          catalogueProblems.add(
              new SpecProblem(
                  u.location(),
                  "unit \""
                      + u.reference()
                      + "\" is also in \""
                      + earlier.location().file()
                      + "\" on line "
                      + earlier.location().line()
                      + ", with "
                      + Phrases.joined(differences, "and")
                      + "; a unit reference number stands for one unit, so make the two agree"));
        }
      }
    }
    List<SpecProblem> problems = new ArrayList<>(pathProblems);
    problems.addAll(catalogueProblems);
    // In file order: the spec's own lines first, then each catalogue's in the order listed.
    Map<String, Integer> rank = new HashMap<>();
    rank.put(spec.file(), 0);
    problems.forEach(p -> rank.putIfAbsent(p.location().file(), rank.size()));
    problems.sort(
        Comparator.comparingInt((SpecProblem p) -> rank.get(p.location().file()))
            .thenComparingInt(p -> p.location().line())
            .thenComparingInt(p -> p.location().column()));
    if (!problems.isEmpty()) {
      throw new SpecException(YamlTreeReader.capped(problems));
    }
    return new Catalogues(ImmutableList.copyOf(listed), ImmutableMap.copyOf(units));
  }

  /** The unit with this unit reference number in any listed catalogue. */
  Optional<CatalogueUnit> unit(String reference) {
    return Optional.ofNullable(units.get(reference));
  }

  /**
   * The real path of the catalogue {@code given} names, inside {@code root} (itself a real path).
   * The check is made twice: on the path as written, with {@code ..} resolved, so that the sentence
   * can say the path leads out; and on the file it reaches, so that a link cannot lead out either.
   */
  private static Path locate(String given, Path root) throws PathRefused {
    Path written;
    try {
      written = Path.of(given);
    } catch (InvalidPathException e) {
      throw new PathRefused("is not a valid file path");
    }
    // Refused on every system, so that a spec means the same wherever it is read.
    boolean absolute =
        written.isAbsolute()
            || given.startsWith("/")
            || given.startsWith("\\")
            || given.matches("[A-Za-z]:.*");
    if (absolute) {
      throw new PathRefused(
          "is given by an absolute path; write its path relative to the spec's folder, such as"
              + " \"shared-units.yaml\"");
    }
    Path candidate = root.resolve(written).normalize();
    if (!candidate.startsWith(root)) {
      throw new PathRefused(
          "lies outside the spec's folder; keep catalogues in the spec's folder or a folder below"
              + " it");
    }
    Path real;
    try {
      real = candidate.toRealPath();
    } catch (NoSuchFileException e) {
      throw new PathRefused("does not exist; its path is relative to the spec's folder");
    } catch (AccessDeniedException e) {
      throw new PathRefused("cannot be read: permission is denied");
    } catch (IOException | RuntimeException e) {
      throw new PathRefused("cannot be read");
    }
    if (!real.startsWith(root)) {
      throw new PathRefused(
          "is a link to a file outside the spec's folder; keep catalogues in the spec's folder or"
              + " a folder below it");
    }
    if (Files.isDirectory(real)) {
      throw new PathRefused("is a folder, not a catalogue file");
    }
    if (!Files.isRegularFile(real)) {
      throw new PathRefused("is not a regular file");
    }
    return real;
  }

  /** The text of a located catalogue, under the size and encoding rules of a spec. */
  private static String text(Path file, String shown) throws PathRefused {
    byte[] bytes;
    try {
      bytes = SpecReader.readAtMost(file, YamlTreeReader.MAX_CHARS);
      if (bytes == null) {
        throw failure(new SourceLocation(shown, 1, 1), YamlTreeReader.Kind.CATALOGUE.tooLarge());
      }
    } catch (AccessDeniedException e) {
      throw new PathRefused("cannot be read: permission is denied");
    } catch (IOException e) {
      throw new PathRefused("cannot be read");
    }
    String text = SpecReader.decode(shown, bytes);
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  private static SpecException failure(SourceLocation where, String message) {
    return new SpecException(List.of(new SpecProblem(where, message)));
  }

  /** A catalogue path that cannot be followed; the message completes "catalogue "x" ...". */
  private static final class PathRefused extends Exception {
    private static final long serialVersionUID = 1L;

    PathRefused(String rest) {
      super(rest, null, false, false);
    }
  }
}
