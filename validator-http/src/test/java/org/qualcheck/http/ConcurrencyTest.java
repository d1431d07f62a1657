package org.qualcheck.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.qualcheck.check.Checker;
import org.qualcheck.check.Plan;
import org.qualcheck.cli.JsonReports;
import org.qualcheck.model.Qualification;

/**
 * Many clients at once get the library's own answers: each response to {@code /check} equals what
 * the library gives for that plan on one thread, and says met exactly when the checker does.
 */
class ConcurrencyTest {
  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2})
  void answersUnderConcurrencyEqualTheLibrarys(long seed) throws Exception {
    Library library = Library.load(Http.SPECS, 2);
    Library.Entry entry = library.get("03455").orElseThrow();
    Qualification q = entry.qualification();
    // A checker of its own, so the expected answers share nothing with the server's.
    Checker reference = Checker.of(q);
    List<String> all = new ArrayList<>(q.units().keySet());
    Random random = new Random(seed);
    int requests = 400;
    List<List<String>> plans = new ArrayList<>();
    List<String> expected = new ArrayList<>();
    List<Boolean> met = new ArrayList<>();
    for (int i = 0; i < requests; i++) {
      List<String> units = new ArrayList<>();
      for (String u : all) {
        if (random.nextInt(5) == 0) {
          units.add(u);
        }
      }
      if (i % 4 == 0) {
        units = new ArrayList<>(List.of("F1", "F2", "A3", "B2", "C3", "D2"));
      }
      plans.add(units);
      expected.add(JsonReports.validate(reference, Plan.of(units)));
      met.add(reference.meets(Plan.of(units)));
    }
    try (QualcheckServer server = QualcheckServer.start(library, new QualcheckServer.Config(
        "127.0.0.1", 0, Optional.empty(), Limits.defaults(), l -> { }))) {
      ExecutorService clients = Executors.newFixedThreadPool(32);
      try {
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        for (List<String> units : plans) {
          String body = "{\"units\": [" + String.join(",", units.stream().map(u -> "\"" + u + "\"").toList()) + "]}";
          answers.add(clients.submit(() -> Http.post(server, "/api/qualifications/03455/check", body)));
        }
        for (int i = 0; i < requests; i++) {
          HttpResponse<String> r = answers.get(i).get();
          assertThat(r.statusCode()).as("seed %d, request %d", seed, i).isEqualTo(200);
          assertThat(r.body()).as("seed %d, plan %s", seed, plans.get(i)).isEqualTo(expected.get(i));
          assertThat(r.body()).contains("\"met\" : " + met.get(i));
        }
      } finally {
        clients.shutdownNow();
      }
    }
  }
}
