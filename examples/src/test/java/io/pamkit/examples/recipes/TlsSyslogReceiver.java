package io.pamkit.examples.recipes;

import io.pamkit.core.cert.KeyMaterial;
import io.pamkit.core.secret.Secret;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/** A TLS syslog collector for the tests (RFC 5425: octet-counted frames over TLS). */
final class TlsSyslogReceiver implements AutoCloseable {
  private final ServerSocket server;
  private final List<String> messages = new CopyOnWriteArrayList<>();

  TlsSyslogReceiver(KeyMaterial serverKey) throws Exception {
    Secret pw = Secret.of("changeit");
    KeyStore ks = KeyStore.getInstance("PKCS12");
    ks.load(new ByteArrayInputStream(serverKey.toPkcs12(pw)), pw.chars());
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(ks, pw.chars());
    SSLContext ctx = SSLContext.getInstance("TLS");
    ctx.init(kmf.getKeyManagers(), null, null);
    server = bindBelow32768(ctx);
    Thread t = new Thread(this::accept, "test-tls-syslog");
    t.setDaemon(true);
    t.start();
  }

  /** The appliance's SyslogServer schema limits Port to 1..32767, below the kernel's ephemeral range. */
  private static ServerSocket bindBelow32768(SSLContext ctx) throws IOException {
    java.util.Random random = new java.util.Random();
    IOException last = null;
    for (int i = 0; i < 200; i++) {
      try {
        return ctx.getServerSocketFactory()
            .createServerSocket(20_000 + random.nextInt(12_000), 50, InetAddress.getLoopbackAddress());
      } catch (IOException e) {
        last = e;
      }
    }
    throw new IOException("no free loopback port below 32768", last);
  }

  int port() {
    return server.getLocalPort();
  }

  List<String> messages() {
    return List.copyOf(messages);
  }

  List<String> await(int count) throws InterruptedException {
    long deadline = System.nanoTime() + 20_000_000_000L;
    while (messages.size() < count && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    return messages();
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket s = server.accept();
        Thread t = new Thread(() -> read(s), "test-tls-syslog-conn");
        t.setDaemon(true);
        t.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  private void read(Socket s) {
    try (s; InputStream in = new BufferedInputStream(s.getInputStream())) {
      while (true) {
        int c = in.read();
        if (c < 0) {
          return;
        }
        int len = c - '0';
        while ((c = in.read()) != ' ') {
          if (c < 0) {
            return;
          }
          len = len * 10 + (c - '0');
        }
        messages.add(new String(in.readNBytes(len), StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      // the client went away, or the handshake failed
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
