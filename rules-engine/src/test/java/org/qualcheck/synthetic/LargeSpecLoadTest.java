package org.qualcheck.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.qualcheck.check.CheckResult;
import org.qualcheck.check.Checker;
import org.qualcheck.check.Plan;
import org.qualcheck.model.Qualification;
import org.qualcheck.spec.SpecReader;

/**
 * A spec at every count limit of the reader at once is read, compiled and checked, as {@code
 * validate} does; how long that takes is measured by {@code SpecLoadBenchmark}.
 */
class LargeSpecLoadTest {
  @Test
  void aSpecAtEveryLimitLoadsCompilesAndChecks() {
    Qualification q = new SpecReader().read("at-limits.yaml", LargeSpecs.atLimits());
    assertThat(q.units()).hasSize(SpecReader.MAX_UNITS);
    assertThat(q.groups()).hasSize(SpecReader.MAX_GROUPS);
    assertThat(q.rules()).hasSize(SpecReader.MAX_RULES);
    assertThat(q.groups().values().stream().mapToInt(g -> g.units().size()).sum())
        .isEqualTo(SpecReader.MAX_GROUP_LISTINGS);
    assertThat(q.groups().values().stream().mapToInt(g -> g.units().size()).max().getAsInt()).isGreaterThan(1);
    List<String> plan = new ArrayList<>(q.units().keySet()).subList(0, 5);
    CheckResult result = Checker.of(q).check(Plan.resolve(q, plan));
    assertThat(result.outcomes()).hasSize(SpecReader.MAX_RULES);
    assertThat(result.met()).isFalse();
  }
}
