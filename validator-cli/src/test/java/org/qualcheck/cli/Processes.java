package org.qualcheck.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Runs the command line as a real process, for what only a process has: signals and pipes. */
final class Processes {
  private Processes() {}

  /** A process builder for {@code qualcheck args...} on this test's class path. */
  static ProcessBuilder qualcheck(String... args) {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:TieredStopAtLevel=1", "-Xshare:auto",
        "-cp", System.getProperty("java.class.path"),
        QualcheckCommand.class.getName()));
    command.addAll(List.of(args));
    return new ProcessBuilder(command);
  }

  /** Reads a stream to its end on another thread, as text. */
  static CompletableFuture<String> drain(InputStream in) {
    return CompletableFuture.supplyAsync(() -> {
      try (in) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }
}
