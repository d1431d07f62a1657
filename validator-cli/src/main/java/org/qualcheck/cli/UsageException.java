package org.qualcheck.cli;

/** A problem with what the user asked for, reported in one sentence with exit code 2. */
final class UsageException extends Exception {
  private static final long serialVersionUID = 1L;

  UsageException(String message) {
    super(message);
  }
}
