package org.qualcheck.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RecordReaderTest {
  private static final Path RECORDS = Path.of("src/test/resources/records");
  private final RecordReader reader = new RecordReader();

  @Test
  void readsEveryPartOfTheIssuesExampleRecord() {
    LearnerRecord r = reader.read(RECORDS.resolve("full.json"));
    assertThat(r.learner()).isEqualTo("L1001");
    assertThat(r.registered()).contains(LocalDate.of(2025, 9, 1));
    assertThat(r.units()).hasSize(7);
    assertThat(r.units().get(1))
        .isEqualTo(
            new UnitEntry("R/601/1212", Status.ACHIEVED, Optional.of(LocalDate.of(2024, 6, 1)),
                Via.TRANSFER, Optional.of("600/2870/1"), Optional.empty()));
    assertThat(r.units().get(3))
        .isEqualTo(
            new UnitEntry("C3", Status.ACHIEVED, Optional.empty(), Via.EXEMPTION, Optional.empty(),
                Optional.of("certificate 1234")));
    assertThat(r.units().get(4)).isEqualTo(UnitEntry.inProgress("D2"));
    assertThat(r.units().get(6)).isEqualTo(UnitEntry.planned("A4"));
    assertThat(r.units(Status.ACHIEVED)).extracting(UnitEntry::unit)
        .containsExactly("F1", "R/601/1212", "B2", "C3");
    assertThat(r.qualifications())
        .containsExactly(
            new QualificationEntry("03455", Status.IN_PROGRESS, Optional.empty()),
            QualificationEntry.achieved("FS-MATHS-L1", LocalDate.of(2025, 6, 30)));
    assertThat(r.achievements())
        .containsExactly(
            AchievementEntry.of("err", LocalDate.of(2026, 1, 15)),
            new AchievementEntry("plts", Optional.empty()));
  }

  @Test
  void aPlainListOfUnitsIsAPlan() {
    LearnerRecord r = reader.read(RECORDS.resolve("plan.json"));
    assertThat(r).isEqualTo(LearnerRecord.plan("L2", List.of("F1", "F2", "A3")));
    assertThat(r.registered()).isEmpty();
    assertThat(r.units()).allMatch(u -> u.status() == Status.PLANNED && u.via() == Via.ASSESSMENT);
  }

  @Test
  void reportsEveryProblemAtItsPlaceInOneGo() {
    Path file = RECORDS.resolve("many-problems.json");
    assertThatThrownBy(() -> reader.read(file))
        .isInstanceOfSatisfying(
            RecordException.class,
            e ->
                assertThat(e.problems())
                    .extracting(RecordProblem::toString)
                    .containsExactly(
                        file + ":1:33: \"registered\" is 2025-02-30, which is not a day of the"
                            + " calendar",
                        file + ":3:66: \"status\" is one of achieved, in-progress or planned, not"
                            + " \"done\"",
                        file + ":4:48: \"via\" is one of assessment, transfer, rpl or exemption,"
                            + " not \"transfer \"",
                        file + ":4:69: \"date\" is a date written YYYY-MM-DD, not \"1/2/2025\"",
                        file + ":5:13: the record lists unit f1 twice (also as F1)",
                        file + ":6:41: only a unit obtained by credit transfer (\"via\":"
                            + " \"transfer\") names the qualification it came from",
                        file + ":7:4: a unit needs \"unit\"",
                        file + ":7:5: \"units\" is not a field of a unit; it takes unit, status,"
                            + " date, via, from, evidence",
                        file + ":8:4: a unit is a unit number or reference number, or an object"
                            + " such as {\"unit\": \"F1\", \"status\": \"achieved\"}, not a number",
                        file + ":9:2: \"qualification\" is not a field of a learner record; it"
                            + " takes learner, registered, units, qualifications, achievements"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '~',
      value = {
        "~~| r:1:1: the record is empty; a learner record is a JSON object",
        "[]| r:1:1: a learner record is a JSON object, such as {\"learner\": \"L1001\", \"units\":"
            + " [...]}, not a list",
        "{\"learner\": \"L1\"} {}| r:1:19: something follows the record; a record is one JSON"
            + " object and nothing else",
        "{\"learner\": \"L1\", \"learner\": \"L2\"}| r:1:28: the field \"learner\" is given twice"
            + " in one object",
        "{\"learner\": \"L1\", \"units\": [| r:1:29: the record ends before its JSON is complete",
        "{\"learner\": \"L1\" // note\\n}| r:1:18: this is not valid JSON",
        "{\"learner\": \"  \"}| r:1:13: the record's learner is blank",
        "{\"learner\": 7}| r:1:13: \"learner\" must be text, not a number",
        "{\"units\": []}| r:1:1: a learner record needs \"learner\"",
        "{\"learner\": \"L\", \"units\": {}}| r:1:27: \"units\" must be a list, not an object",
        "{\"learner\": \"L\", \"units\": [\"A\\u001B\"]}| r:1:28: a unit holds the control character"
            + " U+001B",
        "{\"learner\": \"L\", \"units\": [{\"unit\": \"A\", \"status\": \"planned\", \"date\":"
            + " \"2025-1-01\"}]}| r:1:71: \"date\" is a date written YYYY-MM-DD, not \"2025-1-01\"",
        "{\"learner\": \"L\", \"achievements\": [{\"id\": \"err\"}, {\"id\": \"ERR\"}]}| r:1:57: the"
            + " record lists achievement ERR twice (also as err)",
      })
  void refusesWhatIsNotARecordWithOneLocatedSentence(String json, String expected) {
    assertThatThrownBy(() -> reader.read("r", json.replace("\\n", "\n")))
        .isInstanceOf(RecordException.class)
        .hasMessage(expected.strip());
  }

  @Test
  void aFileThatIsMissingAFolderOrNotUtf8IsNamedAndRefused(@TempDir Path dir) throws Exception {
    assertThatThrownBy(() -> reader.read(dir.resolve("none.json")))
        .hasMessage(dir.resolve("none.json") + ":1:1: the file does not exist");
    assertThatThrownBy(() -> reader.read(dir)).hasMessage(dir + ":1:1: this is a folder, not a"
        + " record file");
    Path latin1 = dir.resolve("latin1.json");
    Files.write(latin1, new byte[] {'{', '"', (byte) 0xE9, '"', '}'});
    assertThatThrownBy(() -> reader.read(latin1))
        .hasMessage(latin1 + ":1:1: the file is not UTF-8 text; save it as UTF-8");
    Path big = dir.resolve("big.json");
    Files.writeString(big, " ".repeat(RecordReader.MAX_BYTES) + "{}");
    assertThatThrownBy(() -> reader.read(big)).hasMessageContaining("larger than 1 MB");
  }

  @Test
  void deepNestingIsRefusedWithoutExhaustingTheStack() {
    String deep = "{\"learner\": \"L\", \"units\": " + "[".repeat(100_000);
    assertThatThrownBy(() -> reader.read("r", deep))
        .isInstanceOf(RecordException.class)
        .hasMessageContaining("nests too deeply");
  }

  @Test
  void theTypesRefuseWhatTheReaderRefuses() {
    assertThatThrownBy(
            () -> LearnerRecord.plan("L", List.of("F1", " f1 ")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the record lists unit f1 twice (also as F1)");
    assertThatThrownBy(() -> UnitEntry.planned("F1").withFrom("600/2870/1"))
        .hasMessageContaining("only a transferred unit");
    assertThatThrownBy(() -> LearnerRecord.plan(" ", List.of()))
        .hasMessage("a record's learner is blank");
    assertThat(UnitEntry.achieved("F1", LocalDate.of(2025, 1, 1), Via.TRANSFER)
            .withFrom(" 600/2870/1 ").from())
        .contains("600/2870/1");
  }

  @Test
  void aRecordIsImmutable() {
    java.util.ArrayList<UnitEntry> units = new java.util.ArrayList<>(List.of(UnitEntry.planned("A")));
    LearnerRecord r = LearnerRecord.of("L", LocalDate.of(2025, 1, 1), units);
    units.add(UnitEntry.planned("B"));
    assertThat(r.units()).hasSize(1);
    assertThatThrownBy(() -> r.units().add(UnitEntry.planned("C")))
        .isInstanceOf(UnsupportedOperationException.class);
    LearnerRecord.Builder b = LearnerRecord.builder("L").unit(UnitEntry.planned("A"));
    LearnerRecord first = b.build();
    b.unit(UnitEntry.planned("B"));
    assertThat(first.units()).hasSize(1);
  }
}
