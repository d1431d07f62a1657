package org.qualcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where batch results go: a regular file is replaced only when complete, a link is followed and
 * kept, a device or named pipe is written in place, a folder is refused, new files get the umask,
 * and an interrupted batch leaves no partial file behind.
 */
class BatchOutputTest {
  static final String SMALL = BatchCommandTest.SMALL;

  @TempDir Path dir;

  private Path input() throws IOException {
    Path in = dir.resolve("plans.csv");
    Files.writeString(in, "learner,units\nA,M1 X2 Y1\nB,M1\n");
    return in;
  }

  private CliRun batch(Path in, Path out) {
    return CliRun.of("batch", "--spec", SMALL, "--input", in.toString(), "--output",
        out.toString(), "--output-format", "jsonl");
  }

  private List<Path> partials() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.getFileName().toString().endsWith(".partial")).toList();
    }
  }

  @Test
  void aLinkIsFollowedAndKept() throws Exception {
    Path in = input();
    Path real = dir.resolve("real.jsonl");
    Files.writeString(real, "old results\n");
    Path link = Files.createSymbolicLink(dir.resolve("link.jsonl"), real.getFileName());
    CliRun run = batch(in, link);
    assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(Files.readSymbolicLink(link)).isEqualTo(real.getFileName());
    assertThat(Files.readAllLines(real)).hasSize(2).allMatch(l -> l.contains("\"learner\""));
    Path dangling = Files.createSymbolicLink(dir.resolve("new-link.jsonl"),
        dir.resolve("new-target.jsonl"));
    assertThat(batch(in, dangling).exitCode()).isEqualTo(1);
    assertThat(Files.isSymbolicLink(dangling)).isTrue();
    assertThat(Files.readAllLines(dir.resolve("new-target.jsonl"))).hasSize(2);
    assertThat(partials()).isEmpty();
  }

  @Test
  void aDeviceIsWrittenInPlaceNotReplaced() throws Exception {
    Path in = input();
    // A link to /dev/null: nothing of the system's is touched even if it were replaced.
    Path link = Files.createSymbolicLink(dir.resolve("null.jsonl"), Path.of("/dev/null"));
    CliRun run = batch(in, link);
    assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(Files.readAttributes(Path.of("/dev/null"), BasicFileAttributes.class,
        LinkOption.NOFOLLOW_LINKS).isOther()).isTrue();
    assertThat(partials()).isEmpty();
  }

  @Test
  void aNamedPipeIsWrittenInPlaceNotReplaced() throws Exception {
    Path in = input();
    Path fifo = dir.resolve("results.jsonl");
    Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
    assertThat(mkfifo.waitFor()).isZero();
    CompletableFuture<byte[]> read = new CompletableFuture<>();
    Thread reader = new Thread(() -> {
      try (InputStream s = Files.newInputStream(fifo)) {
        read.complete(s.readAllBytes());
      } catch (IOException e) {
        read.completeExceptionally(e);
      }
    });
    reader.setDaemon(true); // on a failure nothing opens the pipe, and the reader stays blocked
    reader.start();
    CliRun run = batch(in, fifo);
    assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
    String results = new String(read.get(30, TimeUnit.SECONDS), StandardCharsets.UTF_8);
    assertThat(results.lines()).hasSize(2);
    assertThat(Files.readAttributes(fifo, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS)
        .isOther()).isTrue();
    assertThat(partials()).isEmpty();
  }

  @Test
  void theProcessesOwnStandardOutputIsWrittenInPlaceEvenWhenItIsAFile() throws Exception {
    Path in = input();
    Path file = dir.resolve("appended.jsonl");
    Files.writeString(file, "kept\n");
    Object inode = Files.readAttributes(file, BasicFileAttributes.class).fileKey();
    // As `--output /dev/stdout >> appended.jsonl` would: the shell's file is kept and added to.
    Process p = Processes.qualcheck("batch", "--spec", SMALL, "--input", in.toString(),
        "--output", "/proc/self/fd/1", "--output-format", "jsonl")
        .redirectOutput(ProcessBuilder.Redirect.appendTo(file.toFile()))
        .redirectError(dir.resolve("stderr.txt").toFile()).start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(Files.readString(dir.resolve("stderr.txt"))).isEqualTo(1);
    assertThat(Files.readAttributes(file, BasicFileAttributes.class).fileKey()).isEqualTo(inode);
    List<String> lines = Files.readAllLines(file);
    assertThat(lines).hasSize(3);
    assertThat(lines.get(0)).isEqualTo("kept");
    assertThat(partials()).isEmpty();
    CliRun missing = batch(in, Path.of("/dev/no-such-device-for-qualcheck"));
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err()).contains("no such device");
    assertThat(Files.exists(Path.of("/dev/no-such-device-for-qualcheck"))).isFalse();
  }

  @Test
  void aFolderIsRefusedWithASentence() throws Exception {
    Path in = input();
    Path folder = Files.createDirectory(dir.resolve("out.jsonl"));
    CliRun run = batch(in, folder);
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("is a folder").doesNotContain("Exception");
    assertThat(partials()).isEmpty();
  }

  @Test
  void newFilesGetTheUmaskAndReplacedFilesKeepTheirPermissions() throws Exception {
    Path in = input();
    Path probe = Files.createFile(dir.resolve("probe")); // created under the process's umask
    Set<PosixFilePermission> umasked = Files.getPosixFilePermissions(probe);
    Path fresh = dir.resolve("fresh.jsonl");
    assertThat(batch(in, fresh).exitCode()).isEqualTo(1);
    assertThat(Files.getPosixFilePermissions(fresh)).isEqualTo(umasked);
    assertThat(umasked).contains(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
        PosixFilePermission.GROUP_READ);
    Path kept = dir.resolve("kept.jsonl");
    Files.writeString(kept, "old\n");
    Files.setPosixFilePermissions(kept, PosixFilePermissions.fromString("rw-r-----"));
    assertThat(batch(in, kept).exitCode()).isEqualTo(1);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(kept)))
        .isEqualTo("rw-r-----");
    assertThat(Files.readAllLines(kept)).hasSize(2);
  }

  @Test
  void anInterruptedBatchRemovesItsPartialFileAndSaysSo() throws Exception {
    Path fifo = dir.resolve("plans.csv");
    Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
    assertThat(mkfifo.waitFor()).isZero();
    Path out = dir.resolve("results.jsonl");
    // Standard error goes to a file: destroying a process closes the pipes to it.
    Path stderr = Files.createTempFile("qualcheck-stderr", ".txt");
    Process batch = Processes.qualcheck("batch", "--spec", SMALL, "--input", fifo.toString(),
        "--output", out.toString()).redirectError(stderr.toFile()).start();
    try (OutputStream plans = Files.newOutputStream(fifo)) { // waits for the batch to open it
      plans.write("learner,units\n".getBytes(StandardCharsets.UTF_8));
      for (int i = 0; i < 20_000; i++) {
        plans.write(("L" + i + ",M1 X2 Y1\n").getBytes(StandardCharsets.UTF_8));
      }
      plans.flush();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (partials().isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertThat(partials()).as("the batch's partial file").hasSize(1);
      batch.destroy(); // SIGTERM, with the input still open
      assertThat(batch.waitFor(60, TimeUnit.SECONDS)).isTrue();
    } catch (IOException pipeClosed) {
      // the batch is gone and no longer reads its input
    } finally {
      batch.destroyForcibly();
    }
    assertThat(partials()).isEmpty();
    assertThat(Files.exists(out)).isFalse();
    assertThat(batch.exitValue()).isEqualTo(143); // 128 + SIGTERM
    assertThat(Files.readString(stderr))
        .contains("interrupted; removed the unfinished")
        .contains(out.toString() + " was not written")
        .doesNotContain("Exception");
    Files.delete(stderr);
  }
}
