package io.pamkit.examples.demo;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A small in-process syslog receiver for the demo and the recipes: one UDP socket and one TCP
 * listener on loopback. TCP accepts RFC 6587 octet counting and LF-terminated framing (it tells
 * them apart by the first byte of each frame). Every message received is kept as a string.
 */
public final class SyslogReceiver implements AutoCloseable {
  private final DatagramSocket udp;
  private final ServerSocket tcp;
  private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
  private final List<String> all = new CopyOnWriteArrayList<>();
  private final List<Socket> connections = new CopyOnWriteArrayList<>();
  private volatile boolean closed;

  private SyslogReceiver(DatagramSocket udp, ServerSocket tcp) {
    this.udp = udp;
    this.tcp = tcp;
  }

  /**
   * Starts a receiver on free loopback ports below 32768: the appliance's {@code SyslogServer}
   * schema limits {@code Port} to 1..32767, so the kernel's ephemeral ports (usually above
   * 32767) would not fit in a configuration document.
   *
   * @return the running receiver
   * @throws IOException if no free port pair is found
   */
  public static SyslogReceiver start() throws IOException {
    InetAddress lo = InetAddress.getLoopbackAddress();
    java.util.Random random = new java.util.Random();
    IOException last = null;
    for (int i = 0; i < 200; i++) {
      int port = 20_000 + random.nextInt(12_000);
      DatagramSocket udp = null;
      try {
        udp = new DatagramSocket(new InetSocketAddress(lo, port));
        ServerSocket tcp = new ServerSocket(port, 50, lo);
        return start(udp, tcp);
      } catch (IOException e) {
        last = e;
        if (udp != null) {
          udp.close();
        }
      }
    }
    throw new IOException("no free loopback port pair found below 32768", last);
  }

  private static SyslogReceiver start(DatagramSocket udp, ServerSocket tcp) {
    SyslogReceiver r = new SyslogReceiver(udp, tcp);
    Thread u = new Thread(r::udpLoop, "demo-syslog-udp");
    u.setDaemon(true);
    u.start();
    Thread t = new Thread(r::acceptLoop, "demo-syslog-tcp");
    t.setDaemon(true);
    t.start();
    return r;
  }

  /** @return the UDP port */
  public int udpPort() {
    return udp.getLocalPort();
  }

  /** @return the TCP port */
  public int tcpPort() {
    return tcp.getLocalPort();
  }

  /**
   * Waits for the next message.
   *
   * @param timeoutMillis how long to wait
   * @return the message, or null if none arrived in time
   * @throws InterruptedException if interrupted while waiting
   */
  public String poll(long timeoutMillis) throws InterruptedException {
    return received.poll(timeoutMillis, TimeUnit.MILLISECONDS);
  }

  /** @return every message received so far, in arrival order */
  public List<String> messages() {
    return List.copyOf(all);
  }

  private void record(String message) {
    all.add(message);
    received.add(message);
  }

  private void udpLoop() {
    byte[] buf = new byte[65_535];
    while (!closed) {
      DatagramPacket p = new DatagramPacket(buf, buf.length);
      try {
        udp.receive(p);
        record(new String(p.getData(), 0, p.getLength(), StandardCharsets.UTF_8));
      } catch (IOException e) {
        if (!closed) {
          record("<receiver error: " + e.getMessage() + ">");
        }
        return;
      }
    }
  }

  private void acceptLoop() {
    while (!closed) {
      try {
        Socket s = tcp.accept();
        connections.add(s);
        Thread t = new Thread(() -> readFrames(s), "demo-syslog-conn");
        t.setDaemon(true);
        t.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  private void readFrames(Socket s) {
    try (InputStream in = new BufferedInputStream(s.getInputStream())) {
      while (true) {
        in.mark(1);
        int first = in.read();
        if (first < 0) {
          return;
        }
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        if (first >= '1' && first <= '9') {
          int len = first - '0';
          int c;
          while ((c = in.read()) >= '0' && c <= '9') {
            len = len * 10 + (c - '0');
          }
          byte[] body = in.readNBytes(len);
          frame.write(body);
        } else {
          int c = first;
          while (c >= 0 && c != '\n') {
            frame.write(c);
            c = in.read();
          }
        }
        record(frame.toString(StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      // connection closed by the peer or by close()
    }
  }

  @Override
  public void close() {
    closed = true;
    udp.close();
    try {
      tcp.close();
    } catch (IOException ignored) {
      // closing anyway
    }
    for (Socket s : connections) {
      try {
        s.close();
      } catch (IOException ignored) {
        // closing anyway
      }
    }
  }
}
