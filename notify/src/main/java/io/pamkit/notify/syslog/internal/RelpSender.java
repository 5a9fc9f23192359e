// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.notify.syslog.internal;

import io.pamkit.core.dispatch.DeliveryAssurance;
import io.pamkit.core.dispatch.DeliveryException;
import io.pamkit.core.dispatch.FailureType;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Syslog over RELP, the Reliable Event Logging Protocol of rsyslog's {@code imrelp}: each message
 * is a {@code syslog} command with a transaction number, and the server answers each with {@code
 * rsp 200 OK} once it has taken the message. A send returns only after that answer, so its receipt
 * is {@link DeliveryAssurance#ACKNOWLEDGED}.
 *
 * <p>Frames are {@code TXNR SP COMMAND SP DATALEN [SP DATA] LF}. A session starts with {@code open}
 * offering {@code relp_version=0} and {@code commands=syslog}, and ends with {@code close}. Several
 * threads share one session: up to the window's number of messages are on the wire at once, and a
 * reader thread hands each {@code rsp} to the sender waiting for its transaction number.
 *
 * <p>When the session breaks (the server died or restarted, {@code serverclose}, no answer within
 * the ack time-out), every unanswered message is sent again, whole, on a new session: the server
 * may have taken it, so it can arrive twice, but it is not lost. If the new session fails too, the
 * send fails as {@code TRANSIENT} and the dispatcher retries later (with a journal, across
 * restarts). The host name is resolved at every connect; a name that does not resolve yet is {@code
 * TRANSIENT}. Failed connects start an exponential back-off during which sends fail fast.
 */
public final class RelpSender implements Sender {
  private static final Logger LOG = LoggerFactory.getLogger(RelpSender.class);
  private static final int MAX_TXNR = 999_999_999;
  private static final byte[] OFFERS =
      "relp_version=0\nrelp_software=pamkit\ncommands=syslog".getBytes(StandardCharsets.US_ASCII);

  private final String transportId;
  private final String host;
  private final int port;
  private final int connectTimeoutMillis;
  private final long ackTimeoutNanos;
  private final int window;
  private final Clock clock;
  private final Counters counters;

  // Guarded by this.
  private final ReconnectBackoff backoff;
  private @Nullable Session session;
  private boolean closed;

  /**
   * Creates a sender; the session is opened by the first send.
   *
   * @param transportId the transport id for failures
   * @param host the server's host name or address, resolved at every connect
   * @param port the server's port
   * @param window how many messages may wait for their answer at once, at least 1
   * @param connectTimeout the connect and session-open time-out
   * @param ackTimeout how long a message may wait for its answer before the session is dropped
   * @param initialBackoff the first reconnect delay after a failed connect
   * @param maxBackoff the longest reconnect delay
   * @param clock the clock of the back-off
   * @param counters the metrics
   */
  public RelpSender(
      String transportId,
      String host,
      int port,
      int window,
      Duration connectTimeout,
      Duration ackTimeout,
      Duration initialBackoff,
      Duration maxBackoff,
      Clock clock,
      Counters counters) {
    if (window < 1) {
      throw new IllegalArgumentException("window must be at least 1: " + window);
    }
    this.transportId = transportId;
    this.host = host;
    this.port = port;
    this.window = window;
    this.connectTimeoutMillis = (int) Math.min(Integer.MAX_VALUE, connectTimeout.toMillis());
    this.ackTimeoutNanos = ackTimeout.toNanos();
    this.backoff = new ReconnectBackoff(initialBackoff, maxBackoff);
    this.clock = clock;
    this.counters = counters;
  }

  @Override
  public DeliveryAssurance assurance() {
    return DeliveryAssurance.ACKNOWLEDGED;
  }

  @Override
  public void send(ByteBuf message, int length) {
    byte[] data = Arrays.copyOf(message.array(), length);
    IOException failure = null;
    for (int attempt = 0; attempt < 2; attempt++) {
      Session s = session();
      try {
        s.exchange(data);
        counters.sent.increment();
        if (attempt > 0) {
          counters.resent.increment();
        }
        return;
      } catch (RefusedException e) {
        throw new DeliveryException(
            transportId,
            FailureType.TRANSIENT,
            "RELP server " + host + ":" + port + " refused the message: " + e.getMessage(),
            e);
      } catch (IOException e) {
        failure = e;
        LOG.debug("RELP session with {}:{} broke; sending again on a new one", host, port, e);
        drop(s);
      }
    }
    // the loop ends without returning or throwing only after each attempt set failure
    IOException last = java.util.Objects.requireNonNull(failure);
    throw new DeliveryException(
        transportId,
        FailureType.TRANSIENT,
        "RELP session with "
            + host
            + ":"
            + port
            + " broke before the message was acknowledged, twice: "
            + last.getMessage(),
        last);
  }

  private synchronized void drop(Session s) {
    s.close();
    if (session == s) {
      session = null;
    }
  }

  private synchronized Session session() {
    if (closed) {
      throw new IllegalStateException("the syslog transport is closed");
    }
    Session s = session;
    if (s != null && s.broken.get() == null) {
      return s;
    }
    if (s != null) {
      s.close();
      session = null;
    }
    Instant now = clock.instant();
    backoff.check(now, transportId, FailureType.TRANSIENT, "RELP server " + host + ":" + port);
    try {
      s = open();
    } catch (IOException e) {
      counters.connectFailures.increment();
      Duration delay = backoff.failed(now, e.toString());
      throw new DeliveryException(
          transportId,
          FailureType.TRANSIENT,
          "cannot open a RELP session with " + host + ":" + port + ": " + e,
          delay,
          e);
    }
    counters.connectionsOpened.increment();
    backoff.succeeded();
    session = s;
    return s;
  }

  private Session open() throws IOException {
    Socket socket = new Socket();
    try {
      InetSocketAddress address = new InetSocketAddress(host, port); // resolved now, every time
      if (address.isUnresolved()) {
        throw new UnknownHostException(host);
      }
      socket.connect(address, connectTimeoutMillis);
      socket.setTcpNoDelay(true);
      socket.setKeepAlive(true);
      socket.setSoTimeout(connectTimeoutMillis);
      Session s = new Session(socket);
      s.open();
      socket.setSoTimeout(0);
      s.start();
      return s;
    } catch (IOException | RuntimeException e) {
      try {
        socket.close();
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
  }

  /**
   * Returns whether a session is open and not known to be broken.
   *
   * @return true when the next send needs no connect
   */
  public synchronized boolean isConnected() {
    Session s = session;
    return s != null && s.broken.get() == null;
  }

  @Override
  public synchronized void close() {
    closed = true;
    Session s = session;
    session = null;
    if (s != null) {
      s.closeGracefully();
    }
  }

  /** The server refused a message ({@code rsp} other than 200). */
  static final class RefusedException extends Exception {
    private static final long serialVersionUID = 1L;

    RefusedException(String message) {
      super(message);
    }
  }

  /** One RELP session: one TCP connection, its reader thread, the messages awaiting answers. */
  private final class Session implements Runnable {
    final Socket socket;
    final OutputStream out;
    final InputStream in;
    final Semaphore permits = new Semaphore(window);
    final Map<Integer, CompletableFuture<String>> waiting = new ConcurrentHashMap<>();

    /** Set once, without a lock: a writer blocked on a full socket holds the session's lock. */
    final AtomicReference<@Nullable IOException> broken = new AtomicReference<>();

    private int nextTxnr = 1; // guarded by this session

    Session(Socket socket) throws IOException {
      this.socket = socket;
      this.out = new BufferedOutputStream(socket.getOutputStream(), 16 * 1024);
      this.in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
    }

    /** Sends {@code open} and checks the server's offers, before the reader thread starts. */
    void open() throws IOException {
      int txnr;
      synchronized (this) {
        txnr = nextTxnr++;
        write(txnr, "open", OFFERS);
        out.flush();
      }
      Frame f = Frame.read(in);
      if (f == null) {
        throw new EOFException("the RELP server closed the connection at open");
      }
      String answer = f.text();
      if (f.txnr != txnr || !f.command.equals("rsp") || !answer.startsWith("200")) {
        throw new IOException("the RELP server refused the session: " + firstLine(answer));
      }
      if (!answer.contains("commands=") || !answer.contains("syslog")) {
        throw new IOException(
            "the RELP server does not offer the syslog command: " + answer.replace('\n', ' '));
      }
    }

    void start() {
      Thread reader = new Thread(this, "pamkit-relp-" + host + ":" + port);
      reader.setDaemon(true);
      reader.start();
    }

    /** Sends one message and waits for its answer. */
    void exchange(byte[] data) throws IOException, RefusedException {
      try {
        if (!permits.tryAcquire(ackTimeoutNanos, TimeUnit.NANOSECONDS)) {
          throw new IOException("the RELP window stayed full for the ack time-out");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while waiting for the RELP window", e);
      }
      CompletableFuture<String> answer = new CompletableFuture<>();
      try {
        synchronized (this) {
          IOException b = broken.get();
          if (b != null) {
            throw b;
          }
          int txnr = nextTxnr;
          nextTxnr = nextTxnr == MAX_TXNR ? 1 : nextTxnr + 1;
          waiting.put(txnr, answer);
          write(txnr, "syslog", data);
          out.flush();
        }
        String rsp;
        try {
          rsp = answer.get(ackTimeoutNanos, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
          IOException t = new IOException("no RELP answer within the ack time-out");
          fail(t);
          throw t;
        } catch (ExecutionException e) {
          throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IOException("interrupted while waiting for the RELP answer", e);
        }
        if (!rsp.startsWith("200")) {
          throw new RefusedException(firstLine(rsp));
        }
      } catch (IOException e) {
        fail(e);
        throw e;
      } finally {
        permits.release();
      }
    }

    private void write(int txnr, String command, byte[] data) throws IOException {
      String head = txnr + " " + command + " " + data.length;
      out.write(head.getBytes(StandardCharsets.US_ASCII));
      if (data.length > 0) {
        out.write(' ');
        out.write(data);
      }
      out.write('\n');
    }

    @Override
    public void run() {
      IOException end = null;
      try {
        Frame f;
        while ((f = Frame.read(in)) != null) {
          if (f.command.equals("rsp")) {
            CompletableFuture<String> w = waiting.remove(f.txnr);
            if (w != null) {
              w.complete(f.text());
            }
          } else if (f.command.equals("serverclose")) {
            end = new IOException("the RELP server closed the session (serverclose)");
            break;
          }
        }
      } catch (IOException e) {
        end = e;
      }
      fail(end != null ? end : new EOFException("the RELP server closed the connection"));
    }

    /** Marks the session broken and fails every message still waiting; counted once. */
    void fail(IOException why) {
      if (!broken.compareAndSet(null, why)) {
        return;
      }
      counters.connectionsLost.increment();
      for (CompletableFuture<String> w : waiting.values()) {
        w.completeExceptionally(why);
      }
      waiting.clear();
      close();
    }

    void closeGracefully() {
      try {
        synchronized (this) {
          if (broken.get() == null) {
            write(nextTxnr, "close", new byte[0]);
            out.flush();
          }
        }
      } catch (IOException e) {
        LOG.debug("closing the RELP session with {}:{} failed", host, port, e);
      }
      broken.compareAndSet(null, new IOException("closed"));
      close();
    }

    void close() {
      try {
        socket.close();
      } catch (IOException e) {
        LOG.debug("closing the RELP connection to {}:{} failed", host, port, e);
      }
    }
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  /** One received frame. */
  private record Frame(int txnr, String command, byte[] data) {

    String text() {
      return new String(data, StandardCharsets.UTF_8);
    }

    /** Reads a frame, or returns null at a clean end of stream before one. */
    static @Nullable Frame read(InputStream in) throws IOException {
      int c = in.read();
      if (c < 0) {
        return null;
      }
      long txnr = 0;
      while (c >= '0' && c <= '9') {
        txnr = txnr * 10 + (c - '0');
        if (txnr > MAX_TXNR) {
          throw new IOException("RELP frame: transaction number too large");
        }
        c = in.read();
      }
      expect(c, ' ');
      ByteArrayOutputStream command = new ByteArrayOutputStream(16);
      while ((c = in.read()) >= 0 && c != ' ') {
        if (command.size() >= 32) {
          throw new IOException("RELP frame: command too long");
        }
        command.write(c);
      }
      expect(c, ' ');
      long length = 0;
      while ((c = in.read()) >= '0' && c <= '9') {
        length = length * 10 + (c - '0');
        if (length > 128 * 1024 * 1024) {
          throw new IOException("RELP frame: data too long");
        }
      }
      byte[] data = new byte[(int) length];
      if (c == ' ') {
        int off = 0;
        while (off < data.length) {
          int n = in.read(data, off, data.length - off);
          if (n < 0) {
            throw new EOFException("RELP frame: end of stream in the data");
          }
          off += n;
        }
        c = in.read();
      }
      expect(c, '\n');
      return new Frame((int) txnr, command.toString(StandardCharsets.US_ASCII), data);
    }

    private static void expect(int c, char wanted) throws IOException {
      if (c < 0) {
        throw new EOFException("RELP frame: end of stream");
      }
      if (c != wanted) {
        throw new IOException(
            "RELP frame: expected "
                + (wanted == '\n' ? "LF" : "'" + wanted + "'")
                + ", got byte "
                + c);
      }
    }
  }
}
