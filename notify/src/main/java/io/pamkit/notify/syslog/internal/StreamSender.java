// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.notify.syslog.internal;

import static java.util.Objects.requireNonNull;

import io.pamkit.core.dispatch.DeliveryException;
import io.pamkit.core.dispatch.FailureType;
import io.pamkit.core.subscription.SyslogTcpFraming;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertificateException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A kept-open TCP (RFC 6587) or TLS (RFC 5425) connection to one syslog server.
 *
 * <p>Design: a daemon reader thread per connection blocks on the input side; syslog servers never
 * send anything, so end-of-stream or an error there means the peer closed the connection, and the
 * next send opens a new one instead of writing into a dead socket. A message whose write fails is
 * written again, whole, on a new connection; if that fails too, the send fails as {@code TRANSIENT}
 * and the dispatcher retries it.
 *
 * <p>At least once: a successful write only reached the kernel's buffer, so a peer that dies loses
 * what its buffers and queues held, with no error here. Each written frame therefore stays in a
 * {@link ResendWindow} (the last 10,000 frames, 8 MiB, written less than 60 s before the loss was
 * seen); when the connection is lost, the first send on the new connection writes the window again,
 * oldest first, before its own message. A receiver may so get a message twice: the {@code
 * IdempotencyKey} in each message (structured data, CEF {@code cs1}, JSON member) drops the copy.
 * Failed connection attempts start an exponential back-off, measured on the injected clock, during
 * which sends fail fast with a retry-after. A write that does not finish within the write timeout
 * (a server that stopped reading) is aborted by a shared watchdog thread, which closes the socket
 * so the blocked write fails.
 */
public final class StreamSender implements Sender {
  private static final Logger LOG = LoggerFactory.getLogger(StreamSender.class);
  private static final ScheduledThreadPoolExecutor WATCHDOG = watchdog();
  private static final int DEFAULT_RESEND_FRAMES = 10_000;
  private static final long DEFAULT_RESEND_BYTES = 8L << 20;
  private static final Duration DEFAULT_RESEND_AGE = Duration.ofSeconds(60);

  private final String transportId;
  private final String host;
  private final int port;
  private final SyslogTcpFraming framing;
  private final @Nullable SSLSocketFactory tls;
  private final boolean verifyHostName;
  private final int connectTimeoutMillis;
  private final long writeTimeoutNanos;
  private final Clock clock;
  private final Counters counters;
  private ByteBuf frame = new ByteBuf(2048);

  private final ReconnectBackoff backoff;
  private final ResendWindow window;
  private @Nullable Connection connection;
  private volatile @Nullable Instant lastLoss;
  private FailureType lastFailureType = FailureType.TRANSIENT;
  private boolean closed;

  /**
   * Creates a sender with the default resend window (10,000 frames, 8 MiB, 60 s); the connection is
   * opened by the first send.
   *
   * @param transportId the transport id for failures
   * @param host the server's host
   * @param port the server's port
   * @param framing the framing (TLS always uses octet counting)
   * @param tls the TLS socket factory, or null for plain TCP
   * @param verifyHostName whether to check the server certificate's host name
   * @param connectTimeout the connect and handshake timeout
   * @param writeTimeout how long one frame may take to write before the connection is aborted
   * @param initialBackoff the first reconnect delay after a failed attempt
   * @param maxBackoff the longest reconnect delay
   * @param clock the clock of the back-off
   * @param counters the metrics
   */
  public StreamSender(
      String transportId,
      String host,
      int port,
      SyslogTcpFraming framing,
      @Nullable SSLSocketFactory tls,
      boolean verifyHostName,
      Duration connectTimeout,
      Duration writeTimeout,
      Duration initialBackoff,
      Duration maxBackoff,
      Clock clock,
      Counters counters) {
    this.transportId = transportId;
    this.host = host;
    this.port = port;
    this.framing = tls != null ? SyslogTcpFraming.OCTET_COUNTING : framing;
    this.tls = tls;
    this.verifyHostName = verifyHostName;
    this.connectTimeoutMillis = (int) Math.min(Integer.MAX_VALUE, connectTimeout.toMillis());
    this.writeTimeoutNanos = writeTimeout.toNanos();
    this.backoff = new ReconnectBackoff(initialBackoff, maxBackoff);
    this.clock = clock;
    this.counters = counters;
    this.window = new ResendWindow(DEFAULT_RESEND_FRAMES, DEFAULT_RESEND_BYTES, DEFAULT_RESEND_AGE);
  }

  @Override
  public synchronized void send(ByteBuf message, int length) {
    if (closed) {
      throw new IllegalStateException("the syslog transport is closed");
    }
    int escaped = Framing.frame(message, length, framing, frame);
    if (escaped > 0) {
      counters.delimitersEscaped.add(escaped);
    }
    IOException failure = null;
    for (int attempt = 0; attempt < 2; attempt++) {
      Connection c = connected();
      try {
        if (!c.replayed) {
          replay(c);
          c.replayed = true;
        }
        write(c, frame.array(), frame.length());
        counters.sent.increment();
        if (attempt > 0) {
          counters.resent.increment();
        }
        window.add(Arrays.copyOf(frame.array(), frame.length()), clock.millis());
        shrinkFrame();
        return;
      } catch (IOException e) {
        failure = c.aborted ? new SocketTimeoutException("write timed out") : e;
        LOG.debug("write to syslog server {}:{} failed; reconnecting", host, port, e);
        c.lost();
        c.close();
        connection = null;
      }
    }
    shrinkFrame();
    IOException last = requireNonNull(failure, "each failed attempt sets it");
    throw new DeliveryException(
        transportId,
        FailureType.TRANSIENT,
        "connection to syslog server "
            + host
            + ":"
            + port
            + " broke while writing, twice: "
            + last.getMessage(),
        last);
  }

  /**
   * Writes again, on a new connection, every frame of the resend window that the lost connection
   * may not have delivered: those written less than the window's age before the loss was seen.
   */
  private void replay(Connection c) throws IOException {
    Instant lostAt = lastLoss;
    if (lostAt == null || window.isEmpty()) {
      return;
    }
    window.dropWrittenBefore(lostAt.toEpochMilli() - window.maxAge().toMillis());
    int n = window.size();
    if (n == 0) {
      return;
    }
    LOG.debug("re-sending {} messages to syslog server {}:{} on a new connection", n, host, port);
    long now = clock.millis();
    for (byte[] f : window.frames()) {
      write(c, f, f.length);
    }
    window.rewritten(now);
    counters.resent.add(n);
  }

  /** Writes one frame; a shared watchdog aborts the connection when the write takes too long. */
  private void write(Connection c, byte[] data, int length) throws IOException {
    ScheduledFuture<?> watchdog =
        WATCHDOG.schedule(c::abort, writeTimeoutNanos, TimeUnit.NANOSECONDS);
    try {
      c.out.write(data, 0, length);
      c.out.flush();
    } finally {
      watchdog.cancel(false);
    }
  }

  private static ScheduledThreadPoolExecutor watchdog() {
    ScheduledThreadPoolExecutor e =
        new ScheduledThreadPoolExecutor(
            1,
            r -> {
              Thread t = new Thread(r, "pamkit-syslog-write-watchdog");
              t.setDaemon(true);
              return t;
            });
    e.setRemoveOnCancelPolicy(true);
    return e;
  }

  private void shrinkFrame() {
    if (frame.array().length > 1 << 20) {
      frame = new ByteBuf(2048); // do not keep a one-off huge message's buffer
    }
  }

  private Connection connected() {
    Connection c = connection;
    if (c != null) {
      if (!c.broken) {
        return c;
      }
      c.close();
      connection = null;
    }
    Instant now = clock.instant();
    backoff.check(now, transportId, lastFailureType, "syslog server " + host + ":" + port);
    try {
      c = open();
    } catch (IOException e) {
      counters.connectFailures.increment();
      Duration delay = backoff.failed(now, e.toString());
      lastFailureType = classify(e);
      throw new DeliveryException(
          transportId,
          lastFailureType,
          "cannot connect to syslog server "
              + host
              + ":"
              + port
              + (tls != null ? " (TLS)" : "")
              + ": "
              + e,
          delay,
          e);
    }
    counters.connectionsOpened.increment();
    backoff.succeeded();
    connection = c;
    return c;
  }

  private Connection open() throws IOException {
    Socket plain = new Socket();
    try {
      plain.connect(new InetSocketAddress(host, port), connectTimeoutMillis);
      if (plain.getLocalSocketAddress().equals(plain.getRemoteSocketAddress())) {
        // TCP simultaneous open: with nothing listening on a port of the ephemeral range, the
        // kernel can give the client that same port, and it connects to itself
        throw new ConnectException("connected to itself: nothing listens on port " + port);
      }
      plain.setTcpNoDelay(true);
      plain.setKeepAlive(true);
      Socket socket = plain;
      if (tls != null) {
        SSLSocket ssl = (SSLSocket) tls.createSocket(plain, host, port, true);
        SSLParameters params = ssl.getSSLParameters();
        if (verifyHostName) {
          params.setEndpointIdentificationAlgorithm("HTTPS");
        }
        ssl.setSSLParameters(params);
        ssl.setSoTimeout(connectTimeoutMillis);
        ssl.startHandshake();
        ssl.setSoTimeout(0);
        socket = ssl;
      }
      return new Connection(socket);
    } catch (IOException | RuntimeException e) {
      try {
        plain.close();
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      if (e instanceof java.nio.channels.UnresolvedAddressException) {
        throw new UnknownHostException(host);
      }
      throw e;
    }
  }

  static FailureType classify(IOException e) {
    if (e instanceof SSLHandshakeException) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof CertificateException) {
          return FailureType.PERMANENT_TRANSPORT;
        }
      }
    }
    // refused, reset, timed out (SocketTimeoutException), unknown host: a later attempt may work
    return FailureType.TRANSIENT;
  }

  /**
   * Returns the age of the resend window: a frame written less than this before a lost connection
   * is noticed is sent again, so until then the server may still lose it without the frame being
   * lost for good (unless this process dies too).
   *
   * @return the window's age limit
   */
  @Override
  public Duration settleAfter() {
    return window.maxAge();
  }

  /**
   * Returns whether a connection is open and not known to be broken.
   *
   * @return true when the next send writes without connecting
   */
  public synchronized boolean isConnected() {
    return connection != null && !connection.broken;
  }

  @Override
  public synchronized void close() {
    closed = true;
    if (connection != null) {
      connection.close();
      connection = null;
    }
  }

  private final class Connection implements Runnable {
    final Socket socket;
    final OutputStream out;
    final InputStream in;
    volatile boolean broken;
    volatile boolean aborted;
    boolean replayed; // guarded by the sender
    private volatile boolean closing;

    Connection(Socket socket) throws IOException {
      this.socket = socket;
      this.out = socket.getOutputStream();
      this.in = socket.getInputStream();
      Thread reader = new Thread(this, "pamkit-syslog-" + host + ":" + port);
      reader.setDaemon(true);
      reader.start();
    }

    @Override
    public void run() {
      byte[] sink = new byte[256];
      try {
        while (in.read(sink) >= 0) {
          // syslog servers send nothing; whatever arrives is discarded
        }
      } catch (IOException e) {
        LOG.debug("syslog connection to {}:{} ended", host, port, e);
      }
      if (!closing) {
        lost();
      }
    }

    /** Marks the connection as closed by the peer; counted once, and its time noted. */
    synchronized void lost() {
      if (!broken) {
        broken = true;
        lastLoss = clock.instant();
        counters.connectionsLost.increment();
      }
    }

    /** Called by the watchdog when a write takes too long: the blocked write then fails. */
    void abort() {
      aborted = true;
      LOG.debug("write to syslog server {}:{} timed out; aborting the connection", host, port);
      lost();
      close();
    }

    void close() {
      closing = true;
      broken = true;
      try {
        socket.close();
      } catch (IOException e) {
        LOG.debug("closing syslog connection to {}:{} failed", host, port, e);
      }
    }
  }

  /**
   * The frames written recently, which a connection lost now may not have delivered: bounded by
   * count, bytes and age, oldest first. A frame leaves when a newer one pushes it out of the count
   * or byte bound, or when the connection it was written on stayed up for the age after the write
   * (then the peer had it for that long: taken as delivered {@code [I]}: plain TCP cannot tell).
   * The newest frame always stays. Not thread-safe: guarded by its sender.
   */
  static final class ResendWindow {
    private final int maxFrames;
    private final long maxBytes;
    private final Duration maxAge;
    private final long maxAgeMillis;
    private final ArrayDeque<Written> written = new ArrayDeque<>();
    private long bytes;

    /**
     * Creates an empty window.
     *
     * @param maxFrames the most frames kept, at least 1
     * @param maxBytes the most bytes kept (the newest frame is kept even when larger)
     * @param maxAge how long after its write a frame is kept while the connection stays up
     */
    ResendWindow(int maxFrames, long maxBytes, Duration maxAge) {
      if (maxFrames < 1) {
        throw new IllegalArgumentException("maxFrames must be at least 1: " + maxFrames);
      }
      this.maxFrames = maxFrames;
      this.maxBytes = maxBytes;
      this.maxAge = maxAge;
      this.maxAgeMillis = maxAge.toMillis();
    }

    Duration maxAge() {
      return maxAge;
    }

    int size() {
      return written.size();
    }

    boolean isEmpty() {
      return written.isEmpty();
    }

    /**
     * Adds a frame written now, on a connection that is up, and drops what is old enough. Times are
     * epoch milliseconds, so the per-message path allocates no {@link Instant}.
     */
    void add(byte[] frame, long nowMillis) {
      dropWrittenBefore(nowMillis - maxAgeMillis);
      written.addLast(new Written(frame, nowMillis));
      bytes += frame.length;
      while (written.size() > 1 && (written.size() > maxFrames || bytes > maxBytes)) {
        bytes -= written.removeFirst().frame.length;
      }
    }

    /** Drops the frames written before a time, in epoch milliseconds. */
    void dropWrittenBefore(long timeMillis) {
      while (!written.isEmpty() && written.peekFirst().atMillis < timeMillis) {
        bytes -= written.removeFirst().frame.length;
      }
    }

    /** Returns the frames, oldest first. */
    List<byte[]> frames() {
      List<byte[]> frames = new ArrayList<>(written.size());
      for (Written w : written) {
        frames.add(w.frame);
      }
      return frames;
    }

    /** Notes that every frame was written again, now (epoch milliseconds), on a new connection. */
    void rewritten(long nowMillis) {
      List<Written> again = new ArrayList<>(written.size());
      for (Written w : written) {
        again.add(new Written(w.frame, nowMillis));
      }
      written.clear();
      written.addAll(again);
    }

    private record Written(byte[] frame, long atMillis) {}
  }
}
