package org.qualcheck.cli.batch;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongConsumer;
import org.qualcheck.model.Qualification;

/**
 * Streams batch input to output: the calling thread reads lines in chunks, worker threads parse and
 * check each chunk, and the calling thread writes the chunks' outcomes back in input order. At most
 * a fixed number of chunks are in flight, so memory stays constant however long the input. Every
 * non-blank input line yields exactly one output record; a blank line is not a record.
 */
public final class BatchRun {
  /** Input formats. */
  public enum Format {
    CSV,
    JSONL
  }

  /** What a run did. */
  public record Summary(long records, long met, long notMet, long errors) {}

  private static final int CHUNK = 2048;

  private final RecordChecker checker;
  private final int threads;

  public BatchRun(List<Qualification> qualifications, int threads) {
    this.checker = new RecordChecker(qualifications);
    this.threads = Math.max(1, threads);
  }

  /**
   * Checks every record of {@code in} and writes one result per record to {@code out}.
   *
   * @param progress told the number of records written so far, now and then
   * @throws BatchInputException if the input cannot be processed at all (a CSV header missing)
   * @throws IOException if reading or writing fails
   */
  public Summary run(InputStream in, Format inputFormat, OutputStream out, Format outputFormat,
      LongConsumer progress) throws IOException, BatchInputException {
    LineReader lines = new LineReader(in);
    RecordParser parser;
    List<String> passthrough = List.of();
    if (inputFormat == Format.CSV) {
      RecordParser.Csv csv = RecordParser.Csv.fromHeader(nextNonBlank(lines));
      parser = csv;
      passthrough = new ArrayList<>(csv.header());
      passthrough.removeAll(List.of("learner", "units", "qualification"));
    } else {
      parser = new RecordParser.JsonLines();
    }
    long[] counts = new long[4];
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "qualcheck-batch");
      t.setDaemon(true);
      return t;
    });
    try (ResultWriter writer = outputFormat == Format.CSV
        ? new ResultWriter.Csv(out, passthrough) : new ResultWriter.JsonLines(out)) {
      Deque<Future<Encoded>> inflight = new ArrayDeque<>();
      int maxInflight = threads * 4;
      while (true) {
        List<RawRecord> chunk = new ArrayList<>(CHUNK);
        RawRecord raw;
        while (chunk.size() < CHUNK && (raw = lines.next()) != null) {
          if (!raw.blank()) {
            chunk.add(raw);
          }
        }
        if (chunk.isEmpty()) {
          break;
        }
        RecordParser p = parser;
        inflight.add(pool.submit(() -> {
          List<Outcome> outcomes = new ArrayList<>(chunk.size());
          long[] tally = new long[4];
          for (RawRecord r : chunk) {
            Outcome o = checker.check(p.parse(r));
            outcomes.add(o);
            tally[0]++;
            tally[o.error() != null ? 3 : o.met() ? 1 : 2]++;
          }
          return new Encoded(writer.encode(outcomes), tally);
        }));
        while (inflight.size() >= maxInflight) {
          write(inflight.poll(), writer, counts, progress);
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

  private static RawRecord nextNonBlank(LineReader lines) throws IOException {
    RawRecord r;
    while ((r = lines.next()) != null && r.blank()) {
      // a blank line is not a record
    }
    return r;
  }

  /** A chunk's results, encoded, and its counts: records, met, not met, errors. */
  private record Encoded(byte[] bytes, long[] tally) {}

  private static void write(Future<Encoded> chunk, ResultWriter writer, long[] counts,
      LongConsumer progress) throws IOException {
    Encoded encoded;
    try {
      encoded = chunk.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("the batch was interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      throw new IllegalStateException("checking a chunk of records failed", e.getCause());
    }
    writer.writeEncoded(encoded.bytes());
    for (int k = 0; k < counts.length; k++) {
      counts[k] += encoded.tally()[k];
    }
    progress.accept(counts[0]);
  }
}
