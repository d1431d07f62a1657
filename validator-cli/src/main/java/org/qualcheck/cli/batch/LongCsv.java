package org.qualcheck.cli.batch;

import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.regex.Pattern;
import org.qualcheck.model.PrintableText;
import org.qualcheck.record.LearnerRecord;
import org.qualcheck.record.Status;
import org.qualcheck.record.UnitEntry;
import org.qualcheck.record.Via;

/**
 * Learner records in long CSV: a header row naming {@code learner}, {@code unit} and {@code status}
 * columns (and optionally {@code date}, {@code via}, {@code from}, {@code evidence}, {@code
 * registered} and {@code qualification}), then one row per learner and unit, a learner's rows in
 * any order. Rows are gathered by learner, so the whole input is read before the first result:
 * one record per learner, in order of first appearance. A row that cannot be read makes its
 * learner's record an error, naming the row, so that no learner is checked on fewer units than
 * their rows give. Every row is held until the input ends (about 90 bytes a unit row, with the
 * unit texts and dates shared between rows), so memory grows with the input. One instance reads
 * one input, on one thread.
 */
final class LongCsv {
  private static final ObjectReader LINE = new CsvMapper().readerFor(String[].class);
  private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  static final List<String> COLUMNS =
      List.of("learner", "unit", "status", "date", "via", "from", "evidence", "registered",
          "qualification");

  private final Map<String, Integer> column = new LinkedHashMap<>();

  private LongCsv(List<String> header) throws BatchInputException {
    for (int i = 0; i < header.size(); i++) {
      String name = header.get(i);
      if (!COLUMNS.contains(name)) {
        throw new BatchInputException("line 1: the long format's header names the column \""
            + PrintableText.escape(name) + "\", which it does not take (it takes "
            + String.join(", ", COLUMNS) + ")");
      }
      if (column.put(name, i) != null) {
        throw new BatchInputException("line 1: the header row names the column \"" + name
            + "\" twice");
      }
    }
    if (!column.containsKey("learner")) {
      throw new BatchInputException("line 1: the header row has no \"learner\" column (it has "
          + String.join(", ", header) + ")");
    }
  }

  /** Whether a CSV header is the long format's: a unit and a status column, not a units one. */
  static boolean isLong(List<String> header) {
    return header.contains("unit") && header.contains("status") && !header.contains("units");
  }

  static LongCsv of(List<String> header) throws BatchInputException {
    return new LongCsv(header);
  }

  /** One learner's rows as gathered: the record's parts, or why the record cannot be made. */
  private static final class Learner {
    final long line;
    final String name;
    final List<UnitEntry> units = new ArrayList<>();
    String registered;
    String qualification;
    String error;

    Learner(long line, String name) {
      this.line = line;
      this.name = name;
    }

    void fail(long row, String why) {
      if (error == null) {
        error = "line " + row + ": " + why;
      }
    }
  }

  /**
   * At most this many distinct unit texts and dates are shared between the rows that give them; a
   * cohort has a few hundred of each, and an input with more just stops sharing.
   */
  private static final int SHARED = 1 << 16;

  /** Unit texts and dates read so far, so that rows giving the same one hold one copy. */
  private final Map<String, String> units = new HashMap<>();
  private final Map<String, Optional<LocalDate>> dates = new HashMap<>();

  /**
   * Every learner's record, in order of first appearance; a row whose learner cannot be read is a
   * record of its own, in error. All rows are read first; each record is then made as it is asked
   * for, and what it was made from let go.
   */
  Iterator<ParsedRecord> read(LineReader lines) throws IOException {
    Map<String, Learner> learners = new HashMap<>();
    List<Object> order = new ArrayList<>();
    RawRecord raw;
    while ((raw = lines.next()) != null) {
      if (raw.blank()) {
        continue;
      }
      if (raw.text() == null) {
        order.add(ParsedRecord.error(raw.line(), null, raw.unreadable()));
        continue;
      }
      String[] cells;
      try {
        cells = LINE.readValue(raw.text());
      } catch (IOException e) {
        order.add(ParsedRecord.error(raw.line(), null,
            "the row is not valid CSV (check its quotes; a quoted field cannot span lines)"));
        continue;
      }
      int at = column.get("learner");
      String who = at < cells.length ? cells[at].strip() : "";
      if (who.isEmpty()) {
        order.add(ParsedRecord.error(raw.line(), null, "the row has no learner"));
        continue;
      }
      Learner l = learners.get(who);
      if (l == null) {
        l = new Learner(raw.line(), who);
        learners.put(who, l);
        order.add(l);
      }
      if (cells.length != column.size()) {
        l.fail(raw.line(), "the row has " + cells.length + (cells.length == 1 ? " field" : " fields")
            + " but the header has " + column.size());
        continue;
      }
      row(l, raw.line(), cells);
    }
    learners.clear();
    units.clear();
    dates.clear();
    return new Iterator<>() {
      private int next;

      @Override
      public boolean hasNext() {
        return next < order.size();
      }

      @Override
      public ParsedRecord next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        Object o = order.set(next++, null);
        return o instanceof ParsedRecord p ? p : record((Learner) o);
      }
    };
  }

  private static ParsedRecord record(Learner l) {
    if (l.error != null) {
      return ParsedRecord.error(l.line, l.name, l.error);
    }
    try {
      LearnerRecord record = new LearnerRecord(l.name,
          l.registered == null ? Optional.empty() : Optional.of(LocalDate.parse(l.registered)),
          l.units, List.of(), List.of());
      return ParsedRecord.record(l.line, l.qualification, record);
    } catch (IllegalArgumentException e) {
      return ParsedRecord.error(l.line, l.name, e.getMessage());
    }
  }

  /** {@code value}, or the equal one an earlier row gave. */
  private static <T> T shared(Map<String, T> seen, String key, T value) {
    T earlier = seen.get(key);
    if (earlier != null) {
      return earlier;
    }
    if (seen.size() < SHARED) {
      seen.put(key, value);
    }
    return value;
  }

  private String cell(String[] cells, String name) {
    Integer i = column.get(name);
    return i == null ? "" : cells[i].strip();
  }

  private void row(Learner l, long line, String[] cells) {
    for (String shared : List.of("registered", "qualification")) {
      String v = cell(cells, shared);
      String before = shared.equals("registered") ? l.registered : l.qualification;
      if (v.isEmpty()) {
        continue;
      }
      if (before != null && !before.equals(v)) {
        l.fail(line, "the learner's " + shared + " is " + PrintableText.escape(before)
            + " on an earlier row and " + PrintableText.escape(v) + " on this one");
        return;
      }
      if (shared.equals("registered")) {
        if (date(l, line, "registered", v).isEmpty()) {
          return;
        }
        l.registered = v;
      } else {
        l.qualification = v;
      }
    }
    String statusText = cell(cells, "status");
    Optional<Status> status = Status.fromJsonName(statusText);
    if (status.isEmpty()) {
      l.fail(line, "the status is one of achieved, in-progress or planned, not \""
          + PrintableText.escape(statusText) + "\"");
      return;
    }
    String viaText = cell(cells, "via");
    Optional<Via> via = viaText.isEmpty() ? Optional.of(Via.ASSESSMENT) : Via.fromJsonName(viaText);
    if (via.isEmpty()) {
      l.fail(line, "via is one of assessment, transfer, rpl or exemption, not \""
          + PrintableText.escape(viaText) + "\"");
      return;
    }
    String dateText = cell(cells, "date");
    Optional<LocalDate> date = Optional.empty();
    if (!dateText.isEmpty()) {
      date = dates.get(dateText);
      if (date == null) {
        date = date(l, line, "date", dateText);
        if (date.isEmpty()) {
          return;
        }
        date = shared(dates, dateText, date);
      }
    }
    String from = cell(cells, "from");
    String evidence = cell(cells, "evidence");
    try {
      String unit = cell(cells, "unit");
      l.units.add(new UnitEntry(shared(units, unit, unit), status.get(), date, via.get(),
          from.isEmpty() ? Optional.empty() : Optional.of(from),
          evidence.isEmpty() ? Optional.empty() : Optional.of(evidence)));
    } catch (IllegalArgumentException e) {
      l.fail(line, e.getMessage());
    }
  }

  private static Optional<LocalDate> date(Learner l, long line, String what, String text) {
    try {
      if (DATE.matcher(text).matches()) {
        return Optional.of(LocalDate.parse(text));
      }
    } catch (DateTimeException e) {
      // reported below
    }
    l.fail(line, "the " + what + " is a date written YYYY-MM-DD, not \""
        + PrintableText.escape(text) + "\"");
    return Optional.empty();
  }
}
