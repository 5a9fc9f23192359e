// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.notify.syslog;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pamkit.core.cert.KeyMaterial;
import io.pamkit.core.config.PamkitConfig;
import io.pamkit.core.dispatch.Notification;
import io.pamkit.core.dispatch.spi.Transport;
import io.pamkit.core.event.ApplianceEvent;
import io.pamkit.core.event.EventLevel;
import io.pamkit.core.subscription.Subscriber;
import io.pamkit.core.subscription.SyslogFacility;
import io.pamkit.core.subscription.SyslogFormat;
import io.pamkit.core.subscription.SyslogProtocol;
import io.pamkit.core.subscription.SyslogSubscriberProperties;
import io.pamkit.core.subscription.SyslogTcpFraming;
import io.pamkit.notify.ConfiguredTransports;
import io.pamkit.notify.syslog.internal.LocalHostName;
import io.pamkit.testing.Await;
import io.pamkit.testing.FreePorts;
import io.pamkit.testing.TestCertificates;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * pamkit's messages parsed by a real rsyslog: a private instance started by this test (own
 * configuration, work directory and pid file, loopback ports, {@code -n} foreground; never the
 * system logger). rsyslog parses each message, {@code mmpstrucdata} decodes its structured data,
 * and a template writes every field as JSON, which the test compares with what was sent.
 */
final class RsyslogInteropTest {
  /** Every character that breaks naive syslog, CEF or JSON writers, except NUL. */
  static final String DANGEROUS =
      "quote\" backslash\\ bracket] equals= pipe| lt< gt> percent% brace{} newline\nreturn\r"
          + "tab\t e\u00e9 euro\u20ac emoji\ud83d\ude00 bom\ufeff #012";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static @Nullable Process rsyslog;
  private static Path out = Paths.get("missing");
  private static Path raw = Paths.get("missing");
  private static int udpPort;
  private static int tcpPort;
  private static int crPort;
  private static int nulPort;
  private static int tlsPort;
  private static int jsonParsePort;
  private static @Nullable TestCertificates pki;

  @TempDir static Path dir;

  @BeforeAll
  static void startRsyslog() throws Exception {
    Path binary = Paths.get("/usr/sbin/rsyslogd");
    assumeTrue(
        Files.isExecutable(binary),
        "rsyslogd is not installed (Debian package rsyslog; .ci/run installs it): skipping the "
            + "rsyslog interoperability tests");
    udpPort = FreePorts.lowPort();
    tcpPort = FreePorts.lowPort();
    crPort = FreePorts.lowPort();
    nulPort = FreePorts.lowPort();
    jsonParsePort = FreePorts.lowPort();
    Path work = Files.createDirectories(dir.resolve("work"));
    String tlsInput = "";
    if (opensslDriverInstalled()) {
      TestCertificates ca = TestCertificates.create("CN=rsyslog test CA");
      Files.writeString(dir.resolve("ca.pem"), ca.authority().certificatePem());
      KeyMaterial leaf = ca.issue("CN=rsyslog", "localhost", "127.0.0.1");
      Files.writeString(dir.resolve("cert.pem"), leaf.certificatePem());
      // PKCS#8 "PRIVATE KEY", which OpenSSL reads for every key type
      Files.writeString(dir.resolve("key.pem"), leaf.unencryptedPrivateKeyPem());
      tlsPort = FreePorts.lowPort();
      tlsInput =
          "input(type=\"imtcp\" address=\"127.0.0.1\" port=\""
              + tlsPort
              + "\""
              + " ruleset=\"pamkit\" streamDriver.name=\"ossl\" streamDriver.mode=\"1\""
              + " streamDriver.authMode=\"x509/certvalid\""
              + " streamDriver.CAFile=\""
              + dir.resolve("ca.pem")
              + "\""
              + " streamDriver.CertFile=\""
              + dir.resolve("cert.pem")
              + "\""
              + " streamDriver.KeyFile=\""
              + dir.resolve("key.pem")
              + "\")";
      pki = ca;
    }
    out = dir.resolve("out.json");
    raw = dir.resolve("raw.log");
    String conf =
        String.join(
            "\n",
            "global(workDirectory=\"" + work + "\" processInternalMessages=\"on\"",
            "       parser.escapeControlCharactersOnReceive=\"off\" maxMessageSize=\"64k\")",
            "module(load=\"imudp\")",
            "module(load=\"imtcp\")",
            "module(load=\"imptcp\")",
            "module(load=\"mmpstrucdata\")",
            "module(load=\"mmjsonparse\")",
            "template(name=\"json\" type=\"string\" string=\"%$!%\\n\")",
            "template(name=\"raw\" type=\"string\" string=\"%rawmsg%\\n\")",
            "ruleset(name=\"pamkit\") {",
            "  action(type=\"mmpstrucdata\" sd_name.lowercase=\"off\")",
            "  set $!host = $hostname;",
            "  set $!app = $app-name;",
            "  set $!msgid = $msgid;",
            "  set $!procid = $procid;",
            "  set $!pri = $pri;",
            "  set $!sd = $structured-data;",
            "  set $!msg = $msg;",
            "  action(type=\"omfile\" file=\"" + out + "\" template=\"json\")",
            "  action(type=\"omfile\" file=\"" + raw + "\" template=\"raw\")",
            "}",
            // what a SIEM pipeline does with JSON bodies: rsyslog's JSON parser on the whole MSG
            "ruleset(name=\"jsonparse\") {",
            "  action(type=\"mmjsonparse\" cookie=\"\")",
            "  set $!parsesuccess = $parsesuccess;",
            "  set $!host = $hostname;",
            "  set $!app = $app-name;",
            "  set $!rawmsg = $msg;",
            "  action(type=\"omfile\" file=\"" + out + "\" template=\"json\")",
            "}",
            "*.* action(type=\"omfile\" file=\"" + dir.resolve("internal.log") + "\")",
            "input(type=\"imudp\" address=\"127.0.0.1\" port=\""
                + udpPort
                + "\" ruleset=\"pamkit\")",
            "input(type=\"imtcp\" address=\"127.0.0.1\" port=\""
                + tcpPort
                + "\" ruleset=\"pamkit\")",
            "input(type=\"imptcp\" address=\"127.0.0.1\" port=\""
                + crPort
                + "\" ruleset=\"pamkit\""
                + " AddtlFrameDelimiter=\"13\")",
            "input(type=\"imptcp\" address=\"127.0.0.1\" port=\""
                + nulPort
                + "\" ruleset=\"pamkit\""
                + " AddtlFrameDelimiter=\"0\")",
            "input(type=\"imtcp\" address=\"127.0.0.1\" port=\""
                + jsonParsePort
                + "\" ruleset=\"jsonparse\")",
            tlsInput,
            "");
    Path confFile = dir.resolve("rsyslog.conf");
    Files.writeString(confFile, conf);
    rsyslog =
        new ProcessBuilder(
                binary.toString(),
                "-n",
                "-f",
                confFile.toString(),
                "-i",
                dir.resolve("rsyslogd.pid").toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("rsyslogd.out").toFile())
            .start();
    for (int port :
        pki == null
            ? new int[] {tcpPort, crPort, nulPort, jsonParsePort}
            : new int[] {tcpPort, crPort, nulPort, jsonParsePort, tlsPort}) {
      try {
        Await.until("rsyslog listening on " + port, WAIT, () -> listening(port));
      } catch (AssertionError e) {
        throw new AssertionError(
            e.getMessage()
                + "\nrsyslogd printed:\n"
                + read(dir.resolve("rsyslogd.out"))
                + "\ninternal log:\n"
                + read(dir.resolve("internal.log")),
            e);
      }
    }
  }

  private static boolean opensslDriverInstalled() {
    for (String lib :
        new String[] {
          "/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/usr/lib64", "/usr/lib"
        }) {
      if (Files.exists(Paths.get(lib, "rsyslog", "lmnsd_ossl.so"))) {
        return true;
      }
    }
    return false;
  }

  private static boolean listening(int port) {
    if (rsyslog != null && !rsyslog.isAlive()) {
      throw new AssertionError("rsyslogd exited: " + read(dir.resolve("rsyslogd.out")));
    }
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 200);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static String read(Path p) {
    try {
      return Files.exists(p) ? Files.readString(p) : "";
    } catch (IOException e) {
      return e.toString();
    }
  }

  @AfterAll
  static void stopRsyslog() throws InterruptedException {
    Process p = rsyslog;
    if (p != null) {
      p.destroy();
      p.waitFor();
    }
  }

  private static SyslogTransport transport() {
    return SyslogTransport.builder()
        .hostName("spp-1.example.com")
        .appName("pamkit-test")
        .procId("4242")
        .build();
  }

  private static Notification notification(
      SyslogSubscriberProperties props, String marker, String value) {
    ApplianceEvent event =
        ApplianceEvent.builder("AccessRequestApproved")
            .applianceId("SPP-1")
            .level(EventLevel.WARN)
            .property("Marker", marker)
            .property("Value", value)
            .build();
    Subscriber s = Subscriber.builder(Subscriber.SYSLOG).id(11).syslogProperties(props).build();
    return Notification.of(event, s);
  }

  /** Waits for the line rsyslog wrote for the marker. */
  private static JsonNode received(String marker) throws Exception {
    JsonNode[] found = new JsonNode[1];
    Await.until(
        "rsyslog to write the message " + marker,
        WAIT,
        () -> {
          for (String line : lines()) {
            try {
              JsonNode n = JSON.readTree(line);
              if (marker.equals(n.path("rfc5424-sd").path("props@32473").path("Marker").asText())
                  || n.path("msg").asText().contains(marker)
                  || n.path("rawmsg").asText().contains(marker)) {
                found[0] = n;
                return true;
              }
            } catch (IOException e) {
              throw new AssertionError("rsyslog wrote a line that is not JSON: " + line, e);
            }
          }
          return false;
        });
    return found[0];
  }

  private static List<String> lines() {
    return lines(out);
  }

  private static List<String> lines(Path file) {
    try {
      return Files.exists(file) ? Files.readAllLines(file, UTF_8) : List.of();
    } catch (IOException e) {
      return List.of();
    }
  }

  private static void assertHeaderAndSd(JsonNode n, String marker, String expectedValue) {
    assertEquals("spp-1.example.com", n.path("host").asText());
    assertEquals("pamkit-test", n.path("app").asText());
    assertEquals("4242", n.path("procid").asText());
    assertEquals("AccessRequestApproved", n.path("msgid").asText());
    assertEquals(String.valueOf(SyslogFacility.LOCAL3.code() * 8 + 4), n.path("pri").asText());
    JsonNode meta = n.path("rfc5424-sd").path("pamkit@32473");
    assertEquals("AccessRequestApproved", meta.path("EventName").asText(), n.toString());
    assertEquals("Warn", meta.path("Level").asText());
    assertEquals("AccessRequest", meta.path("Category").asText());
    assertEquals("SPP-1", meta.path("ApplianceId").asText());
    JsonNode props = n.path("rfc5424-sd").path("props@32473");
    assertEquals(marker, props.path("Marker").asText());
    assertEquals(expectedValue, props.path("Value").asText(), n.toString());
  }

  @Test
  void udp_rfc5424_everyFieldAndDangerousCharactersSurvive() throws Exception {
    String marker = UUID.randomUUID().toString();
    try (SyslogTransport t = transport()) {
      t.send(notification(base(udpPort).build(), marker, DANGEROUS));
    }
    JsonNode n = received(marker);
    assertHeaderAndSd(n, marker, controlsEscaped(DANGEROUS));
    String msg = n.path("msg").asText();
    assertEquals('\ufeff', msg.charAt(0), "MSG-UTF8 starts with the BOM");
    assertEquals(
        "AccessRequestApproved: level=Warn appliance=SPP-1 Marker=\""
            + marker
            + "\" Value=\""
            + controlsEscaped(DANGEROUS.replace("\\", "\\\\").replace("\"", "\\\""))
            + "\"",
        msg.substring(1));
  }

  @ParameterizedTest
  @EnumSource(SyslogTcpFraming.class)
  void tcp_everyFraming_headerAndStructuredDataComeOutAsSent(SyslogTcpFraming framing)
      throws Exception {
    int port =
        framing == SyslogTcpFraming.CR
            ? crPort
            : framing == SyslogTcpFraming.NUL ? nulPort : tcpPort;
    String marker = UUID.randomUUID().toString();
    try (SyslogTransport t = transport()) {
      t.send(
          notification(
              base(port).protocol(SyslogProtocol.TCP).tcpFraming(framing).build(),
              marker,
              DANGEROUS));
      t.send(
          notification(
              base(port).protocol(SyslogProtocol.TCP).tcpFraming(framing).build(),
              marker + "-2",
              "next"));
    }
    assertHeaderAndSd(received(marker), marker, controlsEscaped(DANGEROUS));
    assertHeaderAndSd(received(marker + "-2"), marker + "-2", "next");
  }

  @Test
  void tls_rfc5425WithClientCertificate_rsyslogVerifiesAndParses() throws Exception {
    TestCertificates ca = pki;
    assumeTrue(
        ca != null,
        "rsyslog's OpenSSL driver is not installed (Debian package "
            + "rsyslog-openssl; .ci/run installs it): skipping the TLS interoperability test");
    String marker = UUID.randomUUID().toString();
    try (SyslogTransport t =
        SyslogTransport.builder()
            .hostName("spp-1.example.com")
            .appName("pamkit-test")
            .procId("4242")
            .clientCertificateSslContext(ca.mutualClientContext())
            .build()) {
      t.send(
          notification(
              SyslogSubscriberProperties.builder()
                  .networkAddress("localhost")
                  .port(tlsPort)
                  .facility(SyslogFacility.LOCAL3)
                  .protocol(SyslogProtocol.TCP)
                  .useSslEncryption(true)
                  .useClientCertificate(true)
                  .build(),
              marker,
              DANGEROUS));
    }
    assertHeaderAndSd(received(marker), marker, controlsEscaped(DANGEROUS));
  }

  @Test
  void tcp_cefBody_extensionValueSurvivesEscaped() throws Exception {
    String marker = UUID.randomUUID().toString();
    try (SyslogTransport t = transport()) {
      t.send(
          notification(
              base(tcpPort)
                  .protocol(SyslogProtocol.TCP)
                  .logFormat(SyslogFormat.CEF)
                  .keyPrefix("spp")
                  .build(),
              marker,
              DANGEROUS));
    }
    String msg = received(marker).path("msg").asText();
    assertEquals( // no BOM before a CEF body by default: CEF parsers anchor on "CEF:"
        "CEF:0|pamkit|pamkit|1.0|AccessRequestApproved|Access Request Approved|6|",
        msg.substring(0, msg.indexOf("|6|") + 3));
    String escaped =
        DANGEROUS
            .replace("\\", "\\\\")
            .replace("=", "\\=")
            .replace("\n", "\\n")
            .replace("\r", "\\r")
            .replace("\t", " ");
    assertEquals(" sppValue=" + escaped, msg.substring(msg.indexOf(" sppValue=")));
  }

  @Test
  void tcp_jsonBody_parsesBackToTheEvent() throws Exception {
    String marker = UUID.randomUUID().toString();
    try (SyslogTransport t = transport()) {
      t.send(
          notification(
              base(tcpPort)
                  .protocol(SyslogProtocol.TCP)
                  .tcpFraming(SyslogTcpFraming.LF)
                  .logFormat(SyslogFormat.JSON)
                  .keyPrefix("p_")
                  .build(),
              marker,
              DANGEROUS));
    }
    String msg = received(marker).path("msg").asText();
    assertEquals('{', msg.charAt(0), "no BOM before a JSON body by default");
    JsonNode body = JSON.readTree(msg);
    assertEquals(marker, body.path("p_Marker").asText());
    assertEquals(DANGEROUS, body.path("p_Value").asText());
    assertEquals("AccessRequestApproved", body.path("EventName").asText());
  }

  @Test
  void legacyUdp_rfc3164_hostAndTagParsed() throws Exception {
    String marker = UUID.randomUUID().toString();
    try (SyslogTransport t = transport()) {
      t.send(
          notification(
              base(udpPort).protocol(SyslogProtocol.LEGACY_UDP).build(), marker, "legacy"));
    }
    JsonNode n = received(marker);
    assertEquals("spp-1.example.com", n.path("host").asText());
    assertEquals("pamkit-test", n.path("app").asText());
    assertEquals(String.valueOf(SyslogFacility.LOCAL3.code() * 8 + 4), n.path("pri").asText());
  }

  /** What pamkit writes for the control characters of {@link #DANGEROUS}: C-style escapes. */
  private static String controlsEscaped(String s) {
    return s.replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t");
  }

  /** The log-injection example of issue 15: a user name that carries a forged second message. */
  private static final String FORGED =
      "x\n<13>1 2025-01-01T00:00:00Z spp pamkit - UserLogin - forged\r\n<13>forged-too\u0000z";

  private static void sendForged(SyslogSubscriberProperties props, String marker) {
    try (SyslogTransport t = transport()) {
      t.send(notification(props, marker, FORGED));
      t.send(notification(props, marker + "-after", "next"));
    }
  }

  /**
   * Asserts that the raw receive log (rsyslog's {@code %rawmsg%}, control characters kept as
   * received) has exactly one line for the forged message, and no line that starts a forged one.
   */
  private static void assertOneLine(String marker) throws Exception {
    received(marker + "-after");
    List<String> all = lines(raw);
    long withMarker = all.stream().filter(l -> l.contains(marker + "\"")).count();
    assertEquals(1, withMarker, String.join("\n", all));
    assertEveryLineIsAMessageOfOurs(all);
    JsonNode n = received(marker);
    assertEquals(
        controlsEscaped(FORGED).replace("\u0000", "\\u0000"),
        n.path("rfc5424-sd").path("props@32473").path("Value").asText());
  }

  /**
   * A forged message starts a line with its own {@code <13>} PRI (or the rest of a split message
   * starts a line without any PRI): every line of the raw log must start a message pamkit sent
   * (facility Local3 or User, level Warn: {@code <156>} or {@code <12>}) and hold no NUL.
   */
  private static void assertEveryLineIsAMessageOfOurs(List<String> all) {
    for (String line : all) {
      assertTrue(
          line.startsWith("<156>") || line.startsWith("<12>"),
          "a line that is not one of our messages: " + line);
      assertFalse(line.contains("\u0000"), line);
    }
  }

  @Test
  void udp_logInjection_exactlyOneLineAtTheReceiver() throws Exception {
    String marker = UUID.randomUUID().toString();
    sendForged(base(udpPort).build(), marker);
    assertOneLine(marker);
  }

  @Test
  void legacyUdp_logInjection_exactlyOneLineAtTheReceiver() throws Exception {
    String marker = UUID.randomUUID().toString();
    sendForged(base(udpPort).protocol(SyslogProtocol.LEGACY_UDP).build(), marker);
    received(marker + "-after");
    List<String> all = lines(raw);
    assertEquals(
        1, all.stream().filter(l -> l.contains(marker + "\"")).count(), String.join("\n", all));
    assertEveryLineIsAMessageOfOurs(all);
  }

  @ParameterizedTest
  @EnumSource(SyslogTcpFraming.class)
  void tcp_logInjection_exactlyOneLineAtTheReceiver(SyslogTcpFraming framing) throws Exception {
    int port =
        framing == SyslogTcpFraming.CR
            ? crPort
            : framing == SyslogTcpFraming.NUL ? nulPort : tcpPort;
    String marker = UUID.randomUUID().toString();
    sendForged(base(port).protocol(SyslogProtocol.TCP).tcpFraming(framing).build(), marker);
    assertOneLine(marker);
  }

  @ParameterizedTest
  @EnumSource(SyslogFormat.class)
  void tcp_logInjectionInEveryBody_exactlyOneLineAtTheReceiver(SyslogFormat format)
      throws Exception {
    String marker = UUID.randomUUID().toString();
    sendForged(base(tcpPort).protocol(SyslogProtocol.TCP).logFormat(format).build(), marker);
    assertOneLine(marker);
  }

  @Test
  void tls_logInjection_exactlyOneLineAtTheReceiver() throws Exception {
    TestCertificates ca = pki;
    assumeTrue(ca != null, "rsyslog's OpenSSL driver is not installed: skipping");
    String marker = UUID.randomUUID().toString();
    SyslogSubscriberProperties props =
        SyslogSubscriberProperties.builder()
            .networkAddress("localhost")
            .port(tlsPort)
            .facility(SyslogFacility.LOCAL3)
            .protocol(SyslogProtocol.TCP)
            .useSslEncryption(true)
            .useClientCertificate(true)
            .build();
    try (SyslogTransport t =
        SyslogTransport.builder()
            .hostName("spp-1.example.com")
            .appName("pamkit-test")
            .procId("4242")
            .clientCertificateSslContext(ca.mutualClientContext())
            .build()) {
      t.send(notification(props, marker, FORGED));
      t.send(notification(props, marker + "-after", "next"));
    }
    assertOneLine(marker);
  }

  @Test
  void jsonBody_defaultWithoutBom_rsyslogMmjsonparseParsesIt() throws Exception {
    String marker = UUID.randomUUID().toString();
    try (SyslogTransport t = transport()) {
      t.send(
          notification(
              base(jsonParsePort).protocol(SyslogProtocol.TCP).logFormat(SyslogFormat.JSON).build(),
              marker,
              "parsed"));
    }
    JsonNode n = received(marker);
    assertEquals("OK", n.path("parsesuccess").asText(), n.toString());
    assertEquals("AccessRequestApproved", n.path("EventName").asText(), n.toString());
    assertEquals(marker, n.path("Marker").asText(), n.toString());
  }

  @Test
  void jsonBody_utf8BomTurnedOn_mmjsonparseRefusesIt() throws Exception {
    // why the default is off: the review's SIEM pipeline lost every JSON field to the BOM
    String marker = UUID.randomUUID().toString();
    try (SyslogTransport t = transport()) {
      t.send(
          notification(
              base(jsonParsePort)
                  .protocol(SyslogProtocol.TCP)
                  .logFormat(SyslogFormat.JSON)
                  .utf8Bom(true)
                  .build(),
              marker,
              "not parsed"));
    }
    JsonNode n = received(marker);
    assertEquals("FAIL", n.path("parsesuccess").asText(), n.toString());
    assertTrue(n.path("EventName").isMissingNode(), n.toString());
  }

  @Test
  void defaultHostName_isThisMachinesNameNeverLocalhost() throws Exception {
    // the review: HOSTNAME was "localhost" on a machine named "vm" whose /etc/hosts maps vm to
    // 127.0.0.1 (the canonical name of the local address)
    String marker = UUID.randomUUID().toString();
    try (SyslogTransport t = SyslogTransport.builder().build()) {
      t.send(
          notification(
              base(tcpPort).protocol(SyslogProtocol.TCP).logFormat(SyslogFormat.CEF).build(),
              marker,
              "host"));
    }
    JsonNode n = received(marker);
    String host = n.path("host").asText();
    assertEquals(LocalHostName.get(), host);
    assertFalse(LocalHostName.loopbackish(host), host);
    String env = System.getenv("HOSTNAME");
    if (env != null && !env.isBlank() && !LocalHostName.loopbackish(env)) {
      assertEquals(env, host);
    }
    assertTrue(n.path("msg").asText().contains(" dvchost=" + host), n.toString());
  }

  @Test
  void document_serverAndSubscriberIdentity_arriveAsConfigured() throws Exception {
    PamkitConfig config =
        PamkitConfig.parse(
            """
        {
          "SyslogServers": [{
            "Id": 1, "Name": "siem", "NetworkAddress": "127.0.0.1", "Port": %d,
            "Protocol": "Tcp", "HostName": "spp-7.example.com", "AppName": "spp",
            "DeviceVendor": "One Identity", "DeviceProduct": "SPP", "DeviceVersion": "7.5"
          }],
          "EventSubscribers": [
            {"Id": 1, "Type": "Syslog", "SubscribeToAllEvents": true,
             "SyslogProperties": {"SyslogServerName": "siem", "LogFormat": "CEF",
                                  "Facility": "Local3"}},
            {"Id": 2, "Type": "Syslog", "SubscribeToAllEvents": true,
             "SyslogProperties": {"SyslogServerName": "siem", "HostName": "pam-node-2",
                                  "AppName": "pam", "Utf8Bom": false}}
          ]
        }
        """
                .formatted(tcpPort));
    String marker = UUID.randomUUID().toString();
    ApplianceEvent event =
        ApplianceEvent.builder("AccessRequestApproved")
            .applianceId("SPP-1")
            .level(EventLevel.WARN)
            .property("Marker", marker)
            .build();
    try (ConfiguredTransports transports = ConfiguredTransports.builder(config).build()) {
      Transport syslog = transports.transport(Subscriber.SYSLOG).orElseThrow();
      for (Subscriber s : config.eventSubscribers()) {
        syslog.send(Notification.of(event, s));
      }
    }
    JsonNode cef = receivedWhere(marker, n -> n.path("msg").asText().startsWith("CEF:"));
    assertEquals("spp-7.example.com", cef.path("host").asText());
    assertEquals("spp", cef.path("app").asText());
    String msg = cef.path("msg").asText();
    assertTrue(msg.startsWith("CEF:0|One Identity|SPP|7.5|AccessRequestApproved|"), msg);
    assertTrue(msg.contains(" dvchost=spp-7.example.com"), msg);
    JsonNode text = receivedWhere(marker, n -> !n.path("msg").asText().startsWith("CEF:"));
    assertEquals("pam-node-2", text.path("host").asText());
    assertEquals("pam", text.path("app").asText());
    assertTrue(text.path("msg").asText().startsWith("AccessRequestApproved:"), text.toString());
  }

  /** Waits for a line of the marker that also passes a test. */
  private static JsonNode receivedWhere(String marker, Predicate<JsonNode> test) throws Exception {
    JsonNode[] found = new JsonNode[1];
    Await.until(
        "rsyslog to write the message " + marker,
        WAIT,
        () -> {
          for (String line : lines()) {
            JsonNode n;
            try {
              n = JSON.readTree(line);
            } catch (IOException e) {
              throw new AssertionError("rsyslog wrote a line that is not JSON: " + line, e);
            }
            if (line.contains(marker) && test.test(n)) {
              found[0] = n;
              return true;
            }
          }
          return false;
        });
    return found[0];
  }

  private static SyslogSubscriberProperties.Builder base(int port) {
    return SyslogSubscriberProperties.builder()
        .networkAddress("127.0.0.1")
        .port(port)
        .facility(SyslogFacility.LOCAL3)
        .timeZoneId("Europe/Paris");
  }

  static Duration timeout() {
    return Duration.ofSeconds(10);
  }
}
