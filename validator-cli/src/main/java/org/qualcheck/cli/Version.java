package org.qualcheck.cli;

import picocli.CommandLine;

/** The version from the jar's manifest, so {@code --version} always matches the build. */
final class Version implements CommandLine.IVersionProvider {
  @Override
  public String[] getVersion() {
    String v = QualcheckCommand.class.getPackage().getImplementationVersion();
    return new String[] {
      "qualcheck " + (v == null ? "(development build)" : v),
      "Java " + System.getProperty("java.version")
    };
  }
}
