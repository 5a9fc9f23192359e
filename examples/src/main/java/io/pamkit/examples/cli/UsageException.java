package io.pamkit.examples.cli;

/**
 * Bad input to a {@code pamkit} command that no library type reports: a missing file, an unknown
 * subscriber, a missing confirmation. The tool prints its message on one line and exits with
 * {@value ExitCodes#BAD_INPUT}.
 */
public final class UsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what is wrong with the input, on one line
   */
  public UsageException(String message) {
    super(message);
  }
}
