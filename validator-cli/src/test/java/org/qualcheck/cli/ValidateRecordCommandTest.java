package org.qualcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateRecordCommandTest {
  static final String CS = "../specs/ocr-03455-customer-service-l2.yaml";
  static final String ACCESS = "../specs/access-to-he-creative-visual-arts-records.yaml";
  static final String ON_TRACK = "../specs/examples/records/access-on-track.json";
  static final String TRANSFER = "../specs/examples/records/03455-transfer.json";

  @Test
  void aRecordOnTrackButNotAchievedExitsOneAndSaysWhatRemains() {
    CliRun run = CliRun.of("validate", "--spec", ACCESS, "--record", ON_TRACK, "--on",
        "2026-03-01");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out())
        .contains("Learner L1001, registered 2025-09-01, as of 2026-03-01")
        .contains("counted: O3 (rpl), O4 (rpl)")
        .contains("NOT ACHIEVED: the achieved units fail 4 rules; ON TRACK")
        .contains("Remaining: complete O7, O8, O9");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void priorLearningBeyondTheCapsHoldsButDoesNotCount() {
    // 36 credits through prior learning, all at Level 3: the caps on what counts take 18 of them
    // (the Level 3 APL cap is the tighter), so the record falls short although it holds 66 credits
    CliRun run = CliRun.of("validate", "--spec", ACCESS, "--record",
        "src/test/resources/records/prior-learning-beyond-the-caps.json", "--on", "2026-03-01");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out())
        .contains("prior-learning    at most 30 credits obtained by credit transfer or recognition"
            + " of prior learning in total count: 18 credits count (O1, O2, O3, O4, O5, O6);"
            + " not counted, over the cap: O7, O8, O9, O10, O11, O12")
        .contains("FAIL  total-credits     at least 60 credits in total: 48 credits")
        .contains("NOT ACHIEVED: the achieved units fail 4 rules");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void aUnitAchievedElsewhereCountsByItsReferenceNumber() throws Exception {
    CliRun run = CliRun.of("validate", "--spec", CS, "--record", TRANSFER, "--on", "2026-03-31",
        "--format", "json");
    assertThat(run.exitCode()).isEqualTo(0);
    JsonNode json = new ObjectMapper().readTree(run.out());
    assertThat(json.get("format").asText()).isEqualTo("qualcheck-record-result/1");
    assertThat(json.get("met").booleanValue()).isTrue();
    assertThat(json.get("achieved").booleanValue()).isTrue();
    assertThat(json.get("units").get(2).get("number").asText()).isEqualTo("A4");
    assertThat(json.get("units").get(2).get("standing").asText()).isEqualTo("achieved");
    JsonNode oneFromB = json.get("rules").get(1);
    assertThat(oneFromB.get("id").asText()).isEqualTo("one-from-B");
    assertThat(oneFromB.get("counted").get(0).get("unit").asText()).isEqualTo("A4");
    assertThat(oneFromB.get("counted").get(0).get("via").asText()).isEqualTo("transfer");
  }

  @Test
  void beforeTheUnitsWereAchievedTheSameRecordIsNotYetAchieved() throws Exception {
    CliRun run = CliRun.of("validate", "--spec", CS, "--record", TRANSFER, "--on", "2026-02-10",
        "--format", "json");
    assertThat(run.exitCode()).isEqualTo(1);
    JsonNode json = new ObjectMapper().readTree(run.out());
    assertThat(json.get("achieved").booleanValue()).isFalse();
    assertThat(json.get("onTrack").booleanValue()).isTrue();
    assertThat(json.get("units").get(5).get("standing").asText()).isEqualTo("not-yet");
    assertThat(json.get("units").get(6).get("standing").asText()).isEqualTo("not-yet");
    assertThat(json.get("remaining").get("complete")).extracting(JsonNode::asText)
        .containsExactly("D1", "B5");
  }

  @Test
  void unitsAchievedOutsideTheTimeLimitDoNotCount(@TempDir Path dir) throws Exception {
    Path record = dir.resolve("late.json");
    Files.writeString(record, "{\"learner\": \"L9\", \"registered\": \"2019-09-01\", \"units\": ["
        + "{\"unit\": \"M1\", \"status\": \"achieved\", \"date\": \"2025-06-01\"},"
        + "{\"unit\": \"O1\", \"status\": \"planned\"}]}");
    CliRun run = CliRun.of("validate", "--spec", ACCESS, "--record", record.toString(), "--on",
        "2025-07-01", "--format", "json");
    assertThat(run.exitCode()).isEqualTo(1);
    JsonNode json = new ObjectMapper().readTree(run.out());
    assertThat(json.get("units").get(0).get("standing").asText()).isEqualTo("outside-time-limit");
    assertThat(json.get("units").get(1).get("standing").asText()).isEqualTo("outside-time-limit");
    assertThat(json.get("timeLimitPassed").booleanValue()).isTrue();
    assertThat(json.has("remaining")).isFalse();
  }

  @Test
  void aBadRecordIsRefusedWithItsPlaceAndExitTwo(@TempDir Path dir) throws Exception {
    Path record = dir.resolve("bad.json");
    Files.writeString(record, "{\"learner\": \"L1\",\n \"units\": [{\"unit\": \"F1\", \"status\":"
        + " \"passed\"}]}");
    CliRun run = CliRun.of("validate", "--spec", CS, "--record", record.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("qualcheck: " + record + ":2:37: \"status\" is one of"
        + " achieved, in-progress or planned, not \"passed\"\n");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void aUnitNotInTheQualificationIsRefusedButATransferredOneIsShown(@TempDir Path dir)
      throws Exception {
    Path record = dir.resolve("r.json");
    Files.writeString(record, "{\"learner\": \"L1\", \"units\": [{\"unit\": \"Z9\", \"status\":"
        + " \"planned\"}]}");
    CliRun run = CliRun.of("validate", "--spec", CS, "--record", record.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).startsWith("qualcheck: unit \"Z9\" is not in 03455");
    Files.writeString(record, "{\"learner\": \"L1\", \"units\": [{\"unit\": \"H/999/9999\","
        + " \"status\": \"achieved\", \"via\": \"transfer\"}]}");
    run = CliRun.of("validate", "--spec", CS, "--record", record.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).contains("H/999/9999").contains("does not count: not in this"
        + " qualification");
  }

  @Test
  void aRecordNeedsNoPlanAndTheDateNeedsARecord() {
    CliRun both = CliRun.of("validate", "--spec", CS, "--record", TRANSFER, "--units", "F1");
    assertThat(both.exitCode()).isEqualTo(2);
    CliRun neither = CliRun.of("validate", "--spec", CS);
    assertThat(neither.exitCode()).isEqualTo(2);
    assertThat(neither.err()).contains("give the plan with --units or --plan, or a learner"
        + " record with --record");
    CliRun dateAlone = CliRun.of("validate", "--spec", CS, "--units", "F1", "--on", "2026-01-01");
    assertThat(dateAlone.exitCode()).isEqualTo(2);
    CliRun badDate = CliRun.of("validate", "--spec", CS, "--record", TRANSFER, "--on",
        "2026-02-30");
    assertThat(badDate.exitCode()).isEqualTo(2);
    assertThat(badDate.err()).startsWith("qualcheck: Invalid value for option '--on': a date is"
        + " written YYYY-MM-DD, such as 2026-03-01, and 2026-02-30 is not a day of the calendar\n");
  }
}
