// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.notify.smtp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketException;
import java.util.List;
import java.util.Map;

/** A minimal DNS server over UDP on loopback answering MX queries from a fixed table. */
final class TestDnsServer implements AutoCloseable {
  private final DatagramSocket socket;
  private final Map<String, List<String>> mx;
  private final Thread thread;

  /**
   * @param mx domain (lower case) to records such as {@code "10 localhost."}
   */
  TestDnsServer(Map<String, List<String>> mx) throws SocketException {
    this.mx = mx;
    this.socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
    this.thread = new Thread(this::serve, "test-dns");
    thread.setDaemon(true);
    thread.start();
  }

  String hostPort() {
    return "127.0.0.1:" + socket.getLocalPort();
  }

  private void serve() {
    byte[] buf = new byte[512];
    while (!socket.isClosed()) {
      try {
        DatagramPacket p = new DatagramPacket(buf, buf.length);
        socket.receive(p);
        byte[] reply = answer(buf, p.getLength());
        socket.send(new DatagramPacket(reply, reply.length, p.getSocketAddress()));
      } catch (IOException e) {
        return;
      }
    }
  }

  private byte[] answer(byte[] q, int len) {
    int pos = 12;
    StringBuilder name = new StringBuilder();
    while (q[pos] != 0) {
      int l = q[pos] & 0xff;
      if (name.length() > 0) {
        name.append('.');
      }
      name.append(new String(q, pos + 1, l, java.nio.charset.StandardCharsets.US_ASCII));
      pos += l + 1;
    }
    int questionEnd = pos + 5;
    int qtype = ((q[pos + 1] & 0xff) << 8) | (q[pos + 2] & 0xff);
    List<String> records =
        qtype == 15 ? mx.getOrDefault(name.toString().toLowerCase(), List.of()) : List.of();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(q[0]);
    out.write(q[1]);
    out.write(0x81);
    out.write(records.isEmpty() && !mx.containsKey(name.toString().toLowerCase()) ? 0x83 : 0x80);
    writeShort(out, 1);
    writeShort(out, records.size());
    writeShort(out, 0);
    writeShort(out, 0);
    out.write(q, 12, questionEnd - 12);
    for (String r : records) {
      String[] f = r.split(" ");
      byte[] exchange = encodeName(f[1]);
      out.write(0xc0);
      out.write(12);
      writeShort(out, 15);
      writeShort(out, 1);
      writeShort(out, 0);
      writeShort(out, 60);
      writeShort(out, 2 + exchange.length);
      writeShort(out, Integer.parseInt(f[0]));
      out.write(exchange, 0, exchange.length);
    }
    return out.toByteArray();
  }

  private static byte[] encodeName(String name) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (String label : name.split("\\.")) {
      if (!label.isEmpty()) {
        out.write(label.length());
        out.write(label.getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, label.length());
      }
    }
    out.write(0);
    return out.toByteArray();
  }

  private static void writeShort(ByteArrayOutputStream out, int v) {
    out.write((v >> 8) & 0xff);
    out.write(v & 0xff);
  }

  @Override
  public void close() {
    socket.close();
  }
}
