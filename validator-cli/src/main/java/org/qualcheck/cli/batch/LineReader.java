package org.qualcheck.cli.batch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharsetDecoder;
import java.util.Arrays;

/**
 * Reads batch input line by line (see {@link Lines} for what ends a line), for the CSV header: what follows is handed
 * on in chunks, starting with the bytes this reader has buffered but not yet returned.
 */
final class LineReader {
  /** The longest line read as a record; longer ones are reported, not held. */
  static final int MAX_LINE_BYTES = Lines.MAX_LINE_BYTES;

  private final InputStream in;
  private final byte[] buffer = new byte[1 << 16];
  private final CharsetDecoder decoder = Lines.decoder();
  private int pos;
  private int limit;
  private long line;
  private boolean eof;
  private byte[] lineBytes = new byte[256];
  /** Whether the last line returned ended with a CR, so that an LF coming next is part of it. */
  private boolean afterCr;

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
      byte b = buffer[pos++];
      if (afterCr) {
        afterCr = false;
        if (b == '\n') {
          continue;
        }
      }
      sawAny = true;
      if (Lines.isLineEnd(b)) {
        afterCr = b == '\r';
        break;
      }
      if (length < MAX_LINE_BYTES) {
        if (length == lineBytes.length) {
          lineBytes = Arrays.copyOf(lineBytes, Math.min(MAX_LINE_BYTES, length * 2));
        }
        lineBytes[length++] = b;
      } else {
        tooLong = true;
      }
    }
    line++;
    if (tooLong) {
      return RawRecord.unreadable(line, Lines.TOO_LONG);
    }
    return Lines.decode(lineBytes, 0, length, line, decoder);
  }

  /** How many lines have been returned. */
  long linesRead() {
    return line;
  }

  /** The bytes read from the input but not yet returned as lines. */
  byte[] buffered() {
    return Arrays.copyOfRange(buffer, pos, limit);
  }

  /**
   * Whether the last line returned ended with a CR and no byte has been read after it yet, so that
   * an LF coming next belongs to that line end.
   */
  boolean afterCr() {
    return afterCr;
  }

  /** Whether the end of the input has been seen. */
  boolean atEnd() {
    return eof;
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
