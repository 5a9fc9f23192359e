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
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertificateException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
 * and the dispatcher retries it. Failed connection attempts start an exponential back-off, measured
 * on the injected clock, during which sends fail fast with a retry-after. A write that does not
 * finish within the write timeout (a server that stopped reading) is aborted by a shared watchdog
 * thread, which closes the socket so the blocked write fails.
 */
public final class StreamSender implements Sender {
  private static final Logger LOG = LoggerFactory.getLogger(StreamSender.class);
  private static final ScheduledThreadPoolExecutor WATCHDOG = watchdog();

  private final String transportId;
  private final String host;
  private final int port;
  private final SyslogTcpFraming framing;
  private final @Nullable SSLSocketFactory tls;
  private final boolean verifyHostName;
  private final int connectTimeoutMillis;
  private final long writeTimeoutNanos;
  private final Duration initialBackoff;
  private final Duration maxBackoff;
  private final Clock clock;
  private final Counters counters;
  private ByteBuf frame = new ByteBuf(2048);

  private @Nullable Connection connection;
  private Instant nextAttempt = Instant.MIN;
  private Duration backoff;
  private @Nullable String lastFailure;
  private FailureType lastFailureType = FailureType.TRANSIENT;
  private boolean closed;

  /**
   * Creates a sender; the connection is opened by the first send.
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
    this.initialBackoff = initialBackoff;
    this.maxBackoff = maxBackoff;
    this.backoff = initialBackoff;
    this.clock = clock;
    this.counters = counters;
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
      ScheduledFuture<?> watchdog =
          WATCHDOG.schedule(c::abort, writeTimeoutNanos, TimeUnit.NANOSECONDS);
      try {
        c.out.write(frame.array(), 0, frame.length());
        c.out.flush();
        watchdog.cancel(false);
        counters.sent.increment();
        if (attempt > 0) {
          counters.resent.increment();
        }
        shrinkFrame();
        return;
      } catch (IOException e) {
        watchdog.cancel(false);
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
    if (now.isBefore(nextAttempt)) {
      throw new DeliveryException(
          transportId,
          lastFailureType,
          "not reconnecting to syslog server "
              + host
              + ":"
              + port
              + " before "
              + nextAttempt
              + " (back-off after: "
              + lastFailure
              + ")",
          Duration.between(now, nextAttempt),
          null);
    }
    try {
      c = open();
    } catch (IOException e) {
      counters.connectFailures.increment();
      lastFailure = e.toString();
      nextAttempt = now.plus(backoff);
      Duration delay = backoff;
      Duration doubled = backoff.multipliedBy(2);
      backoff = doubled.compareTo(maxBackoff) > 0 ? maxBackoff : doubled;
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
    backoff = initialBackoff;
    nextAttempt = Instant.MIN;
    connection = c;
    return c;
  }

  private Connection open() throws IOException {
    Socket plain = new Socket();
    try {
      plain.connect(new InetSocketAddress(host, port), connectTimeoutMillis);
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

    /** Marks the connection as closed by the peer; counted once. */
    synchronized void lost() {
      if (!broken) {
        broken = true;
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
}
