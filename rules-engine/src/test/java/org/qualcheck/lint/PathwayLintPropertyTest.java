package org.qualcheck.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.qualcheck.check.ReferenceChecker;
import org.qualcheck.model.Qualification;
import org.qualcheck.model.Variant;
import org.qualcheck.synthetic.StructureGenerator;
import org.qualcheck.synthetic.StructureGenerator.Settings;

/**
 * Lint's findings on qualifications with pathways equal brute force over every plan of seeded
 * random small simple structures: whether any plan achieves the qualification, which units no
 * achieving plan holds, and which pathways are implied by or identical to another. Each case is
 * named by its seed.
 */
class PathwayLintPropertyTest {
  static LongStream seeds() {
    return LongStream.range(1, 101);
  }

  @ParameterizedTest(name = "seed={0}")
  @MethodSource("seeds")
  void findingsEqualBruteForce(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    Qualification q =
        StructureGenerator.withVariants(
            seed,
            StructureGenerator.generate(
                seed, new Settings(5 + rnd.nextInt(4), 1 + rnd.nextInt(3), true, 1, 0, 0, true,
                    false)),
            2 + rnd.nextInt(2),
            0);
    ReferenceChecker reference = new ReferenceChecker(q);
    List<String> units = new ArrayList<>(q.units().keySet());
    List<Set<Set<String>>> byPathway = new ArrayList<>();
    q.pathways().forEach(p -> byPathway.add(new HashSet<>()));
    Set<String> used = new HashSet<>();
    boolean any = false;
    for (int mask = 0; mask < 1 << units.size(); mask++) {
      Set<String> plan = new LinkedHashSet<>();
      for (int i = 0; i < units.size(); i++) {
        if ((mask >> i & 1) != 0) {
          plan.add(units.get(i));
        }
      }
      List<String> met = reference.metPathways(plan);
      for (int p = 0; p < q.pathways().size(); p++) {
        if (met.contains(q.pathways().get(p).id())) {
          byPathway.get(p).add(plan);
        }
      }
      if (!met.isEmpty()) {
        any = true;
        used.addAll(plan);
      }
    }
    LintReport report = Linter.lint(q);
    List<Finding> findings = report.findings();
    boolean unsatisfiable =
        findings.stream().anyMatch(f -> f.kind() == FindingKind.UNSATISFIABLE);
    // a pathway no plan achieves is reported; the qualification as a whole when none does
    for (int p = 0; p < q.pathways().size(); p++) {
      String id = q.pathways().get(p).id();
      boolean reported = findings.stream().anyMatch(f -> f.kind() == FindingKind.UNSATISFIABLE
          && f.message().startsWith("in pathway " + id + ": "));
      assertThat(reported).as("seed %d: pathway %s unsatisfiable", seed, id)
          .isEqualTo(byPathway.get(p).isEmpty());
    }
    assertThat(unsatisfiable || any).as("seed %d", seed).isTrue();
    if (any) {
      Set<String> dead = new HashSet<>(units);
      dead.removeAll(used);
      Set<String> reportedDead = new HashSet<>();
      findings.stream().filter(f -> f.kind() == FindingKind.DEAD_UNIT)
          .forEach(f -> reportedDead.addAll(f.units()));
      assertThat(reportedDead).as("seed %d: dead units", seed).isEqualTo(dead);
    }
    Set<String> expected = new LinkedHashSet<>();
    Set<Integer> reported = new HashSet<>();
    int k = q.pathways().size();
    for (int a = 0; a < k; a++) {
      for (int b = 0; b < k; b++) {
        boolean implies = a != b && byPathway.get(b).containsAll(byPathway.get(a));
        if (!implies || reported.contains(a)) {
          continue;
        }
        boolean same = byPathway.get(a).containsAll(byPathway.get(b));
        if (same && b < a) {
          continue;
        }
        reported.add(a);
        Variant pa = q.pathways().get(a);
        Variant pb = q.pathways().get(b);
        expected.add(same
            ? "pathways " + pa.id() + " and " + pb.id() + " admit exactly the same plans, so one"
                + " of them is never needed"
            : "every plan that achieves pathway " + pa.id() + " also achieves pathway " + pb.id()
                + ", so pathway " + pa.id() + " is never needed");
      }
    }
    Set<String> found = new LinkedHashSet<>();
    findings.stream().filter(f -> f.kind() == FindingKind.PATHWAY_IMPLIED)
        .forEach(f -> found.add(f.message()));
    assertThat(found).as("seed %d: implied pathways", seed).isEqualTo(expected);
  }
}
