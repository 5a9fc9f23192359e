// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.testing;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import java.io.BufferedInputStream;
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
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.jspecify.annotations.Nullable;

/**
 * A real syslog collector on loopback for tests and demos: a UDP socket (one message per datagram),
 * a TCP listener, or a TLS listener (RFC 5425), or UDP and TCP on the same port. Stream connections
 * are split into messages with RFC 6587 framing: octet counting ({@code "<len> <msg>"}), a
 * delimiter (LF, CR, CRLF or NUL), or {@link Framing#AUTO}, which tells octet counting from LF per
 * message by its first byte.
 *
 * <pre>{@code
 * try (SyslogReceiver rx = SyslogReceiver.builder().tcp(Framing.OCTET_COUNTING).start()) {
 *   // point a syslog subscriber at 127.0.0.1:rx.tcpPort(), publish an event
 *   assertTrue(rx.next().contains("PasswordChangeFailed"));
 * }
 * }</pre>
 *
 * <p>This example is compiled and run by the testing module's {@code JavadocExamplesTest}.
 *
 * <p>Ports are chosen in 20000..32000 unless given, because the appliance's syslog {@code Port}
 * field allows 1..32767 only. Messages from UDP and stream connections go to one queue, in arrival
 * order. Thread-safe; {@link #close()} stops the listeners and closes open connections.
 */
public final class SyslogReceiver implements AutoCloseable {
  private static final Duration DEFAULT_WAIT = Duration.ofSeconds(10);

  /** How a TCP or TLS stream is split into messages (RFC 6587). */
  public enum Framing {
    /** Octet counting where a message starts with a digit 1..9, otherwise LF-terminated. */
    AUTO,
    /** {@code "<length> <message>"}: RFC 6587 §3.4.1, and RFC 5425 for TLS. */
    OCTET_COUNTING,
    /** Terminated by LF (RFC 6587 §3.4.2, non-transparent framing). */
    LF,
    /** Terminated by CR. */
    CR,
    /** Terminated by the two bytes CR LF; a lone CR or LF belongs to the message. */
    CRLF,
    /** Terminated by a NUL byte. */
    NUL
  }

  private final @Nullable DatagramSocket udp;
  private final @Nullable ServerSocket stream;
  private final Framing framing;
  private final boolean closeAfterFirstFrame;
  private final BlockingQueue<byte[]> queue = new LinkedBlockingQueue<>();
  private final Arrivals<String> all = new Arrivals<>();
  private final List<Socket> accepted = new CopyOnWriteArrayList<>();
  private final List<X509Certificate> clientCertificates = new CopyOnWriteArrayList<>();
  private final AtomicInteger connections = new AtomicInteger();
  private volatile boolean closed;

  private SyslogReceiver(@Nullable DatagramSocket udp, @Nullable ServerSocket stream, Builder b) {
    this.udp = udp;
    this.stream = stream;
    this.framing = b.framing;
    this.closeAfterFirstFrame = b.closeAfterFirstFrame;
  }

  /**
   * Starts the demo's receiver: UDP and TCP ({@link Framing#AUTO}) on the same free port.
   *
   * @return the running receiver
   * @throws IOException if no port could be bound
   */
  public static SyslogReceiver start() throws IOException {
    return builder().udp().tcp().start();
  }

  /**
   * Starts a builder; choose at least one of {@link Builder#udp()}, {@link Builder#tcp()} and
   * {@link Builder#tls(SSLContext)}.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the UDP port.
   *
   * @return the port
   * @throws IllegalStateException if the receiver has no UDP socket
   */
  public int udpPort() {
    DatagramSocket u = udp;
    if (u == null) {
      throw new IllegalStateException("this receiver has no UDP socket");
    }
    return u.getLocalPort();
  }

  /**
   * Returns the TCP (or TLS) port.
   *
   * @return the port
   * @throws IllegalStateException if the receiver has no stream listener
   */
  public int tcpPort() {
    ServerSocket s = stream;
    if (s == null) {
      throw new IllegalStateException("this receiver has no TCP or TLS listener");
    }
    return s.getLocalPort();
  }

  /**
   * Returns the only port of a receiver with one listener, or the port UDP and TCP share.
   *
   * @return the port
   */
  public int port() {
    return stream != null ? tcpPort() : udpPort();
  }

  /**
   * Takes the next message, waiting up to ten seconds.
   *
   * @return the message, decoded as UTF-8
   * @throws AssertionError if none arrived in time
   * @throws InterruptedException if interrupted while waiting
   */
  public String next() throws InterruptedException {
    return new String(nextBytes(DEFAULT_WAIT), UTF_8);
  }

  /**
   * Takes the next message as received (the datagram, or the frame without its framing).
   *
   * @param timeout how long to wait
   * @return the bytes
   * @throws AssertionError if none arrived in time
   * @throws InterruptedException if interrupted while waiting
   */
  public byte[] nextBytes(Duration timeout) throws InterruptedException {
    byte[] b = queue.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
    if (b == null) {
      throw new AssertionError("no syslog message arrived within " + timeout);
    }
    return b;
  }

  /**
   * Takes the next message if one arrives in time.
   *
   * @param timeout how long to wait
   * @return the message decoded as UTF-8, or null if none arrived in time
   * @throws InterruptedException if interrupted while waiting
   */
  public @Nullable String poll(Duration timeout) throws InterruptedException {
    byte[] b = queue.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
    return b == null ? null : new String(b, UTF_8);
  }

  /**
   * Returns whether no message waits to be taken by {@link #next()} or {@link #poll}.
   *
   * @return true when the queue is empty
   */
  public boolean isEmpty() {
    return queue.isEmpty();
  }

  /**
   * Returns every message received so far, in arrival order, whether taken or not.
   *
   * @return an immutable snapshot
   */
  public List<String> messages() {
    return all.snapshot();
  }

  /**
   * Waits until at least {@code count} messages were received in all, then returns them.
   *
   * @param count how many
   * @param timeout how long to wait at most
   * @return every message received so far; fewer than {@code count} on timeout
   * @throws InterruptedException if interrupted while waiting
   */
  public List<String> awaitMessages(int count, Duration timeout) throws InterruptedException {
    return all.await(count, timeout);
  }

  /**
   * Returns how many stream connections were accepted.
   *
   * @return the count
   */
  public int connections() {
    return connections.get();
  }

  /**
   * Returns the certificate each TLS client presented (with {@link
   * Builder#needClientAuth(boolean)}), in the order the connections were accepted. A connection's
   * certificate is recorded before any of its messages.
   *
   * @return an immutable snapshot
   */
  public List<X509Certificate> clientCertificates() {
    return List.copyOf(clientCertificates);
  }

  private void record(byte[] message) {
    all.add(new String(message, UTF_8));
    queue.add(message);
  }

  private void udpLoop(DatagramSocket socket) {
    byte[] buf = new byte[65_535];
    while (!closed) {
      DatagramPacket p = new DatagramPacket(buf, buf.length);
      try {
        socket.receive(p);
        record(Arrays.copyOf(p.getData(), p.getLength()));
      } catch (IOException e) {
        return;
      }
    }
  }

  private void acceptLoop(ServerSocket server) {
    while (!closed) {
      try {
        Socket s = server.accept();
        accepted.add(s);
        connections.incrementAndGet();
        daemon("syslog-receiver-conn", () -> read(s)).start();
      } catch (IOException e) {
        return;
      }
    }
  }

  private void read(Socket s) {
    try (s;
        InputStream in = new BufferedInputStream(s.getInputStream())) {
      if (s instanceof SSLSocket tls) {
        tls.startHandshake();
        try {
          Certificate[] peer = tls.getSession().getPeerCertificates();
          if (peer.length > 0 && peer[0] instanceof X509Certificate x) {
            clientCertificates.add(x);
          }
        } catch (SSLPeerUnverifiedException noClientCertificate) {
          // the server did not ask for one
        }
      }
      while (true) {
        byte[] frame = frame(in);
        if (frame == null) {
          return;
        }
        record(frame);
        if (closeAfterFirstFrame) {
          return;
        }
      }
    } catch (IOException e) {
      // the peer went away, a handshake failed, or close() closed the socket
    }
  }

  private byte @Nullable [] frame(InputStream in) throws IOException {
    return switch (framing) {
      case OCTET_COUNTING -> octetFrame(in, in.read());
      case AUTO -> {
        int first = in.read();
        yield first >= '1' && first <= '9' ? octetFrame(in, first) : delimited(in, first, '\n');
      }
      case LF -> delimited(in, in.read(), '\n');
      case CR -> delimited(in, in.read(), '\r');
      case NUL -> delimited(in, in.read(), 0);
      case CRLF -> crlfFrame(in);
    };
  }

  private static byte @Nullable [] crlfFrame(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int c = in.read();
    while (true) {
      if (c < 0) {
        return null;
      }
      if (c == '\r') {
        int n = in.read();
        if (n == '\n') {
          return out.toByteArray();
        }
        out.write(c);
        c = n;
        continue;
      }
      out.write(c);
      c = in.read();
    }
  }

  private static byte @Nullable [] octetFrame(InputStream in, int first) throws IOException {
    if (first < 0) {
      return null;
    }
    int len = 0;
    int c = first;
    while (c != ' ') {
      if (c < '0' || c > '9' || len > 100_000_000) {
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

  private static byte @Nullable [] delimited(InputStream in, int first, int delimiter)
      throws IOException {
    if (first < 0) {
      return null;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int c = first;
    while (c != delimiter) {
      if (c < 0) {
        return null;
      }
      out.write(c);
      c = in.read();
    }
    return out.toByteArray();
  }

  private static Thread daemon(String name, Runnable body) {
    Thread t = new Thread(body, name);
    t.setDaemon(true);
    return t;
  }

  /** Stops the listeners and closes every open connection. Idempotent. */
  @Override
  public void close() {
    closed = true;
    DatagramSocket u = udp;
    if (u != null) {
      u.close();
    }
    ServerSocket s = stream;
    if (s != null) {
      closeQuietly(s);
    }
    for (Socket c : accepted) {
      closeQuietly(c);
    }
  }

  private static void closeQuietly(AutoCloseable c) {
    try {
      c.close();
    } catch (Exception ignored) {
      // closing anyway
    }
  }

  /** Builds {@link SyslogReceiver}s. Not thread-safe; the last call to a setter wins. */
  public static final class Builder {
    private boolean udp;
    private boolean tcp;
    private @Nullable SSLContext tls;
    private boolean needClientAuth;
    private Framing framing = Framing.AUTO;
    private int port;
    private boolean closeAfterFirstFrame;

    private Builder() {}

    /**
     * Adds a UDP socket. Default: none.
     *
     * @return this builder
     */
    public Builder udp() {
      this.udp = true;
      return this;
    }

    /**
     * Adds a plain TCP listener with {@link Framing#AUTO}. Default: none.
     *
     * @return this builder
     */
    public Builder tcp() {
      return tcp(Framing.AUTO);
    }

    /**
     * Adds a plain TCP listener with the given framing. Default: none.
     *
     * @param framing how the stream is split into messages
     * @return this builder
     */
    public Builder tcp(Framing framing) {
      this.tcp = true;
      this.framing = requireNonNull(framing, "framing");
      return this;
    }

    /**
     * Makes the stream listener TLS (RFC 5425), presenting the context's key. Default: plain TCP.
     * The framing stays {@link Framing#AUTO} unless set with {@link #tcp(Framing)}.
     *
     * @param serverContext a context with the server's key, e.g. {@link
     *     TestCertificates#serverContext()}
     * @return this builder
     */
    public Builder tls(SSLContext serverContext) {
      this.tls = requireNonNull(serverContext, "serverContext");
      this.tcp = true;
      return this;
    }

    /**
     * Requires TLS clients to present a certificate the server context trusts. Default: false.
     *
     * @param needClientAuth the flag
     * @return this builder
     */
    public Builder needClientAuth(boolean needClientAuth) {
      this.needClientAuth = needClientAuth;
      return this;
    }

    /**
     * Sets the port. Default: a free port in 20000..32000 ({@link FreePorts#lowPort()}).
     *
     * @param port 1 to 65535
     * @return this builder
     * @throws IllegalArgumentException if the port is outside 1..65535
     */
    public Builder port(int port) {
      this.port = FreePorts.checkPort(port);
      return this;
    }

    /**
     * Closes each stream connection after its first message, as a collector that restarts would;
     * for testing reconnects. Default: false.
     *
     * @param closeAfterFirstFrame the flag
     * @return this builder
     */
    public Builder closeAfterFirstFrame(boolean closeAfterFirstFrame) {
      this.closeAfterFirstFrame = closeAfterFirstFrame;
      return this;
    }

    /**
     * Binds the sockets and starts the receiving threads.
     *
     * @return the running receiver
     * @throws IllegalStateException if no listener was chosen
     * @throws IOException if the port cannot be bound
     */
    public SyslogReceiver start() throws IOException {
      if (!udp && !tcp) {
        throw new IllegalStateException("choose udp(), tcp() or tls(...)");
      }
      for (int attempt = 0; ; attempt++) {
        int p = port != 0 ? port : FreePorts.lowPort();
        try {
          return bind(p);
        } catch (BindException busy) {
          if (port != 0 || attempt >= 20) {
            throw busy;
          }
        }
      }
    }

    private SyslogReceiver bind(int p) throws IOException {
      InetAddress lo = InetAddress.getLoopbackAddress();
      DatagramSocket u = null;
      ServerSocket s = null;
      try {
        if (udp) {
          u = new DatagramSocket(new InetSocketAddress(lo, p));
        }
        if (tcp) {
          SSLContext ctx = tls;
          if (ctx != null) {
            SSLServerSocket ss =
                (SSLServerSocket) ctx.getServerSocketFactory().createServerSocket();
            ss.setNeedClientAuth(needClientAuth);
            s = ss;
          } else {
            s = new ServerSocket();
          }
          s.setReuseAddress(true);
          s.bind(new InetSocketAddress(lo, p), 50);
        }
      } catch (IOException e) {
        if (u != null) {
          u.close();
        }
        if (s != null) {
          closeQuietly(s);
        }
        throw e;
      }
      SyslogReceiver r = new SyslogReceiver(u, s, this);
      if (u != null) {
        DatagramSocket socket = u;
        daemon("syslog-receiver-udp", () -> r.udpLoop(socket)).start();
      }
      if (s != null) {
        ServerSocket server = s;
        daemon("syslog-receiver-accept", () -> r.acceptLoop(server)).start();
      }
      return r;
    }
  }
}
