package io.pamkit.examples.cli;

import io.pamkit.core.config.PamkitConfig;
import io.pamkit.core.net.TestTimeout;
import io.pamkit.notify.smtp.SmtpTransport;
import io.pamkit.notify.smtp.SmtpTransportConfig;
import io.pamkit.notify.smtp.TestEmailAttempt;
import io.pamkit.notify.smtp.TestEmailResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code pamkit test-email}: the appliance's "Send Test Email" with the document's {@code
 * EmailClientConfig}: every address the server name resolves to is tried within the timeout, and
 * the outcome per address is printed; one failure fails the test.
 */
@Command(
    name = "test-email",
    mixinStandardHelpOptions = true,
    description = {
      "Sends the appliance's test email through every address the SMTP server name resolves to.",
      "Exit codes: 0 sent through every address, 1 an address failed, 2 bad input."
    })
final class TestEmailCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--config", required = true, paramLabel = "FILE",
      description = "The configuration document.")
  Path config;

  @Option(names = "--to", required = true, paramLabel = "ADDRESS",
      description = "The recipient of the test email.")
  String to;

  @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30",
      description = "Time allowed per server address, 1..255 seconds (default: ${DEFAULT-VALUE}).")
  int timeout;

  @Option(names = "--json", description = "Print the result as one JSON document.")
  boolean json;

  @Override
  public Integer call() {
    TestTimeout t = TestTimeout.ofSeconds(timeout);
    PamkitConfig doc = ConfigFiles.read(config);
    SmtpTransportConfig settings = Integration.smtpSettings(doc);
    if (!settings.enabled()) {
      throw new UsageException(
          config + ": $.EmailClientConfig.ServerAddress is empty, so email is disabled");
    }
    TestEmailResult result;
    try (SmtpTransport smtp = SmtpTransport.builder(settings).build()) {
      result = smtp.sendTestEmail(to, t.duration());
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      Map<String, Object> d = Json.object();
      d.put("success", result.success());
      d.put("server", result.serverAddress());
      d.put("to", result.toEmail());
      List<Map<String, Object>> attempts = new ArrayList<>();
      for (TestEmailAttempt a : result.attempts()) {
        Map<String, Object> m = Json.object();
        m.put("address", a.address());
        m.put("outcome", a.outcome().name());
        m.put("detail", a.detail());
        attempts.add(m);
      }
      d.put("attempts", attempts);
      Json.print(out, d);
    } else {
      out.println(result.summary());
      out.flush();
    }
    if (!result.success()) {
      PrintWriter err = spec.commandLine().getErr();
      err.println("pamkit: test email failed through "
          + result.attempts().stream().filter(a -> !a.sent()).count() + " of "
          + result.attempts().size() + " address(es)");
      err.flush();
      return ExitCodes.FAILURE;
    }
    return ExitCodes.OK;
  }
}
