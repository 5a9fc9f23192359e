// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.testing;

import java.io.IOException;
import java.net.BindException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Finds loopback ports for receivers whose port must fit the appliance's schema: a syslog server's
 * {@code Port} is 1..32767, below the kernel's usual ephemeral range, so a port chosen by the
 * kernel (port 0) often would not fit in a configuration document.
 *
 * <p>Thread-safe. A port found free can be taken by another process before it is bound again; the
 * receivers retry with another port when that happens.
 */
public final class FreePorts {
  private static final int FIRST = 20_000;
  private static final int LAST = 32_000;

  private FreePorts() {}

  /**
   * Returns a loopback port in 20000..32000 that is free for both TCP and UDP right now.
   *
   * @return the port
   * @throws IOException if none was found after 200 tries
   */
  public static int lowPort() throws IOException {
    InetAddress lo = InetAddress.getLoopbackAddress();
    IOException last = null;
    for (int i = 0; i < 200; i++) {
      int port = ThreadLocalRandom.current().nextInt(FIRST, LAST + 1);
      try (ServerSocket s = new ServerSocket(port, 1, lo);
          DatagramSocket d = new DatagramSocket(port, lo)) {
        return Math.min(s.getLocalPort(), d.getLocalPort());
      } catch (BindException busy) {
        last = busy;
      }
    }
    throw new IOException("no free loopback port in " + FIRST + ".." + LAST, last);
  }

  /** Returns the port, or throws IAE naming it when it is outside 1..65535. */
  static int checkPort(int port) {
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port must be 1..65535, was " + port);
    }
    return port;
  }
}
