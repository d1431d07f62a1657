package org.qualcheck.http;

import static com.google.common.base.Preconditions.checkNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.CustomRequestLog;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.RequestLog;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.server.handler.ResourceHandler;
import org.eclipse.jetty.server.handler.gzip.GzipHandler;
import org.eclipse.jetty.util.BlockingArrayQueue;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.resource.ResourceFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * {@code qualcheck serve}'s server: embedded Jetty serving the API and the page in this JVM.
 *
 * <p>Safe by default: it binds the loopback address, and refuses any other address unless a
 * bearer token is set, which every API request must then carry. Bodies, time per engine call,
 * engine threads and concurrent batches are bounded ({@link Limits}); every request is logged in
 * one line; {@link #stop} finishes the requests in flight before it returns.
 */
public final class QualcheckServer implements AutoCloseable {
  /** One access-log line per request: client, time, request line, status, bytes, milliseconds. */
  static final String ACCESS_LOG_FORMAT = CustomRequestLog.NCSA_FORMAT + " %{ms}Tms";

  /** Where the server listens and who may ask it. */
  public record Config(String host, int port, Optional<String> token, Limits limits,
      RequestLog.Writer accessLog) {
    public Config {
      checkNotNull(host, "host");
      checkNotNull(token, "token");
      checkNotNull(limits, "limits");
      checkNotNull(accessLog, "accessLog");
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("the port must be from 0 to 65535, not " + port);
      }
    }

    /** Loopback, the given port, no token, default limits, the access log on standard error. */
    public static Config loopback(int port) {
      return new Config("127.0.0.1", port, Optional.empty(), Limits.defaults(),
          line -> System.err.println(line));
    }
  }

  /** The server cannot be started as configured; the message is one sentence for the user. */
  public static final class RefusedException extends Exception {
    private static final long serialVersionUID = 1L;

    RefusedException(String message) {
      super(message, null, false, false);
    }
  }

  private final Server server;
  private final ServerConnector connector;
  private final ThreadPoolExecutor engine;
  private final GracefulHandler graceful;

  private QualcheckServer(Server server, ServerConnector connector, ThreadPoolExecutor engine,
      GracefulHandler graceful) {
    this.server = server;
    this.connector = connector;
    this.engine = engine;
    this.graceful = graceful;
  }

  /** Requests being handled now. */
  long inFlight() {
    return graceful.getCurrentRequestCount();
  }

  /**
   * Starts serving {@code library}.
   *
   * @throws RefusedException if the address is not a loopback address and there is no token, the
   *     host is unknown, or the port cannot be bound
   */
  public static QualcheckServer start(Library library, Config config) throws RefusedException {
    checkBinding(config.host(), config.token());
    Limits limits = config.limits();
    QueuedThreadPool threads = new QueuedThreadPool(
        Math.max(64, limits.workers() * 8), 4, 60_000, new BlockingArrayQueue<>(1024));
    threads.setName("qualcheck-http");
    threads.setDaemon(true);
    Server server = new Server(threads);
    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    http.setSendXPoweredBy(false);
    ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
    connector.setHost(config.host());
    connector.setPort(config.port());
    connector.setIdleTimeout(limits.idleTimeout().toMillis());
    server.addConnector(connector);

    AtomicInteger n = new AtomicInteger();
    ThreadPoolExecutor engine = new ThreadPoolExecutor(limits.workers(), limits.workers(), 0,
        TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(Math.max(1, limits.queue())), r -> {
          Thread t = new Thread(r, "qualcheck-engine-" + n.incrementAndGet());
          t.setDaemon(true);
          return t;
        });

    ResourceHandler page = new ResourceHandler();
    page.setBaseResource(ResourceFactory.of(server).newClassLoaderResource("web/"));
    page.setDirAllowed(false);
    page.setWelcomeFiles(List.of("index.html"));
    page.setWelcomeMode(org.eclipse.jetty.server.ResourceService.WelcomeMode.SERVE);

    Handler.Sequence routes = new Handler.Sequence(
        new Api(library, limits, engine, openApi()), page, new NotFound());
    GzipHandler gzip = new GzipHandler(routes);
    gzip.addIncludedMethods("POST");
    Handler guarded = new Guard(gzip, config.token());
    GracefulHandler graceful = new GracefulHandler(guarded);
    server.setHandler(graceful);
    server.setRequestLog(new CustomRequestLog(config.accessLog(), ACCESS_LOG_FORMAT));
    server.setStopTimeout(limits.stopTimeout().toMillis());
    server.setStopAtShutdown(true);
    try {
      server.start();
    } catch (IOException e) {
      stopQuietly(server, engine);
      throw new RefusedException("cannot listen on " + config.host() + " port " + config.port()
          + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"));
    } catch (Exception e) {
      stopQuietly(server, engine);
      throw new IllegalStateException("the server failed to start", e);
    }
    return new QualcheckServer(server, connector, engine, graceful);
  }

  /**
   * Refuses a non-loopback address without a token: the API would be open to the network.
   */
  static void checkBinding(String host, Optional<String> token) throws RefusedException {
    InetAddress address;
    try {
      address = InetAddress.getByName(host);
    } catch (UnknownHostException e) {
      throw new RefusedException("the host " + host + " is not known");
    }
    if (!address.isLoopbackAddress() && token.isEmpty()) {
      throw new RefusedException("--host " + host + " is not a loopback address; serving other"
          + " machines needs --token-file, so that every API request must carry the token");
    }
  }

  private static byte[] openApi() {
    try (InputStream in = QualcheckServer.class.getResourceAsStream("openapi.json")) {
      if (in == null) {
        throw new IllegalStateException("openapi.json is missing from the jar");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void stopQuietly(Server server, ThreadPoolExecutor engine) {
    try {
      server.stop();
    } catch (Exception ignored) {
      // already failing to start; the caller reports why
    }
    engine.shutdownNow();
  }

  /** The port listened on, which the system chose if 0 was asked for. */
  public int port() {
    return connector.getLocalPort();
  }

  /** The server's base address, such as {@code http://127.0.0.1:8080/}. */
  public URI uri() {
    String host = connector.getHost();
    if (host.contains(":")) {
      host = "[" + host + "]";
    }
    return URI.create("http://" + host + ":" + port() + "/");
  }

  /** Waits until the server has stopped. */
  public void join() throws InterruptedException {
    server.join();
  }

  /**
   * Stops gracefully: accepts no more connections, lets requests in flight finish (up to the stop
   * timeout), then stops the engine threads.
   */
  public void stop() {
    try {
      server.stop();
    } catch (Exception e) {
      throw new IllegalStateException("the server did not stop cleanly", e);
    } finally {
      engine.shutdown();
    }
  }

  @Override
  public void close() {
    stop();
  }

  /**
   * Sets the security headers, and demands the bearer token on every API request when one is set.
   * The page and its scripts are the same for everyone and hold no data, so a browser can load
   * them and then send the token with each API call; {@code /health} stays open for probes.
   */
  private static final class Guard extends Handler.Wrapper {
    private final byte[] token;

    Guard(Handler next, Optional<String> token) {
      super(next);
      this.token = token.map(t -> t.getBytes(StandardCharsets.UTF_8)).orElse(null);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
      var h = response.getHeaders();
      h.put("X-Content-Type-Options", "nosniff");
      h.put("Referrer-Policy", "no-referrer");
      h.put("X-Frame-Options", "DENY");
      h.put("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self'"
          + " 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none';"
          + " base-uri 'none'; form-action 'none'");
      String path = Request.getPathInContext(request);
      if (token != null && (path.equals("/api") || path.startsWith("/api/")) && !authorised(request)) {
        Api.problem(response, callback, new ApiException(401, "Unauthorised",
            "this server needs the header Authorization: Bearer followed by its token", List.of()));
        return true;
      }
      return super.handle(request, response, callback);
    }

    private boolean authorised(Request request) {
      String header = request.getHeaders().get(HttpHeader.AUTHORIZATION);
      if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
        return false;
      }
      byte[] given = header.substring(7).strip().getBytes(StandardCharsets.UTF_8);
      return MessageDigest.isEqual(given, token);
    }
  }

  /** Anything neither the API nor the page knows: a problem answer, never a server page. */
  private static final class NotFound extends Handler.Abstract.NonBlocking {
    @Override
    public boolean handle(Request request, Response response, Callback callback) {
      Api.problem(response, callback, ApiException.notFound(
          "there is nothing at " + Request.getPathInContext(request)));
      return true;
    }
  }
}
