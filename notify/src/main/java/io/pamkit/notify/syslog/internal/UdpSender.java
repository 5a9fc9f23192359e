// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.notify.syslog.internal;

import io.pamkit.core.dispatch.DeliveryException;
import io.pamkit.core.dispatch.FailureType;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketException;
import org.jspecify.annotations.Nullable;

/** One datagram per message (RFC 5426, RFC 3164), from one unconnected socket. */
public final class UdpSender implements Sender {
  private final String transportId;
  private final String host;
  private final int port;
  private final Counters counters;
  private final DatagramSocket socket;
  private final DatagramPacket packet = new DatagramPacket(new byte[0], 0);
  private @Nullable InetSocketAddress address;

  /**
   * Opens a socket on an ephemeral port.
   *
   * @param transportId the transport id for failures
   * @param host the receiver's host
   * @param port the receiver's port
   * @param counters the metrics
   * @throws DeliveryException if no socket can be opened
   */
  public UdpSender(String transportId, String host, int port, Counters counters) {
    this.transportId = transportId;
    this.host = host;
    this.port = port;
    this.counters = counters;
    try {
      this.socket = new DatagramSocket();
    } catch (SocketException e) {
      throw new DeliveryException(
          transportId, FailureType.TRANSIENT, "cannot open a UDP socket: " + e.getMessage(), e);
    }
  }

  @Override
  public synchronized void send(ByteBuf message, int length) {
    InetSocketAddress target = address;
    if (target == null) {
      target = new InetSocketAddress(host, port);
      if (target.isUnresolved()) {
        throw new DeliveryException(
            transportId, FailureType.TRANSIENT, "cannot resolve syslog host " + host, null);
      }
      address = target;
    }
    packet.setData(message.array(), 0, length);
    packet.setSocketAddress(target);
    try {
      socket.send(packet);
      counters.sent.increment();
    } catch (IOException e) {
      address = null;
      throw new DeliveryException(
          transportId,
          FailureType.TRANSIENT,
          "UDP send to " + host + ":" + port + " failed: " + e.getMessage(),
          e);
    }
  }

  @Override
  public void close() {
    socket.close();
  }
}
