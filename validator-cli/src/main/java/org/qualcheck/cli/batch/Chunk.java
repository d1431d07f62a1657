package org.qualcheck.cli.batch;

import java.io.OutputStream;
import java.util.Arrays;

/**
 * A run of whole input lines and the encoded results for them. A batch keeps a few chunks and
 * reuses them, so reading, checking and writing a long input allocates no new buffers.
 */
final class Chunk {
  /**
   * How many input bytes a chunk holds. More than one line's limit, so that a chunk holding no line
   * feed can only be part of a line too long to read.
   */
  static final int CAPACITY = 128 * 1024;

  /** An encoded chunk's output buffer bigger than this is given back rather than kept. */
  private static final int KEEP_OUTPUT = 4 * 1024 * 1024;

  final byte[] data = new byte[CAPACITY];
  /** How many bytes of {@link #data} hold lines. */
  int length;
  /** The line number of the first line in {@link #data}. */
  long firstLine;
  /** When the chunk stands for a single line too long to read, its number; otherwise 0. */
  long tooLongLine;

  final Output output = new Output();
  long records;
  long met;
  long notMet;
  long errors;

  void reset() {
    length = 0;
    firstLine = 0;
    tooLongLine = 0;
    output.reset();
    records = 0;
    met = 0;
    notMet = 0;
    errors = 0;
  }

  /** A growable byte sink whose buffer survives between uses of the chunk. */
  static final class Output extends OutputStream {
    private byte[] bytes = new byte[64 * 1024];
    private int size;

    @Override
    public void write(int b) {
      ensure(1);
      bytes[size++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      ensure(len);
      System.arraycopy(b, off, bytes, size, len);
      size += len;
    }

    private void ensure(int more) {
      if (size + more > bytes.length) {
        bytes = Arrays.copyOf(bytes, Math.max(size + more, bytes.length * 2));
      }
    }

    byte[] bytes() {
      return bytes;
    }

    int size() {
      return size;
    }

    void reset() {
      size = 0;
      if (bytes.length > KEEP_OUTPUT) {
        bytes = new byte[64 * 1024];
      }
    }
  }
}
