// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.notify.syslog;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pamkit.core.ValidationException;
import io.pamkit.core.dispatch.DeliveryAssurance;
import io.pamkit.core.dispatch.DeliveryException;
import io.pamkit.core.dispatch.DeliveryReceipt;
import io.pamkit.core.dispatch.FailureType;
import io.pamkit.core.dispatch.Notification;
import io.pamkit.core.event.ApplianceEvent;
import io.pamkit.core.event.EventLevel;
import io.pamkit.core.subscription.Subscriber;
import io.pamkit.core.subscription.SyslogFormat;
import io.pamkit.core.subscription.SyslogProtocol;
import io.pamkit.core.subscription.SyslogSubscriberProperties;
import io.pamkit.core.subscription.SyslogTcpFraming;
import io.pamkit.testing.Await;
import io.pamkit.testing.FakeClock;
import io.pamkit.testing.FreePorts;
import io.pamkit.testing.SyslogReceiver;
import io.pamkit.testing.SyslogReceiver.Framing;
import io.pamkit.testing.TestCertificates;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

final class SyslogTransportTest {
  private static final Duration WAIT = Duration.ofSeconds(10);
  static final String DANGEROUS = "q\"b\\s]e=p|l<g>%n\nc\rt\tz\0u\u00e9\u20ac\ud83d\ude00";

  static Notification notification(SyslogSubscriberProperties props, String... properties) {
    ApplianceEvent.Builder e =
        ApplianceEvent.builder("PasswordChangeFailed")
            .applianceId("SPP-1")
            .level(EventLevel.ERROR)
            .time(Instant.parse("2026-03-04T05:06:07.089Z"));
    for (int i = 0; i < properties.length; i += 2) {
      e.property(properties[i], properties[i + 1]);
    }
    Subscriber s = Subscriber.builder(Subscriber.SYSLOG).id(3).syslogProperties(props).build();
    return Notification.of(e.build(), s);
  }

  static SyslogTransport.Builder transport() {
    return SyslogTransport.builder().hostName("spp.example").appName("pamkit").procId("7");
  }

  private static SyslogSubscriberProperties.Builder to(int port) {
    return SyslogSubscriberProperties.builder().networkAddress("127.0.0.1").port(port);
  }

  /** A TLS receiver (octet counting) whose certificate names {@code names}. */
  private static SyslogReceiver.Builder tlsReceiver(TestCertificates pki, String... names) {
    return SyslogReceiver.builder()
        .tcp(Framing.OCTET_COUNTING)
        .tls(pki.serverContext(pki.issue("CN=syslog", names)));
  }

  /** A subscriber of the receiver over TLS, by the name {@code localhost}. */
  private static SyslogSubscriberProperties.Builder tls(SyslogReceiver rx) {
    return SyslogSubscriberProperties.builder()
        .networkAddress("localhost")
        .port(rx.port())
        .protocol(SyslogProtocol.TCP)
        .useSslEncryption(true);
  }

  private static String decodeStrict(byte[] b) throws Exception {
    return UTF_8
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(ByteBuffer.wrap(b))
        .toString();
  }

  @Test
  void send_udp_oneDatagramHoldingTheRfc5424Message() throws Exception {
    try (SyslogReceiver rx = SyslogReceiver.builder().udp().start();
        SyslogTransport t = transport().build()) {
      DeliveryReceipt receipt = t.send(notification(to(rx.port()).build(), "AssetName", "dc01"));
      assertEquals(DeliveryAssurance.SENT_UNVERIFIED, receipt.assurance()); // UDP: no answer
      assertEquals(Duration.ZERO, receipt.settleAfter(), "UDP keeps nothing to re-send");
      String msg = decodeStrict(rx.nextBytes(WAIT));
      assertTrue(
          msg.startsWith(
              "<11>1 2026-03-04T05:06:07.089Z spp.example pamkit 7 "
                  + "PasswordChangeFailed [pamkit@32473 "),
          msg);
      assertTrue(msg.contains("[props@32473 AssetName=\"dc01\"] \ufeffPasswordChangeFailed"), msg);
      assertEquals(1, t.metrics().sent());
    }
  }

  @Test
  void send_udpTooLong_cutAtCharacterBoundaryAndCounted() throws Exception {
    try (SyslogReceiver rx = SyslogReceiver.builder().udp().start();
        SyslogTransport t = transport().maxUdpMessageSize(480).build()) {
      t.send(notification(to(rx.port()).build(), "Text", "\u20ac".repeat(300)));
      byte[] datagram = rx.nextBytes(WAIT);
      assertTrue(datagram.length <= 480 && datagram.length >= 478, "length " + datagram.length);
      String msg = decodeStrict(datagram);
      assertTrue(msg.endsWith("\u20ac"), msg);
      assertEquals(1, t.metrics().truncated());
    }
  }

  @Test
  void send_legacyUdp_rfc3164AtMost1024Bytes() throws Exception {
    try (SyslogReceiver rx = SyslogReceiver.builder().udp().start();
        SyslogTransport t = transport().build()) {
      SyslogSubscriberProperties p =
          to(rx.port()).protocol(SyslogProtocol.LEGACY_UDP).timeZoneId("Europe/Berlin").build();
      t.send(notification(p, "Text", "\u00e9".repeat(2000)));
      byte[] datagram = rx.nextBytes(WAIT);
      assertTrue(datagram.length <= 1024 && datagram.length >= 1023, "length " + datagram.length);
      String msg = decodeStrict(datagram);
      assertTrue(
          msg.startsWith("<11>Mar  4 06:06:07 spp.example pamkit[7]: PasswordChangeFailed"), msg);
      assertEquals(1, t.metrics().truncated());
    }
  }

  @ParameterizedTest
  @EnumSource(SyslogTcpFraming.class)
  void send_tcpEveryFraming_framesArriveWholeWithoutDelimitersInside(SyslogTcpFraming framing)
      throws Exception {
    try (SyslogReceiver rx = SyslogReceiver.builder().tcp(framing(framing)).start();
        SyslogTransport t = transport().build()) {
      SyslogSubscriberProperties p =
          to(rx.port()).protocol(SyslogProtocol.TCP).tcpFraming(framing).build();
      t.send(notification(p, "K", DANGEROUS));
      t.send(notification(p, "K", "second"));
      String first = rx.next();
      String second = rx.next();
      assertTrue(first.startsWith("<11>1 "), first);
      assertTrue(second.contains("K=\"second\""), second);
      String sdValue = "q\\\"b\\\\s\\]e=p|l<g>%n";
      // The formatter writes control characters as C-style escapes in every framing, so the
      // framing has no delimiter left to escape.
      assertTrue(
          first.contains("K=\"" + sdValue + "\\nc\\rt\\tz\\u0000u\u00e9\u20ac\ud83d\ude00\""),
          first);
      assertEquals(0, t.metrics().delimitersEscaped());
      assertEquals(1, rx.connections(), "one kept-open connection");
      assertEquals(1, t.metrics().connectionsOpened());
    }
  }

  @Test
  void send_serverClosedConnection_windowWrittenWholeFirstOnNewConnection() throws Exception {
    try (SyslogReceiver rx =
            SyslogReceiver.builder()
                .tcp(Framing.OCTET_COUNTING)
                .closeAfterFirstFrame(true)
                .start();
        SyslogTransport t = transport().build()) {
      SyslogSubscriberProperties p = to(rx.port()).protocol(SyslogProtocol.TCP).build();
      DeliveryReceipt receipt = t.send(notification(p, "N", "1"));
      assertEquals(
          Duration.ofSeconds(60),
          receipt.settleAfter(),
          "held in the outbox while the resend window may still need it");
      assertTrue(rx.next().contains("N=\"1\""));
      Await.until(
          "the transport to notice the closed connection",
          WAIT,
          () -> t.metrics().connectionsLost() == 1);
      t.send(notification(p, "N", "2"));
      // the peer may have lost what it had not read: the resend window comes first, whole, on
      // the new connection (here a duplicate, droppable by its IdempotencyKey), then "2"; this
      // receiver takes one frame per connection
      String again = rx.next();
      assertTrue(again.startsWith("<11>1 ") && again.contains("N=\"1\""), again);
      assertEquals(2, rx.connections());
      assertEquals(2, t.metrics().connectionsOpened());
      assertEquals(1, t.metrics().resent());
    }
  }

  @Test
  void send_connectionRefused_transientThenBackOffOnTheClock() throws Exception {
    int port = FreePorts.lowPort();
    FakeClock clock = new FakeClock();
    try (SyslogTransport t =
        transport()
            .clock(clock)
            .reconnectBackoff(Duration.ofSeconds(1), Duration.ofSeconds(4))
            .build()) {
      SyslogSubscriberProperties p = to(port).protocol(SyslogProtocol.TCP).build();
      DeliveryException first =
          assertThrows(DeliveryException.class, () -> t.send(notification(p)));
      assertEquals(FailureType.TRANSIENT, first.failureType());
      assertEquals(1, t.metrics().connectFailures());

      DeliveryException fast = assertThrows(DeliveryException.class, () -> t.send(notification(p)));
      assertEquals(FailureType.TRANSIENT, fast.failureType());
      assertEquals(Duration.ofSeconds(1), fast.retryAfter().orElseThrow());
      assertEquals(1, t.metrics().connectFailures(), "no attempt during the back-off");

      clock.advance(Duration.ofSeconds(1));
      assertThrows(DeliveryException.class, () -> t.send(notification(p)));
      assertEquals(2, t.metrics().connectFailures());
      DeliveryException doubled =
          assertThrows(DeliveryException.class, () -> t.send(notification(p)));
      assertEquals(Duration.ofSeconds(2), doubled.retryAfter().orElseThrow());

      try (SyslogReceiver rx =
          SyslogReceiver.builder().tcp(Framing.OCTET_COUNTING).port(port).start()) {
        clock.advance(Duration.ofSeconds(2));
        t.send(notification(p, "Back", "online"));
        assertTrue(rx.next().contains("Back=\"online\""));
      }
    }
  }

  @Test
  void send_tlsVerifiedServer_octetCountingOverTls() throws Exception {
    TestCertificates pki = TestCertificates.create();
    try (SyslogReceiver rx = tlsReceiver(pki, "localhost", "127.0.0.1").start();
        SyslogTransport t = transport().sslContext(pki.clientContext()).build()) {
      SyslogSubscriberProperties p = tls(rx).tcpFraming(SyslogTcpFraming.LF).build();
      t.send(notification(p, "K", DANGEROUS));
      String msg = rx.next();
      // The receiver reads octet counting only: a whole message proves pamkit did not use LF.
      assertTrue(
          msg.startsWith("<11>1 ")
              && msg.endsWith("\\nc\\rt\\tz\\u0000u\u00e9\u20ac\ud83d\ude00\""),
          "octet counting, not LF framing: " + msg);
    }
  }

  @Test
  void send_tlsHostNameMismatch_permanentTransport() throws Exception {
    TestCertificates pki = TestCertificates.create();
    try (SyslogReceiver rx = tlsReceiver(pki, "other.example").start();
        SyslogTransport t = transport().sslContext(pki.clientContext()).build()) {
      SyslogSubscriberProperties p = tls(rx).build();
      DeliveryException e = assertThrows(DeliveryException.class, () -> t.send(notification(p)));
      assertEquals(FailureType.PERMANENT_TRANSPORT, e.failureType());
      assertTrue(rx.isEmpty());
    }
  }

  @Test
  void send_tlsUntrustedServer_permanentTransportUnlessVerificationOff() throws Exception {
    TestCertificates pki = TestCertificates.create("CN=Unknown CA");
    try (SyslogReceiver rx = tlsReceiver(pki, "localhost").start();
        SyslogTransport t =
            transport()
                .sslContext(TestCertificates.create("CN=Other CA").clientContext())
                .build()) {
      SyslogSubscriberProperties.Builder p = tls(rx);
      DeliveryException e =
          assertThrows(DeliveryException.class, () -> t.send(notification(p.build())));
      assertEquals(FailureType.PERMANENT_TRANSPORT, e.failureType());

      t.send(notification(p.verifySslCertificate(false).build(), "K", "unverified"));
      assertTrue(rx.next().contains("K=\"unverified\""));
    }
  }

  @Test
  void send_pastedServerWithVerifyFalse_stillVerifiedUntilTrustAllIsExplicit() throws Exception {
    TestCertificates pki = TestCertificates.create("CN=Unknown CA");
    try (SyslogReceiver rx =
        SyslogReceiver.builder()
            .tcp(Framing.OCTET_COUNTING)
            .tls(pki.serverContext(pki.issue("CN=syslog", "localhost")))
            .start()) {
      SyslogServer pasted =
          SyslogServer.builder("lab", "localhost")
              .id(1)
              .port(rx.port())
              .protocol(SyslogProtocol.TCP)
              .useSslEncryption(true)
              .verifySslCertificate(false)
              .build();
      assertFalse(pasted.trustsAllCertificates());
      SyslogSubscriberProperties p = SyslogSubscriberProperties.builder().syslogServerId(1).build();
      try (SyslogTransport t =
          transport()
              .serverRegistry(SyslogServerRegistry.of(pasted))
              .sslContext(TestCertificates.create("CN=Other CA").clientContext())
              .build()) {
        DeliveryException e = assertThrows(DeliveryException.class, () -> t.send(notification(p)));
        assertEquals(FailureType.PERMANENT_TRANSPORT, e.failureType());
      }
      SyslogServer explicit = pasted.toBuilder().trustAllCertificatesInsecurely(true).build();
      assertTrue(explicit.trustsAllCertificates());
      try (SyslogTransport t =
          transport().serverRegistry(SyslogServerRegistry.of(explicit)).build()) {
        t.send(notification(p, "K", "trust-all"));
        assertTrue(rx.next().contains("K=\"trust-all\""));
      }
    }
  }

  @Test
  void build_trustAllWithVerifyTrue_refusedNamingTheField() {
    ValidationException e =
        assertThrows(
            ValidationException.class,
            () ->
                SyslogServer.builder("lab", "localhost")
                    .trustAllCertificatesInsecurely(true)
                    .build());
    assertEquals("TrustAllCertificatesInsecurely", e.violations().get(0).path());
  }

  @Test
  void send_tlsClientCertificate_presentedToServerThatNeedsIt() throws Exception {
    TestCertificates pki = TestCertificates.create();
    SSLContext clientContext = pki.mutualClientContext();
    try (SyslogReceiver rx = tlsReceiver(pki, "localhost").needClientAuth(true).start();
        SyslogTransport without = transport().sslContext(pki.clientContext()).build();
        SyslogTransport with = transport().clientCertificateSslContext(clientContext).build()) {
      SyslogSubscriberProperties p = tls(rx).useClientCertificate(true).build();
      DeliveryException e =
          assertThrows(DeliveryException.class, () -> without.send(notification(p)));
      assertEquals(FailureType.PERMANENT_TRANSPORT, e.failureType());
      assertTrue(e.getMessage().contains("clientCertificateSslContext"), e.getMessage());

      with.send(notification(p, "K", "mutual"));
      assertTrue(rx.next().contains("K=\"mutual\""));
      X509Certificate peer = rx.clientCertificates().get(0);
      assertEquals("CN=pamkit-client", peer.getSubjectX500Principal().getName());
    }
  }

  @Test
  void send_subscriberPointsAtServer_serverSettingsWin() throws Exception {
    try (SyslogReceiver tcp = SyslogReceiver.builder().tcp(Framing.LF).start();
        SyslogReceiver udp = SyslogReceiver.builder().udp().start()) {
      SyslogServerRegistry registry =
          SyslogServerRegistry.of(
              SyslogServer.builder("SIEM", "127.0.0.1")
                  .id(1)
                  .port(tcp.tcpPort())
                  .protocol(SyslogProtocol.TCP)
                  .tcpFraming(SyslogTcpFraming.LF)
                  .build(),
              SyslogServer.builder("Archive", "localhost").id(2).port(udp.udpPort()).build());
      try (SyslogTransport t = transport().serverRegistry(registry).build()) {
        t.send(
            notification(
                SyslogSubscriberProperties.builder().syslogServerId(1).build(), "Via", "id"));
        assertTrue(tcp.next().contains("Via=\"id\""));
        t.send(
            notification(
                SyslogSubscriberProperties.builder()
                    .syslogServerName("archive")
                    .logFormat(SyslogFormat.JSON)
                    .build(),
                "Via",
                "name"));
        assertTrue(new String(udp.nextBytes(WAIT), UTF_8).contains("\"Via\":\"name\""));
        t.send(
            notification(
                SyslogSubscriberProperties.builder().networkAddress("127.0.0.1").port(9).build(),
                "Via",
                "address"));
        assertTrue(tcp.next().contains("Via=\"address\""), "looked up by NetworkAddress");

        DeliveryException unknown =
            assertThrows(
                DeliveryException.class,
                () ->
                    t.send(
                        notification(
                            SyslogSubscriberProperties.builder().syslogServerId(99).build())));
        assertEquals(FailureType.PERMANENT_MESSAGE, unknown.failureType());
        assertTrue(unknown.getMessage().contains("SyslogServerId 99"), unknown.getMessage());
      }
    }
  }

  @Test
  void send_subscriberWithoutSyslogProperties_permanentMessage() {
    try (SyslogTransport t = transport().build()) {
      Notification n =
          Notification.of(
              ApplianceEvent.builder("Test").build(),
              Subscriber.builder(Subscriber.SYSLOG).id(4).build());
      DeliveryException e = assertThrows(DeliveryException.class, () -> t.send(n));
      assertEquals(FailureType.PERMANENT_MESSAGE, e.failureType());
    }
  }

  @Test
  void builder_badHostName_rejectedWithRule() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> SyslogTransport.builder().hostName("bad host"));
    assertTrue(e.getMessage().contains("PRINTUSASCII"), e.getMessage());
  }

  @Test
  void provider_syslogServersSection_registryAndTransport() {
    var section =
        io.pamkit.notify.Sections.of(
            "$",
            "{'SyslogServers':[{'Id':3,'Name':'siem',"
                + "'NetworkAddress':'192.0.2.7','Port':6514,'Protocol':'Tcp','UseSslEncryption':true}]}");
    SyslogServerRegistry r = new SyslogTransportProvider().settings(section);
    assertEquals(6514, r.findById(3).orElseThrow().port());
    var bad = io.pamkit.notify.Sections.of("$", "{'SyslogServers':[{'Name':'siem','Port':0}]}");
    assertEquals(null, new SyslogTransportProvider().settings(bad));
    assertEquals(
        java.util.List.of("$.SyslogServers[0].NetworkAddress", "$.SyslogServers[0].Port"),
        bad.problems().stream().map(v -> v.path()).toList());
    try (var t =
        new SyslogTransportProvider()
            .create(section, io.pamkit.core.dispatch.spi.TransportContext.defaults())) {
      assertEquals("Syslog", t.channel());
    }
  }

  @Test
  void send_afterClose_permanentTransportDeliveryException() {
    SyslogTransport t = SyslogTransport.builder().build();
    t.close();
    io.pamkit.core.dispatch.DeliveryException e =
        assertThrows(
            io.pamkit.core.dispatch.DeliveryException.class,
            () ->
                t.send(
                    io.pamkit.notify.TestNotifications.notification("ev-closed", "a@example.com")));
    assertEquals(io.pamkit.core.dispatch.FailureType.PERMANENT_TRANSPORT, e.failureType());
    assertEquals("transport is closed", e.getMessage());
  }

  /** The receiver's framing for the subscriber's. */
  private static Framing framing(SyslogTcpFraming framing) {
    return switch (framing) {
      case OCTET_COUNTING -> Framing.OCTET_COUNTING;
      case LF -> Framing.LF;
      case CR -> Framing.CR;
      case CRLF -> Framing.CRLF;
      case NUL -> Framing.NUL;
    };
  }
}
