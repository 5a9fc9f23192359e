// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.examples.cli;

import io.pamkit.core.config.ConfigSection;
import io.pamkit.core.config.PamkitConfig;
import io.pamkit.core.dispatch.DeliveryException;
import io.pamkit.core.dispatch.DeliveryReceipt;
import io.pamkit.core.dispatch.Notification;
import io.pamkit.core.dispatch.spi.Transport;
import io.pamkit.core.dispatch.spi.TransportContext;
import io.pamkit.core.dispatch.spi.TransportProvider;
import io.pamkit.core.dispatch.spi.TransportProviders;
import io.pamkit.core.event.ApplianceEvent;
import io.pamkit.core.net.EmailAddress;
import io.pamkit.core.net.TestTimeout;
import io.pamkit.core.subscription.Subscriber;
import io.pamkit.notify.ConfiguredTransports;
import io.pamkit.notify.smtp.SmtpTransport;
import io.pamkit.notify.smtp.SmtpTransportConfig;
import io.pamkit.notify.smtp.TestEmailAttempt;
import io.pamkit.notify.smtp.TestEmailResult;
import io.pamkit.notify.template.EmailTemplates;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code pamkit test-email}: the appliance's "Send Test Email". With the document's {@code
 * EmailClientConfig} (no {@code EmailProviders}), every address the SMTP server name resolves to is
 * tried within the timeout, and the outcome per address is printed. With {@code EmailProviders},
 * every provider of the chain (or the one {@code --provider NAME} picks) sends one test email
 * itself, whatever its kind: an SMTP provider per address as above, a SendGrid, EWS or Graph
 * provider (or a third party's) by sending a {@code Test} event to the recipient. One failure fails
 * the test.
 */
@Command(
    name = "test-email",
    description = {
      "Sends the appliance's test email through the SMTP server, or through each email provider"
          + " of the document's EmailProviders (SMTP, SendGrid, EWS, Graph).",
      "Exit codes: 0 sent, 1 a server address or provider failed, 2 bad input."
    })
final class TestEmailCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin DocumentOptions document;

  @Option(
      names = "--to",
      required = true,
      paramLabel = "ADDRESS",
      description = "The recipient of the test email.")
  String to;

  @Option(
      names = "--provider",
      paramLabel = "NAME",
      description = "Test only this provider of EmailProviders (its Name, else its Type).")
  String provider;

  @Option(
      names = "--timeout",
      paramLabel = "SECONDS",
      defaultValue = "30",
      description =
          "Time allowed per SMTP server address, 1..255 seconds (default:"
              + " ${DEFAULT-VALUE}); other providers use their own timeouts.")
  int timeout;

  @Option(names = "--json", description = "Print the result as one JSON document.")
  boolean json;

  /** The outcome of one provider of the chain. */
  private record ProviderResult(
      String name, String type, boolean success, String detail, @Nullable TestEmailResult smtp) {}

  @Override
  public Integer call() {
    TestTimeout t = TestTimeout.ofSeconds(timeout);
    PamkitConfig doc = document.read();
    List<ConfigSection> entries = doc.emailProviderSections();
    if (!entries.isEmpty()) {
      return providers(doc, entries, t);
    }
    if (provider != null) {
      throw new UsageException(
          document.config + " has no EmailProviders; --provider picks one of them");
    }
    SmtpTransportConfig settings = Integration.smtpSettings(doc);
    if (!settings.enabled()) {
      throw new UsageException(
          document.config + ": $.EmailClientConfig.ServerAddress is empty, so email is disabled");
    }
    TestEmailResult result;
    try (SmtpTransport smtp = SmtpTransport.builder(settings).build()) {
      result = smtp.sendTestEmail(to, t.duration());
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      Map<String, Object> d = smtpJson(result);
      d.put("to", result.toEmail());
      Json.print(out, d);
    } else {
      out.println(result.summary());
      out.flush();
    }
    long failed = result.attempts().stream().filter(a -> !a.sent()).count();
    return result.success()
        ? ExitCodes.OK
        : failed(failed + " of " + result.attempts().size() + " address(es)");
  }

  private static Map<String, Object> smtpJson(TestEmailResult result) {
    Map<String, Object> d = Json.object();
    d.put("success", result.success());
    d.put("server", result.serverAddress());
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

  private int providers(PamkitConfig doc, List<ConfigSection> entries, TestTimeout t) {
    List<ConfigSection> chosen = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (ConfigSection e : entries) {
      String name = name(e);
      names.add(name);
      if (provider == null || provider.equalsIgnoreCase(name)) {
        chosen.add(e);
      }
    }
    if (chosen.isEmpty()) {
      throw new UsageException(
          "no email provider named '"
              + provider
              + "'; the document has "
              + String.join(", ", names));
    }
    EmailAddress.parse("--to", to); // bad input exits 2 before anything is sent
    TransportProviders ps = TransportProviders.load();
    TransportContext ctx =
        TransportContext.builder()
            .eventCatalog(doc.eventCatalog())
            .extension(EmailTemplates.class, ConfiguredTransports.templates(doc))
            .build();
    List<ProviderResult> results = new ArrayList<>();
    for (ConfigSection e : chosen) {
      results.add(test(ps, ctx, e, t));
    }
    PrintWriter out = spec.commandLine().getOut();
    boolean success = results.stream().allMatch(ProviderResult::success);
    if (json) {
      Map<String, Object> d = Json.object();
      d.put("success", success);
      d.put("to", to);
      List<Map<String, Object>> list = new ArrayList<>();
      for (ProviderResult r : results) {
        Map<String, Object> m = r.smtp() != null ? smtpJson(r.smtp()) : Json.object();
        m.put("name", r.name());
        m.put("type", r.type());
        m.put("success", r.success());
        m.put("detail", r.detail());
        list.add(m);
      }
      d.put("providers", list);
      Json.print(out, d);
    } else {
      for (ProviderResult r : results) {
        out.println(
            "provider "
                + r.name()
                + " ("
                + r.type()
                + "): "
                + (r.success() ? "SENT" : "FAILED")
                + " "
                + r.detail());
      }
      out.flush();
    }
    long failed = results.stream().filter(r -> !r.success()).count();
    return success ? ExitCodes.OK : failed(failed + " of " + results.size() + " email provider(s)");
  }

  private int failed(String through) {
    return PamkitCli.failure(spec, "test email failed through " + through);
  }

  private static String name(ConfigSection e) {
    String name = e.json().path("Name").asText("");
    return name.isBlank() ? e.json().path("Type").asText("") : name;
  }

  private ProviderResult test(
      TransportProviders ps, TransportContext ctx, ConfigSection e, TestTimeout t) {
    String name = name(e);
    String type = e.json().path("Type").asText("");
    TransportProvider<?> p = ps.require(type);
    try (Transport transport = p.create(e, ctx)) {
      if (transport instanceof SmtpTransport smtp) {
        TestEmailResult r = smtp.sendTestEmail(to, t.duration());
        return new ProviderResult(name, type, r.success(), r.summary(), r);
      }
      Subscriber recipient =
          Subscriber.builder(Subscriber.EMAIL)
              .id(0)
              .emailAddress(to)
              .subscribeToAllEvents(true)
              .build();
      ApplianceEvent event =
          ApplianceEvent.builder("Test")
              .applianceId("pamkit")
              .property("Message", "Test email from pamkit through email provider " + name)
              .build();
      DeliveryReceipt receipt = transport.send(Notification.of(event, recipient));
      return new ProviderResult(
          name,
          type,
          true,
          "accepted" + receipt.messageId().map(id -> " (" + id + ")").orElse(""),
          null);
    } catch (DeliveryException ex) {
      return new ProviderResult(name, type, false, ex.failureType() + ": " + ex.getMessage(), null);
    }
  }
}
