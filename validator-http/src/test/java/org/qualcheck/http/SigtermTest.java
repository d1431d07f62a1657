package org.qualcheck.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code qualcheck serve} as a process: SIGTERM stops it, and a request in flight when the signal
 * arrives is still answered in full.
 */
class SigtermTest {
  private static void chunk(java.io.OutputStream out, byte[] data) throws java.io.IOException {
    out.write((Integer.toHexString(data.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
    out.write(data);
    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  @Test
  void sigtermFinishesTheRequestInFlightThenStops(@TempDir Path dir) throws Exception {
    Path log = dir.resolve("stderr.txt");
    Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
    Process server = new ProcessBuilder(javaBin.toString(), "-cp", System.getProperty("java.class.path"),
        ServeCommand.class.getName(), "--specs", Http.SPECS.toString(), "--port", "0")
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(log.toFile())
        .start();
    try {
      String banner = "";
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (!banner.contains("serving") && server.isAlive() && System.nanoTime() < deadline) {
        Thread.sleep(100);
        banner = Files.readString(log);
      }
      assertThat(banner).contains("serving");
      Matcher m = Pattern.compile("http://127\\.0\\.0\\.1:(\\d+)/").matcher(banner);
      assertThat(m.find()).as(banner).isTrue();
      int port = Integer.parseInt(m.group(1));
      // A first batch loads the classes a batch needs, so the one cut short starts at once.
      var warm = Http.send(java.net.http.HttpRequest.newBuilder(
          java.net.URI.create("http://127.0.0.1:" + port + "/api/batch?qualification=03455"))
          .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"learner\": \"w\", \"units\": []}\n")));
      assertThat(warm.statusCode()).isEqualTo(200);
      byte[] first = "{\"learner\": \"a\", \"units\": [\"F1\"]}\n".getBytes(StandardCharsets.UTF_8);
      byte[] second = "{\"learner\": \"b\", \"units\": [\"F2\"]}\n".getBytes(StandardCharsets.UTF_8);
      try (Socket socket = new Socket("127.0.0.1", port)) {
        var out = socket.getOutputStream();
        out.write(("POST /api/batch?qualification=03455 HTTP/1.1\r\nHost: localhost\r\n"
            + "Connection: close\r\nTransfer-Encoding: chunked\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
        chunk(out, first);
        // The client keeps streaming (blank lines are not records) while the signal arrives.
        for (int i = 0; i < 30; i++) {
          if (i == 15) {
            server.destroy(); // SIGTERM
          }
          chunk(out, new byte[] {'\n'});
          Thread.sleep(200);
        }
        assertThat(server.isAlive()).as("the server waits for the request in flight; its log: %s",
            Files.readString(log)).isTrue();
        chunk(out, second);
        out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(answer).startsWith("HTTP/1.1 200");
        assertThat(answer).contains("\"learner\":\"a\"").contains("\"learner\":\"b\"");
      }
      assertThat(server.waitFor(30, TimeUnit.SECONDS)).as("stopped after SIGTERM").isTrue();
      assertThat(Files.readString(log)).contains("\"POST /api/batch?qualification=03455 HTTP/1.1\" 200");
    } finally {
      server.destroyForcibly();
    }
  }
}
