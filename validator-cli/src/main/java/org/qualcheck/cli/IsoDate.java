package org.qualcheck.cli;

import java.time.LocalDate;
import org.qualcheck.model.PrintableText;
import picocli.CommandLine;

/** Reads {@code --on}: a day of the calendar written YYYY-MM-DD, and nothing else. */
final class IsoDate implements CommandLine.ITypeConverter<LocalDate> {
  @Override
  public LocalDate convert(String value) {
    try {
      if (value.matches("\\d{4}-\\d{2}-\\d{2}")) {
        return LocalDate.parse(value);
      }
    } catch (java.time.DateTimeException e) {
      // reported below, as for any other text that is not a date
    }
    throw new CommandLine.TypeConversionException(
        "a date is written YYYY-MM-DD, such as 2026-03-01, and "
            + PrintableText.escape(value)
            + " is not a day of the calendar");
  }
}
