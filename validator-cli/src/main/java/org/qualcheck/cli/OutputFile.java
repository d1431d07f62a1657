package org.qualcheck.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.SecureRandom;

/**
 * Where a command's results go, without clobbering what is at the path. A regular file, or a path
 * where nothing is yet, is written to a hidden {@code .NAME.<random>.partial} file beside it, which
 * replaces it only once complete: readers never see half the results. A symbolic link is followed,
 * so its target is replaced and the link kept. Anything else (a device such as {@code /dev/null},
 * a named pipe, a terminal), and anything under {@code /dev} or {@code /proc} (such as {@code
 * /dev/stdout}, whatever it leads to), is written directly, since replacing it with a regular file
 * would destroy it. A folder is refused. New files get the user's umask; a replaced
 * file keeps its permissions. If the process is interrupted (SIGINT, SIGTERM) before the results
 * are complete, a shutdown hook removes the partial file and says so.
 */
final class OutputFile implements AutoCloseable {
  /** How many symbolic links are followed to a target that does not exist yet. */
  private static final int MAX_LINKS = 40;

  private final Path target;
  private final Path temp;
  private final OutputStream stream;
  private final Thread cleanup;
  private boolean done;

  private OutputFile(Path target, Path temp, OutputStream stream, PrintWriter err) {
    this.target = target;
    this.temp = temp;
    this.stream = stream;
    if (temp == null) {
      this.cleanup = null;
    } else {
      this.cleanup = new Thread(() -> removeOnInterrupt(err), "qualcheck-output-cleanup");
      Runtime.getRuntime().addShutdownHook(cleanup);
    }
  }

  /**
   * Opens {@code path} for results.
   *
   * @throws UsageException if the path is a folder, or a chain of links that does not end
   * @throws IOException if the path cannot be written
   */
  static OutputFile open(Path path, PrintWriter err) throws UsageException, IOException {
    Path absolute = path.toAbsolutePath().normalize();
    if (absolute.startsWith("/dev") || absolute.startsWith("/proc")) {
      // Devices and the process's own streams (/dev/stdout, /proc/self/fd/1): never replaced,
      // even where they lead to a regular file, and never created.
      if (!Files.exists(path)) {
        throw new UsageException(path + ": no such device; under /dev and /proc only what"
            + " exists is written to");
      }
      return direct(path, err);
    }
    BasicFileAttributes attributes;
    try {
      attributes = Files.readAttributes(path, BasicFileAttributes.class);
    } catch (NoSuchFileException e) {
      attributes = null;
    }
    if (attributes == null) {
      return replacing(Files.isSymbolicLink(path) ? linkTarget(path) : path, false, err);
    }
    if (attributes.isDirectory()) {
      throw new UsageException(path + ": is a folder; give a file name for the results");
    }
    if (attributes.isRegularFile()) {
      return replacing(path.toRealPath(), true, err);
    }
    return direct(path, err);
  }

  /**
   * Writes {@code path} in place, at its end: for a device or pipe the same as writing it, and for
   * {@code /dev/stdout} sent to a file it keeps what the shell's {@code >>} put there.
   */
  private static OutputFile direct(Path path, PrintWriter err) throws IOException {
    return new OutputFile(path, null,
        Files.newOutputStream(path, StandardOpenOption.WRITE, StandardOpenOption.APPEND), err);
  }

  /** Where a chain of symbolic links ends, when it ends at nothing yet. */
  private static Path linkTarget(Path link) throws UsageException, IOException {
    Path p = link.toAbsolutePath();
    for (int i = 0; i < MAX_LINKS && Files.isSymbolicLink(p); i++) {
      p = p.getParent().resolve(Files.readSymbolicLink(p)).normalize();
    }
    if (Files.isSymbolicLink(p)) {
      throw new UsageException(link + ": more than " + MAX_LINKS + " links in a row");
    }
    return p;
  }

  private static OutputFile replacing(Path target, boolean exists, PrintWriter err)
      throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    SecureRandom random = new SecureRandom();
    Path temp;
    while (true) {
      temp = dir.resolve("." + target.getFileName() + "."
          + Long.toUnsignedString(random.nextLong(), 36) + ".partial");
      try {
        Files.createFile(temp); // with the process's umask, unlike a temporary file's 0600
        break;
      } catch (FileAlreadyExistsException taken) {
        // another name
      } catch (NoSuchFileException e) {
        throw new NoSuchFileException(dir.toString(), null, "no such folder");
      }
    }
    if (exists) {
      try {
        Files.setPosixFilePermissions(temp, Files.getPosixFilePermissions(target));
      } catch (UnsupportedOperationException | IOException keepTheUmask) {
        // not a POSIX file system, or not ours to change: the umask's permissions stand
      }
    }
    try {
      return new OutputFile(target, temp, Files.newOutputStream(temp), err);
    } catch (IOException e) {
      Files.deleteIfExists(temp);
      throw e;
    }
  }

  /** Where to write the results. */
  OutputStream stream() {
    return stream;
  }

  /**
   * Puts the complete results in place: moves the partial file over the target. The stream must be
   * closed first.
   */
  synchronized void commit() throws IOException {
    if (temp != null && !done) {
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
    }
    done = true;
  }

  /** Removes the partial file unless the results were committed. */
  @Override
  public synchronized void close() throws IOException {
    try {
      stream.close();
    } finally {
      if (cleanup != null) {
        try {
          Runtime.getRuntime().removeShutdownHook(cleanup);
        } catch (IllegalStateException shuttingDown) {
          // the hook is running or about to: it removes the file
        }
      }
      if (temp != null && !done) {
        done = true;
        Files.deleteIfExists(temp);
      }
    }
  }

  private synchronized void removeOnInterrupt(PrintWriter err) {
    if (done) {
      return;
    }
    done = true;
    try {
      if (Files.deleteIfExists(temp)) {
        err.println("qualcheck: interrupted; removed the unfinished " + temp + " ("
            + target + " was not written)");
      }
    } catch (IOException e) {
      err.println("qualcheck: interrupted; could not remove the unfinished " + temp);
    }
    err.flush();
  }

  /** A file system error as one sentence: what failed, on which path. */
  static String describe(IOException e) {
    if (e instanceof FileSystemException f && f.getFile() != null) {
      String reason = f.getReason() != null ? f.getReason()
          : e instanceof NoSuchFileException ? "no such file or folder"
          : e instanceof java.nio.file.AccessDeniedException ? "permission denied"
          : "cannot be written";
      return f.getFile() + ": " + reason;
    }
    String m = e.getMessage();
    return m == null || m.isBlank() ? "output could not be written" : m;
  }
}
