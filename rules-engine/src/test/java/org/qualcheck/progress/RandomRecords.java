package org.qualcheck.progress;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import org.qualcheck.model.Qualification;
import org.qualcheck.model.Unit;
import org.qualcheck.record.LearnerRecord;
import org.qualcheck.record.Status;
import org.qualcheck.record.UnitEntry;
import org.qualcheck.record.Via;

/** Seeded random learner records for a qualification: every status, way and kind of date. */
final class RandomRecords {
  /** A reference number no generated structure uses: a transfer from elsewhere that counts here for nothing. */
  static final String ELSEWHERE = "H/999/9999";

  private RandomRecords() {}

  static LocalDate registered(SplittableRandom rnd) {
    return LocalDate.of(2020, 1, 1).plusDays(rnd.nextInt(1000));
  }

  static LearnerRecord record(Qualification q, SplittableRandom rnd, LocalDate registered) {
    List<UnitEntry> units = new ArrayList<>();
    for (Unit u : q.units().values()) {
      int pick = rnd.nextInt(6);
      if (pick < 2) {
        continue;
      }
      Status status = pick < 4 ? Status.ACHIEVED : pick == 4 ? Status.IN_PROGRESS : Status.PLANNED;
      Via via = rnd.nextInt(3) == 0 ? Via.values()[rnd.nextInt(4)] : Via.ASSESSMENT;
      String name =
          via == Via.TRANSFER || rnd.nextInt(3) == 0
              ? u.reference().orElseThrow().value()
              : u.number();
      if (rnd.nextInt(4) == 0) {
        name = name.toLowerCase(Locale.ROOT);
      }
      Optional<LocalDate> date =
          rnd.nextInt(5) == 0
              ? Optional.empty()
              : Optional.of(registered.plusDays(rnd.nextInt(-4 * 365, 4 * 365)));
      units.add(new UnitEntry(name, status, date, via,
          via == Via.TRANSFER && rnd.nextBoolean() ? Optional.of("600/2870/1") : Optional.empty(),
          Optional.empty()));
    }
    if (rnd.nextInt(4) == 0) {
      units.add(UnitEntry.achieved(ELSEWHERE, registered.minusDays(30), Via.TRANSFER));
    }
    java.util.Collections.shuffle(units, new java.util.Random(rnd.nextLong()));
    return new LearnerRecord("L" + rnd.nextInt(1000), Optional.of(registered), units, List.of(),
        List.of());
  }
}
