package org.qualcheck.cli.batch;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * How one physical line of batch input becomes a {@link RawRecord}, wherever its bytes are held:
 * the line is decoded as UTF-8 on its own, so bad bytes or excessive length make an unreadable
 * record for that line alone. A byte-order mark at the start of line 1 is skipped.
 *
 * <p>A line ends at a line feed (LF), a carriage return (CR) or the pair CR LF, wherever it is: the
 * one rule every reader of batch input follows, so that an old Mac export (CR alone) or a stray CR
 * in the middle of a file starts a new record rather than merging two learners into one line.
 * Batch CSV holds one record per line; a quoted field cannot span lines, and each piece of one that
 * tries gets its own error result.
 */
final class Lines {
  /** The longest line read as a record; longer ones are reported, not held. */
  static final int MAX_LINE_BYTES = 64 * 1024;

  static final String TOO_LONG =
      "the record is longer than " + MAX_LINE_BYTES + " bytes and was not read";

  private Lines() {}

  /** A strict UTF-8 decoder; not thread-safe, so each reader of lines has its own. */
  static CharsetDecoder decoder() {
    return StandardCharsets.UTF_8
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
  }

  /** Where line {@code line}'s content starts in {@code bytes[start, end)}: past a line-1 BOM. */
  static int contentStart(byte[] bytes, int start, int end, long line) {
    if (line == 1 && end - start >= 3 && (bytes[start] & 0xff) == 0xEF
        && (bytes[start + 1] & 0xff) == 0xBB && (bytes[start + 2] & 0xff) == 0xBF) {
      return start + 3;
    }
    return start;
  }

  /** Whether {@code b} ends a line: a line feed or a carriage return. */
  static boolean isLineEnd(byte b) {
    return b == '\n' || b == '\r';
  }

  /**
   * Where the line after the one ending at {@code end} starts: past the line end, and past the LF
   * of a CR LF pair. {@code end} is the index of a line end byte in {@code bytes[..length)}.
   */
  static int nextLineStart(byte[] bytes, int end, int length) {
    return bytes[end] == '\r' && end + 1 < length && bytes[end + 1] == '\n' ? end + 2 : end + 1;
  }

  /**
   * How many lines end in {@code bytes[0, length)}: each LF, each CR and each CR LF pair counts
   * once. The caller makes sure no pair is cut between two calls.
   */
  static long lineEnds(byte[] bytes, int length) {
    long count = 0;
    for (int i = 0; i < length; i++) {
      byte b = bytes[i];
      if (b == '\r' || (b == '\n' && (i == 0 || bytes[i - 1] != '\r'))) {
        count++;
      }
    }
    return count;
  }

  /**
   * The record for line {@code line}, held in {@code bytes[start, end)} without its line end.
   * The caller has already turned away a line longer than {@link #MAX_LINE_BYTES}.
   */
  static RawRecord decode(byte[] bytes, int start, int end, long line, CharsetDecoder decoder) {
    int s = contentStart(bytes, start, end, line);
    int e = end;
    if (isAscii(bytes, s, e)) {
      return RawRecord.text(line, new String(bytes, s, e - s, StandardCharsets.ISO_8859_1));
    }
    try {
      return RawRecord.text(line, decoder.decode(ByteBuffer.wrap(bytes, s, e - s)).toString());
    } catch (CharacterCodingException ex) {
      return RawRecord.unreadable(line, "the record is not valid UTF-8 text");
    }
  }

  private static boolean isAscii(byte[] bytes, int start, int end) {
    for (int i = start; i < end; i++) {
      if (bytes[i] < 0) {
        return false;
      }
    }
    return true;
  }
}
