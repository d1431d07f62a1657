package org.qualcheck.spec;

import static com.google.common.base.Preconditions.checkNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.qualcheck.model.Qualification;
import org.qualcheck.model.SourceLocation;

/**
 * Reads a qualification spec (a YAML file in the format of {@code qualification.schema.json}) into
 * a {@link Qualification}.
 *
 * <p>Reading is strict and safe on untrusted files: YAML features a spec never needs (anchors,
 * aliases, tags, several documents) are refused, sizes and nesting are bounded, and no value is
 * coerced to another type. The file is checked against the JSON Schema first, then the unit
 * catalogues it lists are read, then it is checked for consistency; every problem found at a stage
 * is reported at once, each with its file, line and column, in a {@link SpecException}.
 *
 * <p>A spec may take units from catalogues (files in the format of {@code catalogue.schema.json})
 * listed under {@code catalogues}, by paths relative to the spec's folder. A spec read from a
 * {@link Path} finds them beside it; a spec read from a stream or a string has no folder, so one
 * that lists catalogues is refused unless a folder is given with {@link #read(String, String,
 * Path)}. Catalogues are read under the same rules and limits as specs.
 *
 * <p>Instances are immutable and thread-safe; create one and share it.
 */
public final class SpecReader {
  /** The largest spec or catalogue file read, in bytes (4 MiB). */
  public static final int MAX_BYTES = YamlTreeReader.MAX_CHARS;

  /** The most units a spec may declare. */
  public static final int MAX_UNITS = YamlTreeReader.MAX_UNITS;

  /** The most groups a spec may declare. */
  public static final int MAX_GROUPS = YamlTreeReader.MAX_GROUPS;

  /** The most rules a spec may state. */
  public static final int MAX_RULES = YamlTreeReader.MAX_RULES;

  /** The most units a spec's groups may list, all together; a unit in two groups counts twice. */
  public static final int MAX_GROUP_LISTINGS = YamlTreeReader.MAX_GROUP_LISTINGS;

  /**
   * The most units a spec's rules may cover, all together: each unit a rule names counts once, and
   * each group it names as many units as the group lists.
   */
  public static final int MAX_RULE_COVERAGE = YamlTreeReader.MAX_RULE_COVERAGE;

  /** The most units one unit catalogue may hold. */
  public static final int MAX_CATALOGUE_UNITS = YamlTreeReader.MAX_CATALOGUE_UNITS;

  private static final String TOO_LARGE =
      "the file is larger than 4 MB; a spec is far smaller, so this is not a spec";

  private final YamlTreeReader yaml = new YamlTreeReader();
  private final SchemaCheck schema = SchemaCheck.spec();
  private final CatalogueReader catalogues = new CatalogueReader(yaml);

  /** A reader using the spec schema packaged with this library. */
  public SpecReader() {}

  /**
   * Reads the spec in {@code file}, and the catalogues it lists from its folder; problems name the
   * files as the path was given.
   *
   * @param file the spec file
   * @return the qualification the spec describes
   */
  public Qualification read(Path file) {
    checkNotNull(file, "file");
    String name = file.toString();
    return read(name, decode(name, bytes(file)), Optional.of(folderOf(file)));
  }

  /**
   * Reads a unit catalogue on its own, for the checks that look at units alone (check characters,
   * levels): its units as a qualification without groups or rules, each numbered by its unit
   * reference number and located where the catalogue writes it.
   *
   * @param file the catalogue file
   * @return the catalogue's units, as a qualification without groups or rules
   */
  public Qualification readCatalogue(Path file) {
    checkNotNull(file, "file");
    String name = file.toString();
    return catalogueAsQualification(file, decode(name, bytes(file)));
  }

  /**
   * Reads {@code file} as {@link #read(Path)} does, unless it holds a unit catalogue (a {@code
   * catalogue} key and no {@code qualification} key): then as {@link #readCatalogue(Path)} does.
   * For tools handed both kinds, such as lint; a spec is read and parsed once.
   *
   * @param file the spec or catalogue file
   * @return the qualification the spec describes, or the catalogue's units
   */
  public Qualification readSpecOrCatalogue(Path file) {
    checkNotNull(file, "file");
    String name = file.toString();
    String text = decode(name, bytes(file));
    LocatedTree tree = yaml.read(name, withoutByteOrderMark(text));
    if (isCatalogue(tree)) {
      return catalogueAsQualification(file, text);
    }
    return assemble(tree, Optional.of(folderOf(file)));
  }

  private Qualification catalogueAsQualification(Path file, String text) {
    Catalogue c = catalogues.read(file.toString(), text);
    Qualification.Builder b =
        Qualification.builder(String.valueOf(file.getFileName())).title(c.title()).source(c.source());
    for (CatalogueUnit u : c.units().values()) {
      String number = u.reference().value();
      b.unit(u.numbered(number)).location("unit:" + number, u.location());
    }
    return b.build();
  }

  private static boolean isCatalogue(LocatedTree tree) {
    return tree.root().has("catalogue") && !tree.root().has("qualification");
  }

  private static Path folderOf(Path file) {
    return file.getParent() != null ? file.getParent() : Path.of("");
  }

  private static byte[] bytes(Path file) {
    return bytes(file, "spec", TOO_LARGE);
  }

  /**
   * The file's bytes, or a located problem: an empty path, missing, a folder, unreadable or over 4
   * MB. The read itself stops after 4 MB, so a device or a pipe that never ends is refused like a
   * large file rather than read until memory runs out.
   *
   * @param what what the file should be ("spec", "framework"), for sentences
   * @param tooLarge the sentence for a file over the limit
   */
  static byte[] bytes(Path file, String what, String tooLarge) {
    String name = file.toString();
    if (name.isEmpty()) {
      throw failure(
          name, SpecException.Kind.NOT_FOUND, "an empty path was given; name the " + what + " file");
    }
    try {
      if (Files.isDirectory(file)) {
        throw failure(
            name, SpecException.Kind.NOT_A_FILE, "this is a folder, not a " + what + " file");
      }
      byte[] bytes = readAtMost(file, YamlTreeReader.MAX_CHARS);
      if (bytes == null) {
        throw failure(name, SpecException.Kind.TOO_LARGE, tooLarge);
      }
      return bytes;
    } catch (NoSuchFileException e) {
      throw failure(name, SpecException.Kind.NOT_FOUND, "the file does not exist");
    } catch (AccessDeniedException e) {
      throw failure(
          name, SpecException.Kind.NOT_READABLE, "the file cannot be read: permission is denied");
    } catch (IOException e) {
      throw failure(name, SpecException.Kind.NOT_READABLE, "the file cannot be read");
    }
  }

  /**
   * The bytes of a file of at most {@code limit} bytes, or null if it holds more; at most {@code
   * limit + 1} bytes are read, whatever the file is (a regular file, a device, a pipe).
   */
  static byte[] readAtMost(Path file, int limit) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] bytes = in.readNBytes(limit + 1);
      return bytes.length > limit ? null : bytes;
    }
  }

  /**
   * Reads a spec from a stream, which is read to its end (up to the 4 MB limit) but not closed.
   *
   * @param displayName how problems name the source, usually its path
   * @param in the stream holding the spec
   * @return the qualification the spec describes
   */
  public Qualification read(String displayName, InputStream in) {
    checkNotNull(displayName, "displayName");
    checkNotNull(in, "in");
    byte[] bytes;
    try {
      bytes = in.readNBytes(YamlTreeReader.MAX_CHARS + 1);
    } catch (IOException e) {
      throw failure(displayName, SpecException.Kind.NOT_READABLE, "the spec cannot be read");
    }
    if (bytes.length > YamlTreeReader.MAX_CHARS) {
      throw failure(displayName, SpecException.Kind.TOO_LARGE, TOO_LARGE);
    }
    return read(displayName, decode(displayName, bytes));
  }

  /**
   * Reads a spec from a character stream, which is read to its end (up to the 4 MB limit) but not
   * closed: for callers that hold a spec as text rather than as a file, such as a database column.
   *
   * @param displayName how problems name the source, usually its path
   * @param in the stream holding the spec's text
   * @return the qualification the spec describes
   */
  public Qualification read(String displayName, Reader in) {
    checkNotNull(displayName, "displayName");
    checkNotNull(in, "in");
    StringBuilder text = new StringBuilder();
    char[] buffer = new char[8192];
    try {
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        text.append(buffer, 0, n);
        if (text.length() > YamlTreeReader.MAX_CHARS) {
          throw failure(displayName, SpecException.Kind.TOO_LARGE, TOO_LARGE);
        }
      }
    } catch (IOException e) {
      throw failure(displayName, SpecException.Kind.NOT_READABLE, "the spec cannot be read");
    }
    return read(displayName, text.toString());
  }

  /**
   * Reads a spec from its text. It has no folder, so a spec that lists catalogues is refused.
   *
   * @param displayName how problems name the source, usually its path
   * @param yamlText the spec's YAML text
   * @return the qualification the spec describes
   */
  public Qualification read(String displayName, String yamlText) {
    checkNotNull(displayName, "displayName");
    checkNotNull(yamlText, "yamlText");
    return read(displayName, yamlText, Optional.empty());
  }

  /**
   * Reads a spec from its text, finding the catalogues it lists in {@code folder} as though the
   * spec were a file there.
   *
   * @param displayName how problems name the source, usually its path
   * @param folder the folder catalogue paths are relative to and must stay inside; problems in a
   *     catalogue name it by this folder and its path
   * @param yamlText the spec's YAML text
   * @return the qualification the spec describes
   */
  public Qualification read(String displayName, String yamlText, Path folder) {
    checkNotNull(displayName, "displayName");
    checkNotNull(yamlText, "yamlText");
    checkNotNull(folder, "folder");
    return read(displayName, yamlText, Optional.of(folder));
  }

  private Qualification read(String displayName, String yamlText, Optional<Path> folder) {
    if (yamlText.length() > YamlTreeReader.MAX_CHARS) {
      throw failure(displayName, SpecException.Kind.TOO_LARGE, TOO_LARGE);
    }
    return assemble(yaml.read(displayName, withoutByteOrderMark(yamlText)), folder);
  }

  private static String withoutByteOrderMark(String text) {
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  /** The qualification a parsed spec describes, or every problem with it. */
  private Qualification assemble(LocatedTree tree, Optional<Path> folder) {
    if (isCatalogue(tree)) {
      throw new SpecException(
          List.of(
              new SpecProblem(
                  tree.keyAt(List.of("catalogue")),
                  "this is a unit catalogue, not a qualification spec; list it under \"catalogues\""
                      + " in the specs that take units from it")));
    }
    if (tree.root().has("framework") && !tree.root().has("qualification")) {
      throw new SpecException(
          List.of(
              new SpecProblem(
                  tree.keyAt(List.of("framework")),
                  "this is an apprenticeship framework spec, not a qualification spec; read it as"
                      + " a framework")));
    }
    List<SpecProblem> tooLarge = YamlTreeReader.sizeProblems(tree);
    if (!tooLarge.isEmpty()) {
      throw new SpecException(tooLarge);
    }
    List<SpecProblem> problems = schema.check(tree);
    if (!problems.isEmpty()) {
      List<SpecProblem> all = new ArrayList<>(problems);
      for (SpecProblem p : SpecAssembler.referenceProblems(tree)) {
        if (!all.contains(p)) {
          all.add(p);
        }
      }
      all.sort(
          Comparator.comparingInt((SpecProblem p) -> p.location().line())
              .thenComparingInt(p -> p.location().column()));
      throw new SpecException(YamlTreeReader.capped(all));
    }
    return SpecAssembler.assemble(tree, Catalogues.load(tree, folder, catalogues));
  }

  /** UTF-8 text of a spec or catalogue file, or a problem at its start naming it {@code name}. */
  static String decode(String name, byte[] bytes) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw failure(
          name, SpecException.Kind.NOT_UTF8, "the file is not UTF-8 text; save it as UTF-8");
    }
  }

  private static SpecException failure(String name, SpecException.Kind kind, String message) {
    return new SpecException(
        kind, List.of(new SpecProblem(new SourceLocation(name, 1, 1), message)));
  }
}
