package org.qualcheck.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import org.qualcheck.model.Qualification;

/**
 * Raw bytes as a YAML spec: the reader returns a qualification or refuses the input with located
 * problems in plain words, and never throws anything else. In a normal build this replays the
 * inputs kept under {@code SpecReaderFuzzTestInputs/}; with {@code JAZZER_FUZZ=1} it fuzzes.
 */
class SpecReaderFuzzTest {
  private static final SpecReader READER = new SpecReader();

  @FuzzTest(maxDuration = "60s")
  void readsOrRefusesWithLocatedProblems(byte[] bytes) {
    try {
      Qualification q = READER.read("fuzz.yaml", new ByteArrayInputStream(bytes));
      assertThat(q.units()).isNotEmpty();
    } catch (SpecException e) {
      assertThat(e.problems()).isNotEmpty();
      for (SpecProblem p : e.problems()) {
        assertThat(p.location().file()).isEqualTo("fuzz.yaml");
        assertThat(p.location().line()).isPositive();
        assertThat(p.location().column()).isPositive();
        assertThat(p.message()).isNotBlank().doesNotContain("Exception").doesNotContain("\tat ");
      }
    }
  }
}
