package org.qualcheck.cli.batch;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.CharsetDecoder;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongConsumer;
import org.qualcheck.model.Qualification;

/**
 * Streams batch input to output: the calling thread cuts the input into chunks of whole lines,
 * worker threads split, decode, parse, check and encode each chunk, and the calling thread writes
 * the encoded chunks in input order. At most a fixed number of chunks are in flight and their
 * buffers are reused, so memory stays constant however long the input. Every non-blank input line
 * yields exactly one output record; a blank line is not a record. A line ends at LF, CR or CR LF
 * ({@link Lines}).
 */
public final class BatchRun {
  /** Input formats. */
  public enum Format {
    CSV,
    JSONL
  }

  /** What a run did. */
  public record Summary(long records, long met, long notMet, long errors) {}

  /** Chunks in flight per worker thread, and in all. */
  private static final int INFLIGHT_PER_THREAD = 2;
  private static final int MAX_INFLIGHT = 16;

  private final RecordChecker checker;
  private final int threads;
  private final boolean fastPath;
  private final int cached;

  public BatchRun(List<Qualification> qualifications, int threads) {
    this(qualifications, threads, true, FastPath.CACHED, java.time.LocalDate.now());
  }

  /** A run that checks learner records as of {@code asOf}. */
  public BatchRun(List<Qualification> qualifications, int threads, java.time.LocalDate asOf) {
    this(qualifications, threads, true, FastPath.CACHED, asOf);
  }

  BatchRun(List<Qualification> qualifications, int threads, boolean fastPath, int cached) {
    this(qualifications, threads, fastPath, cached, java.time.LocalDate.now());
  }

  /**
   * @param fastPath whether common CSV records are checked on their bytes ({@link FastPath}); the
   *     output is the same either way
   * @param cached how many encoded lists of failing rules the fast path keeps
   */
  BatchRun(List<Qualification> qualifications, int threads, boolean fastPath, int cached,
      java.time.LocalDate asOf) {
    this.checker = new RecordChecker(qualifications, asOf);
    this.threads = Math.max(1, threads);
    this.fastPath = fastPath;
    this.cached = cached;
  }

  /**
   * Checks every record of {@code in} and writes one result per record to {@code out}.
   *
   * @param progress told the number of records written so far, now and then
   * @throws BatchInputException if the input cannot be processed at all (a CSV header missing)
   * @throws IOException if reading or writing fails, or Java runs out of heap on this thread (as
   *     it can gathering a long CSV's rows by learner) or on a worker's
   */
  public Summary run(InputStream in, Format inputFormat, OutputStream out, Format outputFormat,
      LongConsumer progress) throws IOException, BatchInputException {
    try {
      return runInput(in, inputFormat, out, outputFormat, progress);
    } catch (OutOfMemoryError e) {
      throw outOfMemory(e);
    }
  }

  private Summary runInput(InputStream in, Format inputFormat, OutputStream out,
      Format outputFormat, LongConsumer progress) throws IOException, BatchInputException {
    RecordParser parser;
    boolean json = inputFormat == Format.JSONL;
    FastPath fast = null;
    ChunkReader chunks;
    List<String> passthrough = List.of();
    if (inputFormat == Format.CSV) {
      LineReader lines = new LineReader(in);
      RawRecord header = nextNonBlank(lines);
      List<String> columns = RecordParser.Csv.columns(header);
      if (LongCsv.isLong(columns)) {
        return runLong(LongCsv.of(columns), lines, out, outputFormat, progress);
      }
      RecordParser.Csv csv = RecordParser.Csv.fromHeader(header);
      parser = csv;
      passthrough = new ArrayList<>(csv.header());
      passthrough.removeAll(List.of("learner", "units", "qualification"));
      if (fastPath && !checker.anyVariants()) {
        fast = new FastPath(csv.header(), checker.checkers(), cached);
      }
      chunks = new ChunkReader(in, lines.buffered(), lines.linesRead() + 1, lines.atEnd(),
          lines.afterCr());
    } else {
      parser = new RecordParser.JsonLines();
      if (fastPath && !checker.anyVariants()) {
        fast = new FastPath(null, checker.checkers(), cached);
      }
      chunks = new ChunkReader(in, new byte[0], 1, false, false);
    }
    long[] counts = new long[4];
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "qualcheck-batch");
      t.setDaemon(true);
      return t;
    });
    try (ResultWriter writer = outputFormat == Format.CSV
        ? new ResultWriter.Csv(out, passthrough, checker.anyPathways(), json)
        : new ResultWriter.JsonLines(out)) {
      Deque<InFlight> inflight = new ArrayDeque<>();
      Deque<Chunk> free = new ArrayDeque<>();
      int maxInflight = Math.min(MAX_INFLIGHT, threads * INFLIGHT_PER_THREAD + 1);
      FastPath f = fast;
      while (true) {
        Chunk chunk = free.isEmpty() ? new Chunk() : free.pop();
        if (!chunks.fill(chunk)) {
          break;
        }
        inflight.add(new InFlight(chunk, pool.submit(() -> {
          encode(chunk, parser, f, json, writer);
          return null;
        })));
        while (!inflight.isEmpty()
            && (inflight.size() >= maxInflight || inflight.peek().done().isDone())) {
          free.push(write(inflight.poll(), writer, counts, progress));
        }
      }
      while (!inflight.isEmpty()) {
        write(inflight.poll(), writer, counts, progress);
      }
    } finally {
      pool.shutdownNow();
    }
    return new Summary(counts[0], counts[1], counts[2], counts[3]);
  }

  /**
   * Long CSV: every row is read and gathered by learner before the first result, then each
   * learner's record is checked and written in order of first appearance.
   */
  private Summary runLong(LongCsv format, LineReader lines, OutputStream out,
      Format outputFormat, LongConsumer progress) throws IOException {
    Iterator<ParsedRecord> records = format.read(lines);
    long[] counts = new long[4];
    try (ResultWriter writer = outputFormat == Format.CSV
        ? new ResultWriter.Csv(out, List.of(), false, true)
        : new ResultWriter.JsonLines(out)) {
      Chunk.Output buffer = new Chunk.Output();
      while (records.hasNext()) {
        ParsedRecord r = records.next();
        buffer.reset();
        Outcome o = checker.check(r);
        try (ResultWriter.Encoder encoder = writer.encoder(buffer)) {
          encoder.write(o);
        }
        writer.writeEncoded(buffer.bytes(), 0, buffer.size());
        counts[0]++;
        counts[o.error() != null ? 3 : o.met() ? 1 : 2]++;
        progress.accept(counts[0]);
      }
    }
    return new Summary(counts[0], counts[1], counts[2], counts[3]);
  }

  private static RawRecord nextNonBlank(LineReader lines) throws IOException {
    RawRecord r;
    while ((r = lines.next()) != null && r.blank()) {
      // a blank line is not a record
    }
    return r;
  }

  /** Splits a chunk into lines and encodes one result for each record, on a worker thread. */
  private void encode(Chunk chunk, RecordParser parser, FastPath fast, boolean json,
      ResultWriter writer) throws IOException {
    try (ResultWriter.Encoder encoder = writer.encoder(chunk.output);
        FastPath.Scratch scratch = fast == null ? null : fast.scratch()) {
      if (chunk.tooLongLine > 0) {
        general(chunk, RawRecord.unreadable(chunk.tooLongLine, Lines.TOO_LONG), parser, encoder);
        return;
      }
      CharsetDecoder decoder = Lines.decoder();
      byte[] data = chunk.data;
      int length = chunk.length;
      long line = chunk.firstLine;
      for (int from = 0; from < length; line++) {
        int end = from;
        while (end < length && !Lines.isLineEnd(data[end])) {
          end++;
        }
        if (end - from > Lines.MAX_LINE_BYTES) {
          general(chunk, RawRecord.unreadable(line, Lines.TOO_LONG), parser, encoder);
        } else {
          int s = Lines.contentStart(data, from, end, line);
          if (fast != null && (json ? fast.checkJson(data, s, end, line, scratch)
              : fast.check(data, s, end, line, scratch))) {
            encoder.write(scratch, fast);
            chunk.records++;
            if (scratch.met) {
              chunk.met++;
            } else {
              chunk.notMet++;
            }
          } else {
            RawRecord raw = Lines.decode(data, from, end, line, decoder);
            if (!raw.blank()) {
              general(chunk, raw, parser, encoder);
            }
          }
        }
        from = end < length ? Lines.nextLineStart(data, end, length) : end + 1;
      }
    }
  }

  /** Parses, checks and encodes one record through the general path. */
  private void general(Chunk chunk, RawRecord raw, RecordParser parser,
      ResultWriter.Encoder encoder) throws IOException {
    Outcome o = checker.check(parser.parse(raw));
    encoder.write(o);
    chunk.records++;
    if (o.error() != null) {
      chunk.errors++;
    } else if (o.met()) {
      chunk.met++;
    } else {
      chunk.notMet++;
    }
  }

  /** A chunk handed to a worker, and the worker's completion. */
  record InFlight(Chunk chunk, Future<Void> done) {}

  /** How a run that ran out of heap says so, before the heap's size. */
  static final String OUT_OF_MEMORY = "Java ran out of memory (its heap is at most ";

  /** The reason a run that ran out of heap stopped, with the heap's size and how to give more. */
  static IOException outOfMemory(OutOfMemoryError e) {
    return new IOException(OUT_OF_MEMORY + Runtime.getRuntime().maxMemory() / (1024 * 1024)
        + " MB); give it more, e.g. QUALCHECK_JAVA_OPTS=-Xmx512m", e);
  }

  /**
   * Waits for a chunk's results and writes them; returns the chunk for reuse. A worker that ran
   * out of heap stops the run with an {@link IOException} saying so, like any other failure to
   * finish the output.
   */
  static Chunk write(InFlight inflight, ResultWriter writer, long[] counts,
      LongConsumer progress) throws IOException {
    try {
      inflight.done().get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("the batch was interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      if (e.getCause() instanceof OutOfMemoryError oom) {
        throw outOfMemory(oom);
      }
      throw new IllegalStateException("checking a chunk of records failed", e.getCause());
    }
    Chunk c = inflight.chunk();
    writer.writeEncoded(c.output.bytes(), 0, c.output.size());
    counts[0] += c.records;
    counts[1] += c.met;
    counts[2] += c.notMet;
    counts[3] += c.errors;
    progress.accept(counts[0]);
    return c;
  }
}
