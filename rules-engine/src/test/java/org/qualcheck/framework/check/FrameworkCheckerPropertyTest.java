package org.qualcheck.framework.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.qualcheck.check.ReferenceChecker;
import org.qualcheck.framework.Alternative;
import org.qualcheck.framework.Component;
import org.qualcheck.framework.Framework;
import org.qualcheck.framework.Requirement;
import org.qualcheck.model.Qualification;
import org.qualcheck.model.Unit;
import org.qualcheck.record.AchievementEntry;
import org.qualcheck.record.LearnerRecord;
import org.qualcheck.record.QualificationEntry;
import org.qualcheck.record.Status;
import org.qualcheck.record.UnitEntry;
import org.qualcheck.synthetic.StructureGenerator;

/**
 * Random frameworks and random records, checked by {@link FrameworkChecker} and by a plain
 * reading of the rules written here: every requirement looked up by a loop over the record, every
 * spec-judged qualification decided by the brute-force {@link ReferenceChecker} on the units the
 * record achieved by the date, every alternative of every component tried. Both must agree on
 * what is complete, which alternative is named and what it lacks. The seed names each case.
 */
class FrameworkCheckerPropertyTest {
  private static final LocalDate ON = LocalDate.of(2026, 6, 1);
  private static final List<String> PLAIN = List.of("q1", "q2", "q3", "key-skills/1");
  private static final List<String> ACHIEVEMENTS = List.of("a1", "a2", "err", "plts");

  static Stream<Long> seeds() {
    return IntStream.range(0, 400).mapToObj(i -> 7919L * i + 11);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void agreesWithAPlainReadingOfTheFramework(long seed) {
    Random random = new Random(seed);
    List<Qualification> specs = new ArrayList<>();
    for (int i = random.nextInt(3); i > 0; i--) {
      specs.add(
          StructureGenerator.generate(
              seed * 31 + i,
              random.nextBoolean()
                  ? StructureGenerator.Settings.minimaOnly(4 + random.nextInt(4), 1 + random.nextInt(2))
                  : StructureGenerator.Settings.everything(4 + random.nextInt(4), 2)));
    }
    List<String> qualificationNames = new ArrayList<>(PLAIN);
    specs.forEach(q -> qualificationNames.add(q.code()));
    Framework framework = framework(random, qualificationNames);
    List<Qualification> judged =
        specs.stream()
            .filter(q -> framework.qualificationCodes().contains(q.code()))
            .toList();
    LearnerRecord record = record(random, qualificationNames, judged);

    FrameworkResult result = FrameworkChecker.of(framework, judged).check(record, ON);

    String why = "seed " + seed + ": " + framework + "\n" + record;
    boolean allComplete = true;
    for (int c = 0; c < framework.components().size(); c++) {
      Component component = framework.components().get(c);
      ComponentOutcome outcome = result.components().get(c);
      List<String> bestMissing = null;
      String bestId = null;
      for (Alternative a : component.alternatives()) {
        List<String> missing = new ArrayList<>();
        for (Requirement r : a.requirements()) {
          if (!held(r, record, judged)) {
            missing.add(r.name());
          }
        }
        if (bestMissing == null || missing.size() < bestMissing.size()) {
          bestMissing = missing;
          bestId = a.id();
        }
      }
      assertThat(outcome.complete()).as(why).isEqualTo(bestMissing.isEmpty());
      assertThat(outcome.alternative()).as(why).isEqualTo(bestId);
      assertThat(outcome.missing().stream().map(o -> o.requirement().name()).toList())
          .as(why)
          .isEqualTo(bestMissing);
      allComplete &= bestMissing.isEmpty();
    }
    assertThat(result.complete()).as(why).isEqualTo(allComplete);
  }

  /** Whether the record holds the requirement as of {@link #ON}, read as directly as possible. */
  private static boolean held(Requirement r, LearnerRecord record, List<Qualification> judged) {
    if (r.kind() == Requirement.Kind.ACHIEVEMENT) {
      for (AchievementEntry a : record.achievements()) {
        if (a.id().equalsIgnoreCase(r.name())) {
          return a.date().isEmpty() || !a.date().get().isAfter(ON);
        }
      }
      return false;
    }
    for (Qualification q : judged) {
      if (q.code().equalsIgnoreCase(r.name())) {
        Set<String> achieved = new HashSet<>();
        for (UnitEntry u : record.units()) {
          if (u.status() != Status.ACHIEVED || u.date().map(d -> d.isAfter(ON)).orElse(false)) {
            continue;
          }
          for (Unit unit : q.units().values()) {
            boolean byNumber = unit.number().equals(u.unit());
            boolean byReference =
                unit.reference().map(ref -> ref.value().equals(u.unit())).orElse(false);
            if (byNumber || byReference) {
              achieved.add(unit.number());
            }
          }
        }
        return new ReferenceChecker(q).meets(achieved);
      }
    }
    for (QualificationEntry e : record.qualifications()) {
      if (e.code().equalsIgnoreCase(r.name())) {
        return e.status() == Status.ACHIEVED
            && (e.date().isEmpty() || !e.date().get().isAfter(ON));
      }
    }
    return false;
  }

  private static Framework framework(Random random, List<String> qualifications) {
    List<Component> components = new ArrayList<>();
    int n = 1 + random.nextInt(4);
    for (int c = 0; c < n; c++) {
      if (random.nextInt(3) == 0) {
        List<Alternative> alternatives = new ArrayList<>();
        int k = 2 + random.nextInt(2);
        for (int a = 0; a < k; a++) {
          alternatives.add(Alternative.of("alt" + a, requirements(random, qualifications)));
        }
        components.add(Component.oneOf("c" + c, "Component " + c, alternatives));
      } else {
        components.add(Component.of("c" + c, "Component " + c, requirement(random, qualifications)));
      }
    }
    return new Framework("f", "A framework", "generated", components);
  }

  private static List<Requirement> requirements(Random random, List<String> qualifications) {
    Map<String, Requirement> distinct = new HashMap<>();
    int k = 1 + random.nextInt(3);
    for (int i = 0; i < k; i++) {
      Requirement r = requirement(random, qualifications);
      distinct.putIfAbsent(r.kind() + r.name().toUpperCase(Locale.ROOT), r);
    }
    return new ArrayList<>(distinct.values());
  }

  private static Requirement requirement(Random random, List<String> qualifications) {
    return random.nextBoolean()
        ? Requirement.qualification(qualifications.get(random.nextInt(qualifications.size())))
        : Requirement.achievement(ACHIEVEMENTS.get(random.nextInt(ACHIEVEMENTS.size())));
  }

  /** A date before, on or after {@link #ON}, or none. */
  private static Optional<LocalDate> date(Random random) {
    return switch (random.nextInt(4)) {
      case 0 -> Optional.empty();
      case 1 -> Optional.of(ON);
      case 2 -> Optional.of(ON.minusDays(1 + random.nextInt(900)));
      default -> Optional.of(ON.plusDays(1 + random.nextInt(90)));
    };
  }

  /** A name as a record might write it: in its own case, or upper or lower case. */
  private static String spelling(Random random, String name) {
    return switch (random.nextInt(3)) {
      case 0 -> name.toUpperCase(Locale.ROOT);
      case 1 -> name.toLowerCase(Locale.ROOT);
      default -> name;
    };
  }

  private static LearnerRecord record(
      Random random, List<String> qualifications, List<Qualification> specs) {
    LearnerRecord.Builder b = LearnerRecord.builder("L1");
    Status[] statuses = Status.values();
    for (String code : qualifications) {
      if (random.nextBoolean()) {
        b.qualification(
            new QualificationEntry(
                spelling(random, code), statuses[random.nextInt(statuses.length)], date(random)));
      }
    }
    for (String id : ACHIEVEMENTS) {
      if (random.nextBoolean()) {
        b.achievement(new AchievementEntry(spelling(random, id), date(random)));
      }
    }
    // Two generated specs share unit numbers and reference numbers, as qualifications sharing a
    // unit do; a record lists each unit once, and it counts toward both.
    Set<String> listed = new HashSet<>();
    for (Qualification q : specs) {
      for (Unit u : q.units().values()) {
        if (random.nextInt(4) == 0) {
          continue;
        }
        String name =
            u.reference().isPresent() && random.nextBoolean()
                ? u.reference().get().value()
                : u.number();
        if (!listed.add(name) || !listed.add(u.number()) && !name.equals(u.number())) {
          continue;
        }
        Status status = random.nextInt(5) == 0 ? statuses[random.nextInt(statuses.length)] : Status.ACHIEVED;
        Optional<LocalDate> date = status == Status.ACHIEVED ? date(random) : Optional.empty();
        b.unit(new UnitEntry(name, status, date,
            org.qualcheck.record.Via.ASSESSMENT, Optional.empty(), Optional.empty()));
      }
    }
    b.unit(UnitEntry.achieved("OTHER-1", ON.minusDays(3)));
    return b.build();
  }
}
