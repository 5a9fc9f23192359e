// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.examples.cli;

import io.pamkit.core.PamkitException;
import io.pamkit.core.ValidationException;
import io.pamkit.core.Violation;
import io.pamkit.core.subscription.NoSuchSubscriberException;
import io.pamkit.examples.demo.DemoCommand;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code pamkit} command-line tool: the demo, configuration validation, test email and test
 * events, publishing, the event catalog, the service toggles and the session-appliance link, for
 * operators who do not write Java.
 *
 * <p>Exit codes: {@value ExitCodes#OK} success, {@value ExitCodes#FAILURE} a delivery or remote
 * failure, {@value ExitCodes#BAD_INPUT} bad input (missing file, malformed document, unknown name,
 * no command). Every command has {@code --help}, and {@code pamkit help COMMAND} prints the same;
 * commands that report results have {@code --json}.
 *
 * <p>Standard error: on exit 1 or 2 its first line is {@code pamkit: <reason>}, naming the
 * command-line option at fault (not the library's field name) and suggesting the closest known name
 * when a name is misspelt. Log lines (SLF4J warnings of the library) are held back and printed
 * after that line; {@code --verbose} prints them as they happen, {@code --quiet} drops them and
 * prints nothing but errors (and {@code --json} output).
 */
@Command(
    name = "pamkit",
    mixinStandardHelpOptions = true,
    versionProvider = PamkitCli.Version.class,
    description = "pamkit: appliance notifications, service toggles and session links.",
    footer = {
      "",
      "Run 'pamkit help COMMAND' (or 'pamkit COMMAND --help') for a command's options.",
      "Exit codes: 0 success, 1 a delivery or remote failure, 2 bad input."
    },
    subcommands = {
      CommandLine.HelpCommand.class,
      DemoCommand.class,
      ValidateCommand.class,
      TestEmailCommand.class,
      TestEventCommand.class,
      PublishCommand.class,
      DeadLettersCommand.class,
      EventsCommand.class,
      ServicesCommand.class,
      ConfigCommand.class,
      LinkCommand.class,
      SendCommand.class,
      SimulatorCommand.class,
      ApprovalsCommand.class
    })
public final class PamkitCli implements Callable<Integer> {
  /** The width of help text; wide enough that synopses seldom wrap. */
  static final int HELP_WIDTH = 100;

  /**
   * Library field names the commands' options stand for, for error messages: the library reports
   * {@code ToEmail: ...}, the user typed {@code --to}.
   */
  private static final Map<String, String> FIELD_OPTIONS =
      Map.of(
          "EventName", "--type",
          "ToEmail", "--to",
          "TimeoutSeconds", "--timeout",
          "NodeId", "--node-id",
          "SpsNetworkAddress", "--network-address",
          "SpsHostName", "--host-name",
          "FirmwareVersion", "--firmware-version",
          "Description", "--description");

  private static final ThreadLocal<Boolean> QUIET = ThreadLocal.withInitial(() -> false);

  private static final Pattern ENUM_CHOICE =
      Pattern.compile("expected one of \\[(.*)\\](?: \\(case-(?:in)?sensitive\\))? but was '(.*)'");

  private final Map<String, String> environment;

  @Spec CommandSpec spec;

  @Option(
      names = "--quiet",
      scope = ScopeType.INHERIT,
      description =
          "For scripts: print only errors (and --json output); no progress, results,"
              + " warnings or log lines.")
  boolean quiet;

  @Option(
      names = "--verbose",
      scope = ScopeType.INHERIT,
      description =
          "Print the library's log lines as they happen (by default they follow the result).")
  boolean verbose;

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
   * Returns the environment the tool was started with, from any of its commands.
   *
   * @param spec the running command's spec
   * @return an immutable map
   */
  static Map<String, String> environment(CommandSpec spec) {
    return ((PamkitCli) spec.root().userObject()).environment();
  }

  /**
   * Returns whether the command running on this thread was given {@code --quiet}: then no progress
   * bar and no warnings are printed.
   *
   * @return true under {@code --quiet}
   */
  static boolean quiet() {
    return QUIET.get();
  }

  /** {@code pamkit} without a command: the usage, on standard error, and exit 2. */
  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    err.println("pamkit: no command given; run 'pamkit help COMMAND' for one command's options");
    spec.commandLine().usage(err);
    err.flush();
    return ExitCodes.BAD_INPUT;
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
   * Runs the tool without exiting, with the given environment instead of the process's, for tests
   * and embedding.
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
   * <p>While a command runs, the process's {@code System.err} (where the library's SLF4J log lines
   * go) is redirected, so that the command's own first line on standard error comes first.
   *
   * @param environment the variables the commands read
   * @return a new command line
   */
  public static CommandLine commandLine(Map<String, String> environment) {
    CommandLine cl = new CommandLine(new PamkitCli(environment));
    cl.setUsageHelpWidth(HELP_WIDTH);
    prepare(cl);
    cl.setExitCodeExceptionMapper(PamkitCli::exitCode);
    cl.setExecutionStrategy(PamkitCli::execute);
    cl.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          PrintWriter err = commandLine.getErr();
          err.println("pamkit: " + reason(e, commandLine.getCommandSpec()));
          err.flush();
          return exitCode(e);
        });
    cl.setParameterExceptionHandler(
        (e, args) -> {
          PrintWriter err = e.getCommandLine().getErr();
          err.println("pamkit: " + reason(e));
          err.flush();
          return ExitCodes.BAD_INPUT;
        });
    return cl;
  }

  /**
   * Runs the parsed command with the library's log output held back (or dropped, or live), and
   * prints a failure as one {@code pamkit: <reason>} line before any log line.
   */
  private static int execute(ParseResult parseResult) {
    List<CommandLine> chain = parseResult.asCommandLineList();
    CommandLine leaf = chain.get(chain.size() - 1);
    boolean quiet = matched(parseResult, "--quiet");
    boolean verbose = matched(parseResult, "--verbose") && !quiet;
    boolean json = matched(parseResult, "--json");
    CommandLine root = chain.get(0);
    PrintWriter err = leaf.getErr();
    PrintWriter out = root.getOut();
    PrintStream processErr = System.err;
    ByteArrayOutputStream held = new ByteArrayOutputStream();
    if (!verbose) {
      System.setErr(
          new PrintStream(
              quiet ? OutputStream.nullOutputStream() : held, true, StandardCharsets.UTF_8));
    }
    if (quiet && !json) {
      root.setOut(new PrintWriter(Writer.nullWriter()));
    }
    QUIET.set(quiet);
    try {
      return new CommandLine.RunLast().execute(parseResult);
    } catch (CommandLine.ExecutionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      err.println("pamkit: " + reason(cause, e.getCommandLine().getCommandSpec()));
      return exitCode(cause);
    } finally {
      QUIET.remove();
      if (quiet && !json) {
        root.setOut(out);
      }
      if (!verbose) {
        System.err.flush();
        System.setErr(processErr);
        String logs = held.toString(StandardCharsets.UTF_8);
        if (!logs.isEmpty()) {
          err.print(logs);
        }
      }
      err.flush();
    }
  }

  /**
   * Prints a command's failure as the first line of its standard error, {@code pamkit: <reason>}.
   *
   * @param spec the command
   * @param reason what failed, on one line
   * @return {@value ExitCodes#FAILURE}, for the command to return
   */
  static int failure(CommandSpec spec, String reason) {
    PrintWriter err = spec.commandLine().getErr();
    err.println("pamkit: " + reason);
    err.flush();
    return ExitCodes.FAILURE;
  }

  private static boolean matched(ParseResult parseResult, String option) {
    for (ParseResult p = parseResult; p != null; p = p.subcommand()) {
      if (p.hasMatchedOption(option)) {
        return true;
      }
    }
    return false;
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

  /**
   * The one-line reason for a failed command: validation problems name the command's option rather
   * than the library's field (for example {@code --to} for {@code ToEmail}).
   */
  static String reason(Throwable e, CommandSpec command) {
    if (e instanceof ValidationException v) {
      List<Violation> mapped = new ArrayList<>();
      for (Violation violation : v.violations()) {
        mapped.add(new Violation(optionFor(violation.path(), command), violation.message()));
      }
      return oneLine(new ValidationException(mapped));
    }
    return oneLine(e);
  }

  /**
   * The option of {@code command} that stands for a library field: from the table of known fields,
   * or the option whose name is the field's in kebab case ({@code TimeoutSeconds} is {@code
   * --timeout-seconds}); the field itself when no option matches (document paths such as {@code
   * $.EmailClientConfig.PortNumber} are kept).
   */
  static String optionFor(String field, CommandSpec command) {
    if (!field.chars().allMatch(Character::isLetterOrDigit)) {
      return field;
    }
    String known = FIELD_OPTIONS.get(field);
    if (known != null && command.findOption(known) != null) {
      return known;
    }
    String kebab = "--" + field.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    return command.findOption(kebab) != null ? kebab : field;
  }

  /** The one-line reason for bad command-line syntax, with a did-you-mean where one helps. */
  static String reason(CommandLine.ParameterException e) {
    CommandLine cl = e.getCommandLine();
    CommandSpec spec = cl.getCommandSpec();
    List<String> unmatched =
        e instanceof CommandLine.UnmatchedArgumentException u
            ? u.getUnmatched()
            : cl.getParseResult() == null ? List.of() : cl.getParseResult().unmatched();
    // an unknown option explains a "missing required option" better than the message itself
    if (!unmatched.isEmpty()
        && (e instanceof CommandLine.UnmatchedArgumentException
            || unmatched.get(0).startsWith("--"))) {
      String arg = unmatched.get(0);
      String where = spec.qualifiedName();
      if (arg.startsWith("-")) {
        String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
        List<String> options =
            spec.options().stream().flatMap(o -> java.util.Arrays.stream(o.names())).toList();
        return orHelp(
            "unknown option '" + name + "' for '" + where + "'",
            Suggestions.hint(name, options),
            spec,
            "options");
      }
      if (!cl.getSubcommands().isEmpty()) {
        return orHelp(
            "unknown command '" + arg + "' for '" + where + "'",
            Suggestions.hint(arg, cl.getSubcommands().keySet()),
            spec,
            "commands");
      }
      return "unexpected argument '" + arg + "' for '" + where + "'";
    }
    if (!cl.getSubcommands().isEmpty()
        && e.getMessage() != null
        && e.getMessage().startsWith("Missing required subcommand")) {
      return "'"
          + spec.qualifiedName()
          + "' needs a command, one of "
          + String.join(", ", cl.getSubcommands().keySet())
          + "; run '"
          + helpCommand(spec)
          + "'";
    }
    String m = oneLine(e).replace("option option", "option");
    Matcher choice = ENUM_CHOICE.matcher(m);
    if (choice.find()) {
      List<String> values = java.util.Arrays.stream(choice.group(1).split(",\\s*")).toList();
      m += Suggestions.hint(choice.group(2), values);
    }
    return m;
  }

  private static String orHelp(String message, String hint, CommandSpec spec, String what) {
    return message + (hint.isEmpty() ? "; run '" + helpCommand(spec) + "' for the " + what : hint);
  }

  private static String helpCommand(CommandSpec spec) {
    String path = spec.qualifiedName();
    return path.equals("pamkit") ? "pamkit help" : path + " --help";
  }

  static String oneLine(Throwable e) {
    if (e instanceof java.nio.file.NoSuchFileException) {
      return "no such file: " + e.getMessage();
    }
    if (e instanceof ValidationException v && v.violations().size() > 1) {
      return v.violations().get(0) + " (and " + (v.violations().size() - 1) + " more)";
    }
    String m = e.getMessage();
    if (m == null || m.isBlank()) {
      m = e.getClass().getSimpleName();
    }
    return m.strip().replaceAll("\\s*[\\r\\n]+\\s*", " ");
  }

  /**
   * Gives every command {@code --help} (and {@code --version}), so that the commands need not each
   * ask for them, and joins description lines that were split in the source only to keep it narrow,
   * so that the help text is wrapped once, at the help width: a line that does not end a sentence
   * (with {@code .}, {@code ?}, {@code !} or {@code :}) continues on the next.
   */
  private static void prepare(CommandLine cl) {
    CommandSpec spec = cl.getCommandSpec();
    spec.mixinStandardHelpOptions(true);
    spec.usageMessage().description(unwrap(spec.usageMessage().description()));
    for (CommandLine sub : cl.getSubcommands().values()) {
      prepare(sub);
    }
  }

  static String[] unwrap(String[] lines) {
    List<String> out = new ArrayList<>();
    @Nullable StringBuilder current = null;
    for (String line : lines) {
      if (current == null) {
        current = new StringBuilder(line);
      } else {
        current.append(' ').append(line.strip());
      }
      String t = line.strip();
      if (t.isEmpty()
          || t.endsWith(".")
          || t.endsWith("?")
          || t.endsWith("!")
          || t.endsWith(":")
          || t.endsWith("%n")) {
        out.add(current.toString());
        current = null;
      }
    }
    if (current != null) {
      out.add(current.toString());
    }
    return out.toArray(String[]::new);
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
