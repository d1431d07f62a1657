package org.qualcheck.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.qualcheck.cli.QualcheckCommand;

/** Test helpers: real HTTP requests to a server, and the command line run in this JVM. */
final class Http {
  static final Path SPECS = Path.of("..", "specs");
  static final Path SPEC_03455 = SPECS.resolve("ocr-03455-customer-service-l2.yaml");
  static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private Http() {}

  static HttpResponse<String> get(QualcheckServer server, String path, String... headers) {
    return send(HttpRequest.newBuilder(server.uri().resolve(path)).GET(), headers);
  }

  static HttpResponse<String> post(QualcheckServer server, String path, String body, String... headers) {
    return send(HttpRequest.newBuilder(server.uri().resolve(path))
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)), headers);
  }

  static HttpResponse<String> postBytes(QualcheckServer server, String path, byte[] body) {
    return send(HttpRequest.newBuilder(server.uri().resolve(path))
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  static HttpResponse<String> send(HttpRequest.Builder request, String... headers) {
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    try {
      return CLIENT.send(request.timeout(Duration.ofSeconds(60)).build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** What the command line prints to standard output, and its exit code. */
  record Cli(int exitCode, String out, String err) {}

  static Cli cli(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintWriter o = new PrintWriter(out, true, StandardCharsets.UTF_8);
    PrintWriter e = new PrintWriter(err, true, StandardCharsets.UTF_8);
    int code = QualcheckCommand.commandLine(o, e).execute(args);
    o.flush();
    e.flush();
    return new Cli(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  static URI uri(QualcheckServer server, String path) {
    return server.uri().resolve(path);
  }
}
