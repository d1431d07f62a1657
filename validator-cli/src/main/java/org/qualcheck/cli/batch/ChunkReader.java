package org.qualcheck.cli.batch;

import java.io.IOException;
import java.io.InputStream;

/**
 * Cuts batch input into chunks of whole lines, numbering them. It only moves bytes and counts line
 * ends (LF, CR or CR LF; see {@link Lines}): splitting, decoding and parsing the lines is left to
 * whoever checks the chunk. A chunk never ends between the CR and the LF of a pair: when a chunk's
 * last byte is a CR, an LF that starts the next read is dropped.
 *
 * <p>A line longer than a chunk is never held: its bytes are skipped up to its line end and it
 * becomes a chunk of its own that stands for that one unreadable line.
 */
final class ChunkReader {
  private final InputStream in;
  private final byte[] carry = new byte[Chunk.CAPACITY];
  private int carried;
  private boolean eof;
  private long nextLine;
  /** Whether the last line handed on ended with a CR whose LF, if it comes next, is part of it. */
  private boolean afterCr;

  /**
   * @param in the input, read from where {@code pending} ends
   * @param pending bytes already read from {@code in} that come first
   * @param firstLine the number of the first line these bytes start
   * @param eof whether {@code in} is known to be at its end
   * @param afterCr whether the bytes before {@code pending} ended with a CR, so that an LF coming
   *     first belongs to that line end
   */
  ChunkReader(InputStream in, byte[] pending, long firstLine, boolean eof, boolean afterCr) {
    this.in = in;
    System.arraycopy(pending, 0, carry, 0, pending.length);
    this.carried = pending.length;
    this.nextLine = firstLine;
    this.eof = eof;
    this.afterCr = afterCr;
  }

  /** Fills the chunk with the next lines; false, leaving it empty, at the end of the input. */
  boolean fill(Chunk c) throws IOException {
    c.reset();
    byte[] data = c.data;
    System.arraycopy(carry, 0, data, 0, carried);
    int n = carried;
    carried = 0;
    while (true) {
      while (n < data.length && !eof) {
        int r = in.read(data, n, data.length - n);
        if (r <= 0) {
          eof = true;
        } else {
          n += r;
        }
      }
      if (afterCr && n > 0) {
        afterCr = false;
        if (data[0] == '\n') {
          System.arraycopy(data, 1, data, 0, --n);
          continue;
        }
      }
      break;
    }
    if (n == 0) {
      return false;
    }
    int last = n - 1;
    while (last >= 0 && !Lines.isLineEnd(data[last])) {
      last--;
    }
    c.firstLine = nextLine;
    if (last >= 0) {
      c.length = last + 1;
      // Only a CR at the very end can be the first half of a pair cut by the read.
      afterCr = last == n - 1 && data[last] == '\r';
      carried = n - c.length;
      System.arraycopy(data, c.length, carry, 0, carried);
      nextLine += Lines.lineEnds(data, c.length);
    } else if (eof) {
      c.length = n;
      nextLine++;
    } else {
      c.tooLongLine = nextLine++;
      skipRestOfLine(data);
    }
    return true;
  }

  /** Reads past the next line end, keeping what follows it. */
  private void skipRestOfLine(byte[] scratch) throws IOException {
    while (!eof) {
      int r = in.read(scratch, 0, scratch.length);
      if (r <= 0) {
        eof = true;
        return;
      }
      for (int i = 0; i < r; i++) {
        if (Lines.isLineEnd(scratch[i])) {
          int next = Lines.nextLineStart(scratch, i, r);
          afterCr = next == r && scratch[i] == '\r';
          carried = r - next;
          System.arraycopy(scratch, next, carry, 0, carried);
          return;
        }
      }
    }
  }
}
