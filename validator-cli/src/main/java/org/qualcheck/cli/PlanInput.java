package org.qualcheck.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.qualcheck.model.UnitList;

/**
 * Reads the units of a plan as a person types them, by {@link UnitList}'s rule: separated by
 * commas or semicolons, and by spaces too unless some unit number of the qualification holds a
 * space (then {@code SHC 31, HSC 024} is two units). In a plan file, new lines also separate units
 * and {@code #} starts a comment that runs to the end of the line; on the command line ({@code
 * --units}) it is part of the text, so nothing typed there is dropped.
 */
final class PlanInput {
  private static final int MAX_BYTES = 1 << 20;

  private PlanInput() {}

  /**
   * The units of a list given on the command line; {@code #} is not a comment there.
   *
   * @param spaced whether unit numbers hold spaces, so that spaces do not separate units
   */
  static List<String> units(String text, boolean spaced) {
    return UnitList.split(text, spaced);
  }

  /**
   * The units of a plan file's text, leaving out {@code #} comments.
   *
   * @param spaced whether unit numbers hold spaces, so that spaces do not separate units
   */
  static List<String> tokens(String text, boolean spaced) {
    List<String> out = new ArrayList<>();
    for (String line : text.split("\\R", -1)) {
      int hash = line.indexOf('#');
      out.addAll(UnitList.split(hash >= 0 ? line.substring(0, hash) : line, spaced));
    }
    return out;
  }

  /** The text of a plan file, or of standard input for {@code -}. */
  static String text(String source, InputStream stdin) throws UsageException {
    if (source.isEmpty()) {
      throw new UsageException("an empty path was given for the plan; name a plan file, or - for"
          + " standard input");
    }
    byte[] bytes;
    try {
      if (source.equals("-")) {
        bytes = stdin.readNBytes(MAX_BYTES + 1);
      } else {
        Path path = Path.of(source);
        if (Files.isDirectory(path)) {
          throw new UsageException(source + ": is a folder, not a plan file");
        }
        try (InputStream in = Files.newInputStream(path)) {
          bytes = in.readNBytes(MAX_BYTES + 1);
        }
      }
    } catch (NoSuchFileException e) {
      throw new UsageException(source + ": no such plan file");
    } catch (IOException e) {
      throw new UsageException(source + ": cannot be read (" + e.getMessage() + ")");
    }
    String name = source.equals("-") ? "standard input" : source;
    if (bytes.length > MAX_BYTES) {
      throw new UsageException(name + ": a plan is at most 1 MiB");
    }
    try {
      String text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(java.nio.ByteBuffer.wrap(bytes))
              .toString();
      if (text.startsWith("\uFEFF")) {
        text = text.substring(1);
      }
      return text;
    } catch (CharacterCodingException e) {
      throw new UsageException(name + ": is not UTF-8 text");
    }
  }
}
