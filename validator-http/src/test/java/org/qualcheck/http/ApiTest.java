package org.qualcheck.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The API over real HTTP on an ephemeral loopback port, against the command line's own output. */
class ApiTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> ACCESS_LOG = new CopyOnWriteArrayList<>();
  private static Library library;
  private static QualcheckServer server;

  @BeforeAll
  static void start() throws Exception {
    library = Library.load(Http.SPECS, 2);
    server = QualcheckServer.start(library, new QualcheckServer.Config("127.0.0.1", 0,
        Optional.empty(), Limits.defaults(), ACCESS_LOG::add));
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  private static JsonNode json(HttpResponse<String> r) throws IOException {
    return JSON.readTree(r.body());
  }

  private static void assertProblem(HttpResponse<String> r, int status, String detailPart)
      throws IOException {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(
        t -> assertThat(t).startsWith("application/problem+json"));
    JsonNode p = json(r);
    assertThat(p.get("status").asInt()).isEqualTo(status);
    assertThat(p.get("title").asText()).isNotBlank();
    assertThat(p.get("detail").asText()).contains(detailPart);
    assertThat(r.body()).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("org.eclipse");
  }

  @Test
  void listsTheLoadedSpecsAndGivesAStructure() throws IOException {
    JsonNode list = json(Http.get(server, "/api/qualifications")).get("qualifications");
    assertThat(list).hasSize(library.entries().size());
    assertThat(list.findValuesAsText("code")).contains("03455", "EXAMPLE-SHARED-UNIT");

    HttpResponse<String> r = Http.get(server, "/api/qualifications/03455");
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode s = json(r);
    assertThat(s.get("code").asText()).isEqualTo("03455");
    assertThat(s.get("english").asText()).isEqualTo(Http.cli("show", Http.SPEC_03455.toString()).out());
    assertThat(s.get("mermaid").asText())
        .isEqualTo(Http.cli("show", Http.SPEC_03455.toString(), "--format", "mermaid").out());
    assertThat(s.get("groups").findValuesAsText("number")).contains("F1", "A3", "D2");
    assertThat(s.get("rules").findValuesAsText("id")).contains("one-from-E");
  }

  @Test
  void spacedUnitNumbersAreNamedAsPrintedInAnySpacingAndCase() throws IOException {
    String cg = "/api/qualifications/4222-21/check";
    String spec = Http.SPECS.resolve("cg-4222-21-health-social-care-l2-generic.yaml").toString();
    HttpResponse<String> r = Http.post(server, cg,
        "{\"units\": [\"SHC 21\", \"shc  22\", \" HSC 024 \"]}");
    Http.Cli cli = Http.cli("validate", "--spec", spec, "--units", "SHC 21, shc  22; HSC 024",
        "--format", "json");
    assertThat(cli.exitCode()).isEqualTo(1);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(r.body()).isEqualTo(cli.out());
    assertProblem(Http.post(server, cg, "{\"units\": [\"SHC\", \"21\"]}"), 422,
        "unit \"SHC\" is not in 4222-21, but \"SHC 21\" is: give \"SHC 21\" as one unit");
  }

  @Test
  void checkAnswersExactlyAsValidate() {
    for (String units : List.of("F1,F2,A3,B2,C3,D2", "F1,F2,A3,B2,C3", "", "F1,R/601/1212")) {
      String body = "{\"units\": [" + (units.isEmpty() ? "" : "\"" + units.replace(",", "\", \"") + "\"") + "]}";
      HttpResponse<String> r = Http.post(server, "/api/qualifications/03455/check", body);
      Http.Cli cli = Http.cli("validate", "--spec", Http.SPEC_03455.toString(), "--units", units,
          "--format", "json");
      if (cli.exitCode() == 2) {
        assertThat(r.statusCode()).as(units).isEqualTo(422);
        continue;
      }
      assertThat(r.statusCode()).as(units).isEqualTo(200);
      assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json;charset=utf-8");
      assertThat(r.body()).as(units).isEqualTo(cli.out());
    }
  }

  @Test
  void planAnswersExactlyAsPlanWithEveryOption() {
    HttpResponse<String> r = Http.post(server, "/api/qualifications/03455/plan",
        "{\"units\": [\"F1\", \"F2\", \"A3\", \"B2\", \"C3\"], \"exclude\": [\"D2\"],"
            + " \"prefer\": [\"D4\"], \"alternatives\": 2, \"whatIf\": true}");
    Http.Cli cli = Http.cli("plan", "--spec", Http.SPEC_03455.toString(), "--units", "F1,F2,A3,B2,C3",
        "--exclude", "D2", "--prefer", "D4", "--alternatives", "2", "--what-if", "--format", "json");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).isEqualTo(cli.out()).contains("\"whatIf\"");
  }

  @Test
  void countAnswersExactlyAsCount() {
    assertThat(Http.post(server, "/api/qualifications/03455/count", "").body())
        .isEqualTo(Http.cli("count", "--spec", Http.SPEC_03455.toString(), "--format", "json").out());
    assertThat(Http.post(server, "/api/qualifications/03455/count", "{\"credits\": 30}").body())
        .isEqualTo(Http.cli("count", "--spec", Http.SPEC_03455.toString(), "--credits", "30",
            "--format", "json").out());
  }

  @Test
  void countRefusesAStructureItCannotCountWithTheCommandsSentence() throws IOException {
    HttpResponse<String> r = Http.post(server, "/api/qualifications/EXAMPLE-SHARED-UNIT/count", "");
    Http.Cli cli = Http.cli("count", "--spec", Http.SPECS.resolve("examples/unit-in-two-groups.yaml")
        .toString(), "--format", "json");
    assertThat(cli.exitCode()).isEqualTo(2);
    assertProblem(r, 422, "can be read several ways");
    assertThat(cli.err()).contains(json(r).get("detail").asText());
  }

  @Test
  void lintAnswersAsLintAndLocatesAnUnknownKey(@TempDir Path dir) throws IOException {
    String spec = Files.readString(Http.SPECS.resolve("examples/unit-in-two-groups.yaml"))
        .replace("groups:\n", "colour: blue\ngroups:\n");
    int line = spec.lines().toList().indexOf("colour: blue") + 1;
    Path file = dir.resolve("spec.yaml");
    Files.writeString(file, spec);
    HttpResponse<String> r = Http.post(server, "/api/lint", spec, "Content-Type", "application/yaml");
    Http.Cli cli = Http.cli("lint", "--format", "json", file.toString());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).isEqualTo(cli.out().replace(file.toString(), "spec.yaml"));
    JsonNode problem = json(r).get("files").get(0).get("problems").get(0);
    assertThat(problem.get("line").asInt()).isEqualTo(line);
    assertThat(problem.get("message").asText()).contains("colour");
  }

  @Test
  void structureOfABadSpecIsUnprocessableWithLocatedProblems() throws IOException {
    HttpResponse<String> r = Http.post(server, "/api/structure?name=draft.yaml", "qualification: [\n");
    assertProblem(r, 422, "draft.yaml:");
    assertThat(json(r).get("errors")).isNotEmpty();
  }

  @Test
  void batchStreamsOneResultPerRecordInOrderAsTheCommand(@TempDir Path dir) throws IOException {
    StringBuilder in = new StringBuilder();
    String[] plans = {"[\"F1\"]", "[\"F1\",\"F2\",\"A3\",\"B2\",\"C3\",\"D2\"]", "[\"Z9\"]", "\"bad\""};
    for (int i = 0; i < 300; i++) {
      in.append("{\"learner\": \"L").append(i).append("\", \"units\": ").append(plans[i % plans.length])
          .append("}\n");
    }
    in.append("this is not JSON\n");
    Path input = dir.resolve("in.jsonl");
    Files.writeString(input, in);
    Path output = dir.resolve("out.jsonl");
    Http.cli("batch", "--spec", Http.SPEC_03455.toString(), "--input", input.toString(), "--output",
        output.toString());
    HttpResponse<String> r = Http.post(server, "/api/batch?qualification=03455", in.toString());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(
        t -> assertThat(t).startsWith("application/x-ndjson"));
    assertThat(r.body()).isEqualTo(Files.readString(output));
    assertThat(r.body().lines()).hasSize(301);
  }

  @Test
  void batchWithoutAQualificationTakesItFromEachRecord() throws IOException {
    HttpResponse<String> r = Http.post(server, "/api/batch",
        "{\"learner\": \"a\", \"qualification\": \"03455\", \"units\": [\"F1\",\"F2\",\"A3\",\"B2\",\"C3\",\"D2\"]}\n"
            + "{\"learner\": \"b\", \"units\": [\"F1\"]}\n");
    List<String> lines = r.body().lines().toList();
    assertThat(lines).hasSize(2);
    assertThat(JSON.readTree(lines.get(0)).get("met").asBoolean()).isTrue();
    assertThat(JSON.readTree(lines.get(1)).toString()).contains("names no qualification");
  }

  @Test
  void malformedRequestsAre400() throws IOException {
    String check = "/api/qualifications/03455/check";
    assertProblem(Http.post(server, check, "{\"units\": [\"F1\""), 400, "not valid JSON");
    assertProblem(Http.post(server, check, "{\"units\": [\"F1\"], \"learner\": 1}"), 400,
        "unknown field \"learner\"");
    assertProblem(Http.post(server, check, "{\"units\": \"F1\"}"), 400, "\"units\"");
    assertProblem(Http.post(server, check, "{\"units\": [1]}"), 400, "units[0]");
    assertProblem(Http.post(server, check, ""), 400, "empty");
    assertProblem(Http.post(server, check, "{}"), 400, "needs a \"units\" field");
    assertProblem(Http.post(server, check, "{\"units\": []} []"), 400, "");
    assertProblem(Http.post(server, check, "{\"units\": [], \"units\": []}"), 400, "");
    assertProblem(Http.postBytes(server, check, new byte[] {'{', (byte) 0xC3, '}'}), 400, "UTF-8");
    assertProblem(Http.post(server, "/api/qualifications/03455/plan",
        "{\"units\": [], \"alternatives\": \"two\"}"), 400, "\"alternatives\"");
    assertProblem(Http.post(server, "/api/lint?name=../../etc/passwd", "x: 1"), 400, "name");
  }

  @Test
  void unknownQualificationsAndPathsAre404() throws IOException {
    assertProblem(Http.get(server, "/api/qualifications/NOPE"), 404, "\"NOPE\"");
    assertProblem(Http.post(server, "/api/qualifications/NOPE/check", "{\"units\": []}"), 404, "\"NOPE\"");
    assertProblem(Http.post(server, "/api/batch?qualification=NOPE", ""), 404, "\"NOPE\"");
    assertProblem(Http.get(server, "/api/nothing"), 404, "/api/nothing");
    assertProblem(Http.get(server, "/no-such-page.html"), 404, "/no-such-page.html");
  }

  @Test
  void wrongMethodIs405WithAllow() throws IOException {
    HttpResponse<String> r = Http.get(server, "/api/qualifications/03455/check");
    assertProblem(r, 405, "takes POST");
    assertThat(r.headers().firstValue("Allow")).hasValue("POST");
  }

  @Test
  void aBadPlanIs422WithTheCommandLinesSentences() throws IOException {
    HttpResponse<String> r = Http.post(server, "/api/qualifications/03455/check",
        "{\"units\": [\"F1\", \"Z9\", \"F1\"]}");
    Http.Cli cli = Http.cli("validate", "--spec", Http.SPEC_03455.toString(), "--units", "F1,Z9,F1");
    assertThat(cli.exitCode()).isEqualTo(2);
    assertProblem(r, 422, "");
    List<String> errors = JSON.convertValue(json(r).get("errors"),
        JSON.getTypeFactory().constructCollectionType(List.class, String.class));
    assertThat(errors).isNotEmpty();
    assertThat(errors.stream().map(e -> "qualcheck: " + e).toList())
        .isEqualTo(cli.err().lines().toList());

    assertProblem(Http.post(server, "/api/qualifications/03455/plan",
        "{\"units\": [], \"alternatives\": 1001}"), 422, "alternatives must be from 0 to 1000");
    assertProblem(Http.post(server, "/api/qualifications/03455/plan",
        "{\"units\": [], \"exclude\": [\"Q7\"]}"), 422, "\"Q7\"");
    assertProblem(Http.post(server, "/api/qualifications/03455/count", "{\"credits\": -1}"), 422,
        "negative");
  }

  @Test
  void bodiesOverTheirLimitAre413() throws Exception {
    try (QualcheckServer small = QualcheckServer.start(library, new QualcheckServer.Config(
        "127.0.0.1", 0, Optional.empty(), Limits.defaults().withBodyLimits(64, 128, 256), l -> { }))) {
      String units = "{\"units\": [" + "\"F1\", ".repeat(20) + "\"F2\"]}";
      assertProblem(Http.post(small, "/api/qualifications/03455/check", units), 413, "64 bytes");
      assertProblem(Http.post(small, "/api/lint", "x".repeat(129)), 413, "128 bytes");
      assertProblem(Http.post(small, "/api/batch?qualification=03455", "{}\n".repeat(100)), 413,
          "256 bytes");
      // Within the limit the same server answers.
      assertThat(Http.post(small, "/api/qualifications/03455/check", "{\"units\": [\"F1\"]}")
          .statusCode()).isEqualTo(200);
    }
  }

  @Test
  void anEngineCallOverTheTimeLimitIs503() throws Exception {
    var hard = org.qualcheck.synthetic.StructureGenerator.generate(7,
        org.qualcheck.synthetic.StructureGenerator.Settings.everything(400, 12));
    Library big = Library.of(List.of(hard), 1);
    try (QualcheckServer slow = QualcheckServer.start(big, new QualcheckServer.Config("127.0.0.1",
        0, Optional.empty(), Limits.defaults().withTimeLimit(Duration.ofMillis(1)), l -> { }))) {
      HttpResponse<String> r = Http.post(slow, "/api/qualifications/" + hard.code() + "/plan",
          "{\"units\": [], \"whatIf\": true, \"alternatives\": 50}");
      assertProblem(r, 503, "time limit of 1 ms");
      assertThat(r.headers().firstValue("Retry-After")).hasValue("1");
    }
  }

  @Test
  void healthAndOpenApiAndThePageAreServed() throws IOException {
    assertThat(json(Http.get(server, "/health")).get("status").asText()).isEqualTo("ok");
    assertThat(json(Http.get(server, "/api/openapi.json")).get("openapi").asText()).isEqualTo("3.1.0");
    HttpResponse<String> page = Http.get(server, "/");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("<label for=\"qualification\">");
    assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
        c -> assertThat(c).contains("default-src 'self'"));
    assertThat(Http.get(server, "/vendor/mermaid/mermaid.min.js").statusCode()).isEqualTo(200);
    assertThat(Http.get(server, "/vendor/mermaid/LICENSE").body()).contains("MIT License");
  }

  @Test
  void everyRequestGetsOneAccessLogLine() throws InterruptedException {
    int before = ACCESS_LOG.size();
    Http.get(server, "/health?probe=access-log");
    // the line is written once the response is complete, which the client may see first
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    long lines;
    while ((lines = ACCESS_LOG.stream().skip(before)
        .filter(l -> l.contains("GET /health?probe=access-log HTTP/1.1\" 200")).count()) == 0
        && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    Thread.sleep(50);
    lines = ACCESS_LOG.stream().skip(before)
        .filter(l -> l.contains("GET /health?probe=access-log HTTP/1.1\" 200")).count();
    assertThat(lines).isEqualTo(1);
  }

  @Test
  void theTokenRule(@TempDir Path dir) throws Exception {
    String token = "0123456789abcdef0123456789abcdef";
    assertThatThrownBy(() -> QualcheckServer.checkBinding("0.0.0.0", Optional.empty()))
        .isInstanceOf(QualcheckServer.RefusedException.class).hasMessageContaining("--token-file");
    QualcheckServer.checkBinding("0.0.0.0", Optional.of(token));
    QualcheckServer.checkBinding("localhost", Optional.empty());
    QualcheckServer.checkBinding("::1", Optional.empty());

    Path file = dir.resolve("token");
    Files.writeString(file, token + "\n");
    assertThat(ServeCommand.token(file)).hasValue(token);
    Files.writeString(file, "  \n");
    assertThatThrownBy(() -> ServeCommand.token(file)).hasMessageContaining("empty");
    Files.writeString(file, "short");
    assertThatThrownBy(() -> ServeCommand.token(file)).hasMessageContaining("at least 16");

    try (QualcheckServer guarded = QualcheckServer.start(library, new QualcheckServer.Config(
        "127.0.0.1", 0, Optional.of(token), Limits.defaults(), l -> { }))) {
      HttpResponse<String> none = Http.get(guarded, "/api/qualifications");
      assertProblem(none, 401, "Authorization: Bearer");
      assertThat(none.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
          h -> assertThat(h).startsWith("Bearer"));
      assertProblem(Http.get(guarded, "/api/qualifications", "Authorization", "Bearer wrong"), 401, "");
      assertProblem(Http.post(guarded, "/api/qualifications/03455/check", "{\"units\": []}",
          "Authorization", "Basic " + token), 401, "");
      assertThat(Http.get(guarded, "/api/qualifications", "Authorization", "Bearer " + token)
          .statusCode()).isEqualTo(200);
      assertThat(Http.post(guarded, "/api/qualifications/03455/check", "{\"units\": []}",
          "Authorization", "bearer " + token).statusCode()).isEqualTo(200);
      assertThat(Http.get(guarded, "/health").statusCode()).isEqualTo(200);
      assertThat(Http.get(guarded, "/").statusCode()).isEqualTo(200);
    }
  }

  @Test
  void serveRefusesANonLoopbackAddressWithoutAToken() {
    var out = new java.io.StringWriter();
    var err = new java.io.StringWriter();
    int code = ServeCommand.commandLine(new java.io.PrintWriter(out), new java.io.PrintWriter(err))
        .execute("--specs", Http.SPECS.toString(), "--host", "0.0.0.0", "--port", "0");
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("not a loopback address").contains("--token-file");
  }

  @Test
  void serveRefusesAFolderWithABrokenSpec(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("bad.yaml"), "qualification: {code: X}\nunits: nope\n");
    var err = new java.io.StringWriter();
    int code = ServeCommand.commandLine(new java.io.PrintWriter(new java.io.StringWriter()),
        new java.io.PrintWriter(err)).execute("--specs", dir.toString(), "--port", "0");
    assertThat(code).isEqualTo(3);
    assertThat(err.toString()).contains("bad.yaml:");
  }

  @Test
  void stoppingFinishesARequestInFlight() throws Exception {
    QualcheckServer s = QualcheckServer.start(library, QualcheckServer.Config.loopback(0));
    int port = s.port();
    String record = "{\"learner\": \"a\", \"units\": [\"F1\"]}\n";
    byte[] first = record.getBytes(StandardCharsets.UTF_8);
    byte[] second = record.replace("\"a\"", "\"b\"").getBytes(StandardCharsets.UTF_8);
    try (java.net.Socket socket = new java.net.Socket("127.0.0.1", s.port())) {
      var out = socket.getOutputStream();
      out.write(("POST /api/batch?qualification=03455 HTTP/1.1\r\nHost: localhost\r\n"
          + "Connection: close\r\nContent-Length: " + (first.length + second.length) + "\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      out.write(first);
      out.flush();
      long deadline = System.nanoTime() + 20_000_000_000L;
      while (s.inFlight() == 0 && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertThat(s.inFlight()).as("the batch is in flight").isEqualTo(1);
      Thread stopper = new Thread(s::stop);
      stopper.start();
      Thread.sleep(500);
      assertThat(stopper.isAlive()).as("stop waits for the batch in flight").isTrue();
      out.write(second);
      out.flush();
      String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      stopper.join(30_000);
      assertThat(answer).startsWith("HTTP/1.1 200");
      assertThat(answer).contains("\"learner\":\"a\"").contains("\"learner\":\"b\"");
      assertThat(stopper.isAlive()).isFalse();
    }
    // Stopped: nothing listens any more.
    assertThatThrownBy(() -> new java.net.Socket("127.0.0.1", port).close())
        .isInstanceOf(java.net.ConnectException.class);
  }
}
