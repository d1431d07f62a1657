package org.qualcheck.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.qualcheck.check.ReferenceChecker;
import org.qualcheck.model.Qualification;
import org.qualcheck.model.Unit;
import org.qualcheck.plan.Completion;
import org.qualcheck.record.LearnerRecord;
import org.qualcheck.record.Status;
import org.qualcheck.record.UnitEntry;
import org.qualcheck.record.Via;
import org.qualcheck.synthetic.StructureGenerator;
import org.qualcheck.synthetic.StructureGenerator.Settings;

/**
 * The record checker against a brute-force reading of the record rules, written from the issue's
 * words with plain collections: which units count as achieved as of a date and within the time
 * limit, which count toward being on track, and every way of obtaining credit that a {@code via}
 * total filters, on seeded random structures and records. The cheapest completion is checked
 * against a search over every set of units that could be added. Each case is named by its seed.
 */
class RecordCheckerPropertyTest {
  /** How many cases had each outcome, so that a generator gone dull is noticed. */
  private static final java.util.concurrent.ConcurrentHashMap<String, Integer> SEEN =
      new java.util.concurrent.ConcurrentHashMap<>();

  @org.junit.jupiter.api.AfterAll
  static void everyOutcomeWasExercised() {
    assertThat(SEEN.keySet())
        .contains("achieved", "not achieved", "on track", "not on track", "remaining",
            "no completion", "time limit passed", "via counted");
  }

  private static void seen(String what) {
    SEEN.merge(what, 1, Integer::sum);
  }
  static LongStream seeds() {
    return LongStream.range(1, 151);
  }

  @ParameterizedTest(name = "seed={0}")
  @MethodSource("seeds")
  void agreesWithBruteForceReference(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    Qualification q =
        StructureGenerator.withRecordRules(
            seed, Settings.everything(5 + rnd.nextInt(5), 1 + rnd.nextInt(3)));
    RecordChecker checker = RecordChecker.of(q);
    for (int k = 0; k < 12; k++) {
      LocalDate registered = RandomRecords.registered(rnd);
      LearnerRecord record = RandomRecords.record(q, rnd, registered);
      LocalDate asOf = registered.plusDays(rnd.nextInt(-100, 5 * 365));
      String what = "seed " + seed + ", record " + record + ", as of " + asOf;
      Expected expected = expected(q, record, asOf);
      RecordResult result = checker.check(record, asOf);
      ReferenceChecker reference = new ReferenceChecker(q, expected.provenance);
      assertThat(result.units())
          .as("%s: standings", what)
          .extracting(UnitStanding::standing)
          .containsExactlyElementsOf(expected.standings);
      assertThat(result.isAchieved())
          .as("%s: achieved", what)
          .isEqualTo(reference.meets(expected.achieved));
      assertThat(result.met()).isEqualTo(result.isAchieved());
      seen(result.isAchieved() ? "achieved" : "not achieved");
      seen(result.isOnTrack() ? "on track" : "not on track");
      seen(result.remaining().isPresent() ? "remaining" : "no completion");
      if (expected.timeLimitPassed) {
        seen("time limit passed");
      }
      if (result.achieved().outcomes().stream()
          .anyMatch(o -> o.rule() instanceof org.qualcheck.rule.Total t && !t.via().isEmpty()
              && o.achieved() > 0)) {
        seen("via counted");
      }
      assertThat(result.isOnTrack())
          .as("%s: on track", what)
          .isEqualTo(reference.meets(expected.onTrack));
      assertThat(result.achieved().plan().units()).as("%s", what)
          .containsExactlyInAnyOrderElementsOf(expected.achieved);
      OptionalLong cheapest =
          expected.timeLimitPassed
              ? OptionalLong.empty()
              : cheapestCompletion(q, reference, expected.onTrack);
      assertThat(result.remaining().map(Completion::creditsAdded).map(OptionalLong::of)
              .orElse(OptionalLong.empty()))
          .as("%s: credits the cheapest completion adds", what)
          .isEqualTo(cheapest);
      result.remaining().ifPresent(c -> {
        Set<String> completed = new LinkedHashSet<>(expected.onTrack);
        completed.addAll(c.add());
        assertThat(reference.meets(completed)).as("%s: the completion meets the rules", what)
            .isTrue();
      });
    }
  }

  @ParameterizedTest(name = "seed={0}")
  @MethodSource("seeds")
  void aTimeLimitNeedsARegistrationDateOnceUnitsAreAchieved(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    Qualification q =
        StructureGenerator.withRecordRules(seed, Settings.everything(5 + rnd.nextInt(5), 2));
    LearnerRecord dated = RandomRecords.record(q, rnd, RandomRecords.registered(rnd));
    LearnerRecord undated = new LearnerRecord(dated.learner(), Optional.empty(), dated.units(),
        List.of(), List.of());
    boolean refused = q.timeLimitYears().isPresent()
        && undated.units().stream().anyMatch(UnitEntry::isAchieved);
    if (refused) {
      assertThatThrownBy(() -> RecordChecker.of(q).check(undated, LocalDate.of(2030, 1, 1)))
          .as("seed %d", seed)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("needs its \"registered\" date");
    } else {
      assertThat(RecordChecker.of(q).check(undated, LocalDate.of(2030, 1, 1)).learner())
          .isEqualTo(dated.learner());
    }
  }

  private record Expected(
      Set<String> achieved,
      Set<String> onTrack,
      Map<String, Via> provenance,
      List<Standing> standings,
      boolean timeLimitPassed) {}

  /** The record rules, read plainly from the issue. */
  private static Expected expected(Qualification q, LearnerRecord r, LocalDate asOf) {
    Set<String> achieved = new LinkedHashSet<>();
    Set<String> onTrack = new LinkedHashSet<>();
    Map<String, Via> provenance = new HashMap<>();
    List<Standing> standings = new ArrayList<>();
    LocalDate reg = r.registered().orElseThrow();
    Integer years = q.timeLimitYears().isPresent() ? q.timeLimitYears().getAsInt() : null;
    boolean passed = years != null && asOf.isAfter(reg.plusYears(years));
    for (UnitEntry e : r.units()) {
      String number = null;
      for (Unit u : q.units().values()) {
        boolean byReference = u.reference().get().value().equalsIgnoreCase(e.unit());
        boolean byNumber = u.number().equalsIgnoreCase(e.unit());
        if (byReference || (byNumber && e.via() != Via.TRANSFER)) {
          number = u.number();
        }
      }
      Standing s;
      if (number == null) {
        s = Standing.NOT_IN_QUALIFICATION;
      } else if (e.status() == Status.ACHIEVED) {
        LocalDate d = e.date().orElse(null);
        boolean inLimit = d == null || years == null
            || (!d.isBefore(reg.minusYears(years)) && !d.isAfter(reg.plusYears(years)));
        s = !inLimit ? Standing.OUTSIDE_TIME_LIMIT
            : d != null && d.isAfter(asOf) ? Standing.NOT_YET : Standing.ACHIEVED;
      } else {
        s = passed ? Standing.OUTSIDE_TIME_LIMIT : Standing.PENDING;
      }
      standings.add(s);
      if (s == Standing.ACHIEVED) {
        achieved.add(number);
      }
      if (s == Standing.ACHIEVED || s == Standing.NOT_YET || s == Standing.PENDING) {
        onTrack.add(number);
        provenance.put(number, e.via());
      }
    }
    return new Expected(achieved, onTrack, provenance, standings, passed);
  }

  /** The fewest credits any set of further units, assessed, adds to meet the rules. */
  private static OptionalLong cheapestCompletion(
      Qualification q, ReferenceChecker reference, Set<String> plan) {
    List<Unit> others =
        q.units().values().stream().filter(u -> !plan.contains(u.number())).toList();
    long best = Long.MAX_VALUE;
    for (int mask = 0; mask < 1 << others.size(); mask++) {
      Set<String> with = new LinkedHashSet<>(plan);
      long credits = 0;
      for (int i = 0; i < others.size(); i++) {
        if ((mask & (1 << i)) != 0) {
          with.add(others.get(i).number());
          credits += others.get(i).credits();
        }
      }
      if (credits < best && reference.meets(with)) {
        best = credits;
      }
    }
    return best == Long.MAX_VALUE ? OptionalLong.empty() : OptionalLong.of(best);
  }
}
