package org.qualcheck.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every refusal of a spec says why as a {@link SpecException.Kind}, so a program can tell a missing
 * file from a bad one without reading the message.
 */
class SpecExceptionKindTest {
  static final SpecReader READER = new SpecReader();

  static SpecException.Kind kindOf(ThrowingCallable read) {
    return catchThrowableOfType(SpecException.class, read).kind();
  }

  @Test
  void aMissingFileIsNotFound(@TempDir Path dir) {
    assertThat(kindOf(() -> READER.read(dir.resolve("missing.yaml"))))
        .isEqualTo(SpecException.Kind.NOT_FOUND);
  }

  @Test
  void aFolderIsNotAFile(@TempDir Path dir) {
    assertThat(kindOf(() -> READER.read(dir))).isEqualTo(SpecException.Kind.NOT_A_FILE);
  }

  @Test
  void aFileWithoutReadPermissionIsNotReadable(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("locked.yaml");
    Files.writeString(file, Fixtures.text("valid-minimal.yaml"));
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("-w-------"));
    assumeFalse(Files.isReadable(file), "this user reads files whatever their permissions");
    assertThat(kindOf(() -> READER.read(file))).isEqualTo(SpecException.Kind.NOT_READABLE);
  }

  @Test
  void aBrokenStreamIsNotReadable() {
    InputStream broken =
        new InputStream() {
          @Override
          public int read() throws IOException {
            throw new IOException("disk on fire");
          }
        };
    assertThat(kindOf(() -> READER.read("pipe", broken)))
        .isEqualTo(SpecException.Kind.NOT_READABLE);
  }

  @Test
  void aFileOverTheLimitIsTooLarge(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("big.yaml");
    Files.write(file, new byte[4 * 1024 * 1024 + 1]);
    assertThat(kindOf(() -> READER.read(file))).isEqualTo(SpecException.Kind.TOO_LARGE);
  }

  @Test
  void textOverTheLimitIsTooLarge() {
    String big = "#".repeat(4 * 1024 * 1024) + "\n\n";
    assertThat(kindOf(() -> READER.read("big", big))).isEqualTo(SpecException.Kind.TOO_LARGE);
  }

  @Test
  void bytesThatAreNotUtf8AreSaid(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("latin1.yaml");
    Files.write(file, "title: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
    assertThat(kindOf(() -> READER.read(file))).isEqualTo(SpecException.Kind.NOT_UTF8);
  }

  @Test
  void badYamlAndBadSpecsAreInvalidContent() {
    assertThat(kindOf(() -> READER.read("broken.yaml", "code: [unclosed\n")))
        .isEqualTo(SpecException.Kind.INVALID_CONTENT);
    assertThat(kindOf(() -> READER.read("empty.yaml", "")))
        .isEqualTo(SpecException.Kind.INVALID_CONTENT);
    assertThat(kindOf(() -> READER.read("wrong.yaml", "qualification: {}\n")))
        .isEqualTo(SpecException.Kind.INVALID_CONTENT);
  }
}
