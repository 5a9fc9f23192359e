package io.pamkit.examples.cli;

import io.pamkit.core.PamkitException;
import io.pamkit.core.ValidationException;
import io.pamkit.core.subscription.NoSuchSubscriberException;
import io.pamkit.examples.demo.DemoCommand;
import java.util.Map;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code pamkit} command-line tool: the demo, configuration validation, test email and test
 * events, publishing, the service toggles and the session-appliance link, for operators who do
 * not write Java.
 *
 * <p>Exit codes: {@value ExitCodes#OK} success, {@value ExitCodes#FAILURE} a delivery or remote
 * failure, {@value ExitCodes#BAD_INPUT} bad input (missing file, malformed document, unknown
 * name). Every command has {@code --help}; commands that report results have {@code --json}.
 */
@Command(
    name = "pamkit",
    mixinStandardHelpOptions = true,
    versionProvider = PamkitCli.Version.class,
    description = "pamkit: appliance notifications, service toggles and session links.",
    subcommands = {
      DemoCommand.class,
      ValidateCommand.class,
      TestEmailCommand.class,
      TestEventCommand.class,
      PublishCommand.class,
      DeadLettersCommand.class,
      ServicesCommand.class,
      LinkCommand.class,
      SendCommand.class,
      SimulatorCommand.class
    })
public final class PamkitCli {
  private final Map<String, String> environment;

  private PamkitCli(Map<String, String> environment) {
    this.environment = Map.copyOf(environment);
  }

  /**
   * Returns the environment the commands read (e.g. {@code PAMKIT_PASSWORD}).
   *
   * @return an immutable map
   */
  Map<String, String> environment() {
    return environment;
  }

  /**
   * Runs the tool and exits with its exit code.
   *
   * @param args the command line
   */
  public static void main(String[] args) {
    System.exit(run(args));
  }

  /**
   * Runs the tool without exiting, for tests and embedding.
   *
   * @param args the command line
   * @return the exit code
   */
  public static int run(String... args) {
    return commandLine().execute(args);
  }

  /**
   * Runs the tool without exiting, with the given environment instead of the process's, for
   * tests and embedding.
   *
   * @param environment the variables the commands read (e.g. {@code PAMKIT_PASSWORD})
   * @param args the command line
   * @return the exit code
   */
  public static int run(Map<String, String> environment, String... args) {
    return commandLine(environment).execute(args);
  }

  /**
   * Returns the configured command line, with pamkit's exit codes and error handling.
   *
   * @return a new command line
   */
  public static CommandLine commandLine() {
    return commandLine(System.getenv());
  }

  /**
   * Returns the configured command line reading the given environment.
   *
   * @param environment the variables the commands read
   * @return a new command line
   */
  public static CommandLine commandLine(Map<String, String> environment) {
    CommandLine cl = new CommandLine(new PamkitCli(environment));
    cl.setExitCodeExceptionMapper(PamkitCli::exitCode);
    cl.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          PrintWriter err = commandLine.getErr();
          err.println("pamkit: " + oneLine(e));
          err.flush();
          return exitCode(e);
        });
    cl.setParameterExceptionHandler(
        (e, args) -> {
          PrintWriter err = e.getCommandLine().getErr();
          err.println("pamkit: " + e.getMessage());
          err.flush();
          return ExitCodes.BAD_INPUT;
        });
    return cl;
  }

  static int exitCode(Throwable e) {
    if (e instanceof ValidationException
        || e instanceof UsageException
        || e instanceof NoSuchSubscriberException
        || e instanceof io.pamkit.core.policy.ToggleRefusedException
        || e instanceof IllegalArgumentException
        || e instanceof java.nio.file.NoSuchFileException
        || e instanceof java.io.FileNotFoundException
        || e instanceof CommandLine.ParameterException) {
      return ExitCodes.BAD_INPUT;
    }
    if (e instanceof PamkitException || e instanceof java.io.IOException) {
      return ExitCodes.FAILURE;
    }
    return ExitCodes.FAILURE;
  }

  static String oneLine(Throwable e) {
    if (e instanceof java.nio.file.NoSuchFileException) {
      return "no such file: " + e.getMessage();
    }
    if (e instanceof ValidationException && ((ValidationException) e).violations().size() > 1) {
      ValidationException v = (ValidationException) e;
      return v.violations().get(0) + " (and " + (v.violations().size() - 1) + " more)";
    }
    String m = e.getMessage();
    if (m == null || m.isBlank()) {
      m = e.getClass().getSimpleName();
    }
    return m.strip().replaceAll("\\s*[\\r\\n]+\\s*", " ");
  }

  /** Prints the project version from the jar manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = PamkitCli.class.getPackage().getImplementationVersion();
      return new String[] {"pamkit " + (v == null ? "0.1.0-SNAPSHOT" : v)};
    }
  }
}
