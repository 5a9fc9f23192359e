// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.examples.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.pamkit.core.config.PamkitConfig;
import io.pamkit.core.event.ApplianceEvent;
import io.pamkit.core.event.EventLevel;
import io.pamkit.core.policy.LinkStatus;
import io.pamkit.core.policy.Service;
import io.pamkit.core.policy.ServiceToggles;
import io.pamkit.core.policy.TaskGate;
import io.pamkit.core.policy.ToggleRefusedException;
import io.pamkit.core.secret.Secret;
import io.pamkit.examples.cli.ExitCodes;
import io.pamkit.examples.cli.Integration;
import io.pamkit.notify.snmp.PamkitMib;
import io.pamkit.sessionlink.SessionConnectionQuery;
import io.pamkit.sessionlink.SppAuthentication;
import io.pamkit.sessionlink.SppClient;
import io.pamkit.sessionlink.model.SessionModuleConnection;
import io.pamkit.simulator.AdminRole;
import io.pamkit.simulator.SppSimulator;
import io.pamkit.testing.SyslogReceiver;
import io.pamkit.testing.TrapReceiver;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code pamkit demo}: starts, in-process, an SMTP server (GreenMail), a syslog receiver (UDP and
 * TCP), an SNMP trap receiver (snmp4j) and the password appliance simulator; loads the bundled
 * configuration document {@code demo-config.json} with the receivers' ephemeral ports patched in;
 * publishes a failed password change and an approved access request; switches password changes off
 * for maintenance through the service-toggle engine (which emits its own event); links a session
 * cluster through the simulator and switches the Audit Log Stream Service on; then prints what each
 * receiver got.
 *
 * <p>Exits 0 when every expected message arrived, 1 otherwise. {@code --keep-running} leaves
 * everything up (until Ctrl-C) and prints the ports.
 */
@Command(
    name = "demo",
    description = {
      "Runs pamkit end to end against in-process receivers and prints what they got.",
      "Receivers: SMTP (GreenMail), syslog UDP/TCP, SNMP traps, the appliance simulator.",
      "Exit codes: 0 everything arrived, 1 something did not arrive."
    })
public final class DemoCommand implements Callable<Integer> {
  /** The bundled configuration document, a resource next to this class. */
  public static final String CONFIG_RESOURCE = "demo-config.json";

  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Spec CommandSpec spec;

  @Option(
      names = "--keep-running",
      description =
          "Leave the receivers and the simulator running"
              + " (until Ctrl-C) and print their ports; for 'pamkit link', use 'pamkit simulator'.")
  boolean keepRunning;

  @Option(names = "--json", description = "Print the result as one JSON document.")
  boolean json;

  /** Creates the command; picocli calls this. */
  public DemoCommand() {}

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    Result r = run(json ? new PrintWriter(PrintWriter.nullWriter()) : out, keepRunning);
    if (json) {
      Map<String, Object> doc = new java.util.LinkedHashMap<>();
      doc.put("ok", r.ok());
      doc.put("email", r.emails());
      doc.put("syslog", r.syslog());
      doc.put("traps", r.traps());
      doc.put("link", r.link());
      out.println(MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(doc));
      out.flush();
    }
    return r.ok() ? ExitCodes.OK : ExitCodes.FAILURE;
  }

  /**
   * What the demo's receivers got.
   *
   * @param ok whether everything expected arrived
   * @param emails one line per email: recipient, subject and the event header
   * @param syslog every syslog line received
   * @param traps every trap received, with its variable bindings
   * @param link what the link step did, one line per step
   */
  public record Result(
      boolean ok,
      List<String> emails,
      List<String> syslog,
      List<String> traps,
      List<String> link) {}

  /** Object names of the varbinds pamkit sends (SNMPv2-MIB and PAMKIT-MIB), for the printout. */
  private static final Map<String, String> TRAP_NAMES = trapNames();

  private static Map<String, String> trapNames() {
    PamkitMib mib = PamkitMib.defaults();
    Map<String, String> m = new HashMap<>();
    m.put("1.3.6.1.2.1.1.3.0", "sysUpTime.0");
    m.put("1.3.6.1.6.3.1.1.4.1.0", "snmpTrapOID.0");
    String[] objects = {
      "pamkitEventName",
      "pamkitEventCategory",
      "pamkitEventLevel",
      "pamkitEventTime",
      "pamkitEventAppliance",
      "pamkitEventIdempotencyKey",
      "pamkitEventProperties",
      "pamkitEventId"
    };
    for (int i = 0; i < objects.length; i++) {
      m.put(mib.objectOid(i + 1) + ".0", objects[i] + ".0");
    }
    m.put(mib.notificationOid(EventLevel.INFO), "pamkitEventInfo");
    m.put(mib.notificationOid(EventLevel.WARN), "pamkitEventWarning");
    m.put(mib.notificationOid(EventLevel.ERROR), "pamkitEventAlarm");
    return Map.copyOf(m);
  }

  /**
   * Runs the demo.
   *
   * @param out where to print the narrative and the receivers' content
   * @param keepRunning whether to block, with everything running, until the JVM is stopped
   * @return what arrived
   * @throws Exception if a receiver cannot be started
   */
  public static Result run(PrintWriter out, boolean keepRunning) throws Exception {
    GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    try (SyslogReceiver syslog = SyslogReceiver.start();
        TrapReceiver traps = TrapReceiver.builder().oidNames(TRAP_NAMES).start();
        SppSimulator appliance = SppSimulator.builder().build()) {
      int smtpPort = smtp.getSmtp().getPort();
      String receivers =
          String.format(
              "SMTP 127.0.0.1:%d, syslog UDP 127.0.0.1:%d and TCP 127.0.0.1:%d,"
                  + " SNMP traps UDP 127.0.0.1:%d, appliance simulator https://%s:%d",
              smtpPort,
              syslog.udpPort(),
              syslog.tcpPort(),
              traps.port(),
              appliance.host(),
              appliance.port());
      out.println("Receivers: " + receivers);

      PamkitConfig config =
          PamkitConfig.parse(
              patchPorts(
                  bundledDocument(), smtpPort, syslog.tcpPort(), syslog.udpPort(), traps.port()));
      out.printf(
          "Configuration: %d subscriber(s), %d syslog server(s), email %s%n",
          config.eventSubscribers().size(),
          Integration.syslogServerCount(config),
          Integration.emailSummary(config));

      List<String> linkSteps = new ArrayList<>();
      int expectedEmails = 0;
      int expectedSyslog = 0;
      int expectedTraps = 0;
      try (Integration integration = Integration.start(config)) {
        // 1. Two events as the appliance raises them.
        integration
            .dispatcher()
            .publish(
                event(config, "PasswordChangeFailed")
                    .object("AssetAccount", "42")
                    .property("AssetName", "db-prod-01")
                    .property("AccountName", "oracle")
                    .property(
                        "Message", "The password change failed: the asset refused the connection")
                    .build());
        out.println("Published PasswordChangeFailed (db-prod-01 / oracle)");
        expectedEmails++;
        expectedSyslog += 2;
        expectedTraps++;
        integration
            .dispatcher()
            .publish(
                event(config, "AccessRequestApproved")
                    .object("AccessRequest", "1001")
                    .property("Requester", "alice")
                    .property("Approver", "bob")
                    .property("AccountName", "oracle")
                    .property("AccessRequestType", "Password")
                    .build());
        out.println("Published AccessRequestApproved (alice, approved by bob)");
        expectedEmails++;
        expectedSyslog++;

        // 2. A maintenance window: password changes off; the engine emits ServicesConfigUpdated.
        ServiceToggles toggles =
            ServiceToggles.builder("SPP-DEMO")
                .publisher(integration.dispatcher())
                .state(config.servicesConfig())
                .linkStatus(() -> linkStatus(appliance))
                .build();
        toggles.setEnabled(Service.PASSWORD_CHANGE_ENABLED, false, "demo-admin");
        TaskGate gate = toggles.gate(Service.PASSWORD_CHANGE_ENABLED);
        out.println(
            "Switched PasswordChangeEnabled off for maintenance; a new change task is "
                + (gate.tryAcquire().isPresent() ? "STILL ALLOWED" : "refused")
                + "; "
                + gate.running()
                + " running task(s) to drain");
        expectedEmails++;
        expectedSyslog++;
        expectedTraps++;

        // 3. Link a session cluster through the simulator, then stream the audit log to it.
        appliance.addUser(
            "demo-admin",
            Secret.of("Demo-Passw0rd!"),
            AdminRole.APPLIANCE_ADMIN,
            AdminRole.OPERATIONS_ADMIN,
            AdminRole.POLICY_ADMIN);
        try {
          toggles.setEnabled(Service.AUDIT_LOG_STREAM_SERVICE, true, "demo-admin");
          linkSteps.add("Audit Log Stream Service switched on before any link (unexpected)");
        } catch (ToggleRefusedException e) {
          linkSteps.add(
              "Audit Log Stream Service before the link: refused (" + e.getMessage() + ")");
        }
        try (SppClient client =
            SppClient.builder()
                .host(appliance.host())
                .port(appliance.port())
                .trustedCertificates(List.of(appliance.caCertificate()))
                .authentication(
                    SppAuthentication.password("demo-admin", Secret.of("Demo-Passw0rd!")))
                .build()) {
          client.login();
          linkSteps.add(
              "Logged in to the appliance simulator as demo-admin (API v"
                  + client.apiVersion()
                  + ", version "
                  + client.version().major()
                  + "."
                  + client.version().minor()
                  + ")");
          SessionModuleConnection linked =
              client.link(
                  SessionModuleConnection.builder()
                      .nodeId("sps-demo-node-1")
                      .spsHostName("sps1.demo.example")
                      .spsNetworkAddress("192.0.2.21")
                      .firmwareVersion("7.5.0")
                      .description("Demo session cluster")
                      .build());
          linkSteps.add(
              "Linked session cluster node "
                  + linked.nodeId()
                  + " as connection "
                  + linked.id()
                  + " (trusted: "
                  + linked.trusted()
                  + ", certificate user "
                  + linked.certificateUserThumbprint()
                  + ")");
          client.setAccessRequestBroker(true);
          linkSteps.add(
              "Sessions-initiated access request broker: "
                  + (client.accessRequestBroker() ? "on" : "off"));
          int listed = client.sessionConnections(SessionConnectionQuery.defaults()).size();
          linkSteps.add("Session connections listed: " + listed);
          integration
              .dispatcher()
              .publish(
                  event(config, "SessionModuleConnectionCreated")
                      .object("SessionModuleConnection", String.valueOf(linked.id()))
                      .property("NodeId", String.valueOf(linked.nodeId()))
                      .property("SpsHostName", String.valueOf(linked.spsHostName()))
                      .build());
          expectedSyslog += 2;
          toggles.setEnabled(Service.AUDIT_LOG_STREAM_SERVICE, true, "demo-admin");
          linkSteps.add(
              "Audit Log Stream Service after the link: "
                  + (toggles.isEnabled(Service.AUDIT_LOG_STREAM_SERVICE) ? "on" : "off"));
          expectedSyslog++;
        }
        for (String s : linkSteps) {
          out.println(s);
        }

        integration.awaitSettled(WAIT, done -> {});
        out.printf(
            "Dispatcher: %d notification(s) delivered, %d dead-lettered%n",
            integration.tracker().delivered(), integration.tracker().deadLettered());
        integration.tracker().deadLetters().forEach(d -> out.println("  dead letter: " + d));
      }

      smtp.waitForIncomingEmail(WAIT.toMillis(), expectedEmails);
      long deadline = System.nanoTime() + WAIT.toNanos();
      syslog.awaitMessages(expectedSyslog, WAIT);
      traps.awaitTraps(expectedTraps, Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));

      List<String> emails = new ArrayList<>();
      for (MimeMessage m : smtp.getReceivedMessages()) {
        emails.add(describe(m));
      }
      List<String> lines = new ArrayList<>();
      for (String m : syslog.messages()) {
        lines.add(m.replace("\uFEFF", "").strip());
      }
      out.println();
      out.println("== SMTP server (GreenMail) received " + emails.size() + " email(s)");
      emails.forEach(e -> out.println("  " + e));
      out.println("== Syslog receiver received " + lines.size() + " message(s)");
      lines.forEach(l -> out.println("  " + l));
      List<String> trapList = traps.traps().stream().map(TrapReceiver.Trap::text).toList();
      out.println("== SNMP trap receiver (snmp4j) received " + trapList.size() + " trap(s)");
      trapList.forEach(t -> out.println("  " + t));
      out.println("== Appliance simulator (session link)");
      out.println(
          "  stored connections: "
              + appliance.storedConnections().size()
              + ", logins: "
              + appliance.loginCount());
      boolean ok =
          emails.size() >= expectedEmails
              && lines.size() >= expectedSyslog
              && trapList.size() >= expectedTraps
              && appliance.storedConnections().size() == 1;
      out.println(
          ok
              ? "Demo finished: every receiver got what was sent."
              : "Demo finished, but something did not arrive (expected "
                  + expectedEmails
                  + " email(s), "
                  + expectedSyslog
                  + " syslog message(s) and "
                  + expectedTraps
                  + " trap(s)).");
      out.flush();
      if (keepRunning) {
        out.println("Still running (Ctrl-C to stop): " + receivers);
        out.println(
            "To try 'pamkit link' (and link preflight/join), run 'pamkit simulator': it"
                + " prints the users, passwords, a CA file and ready commands.");
        out.flush();
        CountDownLatch forever = new CountDownLatch(1);
        forever.await();
      }
      return new Result(ok, emails, lines, trapList, linkSteps);
    } finally {
      smtp.stop();
    }
  }

  private static ApplianceEvent.Builder event(PamkitConfig config, String name) {
    return ApplianceEvent.builder(name)
        .applianceId("SPP-DEMO")
        .level(config.eventCatalog().require(name).defaultLevel());
  }

  private static LinkStatus linkStatus(SppSimulator appliance) {
    return appliance.storedConnections().isEmpty()
        ? LinkStatus.notLinked("no session appliance is linked")
        : LinkStatus.linked(appliance.storedConnections().size() + " session connection(s)");
  }

  private static String describe(MimeMessage m) throws MessagingException {
    String[] event = m.getHeader("X-Pamkit-Event");
    return "to "
        + String.join(
            ", ", java.util.Arrays.stream(m.getAllRecipients()).map(Object::toString).toList())
        + " | subject: "
        + m.getSubject()
        + (event != null && event.length > 0 ? " | X-Pamkit-Event: " + event[0] : "");
  }

  /**
   * Returns the bundled configuration document's text.
   *
   * @return the JSON text
   */
  public static String bundledDocument() {
    try (InputStream in = DemoCommand.class.getResourceAsStream(CONFIG_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("resource " + CONFIG_RESOURCE + " is missing");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Puts the receivers' ephemeral ports into the document: the SMTP port into {@code
   * EmailClientConfig}, the TCP port into every TCP syslog server, the UDP port into every
   * subscriber's own UDP syslog address, the trap port into every SNMP destination.
   *
   * @param json the document
   * @param smtpPort the SMTP server's port
   * @param syslogTcpPort the syslog receiver's TCP port
   * @param syslogUdpPort the syslog receiver's UDP port
   * @param trapPort the SNMP trap receiver's UDP port
   * @return the patched document
   * @throws IOException if the document is not JSON
   */
  public static String patchPorts(
      String json, int smtpPort, int syslogTcpPort, int syslogUdpPort, int trapPort)
      throws IOException {
    ObjectNode doc = (ObjectNode) MAPPER.readTree(json);
    ((ObjectNode) doc.path("EmailClientConfig")).put("PortNumber", smtpPort);
    for (JsonNode s : doc.path("SyslogServers")) {
      ((ObjectNode) s).put("Port", syslogTcpPort);
    }
    for (JsonNode s : doc.path("EventSubscribers")) {
      JsonNode p = s.path("SyslogProperties");
      if (p.has("NetworkAddress")) {
        ((ObjectNode) p).put("Port", syslogUdpPort);
      }
    }
    for (JsonNode d : doc.path("SnmpDestinations")) {
      ((ObjectNode) d).put("Port", trapPort);
    }
    return MAPPER.writeValueAsString(doc);
  }
}
