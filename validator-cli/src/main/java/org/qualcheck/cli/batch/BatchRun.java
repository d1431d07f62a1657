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
      Deque<Future<List<Outcome>>> inflight = new ArrayDeque<>();
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
          for (RawRecord r : chunk) {
            outcomes.add(checker.check(p.parse(r)));
          }
          return outcomes;
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

  private static void write(Future<List<Outcome>> chunk, ResultWriter writer, long[] counts,
      LongConsumer progress) throws IOException {
    List<Outcome> outcomes;
    try {
      outcomes = chunk.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("the batch was interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("checking a chunk of records failed", e.getCause());
    }
    for (Outcome o : outcomes) {
      writer.write(o);
      counts[0]++;
      if (o.error() != null) {
        counts[3]++;
      } else if (o.met()) {
        counts[1]++;
      } else {
        counts[2]++;
      }
    }
    progress.accept(counts[0]);
  }
}
