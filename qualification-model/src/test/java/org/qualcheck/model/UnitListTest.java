package org.qualcheck.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The one rule for naming units in a typed list: commas and semicolons separate; white space also
 * separates only when no unit number holds a space; white space around a unit is dropped and a
 * run of it inside matches one space, in any case. Checked on random qualifications of both kinds
 * (with and without spaced unit numbers) against lists built from known units, so the answer is
 * known without the code under test.
 */
class UnitListTest {
  static LongStream seeds() {
    return LongStream.range(0, 200).map(i -> 0x5EED_0000L + i * 7919);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void aTypedListNamesExactlyTheUnitsItWasBuiltFrom(long seed) {
    Random rnd = new Random(seed);
    boolean spaced = rnd.nextBoolean();
    Qualification q = qualification(rnd, spaced);
    assertThat(q.hasSpacedUnitNumbers()).as("seed %s", seed).isEqualTo(spaced);
    List<Unit> chosen = new ArrayList<>(q.units().values());
    Collections.shuffle(chosen, rnd);
    chosen = chosen.subList(0, 1 + rnd.nextInt(chosen.size()));

    StringBuilder typed = new StringBuilder(pad(rnd));
    for (int i = 0; i < chosen.size(); i++) {
      if (i > 0) {
        typed.append(separator(rnd, spaced));
      }
      typed.append(pad(rnd)).append(spelled(rnd, chosen.get(i))).append(pad(rnd));
    }
    typed.append(rnd.nextBoolean() ? "" : ",").append(pad(rnd));

    List<String> units = UnitList.split(q, typed);
    assertThat(units).as("seed %s: %s", seed, typed).hasSize(chosen.size());
    for (int i = 0; i < units.size(); i++) {
      Optional<Unit> found = q.findUnit(units.get(i));
      assertThat(found).as("seed %s: %s, unit %s", seed, typed, units.get(i))
          .contains(chosen.get(i));
    }
  }

  @Test
  void spacesSeparateOnlyWhereNoUnitNumberHoldsOne() {
    assertThat(UnitList.split("F1 F2;A3, B2 ;C3\tD2", false))
        .containsExactly("F1", "F2", "A3", "B2", "C3", "D2");
    assertThat(UnitList.split(" SHC 31,HSC 024 ;  Advo 301 ,", true))
        .containsExactly("SHC 31", "HSC 024", "Advo 301");
    assertThat(UnitList.split("SHC 31 HSC 024", true)).containsExactly("SHC 31 HSC 024");
    assertThat(UnitList.split("\u00a0SHC\u00a031\u00a0", true))
        .as("no-break spaces, as copied from a document, are white space")
        .containsExactly("SHC\u00a031");
  }

  @Test
  void aRunOfSpacesMatchesOneAndCaseIsIgnored() {
    Qualification q = Qualification.builder("Q")
        .unit(unit("SHC 31"))
        .unit(unit("Advo 301"))
        .build();
    assertThat(q.findUnit("shc   31")).map(Unit::number).contains("SHC 31");
    assertThat(q.findUnit(" ADVO\u00a0301\t")).map(Unit::number).contains("Advo 301");
    assertThat(q.findUnit("SHC31")).isEmpty();
    assertThat(UnitList.separators(q)).isEqualTo("commas or semicolons");
  }

  @Test
  void unitNumbersThatDifferOnlyInSpacingAreRefused() {
    assertThatThrownBy(() -> Qualification.builder("Q")
            .unit(unit("SHC 31"))
            .unit(unit("SHC  31"))
            .build())
        .hasMessageContaining("differ only in case or spacing");
  }

  private static Unit unit(String number) {
    return new Unit(number, Optional.empty(), "t", 1, Level.LEVEL_2, OptionalInt.empty());
  }

  /** Random distinct unit numbers, some holding spaces when {@code spaced}, some references. */
  private static Qualification qualification(Random rnd, boolean spaced) {
    Qualification.Builder b = Qualification.builder("Q" + rnd.nextInt(1000));
    List<String> prefixes = List.of("SHC", "HSC", "Advo", "CMH", "A", "B", "LD", "PWCS");
    java.util.Set<String> keys = new java.util.HashSet<>();
    int n = 2 + rnd.nextInt(10);
    int withSpace = spaced ? rnd.nextInt(n) : -1;
    for (int i = 0; i < n; i++) {
      String prefix = prefixes.get(rnd.nextInt(prefixes.size()));
      String digits = String.valueOf(rnd.nextInt(400));
      String number = (i == withSpace || (spaced && rnd.nextBoolean()))
          ? prefix + " " + digits : prefix + digits;
      if (!keys.add(UnitList.key(number))) {
        continue;
      }
      Optional<UnitReference> ref = rnd.nextInt(3) == 0
          ? Optional.of(new UnitReference(reference(rnd))) : Optional.empty();
      if (ref.isPresent() && !keys.add(UnitList.key(ref.get().value()))) {
        ref = Optional.empty();
      }
      b.unit(new Unit(number, ref, "t", 1 + rnd.nextInt(9), Level.LEVEL_2, OptionalInt.empty()));
    }
    if (spaced && b.build().units().keySet().stream().noneMatch(UnitList::holdsSpace)) {
      b.unit(unit("ZZ 999"));
    }
    return b.build();
  }

  private static String reference(Random rnd) {
    return (char) ('A' + rnd.nextInt(26)) + "/" + (500 + rnd.nextInt(120)) + "/"
        + String.format(Locale.ROOT, "%04d", rnd.nextInt(10000));
  }

  /** A unit as a person might type it: number or reference, any case, spaces inside doubled. */
  private static String spelled(Random rnd, Unit u) {
    String s = u.reference().isPresent() && rnd.nextInt(4) == 0
        ? u.reference().get().value() : u.number();
    if (rnd.nextBoolean()) {
      s = rnd.nextBoolean() ? s.toLowerCase(Locale.ROOT) : s.toUpperCase(Locale.ROOT);
    }
    return s.replace(" ", List.of(" ", "  ", "\t", "\u00a0").get(rnd.nextInt(4)));
  }

  private static String separator(Random rnd, boolean spaced) {
    List<String> always = List.of(",", ";", ", ", " ; ", ",,", ";\t");
    if (!spaced && rnd.nextInt(3) == 0) {
      return List.of(" ", "  ", "\t", "\n").get(rnd.nextInt(4));
    }
    return always.get(rnd.nextInt(always.size()));
  }

  private static String pad(Random rnd) {
    return List.of("", "", " ", "  ", "\t").get(rnd.nextInt(5));
  }
}
