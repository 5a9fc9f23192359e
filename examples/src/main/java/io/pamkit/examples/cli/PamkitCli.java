package io.pamkit.examples.cli;

/** The {@code pamkit} command-line tool. */
public final class PamkitCli {
  private PamkitCli() {}

  /**
   * Runs the tool.
   *
   * @param args the command line
   */
  public static void main(String[] args) {
    System.out.println("pamkit " + String.join(" ", args));
  }
}
