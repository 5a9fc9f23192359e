package io.pamkit.examples.cli;

import io.pamkit.core.config.PamkitConfig;
import io.pamkit.core.net.TestTimeout;
import io.pamkit.notify.smtp.SmtpTransport;
import io.pamkit.notify.smtp.TestEmailAttempt;
import io.pamkit.notify.smtp.TestEmailResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code pamkit test-email}: the appliance's "Send Test Email" with the document's {@code
 * EmailClientConfig}, or else each {@code Smtp} entry of its {@code EmailProviders}: every
 * address the server name resolves to is tried within the timeout, and the outcome per address
 * is printed; one failure fails the test.
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

  @Mixin TrustOptions trust;

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
    PamkitConfig doc = trust.apply(ConfigFiles.read(config));
    List<Integration.SmtpTarget> targets = Integration.smtpTargets(doc);
    if (targets.isEmpty()) {
      throw new UsageException(doc.emailProviderSections().isEmpty()
          ? config + ": $.EmailClientConfig.ServerAddress is empty and there are no"
              + " EmailProviders, so email is disabled"
          : config + ": the EmailProviders have no Smtp entry; test-email tests SMTP servers,"
              + " 'pamkit test-event' sends through any provider");
    }
    List<TestEmailResult> results = new ArrayList<>();
    for (Integration.SmtpTarget target : targets) {
      try (SmtpTransport smtp = SmtpTransport.builder(target.settings()).build()) {
        results.add(smtp.sendTestEmail(to, t.duration()));
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    boolean named = !"EmailClientConfig".equals(targets.get(0).name());
    if (json) {
      List<Map<String, Object>> docs = new ArrayList<>();
      for (int i = 0; i < results.size(); i++) {
        Map<String, Object> d = json(results.get(i));
        if (named) {
          d.put("provider", targets.get(i).name());
        }
        docs.add(d);
      }
      if (docs.size() == 1) {
        Json.print(out, docs.get(0));
      } else {
        Map<String, Object> d = Json.object();
        d.put("success", results.stream().allMatch(TestEmailResult::success));
        d.put("providers", docs);
        Json.print(out, d);
      }
    } else {
      for (int i = 0; i < results.size(); i++) {
        out.println((named ? targets.get(i).name() + ": " : "") + results.get(i).summary());
      }
      out.flush();
    }
    long failed = 0;
    long attempts = 0;
    for (TestEmailResult r : results) {
      failed += r.attempts().stream().filter(a -> !a.sent()).count();
      attempts += r.attempts().size();
    }
    if (results.stream().anyMatch(r -> !r.success())) {
      PrintWriter err = spec.commandLine().getErr();
      err.println("pamkit: test email failed through " + failed + " of " + attempts
          + " address(es)");
      err.flush();
      return ExitCodes.FAILURE;
    }
    return ExitCodes.OK;
  }

  private static Map<String, Object> json(TestEmailResult result) {
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
    return d;
  }
}
