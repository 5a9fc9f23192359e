// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.testing;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

final class SyslogReceiverTest {
  private static final InetAddress LO = InetAddress.getLoopbackAddress();

  @Test
  void start_udpAndTcpOnOnePortBelowTheSchemaLimit_bothReceived() throws Exception {
    try (SyslogReceiver rx = SyslogReceiver.start()) {
      assertEquals(rx.udpPort(), rx.tcpPort());
      assertTrue(rx.udpPort() <= 32767, "the appliance's syslog Port is 1..32767");
      try (DatagramSocket d = new DatagramSocket()) {
        byte[] b = "<14>1 - udp".getBytes(UTF_8);
        d.send(new DatagramPacket(b, b.length, LO, rx.udpPort()));
      }
      assertEquals("<14>1 - udp", rx.next());
      tcp(rx.tcpPort(), "11 <14>1 - oc1" + "<14>1 - lf\n");
      assertEquals(
          List.of("<14>1 - udp", "<14>1 - oc1", "<14>1 - lf"),
          rx.awaitMessages(3, Duration.ofSeconds(10)));
      assertEquals(1, rx.connections());
    }
  }

  static Stream<Arguments> framings() {
    return Stream.of(
        Arguments.of(SyslogReceiver.Framing.OCTET_COUNTING, "3 a\nb3 c\rd", "a\nb", "c\rd"),
        Arguments.of(SyslogReceiver.Framing.LF, "a\rb\nc\rd\n", "a\rb", "c\rd"),
        Arguments.of(SyslogReceiver.Framing.CR, "a\nb\rc\nd\r", "a\nb", "c\nd"),
        Arguments.of(SyslogReceiver.Framing.CRLF, "a\nb\r\nc\rd\r\n", "a\nb", "c\rd"),
        Arguments.of(SyslogReceiver.Framing.NUL, "a\nb\0c\0", "a\nb", "c"),
        Arguments.of(SyslogReceiver.Framing.AUTO, "3 a\nbc\rd\n", "a\nb", "c\rd"));
  }

  @ParameterizedTest
  @MethodSource("framings")
  void tcp_eachFraming_splitsWholeFrames(
      SyslogReceiver.Framing framing, String wire, String first, String second) throws Exception {
    try (SyslogReceiver rx = SyslogReceiver.builder().tcp(framing).start()) {
      tcp(rx.tcpPort(), wire);
      assertEquals(first, rx.next());
      assertEquals(second, rx.next());
    }
  }

  @Test
  void closeAfterFirstFrame_secondMessageNeedsANewConnection() throws Exception {
    try (SyslogReceiver rx = SyslogReceiver.builder().tcp().closeAfterFirstFrame(true).start()) {
      tcp(rx.tcpPort(), "1 a1 b");
      assertEquals("a", rx.next());
      assertNull(rx.poll(Duration.ofMillis(200)));
      tcp(rx.tcpPort(), "1 c");
      assertEquals("c", rx.next());
      assertEquals(2, rx.connections());
    }
  }

  @Test
  void builder_nothingChosen_refused() {
    assertThrows(IllegalStateException.class, () -> SyslogReceiver.builder().start());
    assertThrows(IllegalArgumentException.class, () -> SyslogReceiver.builder().port(0));
  }

  @Test
  void udpPort_tcpOnlyReceiver_refused() throws Exception {
    try (SyslogReceiver rx = SyslogReceiver.builder().tcp().start()) {
      assertThrows(IllegalStateException.class, rx::udpPort);
      assertEquals(rx.tcpPort(), rx.port());
    }
  }

  private static void tcp(int port, String wire) throws Exception {
    try (Socket s = new Socket(LO, port);
        OutputStream out = s.getOutputStream()) {
      out.write(wire.getBytes(UTF_8));
      out.flush();
    }
  }
}
