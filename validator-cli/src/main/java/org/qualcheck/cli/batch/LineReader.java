package org.qualcheck.cli.batch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Splits batch input into physical lines, each decoded as UTF-8 on its own, so that a line with
 * bad bytes or of excessive length becomes an unreadable record for that line alone and reading
 * goes on with the next. A byte-order mark at the start is skipped; a carriage return before the
 * line feed is dropped.
 */
final class LineReader {
  /** The longest line read as a record; longer ones are reported, not held. */
  static final int MAX_LINE_BYTES = 64 * 1024;

  private final InputStream in;
  private final byte[] buffer = new byte[1 << 16];
  private final CharsetDecoder decoder =
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);
  private int pos;
  private int limit;
  private long line;
  private boolean eof;
  private byte[] lineBytes = new byte[256];

  LineReader(InputStream in) {
    this.in = in;
  }

  /** The next line, or null at the end of the input. */
  RawRecord next() throws IOException {
    int length = 0;
    boolean tooLong = false;
    boolean sawAny = false;
    while (true) {
      if (pos == limit) {
        if (eof || !fill()) {
          if (!sawAny) {
            return null;
          }
          break;
        }
      }
      sawAny = true;
      byte b = buffer[pos++];
      if (b == '\n') {
        break;
      }
      if (length < MAX_LINE_BYTES) {
        if (length == lineBytes.length) {
          lineBytes = java.util.Arrays.copyOf(lineBytes, Math.min(MAX_LINE_BYTES, length * 2));
        }
        lineBytes[length++] = b;
      } else {
        tooLong = true;
      }
    }
    line++;
    if (tooLong) {
      return RawRecord.unreadable(
          line, "the record is longer than " + MAX_LINE_BYTES + " bytes and was not read");
    }
    int start = 0;
    if (line == 1 && length >= 3 && (lineBytes[0] & 0xff) == 0xEF
        && (lineBytes[1] & 0xff) == 0xBB && (lineBytes[2] & 0xff) == 0xBF) {
      start = 3;
    }
    int end = length;
    if (end > start && lineBytes[end - 1] == '\r') {
      end--;
    }
    if (isAscii(start, end)) {
      return RawRecord.text(line, new String(lineBytes, start, end - start, StandardCharsets.ISO_8859_1));
    }
    try {
      return RawRecord.text(
          line, decoder.decode(ByteBuffer.wrap(lineBytes, start, end - start)).toString());
    } catch (CharacterCodingException e) {
      return RawRecord.unreadable(line, "the record is not valid UTF-8 text");
    }
  }

  private boolean isAscii(int start, int end) {
    for (int i = start; i < end; i++) {
      if (lineBytes[i] < 0) {
        return false;
      }
    }
    return true;
  }

  private boolean fill() throws IOException {
    int n = in.read(buffer, 0, buffer.length);
    if (n <= 0) {
      eof = true;
      return false;
    }
    pos = 0;
    limit = n;
    return true;
  }
}
