package org.qualcheck.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.qualcheck.compile.CompiledQualification;
import org.qualcheck.model.Qualification;
import org.qualcheck.rule.Cap;
import org.qualcheck.synthetic.StructureGenerator;

/**
 * Caps on what counts and attribute filters, over seeded random structures: the checker's verdicts
 * equal the brute-force reference's, and its explanation of a met plan keeps every cap. Each case
 * is named by its seed; replay a failure by running that seed alone.
 */
class CapPropertyTest {
  static LongStream seeds() {
    return LongStream.range(1, 301);
  }

  static Qualification structure(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed * 31 + 7);
    return StructureGenerator.capped(seed, 5 + rnd.nextInt(6), 1 + rnd.nextInt(3));
  }

  @ParameterizedTest(name = "seed={0}")
  @MethodSource("seeds")
  void verdictsEqualTheBruteForceReference(long seed) {
    Qualification q = structure(seed);
    SplittableRandom rnd = new SplittableRandom(seed);
    Checker checker = Checker.of(q);
    ReferenceChecker reference = new ReferenceChecker(q);
    for (int k = 0; k < 30; k++) {
      Plan plan =
          k % 2 == 0 ? RandomPlans.random(q, rnd) : RandomPlans.nearBoundary(q, rnd, reference::meets);
      boolean expected = reference.meets(plan.units());
      assertThat(checker.verdict(plan))
          .as("seed %d, plan %s: verdict", seed, plan)
          .isEqualTo(expected ? Verdict.MET : Verdict.NOT_MET);
      CheckResult result = checker.check(plan);
      assertThat(result.met()).as("seed %d, plan %s: explained verdict", seed, plan)
          .isEqualTo(expected);
      assertThat(result.failures().isEmpty()).as("seed %d, plan %s", seed, plan)
          .isEqualTo(expected);
      for (RuleOutcome o : result.outcomes()) {
        if (o.rule() instanceof Cap c) {
          assertThat(o.achieved()).as("seed %d, plan %s, cap %s", seed, plan, c.id())
              .isLessThanOrEqualTo(c.max());
          assertThat(result.notCounted()).as("seed %d, plan %s", seed, plan)
              .containsAll(o.notCounted());
          for (String left : o.notCounted()) {
            assertThat(o.counted()).as("seed %d, plan %s, cap %s", seed, plan, c.id())
                .doesNotContain(left);
          }
        }
      }
      assertThat(result.notCountedBy().keySet()).as("seed %d, plan %s", seed, plan)
          .containsExactlyElementsOf(result.notCounted());
    }
  }

  /** Guards against vacuity: plans both meet and fail, and caps leave units out of met plans. */
  @Test
  void plansMeetAndFailAndCapsBind() {
    int met = 0;
    int total = 0;
    int capped = 0;
    for (long seed = 1; seed <= 300; seed++) {
      Qualification q = structure(seed);
      SplittableRandom rnd = new SplittableRandom(seed);
      Checker checker = Checker.of(q);
      ReferenceChecker reference = new ReferenceChecker(q);
      for (int k = 0; k < 30; k++) {
        total++;
        Plan plan =
            k % 2 == 0
                ? RandomPlans.random(q, rnd)
                : RandomPlans.nearBoundary(q, rnd, reference::meets);
        if (reference.meets(plan.units())) {
          met++;
          CheckResult r = checker.check(plan);
          if (r.outcomes().stream().anyMatch(o -> !o.notCounted().isEmpty())) {
            capped++;
          }
        }
      }
    }
    assertThat(met).isBetween(total / 20, total - total / 20);
    assertThat(capped).isGreaterThan(met / 20);
  }

  @Test
  void aStructureWithoutCapsStaysSimple() {
    Qualification q = StructureGenerator.generate(3, StructureGenerator.Settings.minimaOnly(12, 3));
    assertThat(CompiledQualification.of(q).isSimple()).isTrue();
  }
}
