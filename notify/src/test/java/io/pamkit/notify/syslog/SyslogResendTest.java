// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.notify.syslog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pamkit.core.subscription.SyslogProtocol;
import io.pamkit.core.subscription.SyslogSubscriberProperties;
import io.pamkit.testing.FreePorts;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A message whose write breaks halfway is written again, whole, on a new connection. */
final class SyslogResendTest {

  /** A loopback server socket with a small receive buffer, so that a big frame blocks the write. */
  private static ServerSocket smallBufferServer() throws IOException {
    ServerSocket server = new ServerSocket();
    server.setReceiveBufferSize(8192);
    server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), FreePorts.lowPort()));
    return server;
  }

  private static SyslogSubscriberProperties tcpTo(ServerSocket server) {
    return SyslogSubscriberProperties.builder()
        .networkAddress("127.0.0.1")
        .port(server.getLocalPort())
        .protocol(SyslogProtocol.TCP)
        .build();
  }

  @Test
  void send_connectionResetDuringWrite_wholeMessageResentOnNewConnection() throws Exception {
    int size = 6 * 1024 * 1024;
    try (ServerSocket server = smallBufferServer()) {
      SyslogSubscriberProperties p = tcpTo(server);
      try (SyslogTransport t =
          SyslogTransportTest.transport().maxStreamMessageSize(16 * 1024 * 1024).build()) {
        CompletableFuture<?> sending =
            CompletableFuture.runAsync(
                () -> t.send(SyslogTransportTest.notification(p, "Big", "x".repeat(size))));
        try (Socket first = server.accept()) {
          // the 6 MB frame cannot fit in the socket buffers: the sender is blocked in write
          InputStream in = first.getInputStream();
          byte[] some = in.readNBytes(1000);
          assertEquals(1000, some.length);
          Thread.sleep(500);
          first.setSoLinger(true, 0); // reset the connection under the blocked write
        }
        try (Socket second = server.accept()) {
          DataInputStream in = new DataInputStream(second.getInputStream());
          StringBuilder len = new StringBuilder();
          for (int c = in.read(); c != ' '; c = in.read()) {
            len.append((char) c);
          }
          byte[] frame = new byte[Integer.parseInt(len.toString())];
          in.readFully(frame);
          String msg = new String(frame, java.nio.charset.StandardCharsets.UTF_8);
          assertTrue(msg.startsWith("<11>1 ") && msg.endsWith("x\""), "whole message");
          assertTrue(frame.length > size);
        }
        sending.get(30, TimeUnit.SECONDS);
        assertEquals(1, t.metrics().resent());
        assertEquals(2, t.metrics().connectionsOpened());
      }
    }
  }

  @Test
  void send_serverStopsReading_writeTimesOutAsTransient() throws Exception {
    try (ServerSocket server = smallBufferServer()) {
      SyslogSubscriberProperties p = tcpTo(server);
      try (SyslogTransport t =
          SyslogTransportTest.transport()
              .maxStreamMessageSize(16 * 1024 * 1024)
              .writeTimeout(java.time.Duration.ofMillis(300))
              .build()) {
        // nobody reads: both attempts fill the socket buffers and are aborted by the watchdog
        io.pamkit.core.dispatch.DeliveryException e =
            org.junit.jupiter.api.Assertions.assertThrows(
                io.pamkit.core.dispatch.DeliveryException.class,
                () -> t.send(SyslogTransportTest.notification(p, "Big", "x".repeat(6 << 20))));
        assertEquals(io.pamkit.core.dispatch.FailureType.TRANSIENT, e.failureType());
        assertTrue(e.getMessage().contains("write timed out"), e.getMessage());
        assertEquals(2, t.metrics().connectionsOpened());
        assertEquals(0, t.metrics().sent());
      }
    }
  }
}
