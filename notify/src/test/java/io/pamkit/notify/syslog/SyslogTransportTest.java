package io.pamkit.notify.syslog;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pamkit.core.config.SyslogServer;
import io.pamkit.core.dispatch.DeliveryException;
import io.pamkit.core.dispatch.FailureType;
import io.pamkit.core.dispatch.Notification;
import io.pamkit.core.event.ApplianceEvent;
import io.pamkit.core.event.EventLevel;
import io.pamkit.core.subscription.Subscriber;
import io.pamkit.core.subscription.SyslogFormat;
import io.pamkit.core.subscription.SyslogProtocol;
import io.pamkit.core.subscription.SyslogSubscriberProperties;
import io.pamkit.core.subscription.SyslogTcpFraming;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ServiceLoader;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLPeerUnverifiedException;
import java.security.cert.X509Certificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

final class SyslogTransportTest {
  static final String DANGEROUS = "q\"b\\s]e=p|l<g>%n\nc\rt\tz\0u\u00e9\u20ac\ud83d\ude00";

  static Notification notification(SyslogSubscriberProperties props, String... properties) {
    ApplianceEvent.Builder e =
        ApplianceEvent.builder("PasswordChangeFailed")
            .applianceId("SPP-1")
            .level(EventLevel.Error)
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

  private static String decodeStrict(byte[] b) throws Exception {
    return UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(ByteBuffer.wrap(b))
        .toString();
  }

  @Test
  void send_udp_oneDatagramHoldingTheRfc5424Message() throws Exception {
    try (SyslogReceivers.Udp rx = new SyslogReceivers.Udp();
        SyslogTransport t = transport().build()) {
      t.send(notification(to(rx.port()).build(), "AssetName", "dc01"));
      String msg = decodeStrict(rx.receive());
      assertTrue(msg.startsWith("<11>1 2026-03-04T05:06:07.089Z spp.example pamkit 7 "
          + "PasswordChangeFailed [pamkit@32473 "), msg);
      assertTrue(msg.contains("[props@32473 AssetName=\"dc01\"] \ufeffPasswordChangeFailed"), msg);
      assertEquals(1, t.metrics().sent());
    }
  }

  @Test
  void send_udpTooLong_cutAtCharacterBoundaryAndCounted() throws Exception {
    try (SyslogReceivers.Udp rx = new SyslogReceivers.Udp();
        SyslogTransport t = transport().maxUdpMessageSize(480).build()) {
      t.send(notification(to(rx.port()).build(), "Text", "\u20ac".repeat(300)));
      byte[] datagram = rx.receive();
      assertTrue(datagram.length <= 480 && datagram.length >= 478, "length " + datagram.length);
      String msg = decodeStrict(datagram);
      assertTrue(msg.endsWith("\u20ac"), msg);
      assertEquals(1, t.metrics().truncated());
    }
  }

  @Test
  void send_legacyUdp_rfc3164AtMost1024Bytes() throws Exception {
    try (SyslogReceivers.Udp rx = new SyslogReceivers.Udp();
        SyslogTransport t = transport().build()) {
      SyslogSubscriberProperties p =
          to(rx.port()).protocol(SyslogProtocol.LegacyUdp).timeZoneId("Europe/Berlin").build();
      t.send(notification(p, "Text", "\u00e9".repeat(2000)));
      byte[] datagram = rx.receive();
      assertTrue(datagram.length <= 1024 && datagram.length >= 1023, "length " + datagram.length);
      String msg = decodeStrict(datagram);
      assertTrue(msg.startsWith("<11>Mar  4 06:06:07 spp.example pamkit[7]: PasswordChangeFailed"),
          msg);
      assertEquals(1, t.metrics().truncated());
    }
  }

  @ParameterizedTest
  @EnumSource(SyslogTcpFraming.class)
  void send_tcpEveryFraming_framesArriveWholeWithoutDelimitersInside(SyslogTcpFraming framing)
      throws Exception {
    try (SyslogReceivers.Stream rx = new SyslogReceivers.Stream(framing, null, false);
        SyslogTransport t = transport().build()) {
      SyslogSubscriberProperties p =
          to(rx.port()).protocol(SyslogProtocol.Tcp).tcpFraming(framing).build();
      t.send(notification(p, "K", DANGEROUS));
      t.send(notification(p, "K", "second"));
      String first = rx.next();
      String second = rx.next();
      assertTrue(first.startsWith("<11>1 "), first);
      assertTrue(second.contains("K=\"second\""), second);
      String sdValue = "q\\\"b\\\\s\\]e=p|l<g>%n";
      // The formatter writes control characters as C-style escapes in every framing, so the
      // framing has no delimiter left to escape.
      assertTrue(first.contains(
          "K=\"" + sdValue + "\\nc\\rt\\tz\\u0000u\u00e9\u20ac\ud83d\ude00\""), first);
      assertEquals(0, t.metrics().delimitersEscaped());
      assertEquals(1, rx.connections.get(), "one kept-open connection");
      assertEquals(1, t.metrics().connectionsOpened());
    }
  }

  @Test
  void send_serverClosedConnection_nextMessageWholeOnNewConnection() throws Exception {
    try (SyslogReceivers.Stream rx =
            new SyslogReceivers.Stream(SyslogTcpFraming.OctetCounting, null, false);
        SyslogTransport t = transport().build()) {
      rx.closeAfterFirstFrame = true;
      SyslogSubscriberProperties p = to(rx.port()).protocol(SyslogProtocol.Tcp).build();
      t.send(notification(p, "N", "1"));
      assertTrue(rx.next().contains("N=\"1\""));
      SyslogReceivers.await("the transport to notice the closed connection",
          () -> t.metrics().connectionsLost() == 1);
      t.send(notification(p, "N", "2"));
      String second = rx.next();
      assertTrue(second.startsWith("<11>1 ") && second.contains("N=\"2\""), second);
      assertEquals(2, rx.connections.get());
      assertEquals(2, t.metrics().connectionsOpened());
    }
  }

  @Test
  void send_connectionRefused_transientThenBackOffOnTheClock() throws Exception {
    int port = SyslogReceivers.freeLowPort();
    MutableClock clock = new MutableClock();
    try (SyslogTransport t =
        transport().clock(clock)
            .reconnectBackoff(Duration.ofSeconds(1), Duration.ofSeconds(4)).build()) {
      SyslogSubscriberProperties p = to(port).protocol(SyslogProtocol.Tcp).build();
      DeliveryException first = assertThrows(DeliveryException.class,
          () -> t.send(notification(p)));
      assertEquals(FailureType.TRANSIENT, first.failureType());
      assertEquals(1, t.metrics().connectFailures());

      DeliveryException fast = assertThrows(DeliveryException.class,
          () -> t.send(notification(p)));
      assertEquals(FailureType.TRANSIENT, fast.failureType());
      assertEquals(Duration.ofSeconds(1), fast.retryAfter().orElseThrow());
      assertEquals(1, t.metrics().connectFailures(), "no attempt during the back-off");

      clock.advance(Duration.ofSeconds(1));
      assertThrows(DeliveryException.class, () -> t.send(notification(p)));
      assertEquals(2, t.metrics().connectFailures());
      DeliveryException doubled = assertThrows(DeliveryException.class,
          () -> t.send(notification(p)));
      assertEquals(Duration.ofSeconds(2), doubled.retryAfter().orElseThrow());

      try (SyslogReceivers.Stream rx =
          new SyslogReceivers.Stream(SyslogTcpFraming.OctetCounting, null, false, port)) {
        clock.advance(Duration.ofSeconds(2));
        t.send(notification(p, "Back", "online"));
        assertTrue(rx.next().contains("Back=\"online\""));
      }
    }
  }

  @Test
  void send_tlsVerifiedServer_octetCountingOverTls() throws Exception {
    TestTls pki = new TestTls("Test CA");
    KeyStore server = pki.leaf("syslog", "localhost", "127.0.0.1");
    try (SyslogReceivers.Stream rx =
            new SyslogReceivers.Stream(SyslogTcpFraming.OctetCounting, pki.context(server), false);
        SyslogTransport t = transport().sslContext(pki.context(null)).build()) {
      SyslogSubscriberProperties p =
          SyslogSubscriberProperties.builder().networkAddress("localhost").port(rx.port())
              .protocol(SyslogProtocol.Tcp).useSslEncryption(true)
              .tcpFraming(SyslogTcpFraming.LF).build();
      t.send(notification(p, "K", DANGEROUS));
      String msg = rx.next();
      // The receiver reads octet counting only: a whole message proves pamkit did not use LF.
      assertTrue(msg.startsWith("<11>1 ") && msg.endsWith("\\nc\\rt\\tz\\u0000u\u00e9\u20ac\ud83d\ude00\""),
          "octet counting, not LF framing: " + msg);
    }
  }

  @Test
  void send_tlsHostNameMismatch_permanentTransport() throws Exception {
    TestTls pki = new TestTls("Test CA");
    KeyStore server = pki.leaf("syslog", "other.example");
    try (SyslogReceivers.Stream rx =
            new SyslogReceivers.Stream(SyslogTcpFraming.OctetCounting, pki.context(server), false);
        SyslogTransport t = transport().sslContext(pki.context(null)).build()) {
      SyslogSubscriberProperties p =
          SyslogSubscriberProperties.builder().networkAddress("localhost").port(rx.port())
              .protocol(SyslogProtocol.Tcp).useSslEncryption(true).build();
      DeliveryException e = assertThrows(DeliveryException.class, () -> t.send(notification(p)));
      assertEquals(FailureType.PERMANENT_TRANSPORT, e.failureType());
      assertTrue(rx.frames.isEmpty());
    }
  }

  @Test
  void send_tlsUntrustedServer_permanentTransportUnlessVerificationOff() throws Exception {
    TestTls pki = new TestTls("Unknown CA");
    KeyStore server = pki.leaf("syslog", "localhost");
    try (SyslogReceivers.Stream rx =
            new SyslogReceivers.Stream(SyslogTcpFraming.OctetCounting, pki.context(server), false);
        SyslogTransport t = transport().sslContext(new TestTls("Other CA").context(null)).build()) {
      SyslogSubscriberProperties.Builder p =
          SyslogSubscriberProperties.builder().networkAddress("localhost").port(rx.port())
              .protocol(SyslogProtocol.Tcp).useSslEncryption(true);
      DeliveryException e =
          assertThrows(DeliveryException.class, () -> t.send(notification(p.build())));
      assertEquals(FailureType.PERMANENT_TRANSPORT, e.failureType());

      t.send(notification(p.verifySslCertificate(false).build(), "K", "unverified"));
      assertTrue(rx.next().contains("K=\"unverified\""));
    }
  }

  @Test
  void send_tlsClientCertificate_presentedToServerThatNeedsIt() throws Exception {
    TestTls pki = new TestTls("Test CA");
    KeyStore server = pki.leaf("syslog", "localhost");
    KeyStore client = pki.leaf("pamkit-client");
    SSLContext clientContext = pki.context(client);
    try (SyslogReceivers.Stream rx =
            new SyslogReceivers.Stream(SyslogTcpFraming.OctetCounting, pki.context(server), true);
        SyslogTransport without = transport().sslContext(pki.context(null)).build();
        SyslogTransport with = transport().clientCertificateSslContext(clientContext).build()) {
      SyslogSubscriberProperties p =
          SyslogSubscriberProperties.builder().networkAddress("localhost").port(rx.port())
              .protocol(SyslogProtocol.Tcp).useSslEncryption(true).useClientCertificate(true)
              .build();
      DeliveryException e =
          assertThrows(DeliveryException.class, () -> without.send(notification(p)));
      assertEquals(FailureType.PERMANENT_TRANSPORT, e.failureType());
      assertTrue(e.getMessage().contains("clientCertificateSslContext"), e.getMessage());

      with.send(notification(p, "K", "mutual"));
      assertTrue(rx.next().contains("K=\"mutual\""));
      SSLSocket s = rx.tlsSockets.take();
      X509Certificate peer = (X509Certificate) s.getSession().getPeerCertificates()[0];
      assertEquals("CN=pamkit-client", peer.getSubjectX500Principal().getName());
    } catch (SSLPeerUnverifiedException e) {
      throw new AssertionError("the client certificate was not presented", e);
    }
  }

  @Test
  void send_subscriberPointsAtServer_serverSettingsWin() throws Exception {
    try (SyslogReceivers.Stream tcp =
            new SyslogReceivers.Stream(SyslogTcpFraming.LF, null, false);
        SyslogReceivers.Udp udp = new SyslogReceivers.Udp()) {
      SyslogServerRegistry registry =
          SyslogServerRegistry.of(
              SyslogServer.builder("SIEM", "127.0.0.1").id(1)
                  .port(tcp.port()).protocol(SyslogProtocol.Tcp)
                  .tcpFraming(SyslogTcpFraming.LF).build(),
              SyslogServer.builder("Archive", "localhost").id(2)
                  .port(udp.port()).build());
      try (SyslogTransport t = transport().serverRegistry(registry).build()) {
        t.send(notification(SyslogSubscriberProperties.builder().syslogServerId(1).build(),
            "Via", "id"));
        assertTrue(tcp.next().contains("Via=\"id\""));
        t.send(notification(SyslogSubscriberProperties.builder().syslogServerName("archive")
            .logFormat(SyslogFormat.JSON).build(), "Via", "name"));
        assertTrue(new String(udp.receive(), UTF_8).contains("\"Via\":\"name\""));
        t.send(notification(SyslogSubscriberProperties.builder().networkAddress("127.0.0.1")
            .port(9).build(), "Via", "address"));
        assertTrue(tcp.next().contains("Via=\"address\""), "looked up by NetworkAddress");

        DeliveryException unknown = assertThrows(DeliveryException.class,
            () -> t.send(notification(
                SyslogSubscriberProperties.builder().syslogServerId(99).build())));
        assertEquals(FailureType.PERMANENT_MESSAGE, unknown.failureType());
        assertTrue(unknown.getMessage().contains("SyslogServerId 99"), unknown.getMessage());
      }
    }
  }

  @Test
  void send_subscriberWithoutSyslogProperties_permanentMessage() {
    try (SyslogTransport t = transport().build()) {
      Notification n = Notification.of(ApplianceEvent.builder("Test").build(),
          Subscriber.builder(Subscriber.SYSLOG).id(4).build());
      DeliveryException e = assertThrows(DeliveryException.class, () -> t.send(n));
      assertEquals(FailureType.PERMANENT_MESSAGE, e.failureType());
    }
  }

  @Test
  void builder_badHostName_rejectedWithRule() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SyslogTransport.builder().hostName("bad host"));
    assertTrue(e.getMessage().contains("PRINTUSASCII"), e.getMessage());
  }

  @Test
  void serviceLoader_findsProviderWithChannelId() {
    boolean found = false;
    for (var p : ServiceLoader.load(io.pamkit.notify.spi.TransportProvider.class)) {
      if (p instanceof SyslogTransportProvider) {
        assertEquals("Syslog", p.id());
        found = true;
      }
    }
    assertTrue(found);
    assertFalse(new SyslogTransportProvider().create().channel().isEmpty());
  }

  /** A clock moved by hand. */
  static final class MutableClock extends Clock {
    private volatile Instant now = Instant.parse("2026-01-01T00:00:00Z");

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
