package org.qualcheck.benchmarks;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.qualcheck.model.Qualification;

/**
 * Writes a CSV batch input for 03455 with the given number of learners, for measuring {@code
 * qualcheck batch} end to end. Every plan has the mandatory units and three to six random optional
 * units; one learner in a thousand names an unknown unit, so error records are exercised too. The
 * same count and seed always give the same file.
 *
 * <p>Usage: {@code java -cp benchmarks/target/benchmarks.jar
 * org.qualcheck.benchmarks.BatchInputGenerator RECORDS FILE [SEED]}
 */
public final class BatchInputGenerator {
  private BatchInputGenerator() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 2) {
      System.err.println("usage: BatchInputGenerator RECORDS FILE [SEED]");
      System.exit(2);
    }
    long records = Long.parseLong(args[0]);
    Path file = Path.of(args[1]);
    SplittableRandom rnd = new SplittableRandom(args.length > 2 ? Long.parseLong(args[2]) : 1);
    Qualification q = Structures.ocr03455();
    List<String> optional = new ArrayList<>(q.units().keySet());
    optional.removeAll(q.groups().get("A").units());
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write("learner,units,cohort\n");
      for (long i = 0; i < records; i++) {
        StringBuilder line = new StringBuilder(64);
        line.append('L').append(i).append(",F1 F2");
        int extra = 3 + rnd.nextInt(4);
        List<String> pool = new ArrayList<>(optional);
        for (int k = 0; k < extra; k++) {
          line.append(' ').append(pool.remove(rnd.nextInt(pool.size())));
        }
        if (i % 1000 == 0) {
          line.append(" Z9");
        }
        out.write(line.append(",2026\n").toString());
      }
    }
  }
}
