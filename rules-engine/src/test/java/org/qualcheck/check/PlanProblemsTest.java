package org.qualcheck.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.qualcheck.api.LoadedQualification;
import org.qualcheck.api.Qualcheck;
import org.qualcheck.model.Level;
import org.qualcheck.model.Qualification;
import org.qualcheck.model.Unit;
import org.qualcheck.plan.PlanOptions;
import org.qualcheck.rule.Bounds;
import org.qualcheck.rule.Measure;
import org.qualcheck.rule.Scope;
import org.qualcheck.rule.Total;

/**
 * One way in for plans: however a plan is given (a list to the entry point, {@link Plan#of}, {@link
 * Plan#resolve}), units go by number or reference number in any case, and every bad
 * plan is a {@link PlanException} whose problems say what, where and what to give instead.
 */
class PlanProblemsTest {
  static final Path SPEC = Path.of("../specs/ocr-03455-customer-service-l2.yaml");
  static final List<String> MET = List.of("F1", "F2", "A3", "B2", "C3", "D2");
  static LoadedQualification nvq;

  @BeforeAll
  static void load() {
    nvq = Qualcheck.load(SPEC);
  }

  static List<PlanProblem> problems(ThrowingCallable call) {
    PlanException e = catchThrowableOfType(PlanException.class, call);
    assertThat(e).as("a PlanException").isNotNull();
    assertThat(e.getMessage().lines())
        .containsExactlyElementsOf(e.problems().stream().map(PlanProblem::message).toList());
    return e.problems();
  }

  @Test
  void planOfAcceptsAReferenceNumberAsCheckingAListDoes() {
    Plan byReference = Plan.of("F/601/1609", "F2", "A3", "B2", "C3", "D2");
    CheckResult result = nvq.check(byReference);
    assertThat(result.met()).isTrue();
    assertThat(result.plan().units()).containsExactlyElementsOf(MET);
    assertThat(result).isEqualTo(nvq.check(MET));
    assertThat(nvq.meets(byReference)).isTrue();
    assertThat(nvq.checker().check(byReference)).isEqualTo(result);
    assertThat(
            nvq.complete(Plan.of("F/601/1609"), PlanOptions.defaults()).best().orElseThrow().add())
        .containsExactly("F2", "A1", "B2", "C2", "D1");
  }

  @Test
  void unitNumbersAndReferenceNumbersAreAcceptedInAnyCase() {
    List<String> lower = List.of("f1", "f2", "a3", "b2", "c3", "d2");
    assertThat(nvq.check(lower)).isEqualTo(nvq.check(MET));
    assertThat(nvq.plan(lower).units()).containsExactlyElementsOf(MET);
    assertThat(nvq.meets(Plan.of(lower))).isTrue();
    assertThat(nvq.plan(List.of("f/601/1609")).units()).containsExactly("F1");
  }

  @Test
  void anUnknownUnitInAPlanOfIsAPlanExceptionNotAnIllegalArgument() {
    for (ThrowingCallable call :
        List.<ThrowingCallable>of(
            () -> nvq.check(Plan.of("F1", "Z9")),
            () -> nvq.meets(Plan.of("F1", "Z9")),
            () -> nvq.complete(Plan.of("F1", "Z9"), PlanOptions.defaults()),
            () -> nvq.checker().figures(Plan.of("F1", "Z9")),
            () -> nvq.planner().whatIf(Plan.of("F1", "Z9")))) {
      assertThat(problems(call))
          .singleElement()
          .satisfies(
              p -> {
                assertThat(p.kind()).isEqualTo(PlanProblem.Kind.UNKNOWN);
                assertThat(p.position()).isEqualTo(1);
                assertThat(p.unit()).isEqualTo("Z9");
              });
    }
  }

  @Test
  void aNullUnitIsAPlanProblemWithAMessage() {
    List<String> withNull = Arrays.asList("F1", null);
    for (ThrowingCallable call :
        List.<ThrowingCallable>of(
            () -> nvq.check(withNull),
            () -> nvq.meets(withNull),
            () -> nvq.plan(withNull),
            () -> Plan.of(withNull),
            () -> Plan.of("F1", null),
            () -> new Plan(new HashSet<>(withNull)))) {
      assertThat(problems(call))
          .singleElement()
          .satisfies(
              p -> {
                assertThat(p.kind()).isEqualTo(PlanProblem.Kind.MISSING);
                assertThat(p.unit()).isEmpty();
                assertThat(p.message()).contains("missing (null)");
              });
    }
  }

  @Test
  void blankUnitsAreRefusedNotDropped() {
    List<String> blanks = List.of("", " ", "F1");
    for (ThrowingCallable call :
        List.<ThrowingCallable>of(
            () -> nvq.check(blanks), () -> nvq.plan(blanks), () -> Plan.of(blanks))) {
      assertThat(problems(call))
          .containsExactly(
              new PlanProblem(
                  PlanProblem.Kind.BLANK,
                  0,
                  "",
                  Optional.empty(),
                  "unit 1 of the plan is blank (\"\"); give a unit number or a unit reference"
                      + " number"),
              new PlanProblem(
                  PlanProblem.Kind.BLANK,
                  1,
                  " ",
                  Optional.empty(),
                  "unit 2 of the plan is blank (\" \"); give a unit number or a unit reference"
                      + " number"));
    }
  }

  @Test
  void aUnitGivenTwiceInTwoCasesIsRefusedWithTheUnitMeant() {
    assertThat(problems(() -> nvq.check(Plan.of("F1", "f1"))))
        .containsExactly(
            new PlanProblem(
                PlanProblem.Kind.REPEATED,
                1,
                "f1",
                Optional.of("F1"),
                "unit F1 is given twice, as F1 and as f1"));
    assertThat(problems(() -> Plan.of("F1", " F1")))
        .singleElement()
        .satisfies(p -> assertThat(p.kind()).isEqualTo(PlanProblem.Kind.REPEATED));
  }

  @Test
  void aTextOneLetterFromOneUnitSuggestsIt() {
    assertThat(problems(() -> nvq.check(List.of("FF1", "G/601/1609", "Z99"))))
        .extracting(PlanProblem::kind, PlanProblem::unit, PlanProblem::suggestion)
        .containsExactly(
            tuple(PlanProblem.Kind.UNKNOWN, "FF1", Optional.of("F1")),
            tuple(PlanProblem.Kind.UNKNOWN, "G/601/1609", Optional.of("F/601/1609")),
            tuple(PlanProblem.Kind.UNKNOWN, "Z99", Optional.empty()));
    assertThat(problems(() -> nvq.check(List.of("FF1"))).get(0).message())
        .isEqualTo("unit \"FF1\" is not in 03455; did you mean F1?");
  }

  /** A unit number in mixed case is found in any case. */
  @Test
  void aMixedCaseUnitNumberIsFoundInAnyCase() {
    Qualification q =
        Qualification.builder("CASES")
            .unit(unit("Ab", 1))
            .unit(unit("C1", 4))
            .rule(
                new Total(
                    "credits",
                    Measure.CREDITS,
                    Scope.wholePlan(),
                    Optional.empty(),
                    Bounds.atLeast(3)))
            .build();
    LoadedQualification cases = Qualcheck.of(q);
    for (String spelling : List.of("Ab", "AB", "ab", "aB")) {
      assertThat(cases.plan(List.of(spelling, "c1")).units()).containsExactly("Ab", "C1");
    }
    assertThat(cases.meets(List.of("ab"))).isFalse();
    assertThat(cases.meets(List.of("aB", "c1"))).isTrue();
  }

  static Unit unit(String number, int credits) {
    return new Unit(number, Optional.empty(), number, credits, Level.LEVEL_1, OptionalInt.empty());
  }

  static LongStream seeds() {
    return LongStream.range(0, 40);
  }

  /** {@link Plan#oneEditApart} agrees with the edit distance computed in full. */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void oneEditApartIsEditDistanceOne(long seed) {
    Random random = new Random(seed);
    for (int n = 0; n < 200; n++) {
      String a = word(random);
      String b = random.nextBoolean() ? word(random) : mutate(a, random);
      assertThat(Plan.oneEditApart(a, b))
          .as("seed %s: %s and %s", seed, a, b)
          .isEqualTo(distance(a, b) == 1);
    }
  }

  static String word(Random random) {
    return IntStream.range(0, random.nextInt(5))
        .mapToObj(i -> String.valueOf("AB1/".charAt(random.nextInt(4))))
        .reduce("", String::concat);
  }

  static String mutate(String a, Random random) {
    StringBuilder s = new StringBuilder(a);
    int edits = random.nextInt(3);
    for (int e = 0; e < edits; e++) {
      int at = random.nextInt(s.length() + 1);
      char c = "AB1/".charAt(random.nextInt(4));
      switch (random.nextInt(3)) {
        case 0 -> s.insert(at, c);
        case 1 -> {
          if (at < s.length()) {
            s.deleteCharAt(at);
          }
        }
        default -> {
          if (at < s.length()) {
            s.setCharAt(at, c);
          }
        }
      }
    }
    return s.toString();
  }

  /** Levenshtein distance by the textbook table. */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int same = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + same);
      }
    }
    return d[a.length()][b.length()];
  }

  @Test
  void setsOfUnitsKeepTheirOrder() {
    Set<String> units = Plan.of("D2", "F1").units();
    assertThat(units).containsExactly("D2", "F1");
  }
}
