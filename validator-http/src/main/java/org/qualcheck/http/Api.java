package org.qualcheck.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.qualcheck.check.Plan;
import org.qualcheck.check.PlanException;
import org.qualcheck.check.PlanProblem;
import org.qualcheck.cli.JsonReports;
import org.qualcheck.cli.batch.BatchInputException;
import org.qualcheck.cli.batch.BatchRun;
import org.qualcheck.model.Qualification;
import org.qualcheck.plan.PlanOptions;
import org.qualcheck.spec.SpecException;
import org.qualcheck.spec.SpecProblem;
import org.qualcheck.spec.SpecReader;

/**
 * The JSON API: HTTP in, one engine call, the command line's own JSON out. Every refusal is an
 * {@code application/problem+json} answer (RFC 9457); no stack trace ever leaves the server.
 * Engine calls run on a bounded pool under a time limit; batches stream, a few at a time.
 */
final class Api extends Handler.Abstract {
  static final String JSON = "application/json";
  static final String PROBLEM = "application/problem+json";
  static final String NDJSON = "application/x-ndjson";

  private static final Pattern QUALIFICATION = Pattern.compile("/api/qualifications/([^/]+)(/[a-z]+)?");
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
  private static final ObjectMapper OUT =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .setDefaultPropertyInclusion(
              JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL));
  private static final SpecReader SPEC_READER = new SpecReader();

  private final Library library;
  private final Limits limits;
  private final ExecutorService engine;
  private final Semaphore batches;
  private final byte[] openApi;

  Api(Library library, Limits limits, ExecutorService engine, byte[] openApi) {
    super(InvocationType.BLOCKING);
    this.library = library;
    this.limits = limits;
    this.engine = engine;
    this.batches = new Semaphore(limits.batches());
    this.openApi = openApi.clone();
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    String path = Request.getPathInContext(request);
    if (!path.equals("/health") && !path.equals("/api") && !path.startsWith("/api/")) {
      return false;
    }
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
    try {
      route(path, request, response, callback);
    } catch (ApiException e) {
      problem(response, callback, e);
    } catch (RuntimeException | Error e) {
      System.err.println("qualcheck: internal error answering " + request.getMethod() + " " + path
          + ": " + e);
      problem(response, callback, new ApiException(500, "Internal error",
          "the server failed to answer this request; please report it with the request", List.of()));
    }
    return true;
  }

  private void route(String path, Request request, Response response, Callback callback)
      throws ApiException {
    String method = request.getMethod();
    switch (path) {
      case "/health" -> {
        allow(method, "GET");
        json(response, callback, 200, write(new Health("ok", library.entries().size())));
        return;
      }
      case "/api/openapi.json" -> {
        allow(method, "GET");
        send(response, callback, 200, JSON, openApi);
        return;
      }
      case "/api/qualifications" -> {
        allow(method, "GET");
        List<Map<String, String>> list = new ArrayList<>();
        for (Library.Entry e : library.entries()) {
          Qualification q = e.qualification();
          Map<String, String> item = new java.util.LinkedHashMap<>();
          item.put("code", q.code());
          item.put("title", q.title());
          q.number().ifPresent(n -> item.put("number", n.toString()));
          list.add(item);
        }
        json(response, callback, 200, write(Map.of("qualifications", list)));
        return;
      }
      case "/api/lint" -> {
        allow(method, "POST");
        String name = name(request);
        String yaml = Requests.utf8(body(request, limits.specBytes()));
        json(response, callback, 200, run(() -> JsonReports.lint(name, yaml)));
        return;
      }
      case "/api/structure" -> {
        allow(method, "POST");
        String name = name(request);
        String yaml = Requests.utf8(body(request, limits.specBytes()));
        json(response, callback, 200, run(() -> write(Structure.of(readSpec(name, yaml)))));
        return;
      }
      case "/api/batch" -> {
        allow(method, "POST");
        batch(request, response, callback);
        return;
      }
      default -> { }
    }
    var m = QUALIFICATION.matcher(path);
    if (!m.matches()) {
      throw ApiException.notFound("there is no API endpoint " + path + "; see /api/openapi.json");
    }
    String code = m.group(1);
    Library.Entry entry = library.get(code).orElseThrow(() -> ApiException.notFound(
        "there is no qualification with the code \"" + code + "\"; GET /api/qualifications lists them"));
    String action = m.group(2);
    if (action == null) {
      allow(method, "GET");
      json(response, callback, 200, run(() -> write(Structure.of(entry.qualification()))));
      return;
    }
    switch (action) {
      case "/check" -> {
        allow(method, "POST");
        Requests.CheckRequest r = Requests.json(body(request, limits.jsonBytes()), Requests.CheckRequest.class);
        Plan plan = resolve(entry.qualification(), required(r.units(), "units"));
        json(response, callback, 200, run(() -> JsonReports.validate(entry.checker(), plan)));
      }
      case "/plan" -> {
        allow(method, "POST");
        Requests.PlanRequest r = Requests.json(body(request, limits.jsonBytes()), Requests.PlanRequest.class);
        Qualification q = entry.qualification();
        int alternatives = r.alternatives() == null ? 0 : r.alternatives();
        if (alternatives < 0 || alternatives > 1000) {
          throw ApiException.unprocessable(
              "alternatives must be from 0 to 1000, not " + alternatives, List.of());
        }
        Plan plan = resolve(q, required(r.units(), "units"));
        PlanOptions options = PlanOptions.defaults()
            .excluding(List.copyOf(resolve(q, listOrEmpty(r.exclude(), "exclude")).units()))
            .preferring(List.copyOf(resolve(q, listOrEmpty(r.prefer(), "prefer")).units()))
            .withAlternatives(alternatives);
        boolean whatIf = Boolean.TRUE.equals(r.whatIf());
        if (whatIf && entry.checker().hasVariants()) {
          throw ApiException.unprocessable("whatIf is not available for a qualification with"
              + " pathways or endorsed titles; ask without it", List.of());
        }
        json(response, callback, 200, run(() -> JsonReports.plan(entry.planner(), plan, options, whatIf)));
      }
      case "/count" -> {
        allow(method, "POST");
        byte[] body = body(request, limits.jsonBytes());
        Long credits = Requests.isBlank(body) ? null
            : Requests.json(body, Requests.CountRequest.class).credits();
        if (credits != null && credits < 0) {
          throw ApiException.unprocessable("credits cannot be negative", List.of());
        }
        var refusal = JsonReports.countRefusal(entry.checker(), false);
        if (refusal.isPresent()) {
          throw ApiException.unprocessable(refusal.get(), List.of(refusal.get()));
        }
        json(response, callback, 200, run(() -> JsonReports.count(entry.checker(), credits, false)));
      }
      default -> throw ApiException.notFound("there is no API endpoint " + path
          + "; see /api/openapi.json");
    }
  }

  // ----- batch -----

  private void batch(Request request, Response response, Callback callback) throws ApiException {
    Fields query = Request.extractQueryParameters(request);
    String code = query.getValue("qualification");
    BatchRun run;
    if (code == null) {
      run = library.batchAll();
    } else {
      run = library.get(code).map(Library.Entry::batch).orElseThrow(() -> ApiException.notFound(
          "there is no qualification with the code \"" + code + "\"; GET /api/qualifications lists them"));
    }
    long length = request.getLength();
    if (length > limits.batchBytes()) {
      drain(Content.Source.asInputStream(request));
      throw ApiException.tooLarge(limits.batchBytes());
    }
    if (!batches.tryAcquire()) {
      throw ApiException.unavailable("the server is already checking " + limits.batches()
          + " batches; try again shortly");
    }
    try {
      response.setStatus(200);
      response.getHeaders().put(HttpHeader.CONTENT_TYPE, NDJSON + ";charset=utf-8");
      InputStream in = new Capped(Content.Source.asInputStream(request), limits.batchBytes());
      try (OutputStream out = new BufferedOutputStream(Content.Sink.asOutputStream(response), 1 << 16)) {
        run.run(in, BatchRun.Format.JSONL, out, BatchRun.Format.JSONL, n -> { });
      }
      callback.succeeded();
    } catch (BatchInputException e) {
      if (response.isCommitted()) {
        callback.failed(e);
      } else {
        throw ApiException.malformed(e.getMessage());
      }
    } catch (IOException e) {
      if (e instanceof Capped.Over && !response.isCommitted()) {
        drain(Content.Source.asInputStream(request));
        throw ApiException.tooLarge(limits.batchBytes());
      }
      // The client went away or sent too much after results had begun: nothing more can be said
      // over this connection, so it is closed.
      callback.failed(e);
    } finally {
      batches.release();
    }
  }

  /** Reads at most {@code limit} bytes, failing past them. */
  private static final class Capped extends FilterInputStream {
    static final class Over extends IOException {
      private static final long serialVersionUID = 1L;

      Over() {
        super("the request body is larger than its limit");
      }
    }

    private final long limit;
    private long read;

    Capped(InputStream in, long limit) {
      super(in);
      this.limit = limit;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0 && ++read > limit) {
        throw new Over();
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0 && (read += n) > limit) {
        throw new Over();
      }
      return n;
    }
  }

  // ----- helpers -----

  private static void allow(String method, String allowed) throws ApiException {
    if (!method.equals(allowed) && !(allowed.equals("GET") && method.equals("HEAD"))) {
      throw ApiException.methodNotAllowed(method, allowed);
    }
  }

  private static String name(Request request) throws ApiException {
    String name = Request.extractQueryParameters(request).getValue("name");
    if (name == null) {
      return "spec.yaml";
    }
    if (!NAME.matcher(name).matches()) {
      throw ApiException.malformed("name must be a file name of letters, digits, '.', '_' and '-'"
          + " (at most 100), such as my-spec.yaml");
    }
    return name;
  }

  private static Qualification readSpec(String name, String yaml) throws ApiException {
    try {
      return SPEC_READER.read(name, yaml);
    } catch (SpecException e) {
      List<String> problems = new ArrayList<>();
      for (SpecProblem p : e.problems()) {
        problems.add(p.location() + ": " + p.message());
      }
      throw ApiException.unprocessable("the spec cannot be loaded: " + problems.get(0)
          + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : ""), problems);
    }
  }

  private static List<String> required(List<String> units, String field) throws ApiException {
    if (units == null) {
      throw ApiException.malformed("the request needs a \"" + field + "\" field: a list of unit"
          + " numbers or unit reference numbers, such as [\"F1\", \"F2\"]");
    }
    return listOrEmpty(units, field);
  }

  private static List<String> listOrEmpty(List<String> units, String field) throws ApiException {
    if (units == null) {
      return List.of();
    }
    for (String u : units) {
      if (u == null) {
        throw ApiException.malformed("\"" + field + "\" holds null; it must hold unit numbers");
      }
    }
    return units.stream().map(String::strip).toList();
  }

  /** Resolves units as the command line does, with its sentences for unknown or repeated units. */
  private static Plan resolve(Qualification q, List<String> tokens) throws ApiException {
    try {
      return Plan.resolve(q, tokens);
    } catch (PlanException e) {
      List<String> problems = e.problems().stream().map(PlanProblem::message).toList();
      throw ApiException.unprocessable(problems.size() == 1 ? problems.get(0)
          : problems.size() + " problems with the units: " + String.join("; ", problems), problems);
    }
  }

  private byte[] body(Request request, long limit) throws ApiException {
    long length = request.getLength();
    byte[] bytes;
    try (InputStream in = Content.Source.asInputStream(request)) {
      if (length > limit) {
        drain(in);
        throw ApiException.tooLarge(limit);
      }
      bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
      if (bytes.length > limit) {
        drain(in);
        throw ApiException.tooLarge(limit);
      }
    } catch (IOException e) {
      throw ApiException.malformed("the request body cannot be read");
    }
    return bytes;
  }

  /**
   * How much of a body over its limit is read and thrown away before it is refused. Closing a
   * connection with unread bytes in its receive buffer resets it, and the client may then lose the
   * 413 already sent; reading what has arrived first lets the refusal reach it.
   */
  private static final long DRAIN_LIMIT = 1 << 20;

  private static void drain(InputStream in) {
    byte[] buffer = new byte[8192];
    long left = DRAIN_LIMIT;
    try {
      int n;
      while (left > 0 && (n = in.read(buffer, 0, (int) Math.min(buffer.length, left))) > 0) {
        left -= n;
      }
    } catch (IOException e) {
      // the client stopped sending; the refusal goes out all the same
    }
  }

  /** Runs an engine call on the bounded pool within the time limit. */
  private String run(java.util.concurrent.Callable<String> task) throws ApiException {
    Future<String> future;
    try {
      future = engine.submit(task);
    } catch (RejectedExecutionException e) {
      throw ApiException.unavailable("the server is busy with " + limits.queue()
          + " waiting requests; try again shortly");
    }
    try {
      return future.get(limits.timeLimit().toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      throw ApiException.unavailable("the answer took longer than the time limit of "
          + describe(limits.timeLimit()));
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw ApiException.unavailable("the server is stopping");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof ApiException a) {
        throw a;
      }
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(cause);
    }
  }

  private static String describe(java.time.Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
  }

  static String write(Object value) {
    try {
      return OUT.writeValueAsString(value) + System.lineSeparator();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("answer could not be written as JSON", e);
    }
  }

  private static void json(Response response, Callback callback, int status, String body) {
    send(response, callback, status, JSON, body.getBytes(StandardCharsets.UTF_8));
  }

  private static void send(Response response, Callback callback, int status, String type, byte[] body) {
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, type + ";charset=utf-8");
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
    response.write(true, java.nio.ByteBuffer.wrap(body), callback);
  }

  record Health(String status, int qualifications) {}

  record ProblemJson(String type, String title, int status, String detail, List<String> errors) {}

  /** Writes a problem answer; after a response has begun, the connection is closed instead. */
  static void problem(Response response, Callback callback, ApiException e) {
    if (response.isCommitted()) {
      callback.failed(e);
      return;
    }
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
    if (e.allow() != null) {
      response.getHeaders().put(HttpHeader.ALLOW, e.allow());
    }
    if (e.status() == 503) {
      response.getHeaders().put(HttpHeader.RETRY_AFTER, "1");
    }
    if (e.status() == 401) {
      response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Bearer realm=\"qualcheck\"");
    }
    String body = write(new ProblemJson("about:blank", e.title(), e.status(), e.getMessage(),
        e.errors().isEmpty() ? null : e.errors()));
    send(response, callback, e.status(), PROBLEM, body.getBytes(StandardCharsets.UTF_8));
  }

}
