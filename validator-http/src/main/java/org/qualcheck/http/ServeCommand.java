package org.qualcheck.http;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.qualcheck.cli.ExitCode;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code qualcheck serve}: the HTTP API and the planner page, until stopped. */
@Command(
    name = "qualcheck serve",
    mixinStandardHelpOptions = true,
    versionProvider = ServeCommand.Version.class,
    description = {
      "Serves every spec under --specs over HTTP: a JSON API answering exactly as validate, plan,"
          + " count, lint and batch do with --format json (described at /api/openapi.json), and a"
          + " planner and designer page at /. Stops gracefully on SIGTERM or Ctrl-C, finishing the"
          + " requests in flight."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:stopped",
      "2:bad command line, a non-loopback --host without --token-file, or a port in use",
      "3:a spec under --specs cannot be loaded"
    })
public final class ServeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--specs", paramLabel = "DIR", defaultValue = "specs",
      description = "The folder of specs to serve, with its subfolders (default: ${DEFAULT-VALUE}).")
  Path specs;

  @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
      description = "The address to listen on (default: ${DEFAULT-VALUE}); any address other than"
          + " loopback needs --token-file.")
  String host;

  @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080",
      description = "The port (default: ${DEFAULT-VALUE}); 0 picks a free one.")
  int port;

  @Option(names = "--token-file", paramLabel = "FILE",
      description = "A file holding a secret token; every API request must then carry"
          + " Authorization: Bearer TOKEN.")
  Path tokenFile;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter err = spec.commandLine().getErr();
    if (port < 0 || port > 65535) {
      err.println("qualcheck: --port must be from 0 to 65535, not " + port);
      return ExitCode.USAGE;
    }
    Optional<String> token;
    try {
      token = token(tokenFile);
    } catch (IllegalArgumentException e) {
      err.println("qualcheck: " + e.getMessage());
      return ExitCode.USAGE;
    }
    Limits limits = Limits.defaults();
    Library library;
    try {
      library = Library.load(specs, limits.workers());
    } catch (Library.LoadException e) {
      e.lines().forEach(err::println);
      err.flush();
      return Files.isDirectory(specs) ? ExitCode.INVALID_SPEC : ExitCode.USAGE;
    }
    QualcheckServer server;
    try {
      server = QualcheckServer.start(library,
          new QualcheckServer.Config(host, port, token, limits, line -> {
            System.err.println(line);
          }));
    } catch (QualcheckServer.RefusedException e) {
      err.println("qualcheck: " + e.getMessage());
      return ExitCode.USAGE;
    }
    err.println("qualcheck: serving " + library.entries().size() + " qualifications from " + specs
        + " at " + server.uri() + (token.isPresent() ? " (API requests need the bearer token)" : "")
        + "; Ctrl-C or SIGTERM stops");
    err.flush();
    server.join();
    return ExitCode.MET;
  }

  /** Reads the token: the file's text without surrounding white space, which must not be empty. */
  static Optional<String> token(Path file) {
    if (file == null) {
      return Optional.empty();
    }
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8).strip();
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException(file + ": no such token file");
    } catch (IOException e) {
      throw new IllegalArgumentException(file + ": the token file cannot be read");
    }
    if (text.isEmpty()) {
      throw new IllegalArgumentException(file + ": the token file is empty");
    }
    if (text.length() < 16 || text.chars().anyMatch(c -> c <= ' ' || c > '~')) {
      throw new IllegalArgumentException(file + ": the token must be at least 16 printable"
          + " characters without spaces, such as the output of: openssl rand -hex 32");
    }
    return Optional.of(text);
  }

  /** The command line with qualcheck's error handling, as {@code main} runs it. */
  public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
    CommandLine cl = new CommandLine(new ServeCommand());
    // an argument beginning with @ is an argument like any other, never a file of more arguments
    cl.setExpandAtFiles(false);
    cl.setOut(out);
    cl.setErr(err);
    cl.setParameterExceptionHandler((ex, args) -> {
      ex.getCommandLine().getErr().println("qualcheck: " + ex.getMessage());
      ex.getCommandLine().getErr().println("Try 'qualcheck serve --help' for more information.");
      ex.getCommandLine().getErr().flush();
      return ExitCode.USAGE;
    });
    cl.setExecutionExceptionHandler((ex, c, parseResult) -> {
      c.getErr().println("qualcheck: internal error: " + ex);
      c.getErr().flush();
      return ExitCode.SOFTWARE;
    });
    return cl;
  }

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    System.exit(commandLine(out, err).execute(args));
  }

  /** The version from the jar's manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = ServeCommand.class.getPackage().getImplementationVersion();
      return new String[] {"qualcheck serve " + (v == null ? "(development build)" : v)};
    }
  }
}
