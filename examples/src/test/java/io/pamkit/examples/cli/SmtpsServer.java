// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.examples.cli;

import io.pamkit.core.cert.KeyMaterial;
import io.pamkit.testing.TestCertificates;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLServerSocket;

/**
 * A small SMTPS server (implicit TLS) presenting a given certificate, for the {@code --ca-cert} and
 * {@code TrustAnchors} tests: enough of RFC 5321 for one message per connection.
 */
final class SmtpsServer implements AutoCloseable {
  private final ServerSocket socket;
  private final List<String> messages = new CopyOnWriteArrayList<>();
  private final Thread thread;

  private SmtpsServer(ServerSocket socket) {
    this.socket = socket;
    this.thread = new Thread(this::serve, "smtps-test-server");
    thread.setDaemon(true);
    thread.start();
  }

  static SmtpsServer start(KeyMaterial key) throws IOException {
    SSLServerSocket s =
        (SSLServerSocket)
            TestCertificates.presenting(key)
                .getServerSocketFactory()
                .createServerSocket(0, 10, InetAddress.getLoopbackAddress());
    return new SmtpsServer(s);
  }

  int port() {
    return socket.getLocalPort();
  }

  /**
   * @return the DATA of every message accepted
   */
  List<String> messages() {
    return messages;
  }

  private void serve() {
    while (!socket.isClosed()) {
      try (Socket c = socket.accept()) {
        session(c);
      } catch (IOException e) {
        // a client that refused our certificate, or the server closing
      }
    }
  }

  private void session(Socket c) throws IOException {
    BufferedReader in =
        new BufferedReader(new InputStreamReader(c.getInputStream(), StandardCharsets.US_ASCII));
    Writer out = new java.io.OutputStreamWriter(c.getOutputStream(), StandardCharsets.US_ASCII);
    reply(out, "220 localhost ESMTP test");
    String line;
    while ((line = in.readLine()) != null) {
      String verb = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line;
      switch (verb) {
        case "EHLO" -> reply(out, "250-localhost\r\n250 8BITMIME");
        case "HELO", "MAIL", "RCPT", "RSET", "NOOP" -> reply(out, "250 OK");
        case "DATA" -> {
          reply(out, "354 go ahead");
          StringBuilder data = new StringBuilder();
          String d;
          while ((d = in.readLine()) != null && !d.equals(".")) {
            data.append(d).append('\n');
          }
          messages.add(data.toString());
          reply(out, "250 OK queued");
        }
        case "QUIT" -> {
          reply(out, "221 bye");
          return;
        }
        default -> reply(out, "502 not implemented");
      }
    }
  }

  private static void reply(Writer out, String text) throws IOException {
    out.write(text + "\r\n");
    out.flush();
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
