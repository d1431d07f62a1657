package org.qualcheck.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.qualcheck.model.Qualification;
import org.qualcheck.spec.SpecReader;
import org.qualcheck.synthetic.StructureGenerator;

/** The structures the benchmarks run on: the shipped 03455 spec and a 500-unit synthetic one. */
final class Structures {
  private Structures() {}

  static Qualification ocr03455() {
    try (InputStream in =
        Structures.class.getResourceAsStream("/specs/ocr-03455-customer-service-l2.yaml")) {
      return new SpecReader().read("ocr-03455-customer-service-l2.yaml", in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * 500 units in a mandatory group and 20 optional groups, levels 1 to 3, ten barred pairs, a
   * credits-at-level rule, a maximum from one group and choose rules.
   */
  static Qualification synthetic500() {
    return StructureGenerator.generate(
        42, new StructureGenerator.Settings(500, 20, true, 10, 0, 0, true, false));
  }
}
