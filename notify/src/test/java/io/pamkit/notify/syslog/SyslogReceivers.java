package io.pamkit.notify.syslog;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.pamkit.core.subscription.SyslogTcpFraming;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.BindException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.jspecify.annotations.Nullable;

/** Real syslog receivers on loopback sockets for the tests. */
final class SyslogReceivers {
  private SyslogReceivers() {}

  static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

  /** A free port at most 32767, the limit of the appliance's Port field. */
  static int freeLowPort() throws IOException {
    for (int i = 0; i < 200; i++) {
      int port = ThreadLocalRandom.current().nextInt(20000, 32000);
      try (ServerSocket s = new ServerSocket(port, 1, LOOPBACK);
          DatagramSocket d = new DatagramSocket(port, LOOPBACK)) {
        return s.getLocalPort() == d.getLocalPort() ? port : -1;
      } catch (BindException busy) {
        // try another
      }
    }
    throw new IOException("no free port below 32768");
  }

  static void await(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what);
      }
      Thread.sleep(10);
    }
  }

  /** Receives datagrams. */
  static final class Udp implements AutoCloseable {
    final DatagramSocket socket;

    Udp() throws IOException {
      DatagramSocket s = null;
      for (int i = 0; s == null; i++) {
        try {
          s = new DatagramSocket(freeLowPort(), LOOPBACK);
        } catch (BindException busy) {
          if (i > 20) {
            throw busy;
          }
        }
      }
      socket = s;
      socket.setSoTimeout(10_000);
    }

    int port() {
      return socket.getLocalPort();
    }

    byte[] receive() throws IOException {
      DatagramPacket p = new DatagramPacket(new byte[70_000], 70_000);
      socket.receive(p);
      byte[] b = new byte[p.getLength()];
      System.arraycopy(p.getData(), 0, b, 0, p.getLength());
      return b;
    }

    @Override
    public void close() {
      socket.close();
    }
  }

  /** Accepts TCP or TLS connections and splits what arrives into frames. */
  static final class Stream implements AutoCloseable {
    final ServerSocket server;
    final SyslogTcpFraming framing;
    final BlockingQueue<byte[]> frames = new LinkedBlockingQueue<>();
    final AtomicInteger connections = new AtomicInteger();
    final List<Socket> accepted = new ArrayList<>();
    final BlockingQueue<SSLSocket> tlsSockets = new LinkedBlockingQueue<>();
    volatile boolean closeAfterFirstFrame;

    Stream(SyslogTcpFraming framing, @Nullable SSLContext tls, boolean needClientAuth)
        throws IOException {
      this(framing, tls, needClientAuth, freeLowPort());
    }

    Stream(SyslogTcpFraming framing, @Nullable SSLContext tls, boolean needClientAuth, int port)
        throws IOException {
      this.framing = framing;
      if (tls != null) {
        SSLServerSocket s = (SSLServerSocket) tls.getServerSocketFactory().createServerSocket();
        s.setNeedClientAuth(needClientAuth);
        server = s;
      } else {
        server = new ServerSocket();
      }
      server.setReuseAddress(true);
      server.bind(new InetSocketAddress(LOOPBACK, port));
      Thread t = new Thread(this::acceptLoop, "test-syslog-accept");
      t.setDaemon(true);
      t.start();
    }

    int port() {
      return server.getLocalPort();
    }

    private void acceptLoop() {
      while (!server.isClosed()) {
        try {
          Socket s = server.accept();
          synchronized (accepted) {
            accepted.add(s);
          }
          connections.incrementAndGet();
          if (s instanceof SSLSocket) {
            ((SSLSocket) s).startHandshake();
            tlsSockets.add((SSLSocket) s);
          }
          Thread t = new Thread(() -> read(s), "test-syslog-read");
          t.setDaemon(true);
          t.start();
        } catch (IOException e) {
          // closed, or a handshake the client aborted
        }
      }
    }

    private void read(Socket s) {
      try (s; InputStream in = s.getInputStream()) {
        while (true) {
          byte[] frame = framing == SyslogTcpFraming.OctetCounting ? octetFrame(in) : charFrame(in);
          if (frame == null) {
            return;
          }
          frames.add(frame);
          if (closeAfterFirstFrame) {
            return;
          }
        }
      } catch (IOException e) {
        // connection ended
      }
    }

    private static byte @Nullable [] octetFrame(InputStream in) throws IOException {
      int len = 0;
      int c = in.read();
      if (c < 0) {
        return null;
      }
      while (c != ' ') {
        if (c < '0' || c > '9') {
          throw new IOException("bad octet count byte " + c);
        }
        len = len * 10 + (c - '0');
        c = in.read();
      }
      byte[] b = in.readNBytes(len);
      if (b.length < len) {
        throw new IOException("truncated frame");
      }
      return b;
    }

    private byte @Nullable [] charFrame(InputStream in) throws IOException {
      int delimiter = framing == SyslogTcpFraming.NUL ? 0 : framing == SyslogTcpFraming.CR ? '\r'
          : '\n';
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      int c;
      while ((c = in.read()) != delimiter) {
        if (c < 0) {
          return null;
        }
        out.write(c);
      }
      byte[] b = out.toByteArray();
      if (framing == SyslogTcpFraming.CRLF) {
        if (b.length == 0 || b[b.length - 1] != '\r') {
          throw new IOException("CRLF frame without CR");
        }
        return java.util.Arrays.copyOf(b, b.length - 1);
      }
      return b;
    }

    String next() throws InterruptedException {
      byte[] b = frames.poll(10, TimeUnit.SECONDS);
      if (b == null) {
        throw new AssertionError("no syslog frame arrived");
      }
      return new String(b, UTF_8);
    }

    @Override
    public void close() throws IOException {
      server.close();
      synchronized (accepted) {
        for (Socket s : accepted) {
          s.close();
        }
      }
    }
  }
}
