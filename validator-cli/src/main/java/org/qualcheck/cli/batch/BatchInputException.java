package org.qualcheck.cli.batch;

/** Batch input that cannot be processed at all (no header, unreadable file), in one sentence. */
public final class BatchInputException extends Exception {
  private static final long serialVersionUID = 1L;

  public BatchInputException(String message) {
    super(message);
  }
}
