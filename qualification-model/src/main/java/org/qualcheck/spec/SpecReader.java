package org.qualcheck.spec;

import static com.google.common.base.Preconditions.checkNotNull;

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
import java.util.List;
import org.qualcheck.model.Qualification;
import org.qualcheck.model.SourceLocation;

/**
 * Reads a qualification spec (a YAML file in the format of {@code qualification.schema.json}) into
 * a {@link Qualification}.
 *
 * <p>Reading is strict and safe on untrusted files: YAML features a spec never needs (anchors,
 * aliases, tags, several documents) are refused, sizes and nesting are bounded, and no value is
 * coerced to another type. The file is checked against the JSON Schema first and then for
 * consistency; every problem found is reported at once, each with its line and column, in a
 * {@link SpecException}.
 *
 * <p>Instances are immutable and thread-safe; create one and share it.
 */
public final class SpecReader {
  private static final String TOO_LARGE =
      "the file is larger than 4 MB; a spec is far smaller, so this is not a spec";

  private final YamlTreeReader yaml = new YamlTreeReader();
  private final SchemaCheck schema = new SchemaCheck();

  /** A reader using the spec schema packaged with this library. */
  public SpecReader() {}

  /** Reads the spec in {@code file}; problems name the file as the path was given. */
  public Qualification read(Path file) {
    checkNotNull(file, "file");
    String name = file.toString();
    byte[] bytes;
    try {
      if (Files.isDirectory(file)) {
        throw failure(name, "this is a folder, not a spec file");
      }
      if (Files.size(file) > YamlTreeReader.MAX_CHARS) {
        throw failure(name, TOO_LARGE);
      }
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw failure(name, "the file does not exist");
    } catch (AccessDeniedException e) {
      throw failure(name, "the file cannot be read: permission is denied");
    } catch (IOException e) {
      throw failure(name, "the file cannot be read");
    }
    return read(name, decode(name, bytes));
  }

  /**
   * Reads a spec from a stream, which is read to its end (up to the 4 MB limit) but not closed.
   *
   * @param displayName how problems name the source, usually its path
   */
  public Qualification read(String displayName, InputStream in) {
    checkNotNull(displayName, "displayName");
    checkNotNull(in, "in");
    byte[] bytes;
    try {
      bytes = in.readNBytes(YamlTreeReader.MAX_CHARS + 1);
    } catch (IOException e) {
      throw failure(displayName, "the spec cannot be read");
    }
    if (bytes.length > YamlTreeReader.MAX_CHARS) {
      throw failure(displayName, TOO_LARGE);
    }
    return read(displayName, decode(displayName, bytes));
  }

  /**
   * Reads a spec from a character stream, which is read to its end (up to the 4 MB limit) but not
   * closed: for callers that hold a spec as text rather than as a file, such as a database column.
   *
   * @param displayName how problems name the source, usually its path
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
          throw failure(displayName, TOO_LARGE);
        }
      }
    } catch (IOException e) {
      throw failure(displayName, "the spec cannot be read");
    }
    return read(displayName, text.toString());
  }

  /**
   * Reads a spec from its text.
   *
   * @param displayName how problems name the source, usually its path
   */
  public Qualification read(String displayName, String yamlText) {
    checkNotNull(displayName, "displayName");
    checkNotNull(yamlText, "yamlText");
    String text = yamlText.startsWith("\uFEFF") ? yamlText.substring(1) : yamlText;
    LocatedTree tree = yaml.read(displayName, text);
    List<SpecProblem> problems = schema.check(tree);
    if (!problems.isEmpty()) {
      throw new SpecException(YamlTreeReader.capped(problems));
    }
    return SpecAssembler.assemble(tree);
  }

  private static String decode(String name, byte[] bytes) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw failure(name, "the file is not UTF-8 text; save it as UTF-8");
    }
  }

  private static SpecException failure(String name, String message) {
    return new SpecException(List.of(new SpecProblem(new SourceLocation(name, 1, 1), message)));
  }
}
