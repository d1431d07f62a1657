package org.qualcheck.cli.batch;

import java.io.IOException;
import java.io.InputStream;

/**
 * Cuts batch input into chunks of whole lines, numbering them. It only moves bytes and counts
 * line feeds: splitting, decoding and parsing the lines is left to whoever checks the chunk.
 *
 * <p>A line longer than a chunk is never held: its bytes are skipped up to its line feed and it
 * becomes a chunk of its own that stands for that one unreadable line.
 */
final class ChunkReader {
  private final InputStream in;
  private final byte[] carry = new byte[Chunk.CAPACITY];
  private int carried;
  private boolean eof;
  private long nextLine;

  /**
   * @param in the input, read from where {@code pending} ends
   * @param pending bytes already read from {@code in} that come first
   * @param firstLine the number of the first line these bytes start
   * @param eof whether {@code in} is known to be at its end
   */
  ChunkReader(InputStream in, byte[] pending, long firstLine, boolean eof) {
    this.in = in;
    System.arraycopy(pending, 0, carry, 0, pending.length);
    this.carried = pending.length;
    this.nextLine = firstLine;
    this.eof = eof;
  }

  /** Fills the chunk with the next lines; false, leaving it empty, at the end of the input. */
  boolean fill(Chunk c) throws IOException {
    c.reset();
    byte[] data = c.data;
    System.arraycopy(carry, 0, data, 0, carried);
    int n = carried;
    carried = 0;
    while (n < data.length && !eof) {
      int r = in.read(data, n, data.length - n);
      if (r <= 0) {
        eof = true;
      } else {
        n += r;
      }
    }
    if (n == 0) {
      return false;
    }
    int last = n - 1;
    while (last >= 0 && data[last] != '\n') {
      last--;
    }
    c.firstLine = nextLine;
    if (last >= 0) {
      c.length = last + 1;
      carried = n - c.length;
      System.arraycopy(data, c.length, carry, 0, carried);
      nextLine += lineFeeds(data, c.length);
    } else if (eof) {
      c.length = n;
      nextLine++;
    } else {
      c.tooLongLine = nextLine++;
      skipRestOfLine(data);
    }
    return true;
  }

  /** Reads past the next line feed, keeping what follows it. */
  private void skipRestOfLine(byte[] scratch) throws IOException {
    while (!eof) {
      int r = in.read(scratch, 0, scratch.length);
      if (r <= 0) {
        eof = true;
        return;
      }
      for (int i = 0; i < r; i++) {
        if (scratch[i] == '\n') {
          carried = r - i - 1;
          System.arraycopy(scratch, i + 1, carry, 0, carried);
          return;
        }
      }
    }
  }

  private static int lineFeeds(byte[] data, int length) {
    int count = 0;
    for (int i = 0; i < length; i++) {
      if (data[i] == '\n') {
        count++;
      }
    }
    return count;
  }
}
