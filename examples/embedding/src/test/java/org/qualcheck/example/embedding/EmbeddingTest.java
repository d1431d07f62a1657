package org.qualcheck.example.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.qualcheck.api.LoadedQualification;
import org.qualcheck.api.Qualcheck;
import org.qualcheck.check.CheckResult;
import org.qualcheck.check.RuleOutcome;
import org.qualcheck.plan.Completion;
import org.qualcheck.progress.RecordResult;
import org.qualcheck.record.LearnerRecord;
import org.qualcheck.record.UnitEntry;
import org.qualcheck.record.Via;

/**
 * qualcheck used by coordinates from a module of its own: the README's example, a met and a
 * not-met plan through {@link CheckUnits}, and the module boundaries an MIS sees.
 */
class EmbeddingTest {
  /** The spec, relative to the repository root, where the tests run; set in the pom. */
  static final Path SPEC = Path.of(System.getProperty("qualcheck.spec"));

  @Test
  void theReadmeExample() {
    Path spec = SPEC;
    // README example: begin
    LoadedQualification nvq = Qualcheck.load(spec);        // read, validate, compile once; share it
    CheckResult met = nvq.check(List.of("F1", "F2", "A3", "B2", "C3", "D2"));
    CheckResult notMet = nvq.check(List.of("F/601/1609", "L/601/1614", "R/601/1209",
        "J/601/1210", "M/601/1508", "D/601/1553"));       // unit reference numbers work too
    boolean achieved = met.met();                          // the verdict: true
    List<RuleOutcome> failed = notMet.failures();          // optional-level-2: 5 credits, 6 short
    List<String> reasons = nvq.explain(notMet);            // one sentence per rule
    boolean quick = nvq.meets(List.of("F1", "F2"));        // the verdict alone, for a whole cohort
    Optional<Completion> next = nvq.complete(List.of("F1", "F2")).best();  // add A1, B2, C2, D1
    // README example: end

    assertThat(achieved).isTrue();
    assertThat(notMet.met()).isFalse();
    assertThat(failed).singleElement().satisfies(o -> {
      assertThat(o.ruleId()).isEqualTo("optional-level-2");
      assertThat(o.achieved()).isEqualTo(5);
      assertThat(o.shortfall()).isEqualTo(6);
    });
    assertThat(reasons)
        .hasSize(8)
        .contains("optional-level-2 not met:"
            + " at least 11 credits at Level 2 from groups B, C, D and E; 5 credits (B2), 6 short");
    assertThat(quick).isFalse();
    assertThat(next.orElseThrow().add()).containsExactly("A1", "B2", "C2", "D1");
  }

  @Test
  void theReadmeRecordExample() {
    LoadedQualification nvq = Qualcheck.load(SPEC);
    // README record example: begin
    LearnerRecord learner = LearnerRecord.builder("L2002")
        .registered(LocalDate.of(2025, 9, 1))
        .unit(UnitEntry.achieved("F1", LocalDate.of(2025, 11, 3)))
        .unit(UnitEntry.achieved("F2", LocalDate.of(2025, 12, 1)))
        .unit(UnitEntry.achieved("L/601/0933", LocalDate.of(2024, 6, 1), Via.TRANSFER))  // A4
        .unit(UnitEntry.achieved("B2", LocalDate.of(2026, 1, 5)))
        .unit(UnitEntry.inProgress("C1"))
        .unit(UnitEntry.planned("D1"))
        .build();                                          // or new RecordReader().read(path)
    RecordResult today = nvq.check(learner, LocalDate.of(2026, 3, 1));
    boolean claimable = today.isAchieved();                // false: C1 and D1 are not achieved
    boolean onTrack = today.isOnTrack();                   // true: with them every rule is met
    List<RuleOutcome> failing = today.achieved().failures();  // one-from-D, one-from-E, ...
    // README record example: end

    assertThat(claimable).isFalse();
    assertThat(today.met()).isFalse();
    assertThat(onTrack).isTrue();
    assertThat(failing).extracting(RuleOutcome::ruleId)
        .containsExactly("one-from-D", "one-from-E", "optional-credits", "optional-level-2",
            "total-credits");
    assertThat(today.standingOf("A4").orElseThrow().entry().via()).isEqualTo(Via.TRANSFER);
    assertThat(today.remaining().orElseThrow().add()).isEmpty();
  }

  @Test
  void aMetAndANotMetPlan() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = CheckUnits.run(
        new String[] {SPEC.toString(), "F1,F2,A3,B2,C3,D2", "F1,F2,A1,B2,C1,D8"},
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(status).isEqualTo(1);
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("F1,F2,A3,B2,C3,D2: MET\n")
        .contains("F1,F2,A1,B2,C1,D8: NOT MET\n")
        .contains("  optional-level-2 not met: ");
    assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  @Test
  void anUnknownUnitIsRefusedInPlainWords() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = CheckUnits.run(
        new String[] {SPEC.toString(), "F1,F2,Z9"},
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(status).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .startsWith("F1,F2,Z9: unit \"Z9\" is not in 03455");
  }

  @Test
  void qualcheckIsUsedThroughItsModules() {
    assertThat(getClass().getModule().getName()).isEqualTo("org.qualcheck.example.embedding");
    Module engine = Qualcheck.class.getModule();
    assertThat(engine.getName()).isEqualTo("org.qualcheck.engine");
    assertThat(getClass().getModule().canRead(engine)).isTrue();
    assertThat(engine.isExported("org.qualcheck.api")).isTrue();
    assertThat(engine.isExported("org.qualcheck.synthetic")).isFalse();
    Module model = CheckResult.class.getModule().getLayer().findModule("org.qualcheck.model")
        .orElseThrow();
    assertThat(getClass().getModule().canRead(model)).as("read through requires transitive")
        .isTrue();
    assertThat(model.isOpen("org.qualcheck.spec")).isFalse();
  }
}
