// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.notify.syslog.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * This machine's name for the syslog HOSTNAME field: never a loopback name. The canonical name of
 * the local address is not used, because where {@code /etc/hosts} maps the machine's name to
 * 127.0.0.1 (containers, many appliances) it is {@code localhost}, and a SIEM then shows every
 * sender as "localhost".
 *
 * <p>Order: the JVM's local host name when it is not loopback-ish, the {@code HOSTNAME} environment
 * variable, the first line of {@code /etc/hostname}, the first address of an interface that is up
 * and not loopback, and {@code -} (RFC 5424's NILVALUE).
 */
public final class LocalHostName {
  private static volatile @Nullable String cached;

  private LocalHostName() {}

  /**
   * Returns this machine's name, looked up once.
   *
   * @return the name, printable US-ASCII, at most 255 characters
   */
  public static String get() {
    String c = cached;
    if (c == null) {
      c =
          resolve(
              LocalHostName::jvmName,
              () -> System.getenv("HOSTNAME"),
              () -> firstLine(Path.of("/etc/hostname")),
              LocalHostName::interfaceAddresses);
      cached = c;
    }
    return c;
  }

  /**
   * Chooses the name from its sources, in order; each source may return null.
   *
   * @param jvm the JVM's local host name
   * @param environment the {@code HOSTNAME} variable
   * @param etcHostname the first line of {@code /etc/hostname}
   * @param addresses the addresses of the interfaces that are up and not loopback
   * @return the first usable name, or {@code -}
   */
  public static String resolve(
      Supplier<@Nullable String> jvm,
      Supplier<@Nullable String> environment,
      Supplier<@Nullable String> etcHostname,
      Supplier<List<InetAddress>> addresses) {
    for (Supplier<@Nullable String> source : List.of(jvm, environment, etcHostname)) {
      String name = usable(safe(source));
      if (name != null) {
        return name;
      }
    }
    List<InetAddress> list;
    try {
      list = addresses.get();
    } catch (RuntimeException e) {
      list = List.of();
    }
    for (InetAddress a : list) {
      if (!a.isLoopbackAddress() && !a.isLinkLocalAddress() && !a.isAnyLocalAddress()) {
        String text = a.getHostAddress();
        int zone = text.indexOf('%');
        return zone < 0 ? text : text.substring(0, zone);
      }
    }
    return "-";
  }

  /**
   * Returns whether a name is a loopback name: {@code localhost}, {@code localhost.localdomain},
   * {@code localhost6}, {@code ip6-localhost}, ... or a loopback address literal.
   *
   * @param name the name
   * @return true if a receiver would learn nothing from it
   */
  public static boolean loopbackish(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return n.equals("localhost")
        || n.startsWith("localhost.")
        || n.startsWith("localhost6")
        || n.startsWith("localhost4")
        || n.startsWith("ip6-localhost")
        || n.startsWith("ip6-loopback")
        || n.startsWith("127.")
        || n.equals("::1")
        || n.equals("0:0:0:0:0:0:0:1")
        || n.equals("0.0.0.0");
  }

  private static @Nullable String usable(@Nullable String name) {
    if (name == null) {
      return null;
    }
    String n = name.strip();
    if (n.isEmpty() || n.length() > 255 || loopbackish(n)) {
      return null;
    }
    for (int i = 0; i < n.length(); i++) {
      char ch = n.charAt(i);
      if (ch < 33 || ch > 126) {
        return null;
      }
    }
    return n;
  }

  private static @Nullable String safe(Supplier<@Nullable String> s) {
    try {
      return s.get();
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static @Nullable String jvmName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return null;
    }
  }

  private static @Nullable String firstLine(Path file) {
    try {
      if (!Files.isReadable(file)) {
        return null;
      }
      List<String> lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
      return lines.isEmpty() ? null : lines.get(0);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private static List<InetAddress> interfaceAddresses() {
    List<InetAddress> out = new ArrayList<>();
    try {
      for (NetworkInterface i : Collections.list(NetworkInterface.getNetworkInterfaces())) {
        if (i.isUp() && !i.isLoopback()) {
          out.addAll(Collections.list(i.getInetAddresses()));
        }
      }
    } catch (IOException e) {
      // no interfaces to offer
    }
    return out;
  }
}
