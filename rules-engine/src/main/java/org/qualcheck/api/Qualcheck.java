package org.qualcheck.api;

import static com.google.common.base.Preconditions.checkNotNull;

import java.io.Reader;
import java.nio.file.Path;
import org.qualcheck.check.Checker;
import org.qualcheck.model.Qualification;
import org.qualcheck.spec.SpecException;
import org.qualcheck.spec.SpecReader;

/**
 * Where an application that embeds qualcheck starts: loads a qualification's spec once, giving a
 * {@link LoadedQualification} that checks, completes and explains learners' plans against it.
 *
 * <pre>{@code
 * LoadedQualification nvq = Qualcheck.load(Path.of("specs/ocr-03455-customer-service-l2.yaml"));
 * CheckResult result = nvq.check(List.of("F1", "F2", "A3", "B2", "C3", "D2"));
 * boolean achieved = result.met();
 * }</pre>
 *
 * <p>Loading reads, validates and compiles the spec, which is the expensive step; keep the loaded
 * qualification and share it between threads. This class has no state of its own.
 */
public final class Qualcheck {
  private Qualcheck() {}

  /**
   * Reads, validates and compiles the spec in {@code spec}.
   *
   * @param spec the path of the spec file
   * @return the qualification, ready to check plans
   * @throws SpecException listing every problem in the file, each at its line and column, or
   *     saying why the file cannot be read
   */
  public static LoadedQualification load(Path spec) {
    checkNotNull(spec, "spec");
    return of(SharedReader.INSTANCE.read(spec));
  }

  /**
   * Reads, validates and compiles a spec held as text, such as a spec kept in a database. The
   * reader is read to its end but not closed.
   *
   * @param displayName how problems name the spec, e.g. its original file name
   * @param spec the spec's YAML text, as a character stream
   * @return the qualification, ready to check plans
   * @throws SpecException listing every problem in the spec, each at its line and column
   */
  public static LoadedQualification load(String displayName, Reader spec) {
    checkNotNull(displayName, "displayName");
    checkNotNull(spec, "spec");
    return of(SharedReader.INSTANCE.read(displayName, spec));
  }

  /**
   * Compiles a qualification already in memory, for example one built with {@link
   * Qualification#builder} rather than read from a spec.
   *
   * @param qualification the qualification to compile
   * @return the qualification, ready to check plans
   */
  public static LoadedQualification of(Qualification qualification) {
    checkNotNull(qualification, "qualification");
    return new LoadedQualification(Checker.of(qualification));
  }

  /** One spec reader for every load: it is immutable, and building one parses the JSON Schema. */
  private static final class SharedReader {
    static final SpecReader INSTANCE = new SpecReader();
  }
}
