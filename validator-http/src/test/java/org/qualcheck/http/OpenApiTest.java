package org.qualcheck.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code /api/openapi.json} is a valid OpenAPI 3.1 document by an independent validator, and it
 * describes the server as it is: every documented operation is answered, and every status the
 * server gives is documented.
 */
class OpenApiTest {
  private static QualcheckServer server;

  @BeforeAll
  static void start() throws Exception {
    server = QualcheckServer.start(Library.load(Http.SPECS, 1), new QualcheckServer.Config(
        "127.0.0.1", 0, Optional.empty(), Limits.defaults(), l -> { }));
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  private static OpenAPI parse() {
    String doc = Http.get(server, "/api/openapi.json").body();
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    options.setValidateInternalRefs(true);
    SwaggerParseResult result = new OpenAPIV3Parser().readContents(doc, null, options);
    assertThat(result.getMessages()).as("validator messages").isEmpty();
    assertThat(result.getOpenAPI()).isNotNull();
    return result.getOpenAPI();
  }

  @Test
  void isAValidOpenApi31Document() {
    OpenAPI api = parse();
    assertThat(api.getOpenapi()).isEqualTo("3.1.0");
    assertThat(api.getSpecVersion()).isEqualTo(io.swagger.v3.oas.models.SpecVersion.V31);
  }

  @Test
  void aBrokenDocumentIsCaughtByTheValidator() {
    String broken = "{\"openapi\": \"3.1.0\", \"info\": {\"title\": \"x\"}, \"paths\": {\"/a\": {\"get\":"
        + " {\"responses\": {\"200\": {\"$ref\": \"#/components/responses/Missing\"}}}}}}";
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    options.setValidateInternalRefs(true);
    SwaggerParseResult result = new OpenAPIV3Parser().readContents(broken, null, options);
    assertThat(result.getMessages()).isNotEmpty();
  }

  @Test
  void everyDocumentedOperationIsServedWithADocumentedStatus() {
    OpenAPI api = parse();
    Set<String> operations = new TreeSet<>();
    for (Map.Entry<String, PathItem> e : api.getPaths().entrySet()) {
      String path = e.getKey().replace("{code}", "03455");
      e.getValue().readOperationsMap().forEach((method, op) -> {
        operations.add(method + " " + e.getKey());
        HttpRequest.Builder request = HttpRequest.newBuilder(server.uri().resolve(path.substring(1)));
        String body = e.getKey().endsWith("/count") ? "" : e.getKey().startsWith("/api/qualifications/")
            ? "{\"units\": [\"F1\"]}" : e.getKey().equals("/api/batch")
            ? "{\"learner\": \"a\", \"qualification\": \"03455\", \"units\": [\"F1\"]}\n"
            : "qualification: {code: X, title: Y, source: Z}\n";
        request.method(method.name(), method == PathItem.HttpMethod.GET
            ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> r = Http.send(request);
        assertThat(op.getResponses().keySet()).as(method + " " + e.getKey() + " answered " + r.statusCode())
            .contains(String.valueOf(r.statusCode()));
      });
    }
    assertThat(operations).containsExactlyInAnyOrder(
        "GET /health", "GET /api/openapi.json", "GET /api/qualifications",
        "GET /api/qualifications/{code}", "POST /api/qualifications/{code}/check",
        "POST /api/qualifications/{code}/plan", "POST /api/qualifications/{code}/count",
        "POST /api/lint", "POST /api/structure", "POST /api/batch");
  }
}
