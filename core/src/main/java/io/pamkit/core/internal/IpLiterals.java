// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.jspecify.annotations.Nullable;

/**
 * The one strict parser of IP address literals in pamkit: canonical dotted-quad IPv4 (four decimal
 * parts 0..255, no leading zeros) and IPv6 (hex groups, at most one {@code ::}, an optional
 * dotted-quad tail, no zone id, no brackets). It never resolves a name and never guesses: {@code
 * 010.1.1.1}, {@code 0x7f.1}, {@code 1.2.3} and {@code fe80::1%eth0} are not literals.
 *
 * <p>Used by host-address checks, trusted-server entries, certificate subject alternative names and
 * host-name matching, so that they all agree on what an IP literal is.
 */
public final class IpLiterals {
  private IpLiterals() {}

  /**
   * Parses a canonical dotted-quad IPv4 address.
   *
   * @param s the text
   * @return the address as a big-endian int, or null when the text is not canonical dotted-quad
   */
  public static @Nullable Integer ipv4(String s) {
    int parts = 0;
    int value = 0;
    int i = 0;
    int n = s.length();
    while (i < n) {
      int start = i;
      int part = 0;
      while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
        part = part * 10 + (s.charAt(i) - '0');
        i++;
        if (i - start > 3) {
          return null;
        }
      }
      int len = i - start;
      if (len == 0 || part > 255 || (len > 1 && s.charAt(start) == '0')) {
        return null;
      }
      value = (value << 8) | part;
      parts++;
      if (i < n) {
        if (s.charAt(i) != '.' || parts == 4) {
          return null;
        }
        i++;
        if (i == n) {
          return null;
        }
      }
    }
    return parts == 4 ? value : null;
  }

  /**
   * Parses an IPv6 literal without brackets: eight groups of one to four ASCII hex digits (either
   * case), at most one {@code ::}, an optional canonical dotted-quad tail. Zone ids are refused.
   *
   * @param s the text
   * @return the 16 bytes, or null when the text is not an IPv6 literal
   */
  public static byte @Nullable [] ipv6(String s) {
    if (s.isEmpty() || s.indexOf('%') >= 0) {
      return null;
    }
    int dbl = s.indexOf("::");
    if (dbl >= 0 && s.indexOf("::", dbl + 1) >= 0) {
      return null;
    }
    String head = dbl >= 0 ? s.substring(0, dbl) : s;
    String tail = dbl >= 0 ? s.substring(dbl + 2) : "";
    int[] h = groups(head, dbl < 0);
    int[] t = dbl >= 0 ? groups(tail, true) : new int[0];
    if (h == null || t == null) {
      return null;
    }
    int total = h.length + t.length;
    if (dbl < 0 ? total != 8 : total > 7) {
      return null;
    }
    byte[] out = new byte[16];
    for (int i = 0; i < h.length; i++) {
      out[2 * i] = (byte) (h[i] >> 8);
      out[2 * i + 1] = (byte) h[i];
    }
    for (int i = 0; i < t.length; i++) {
      int g = 8 - t.length + i;
      out[2 * g] = (byte) (t[i] >> 8);
      out[2 * g + 1] = (byte) t[i];
    }
    return out;
  }

  /**
   * Returns whether the text is a canonical dotted-quad IPv4 address.
   *
   * @param s the text
   * @return true for an IPv4 literal
   */
  public static boolean isIpv4(String s) {
    return ipv4(s) != null;
  }

  /**
   * Returns whether the text is an IPv6 literal (without brackets or zone id).
   *
   * @param s the text
   * @return true for an IPv6 literal
   */
  public static boolean isIpv6(String s) {
    return ipv6(s) != null;
  }

  /**
   * Parses an IPv4 or IPv6 literal into an address, without any name lookup.
   *
   * @param s the text
   * @return the address, or null when the text is not an IP literal
   */
  public static @Nullable InetAddress inetAddress(String s) {
    Integer v4 = ipv4(s);
    byte[] bytes;
    if (v4 != null) {
      int v = v4;
      bytes = new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
    } else {
      bytes = ipv6(s);
      if (bytes == null) {
        return null;
      }
    }
    try {
      return InetAddress.getByAddress(bytes);
    } catch (UnknownHostException e) {
      throw new AssertionError("4 or 16 bytes are always an address", e);
    }
  }

  /**
   * Parses an IPv4 or IPv6 literal, for builder arguments.
   *
   * @param s the text
   * @return the address
   * @throws IllegalArgumentException if the text is not an IP literal
   */
  public static InetAddress requireInetAddress(String s) {
    InetAddress a = inetAddress(s);
    if (a == null) {
      throw new IllegalArgumentException(
          "\""
              + Text.escaped(s, 100)
              + "\" is not an IP address (canonical IPv4 a.b.c.d or"
              + " IPv6)");
    }
    return a;
  }

  /** Parses colon-separated hex groups; the last one may be a dotted quad (two groups). */
  private static int @Nullable [] groups(String s, boolean allowIpv4Tail) {
    if (s.isEmpty()) {
      return new int[0];
    }
    String[] parts = s.split(":", -1);
    int extra = 0;
    String last = parts[parts.length - 1];
    Integer v4 = null;
    if (last.indexOf('.') >= 0) {
      if (!allowIpv4Tail) {
        return null;
      }
      v4 = ipv4(last);
      if (v4 == null) {
        return null;
      }
      extra = 1;
    }
    int[] out = new int[parts.length + extra];
    int hexParts = v4 != null ? parts.length - 1 : parts.length;
    for (int i = 0; i < hexParts; i++) {
      String p = parts[i];
      if (p.isEmpty() || p.length() > 4) {
        return null;
      }
      int g = 0;
      for (int j = 0; j < p.length(); j++) {
        char c = p.charAt(j);
        int d = c < 0x80 ? Character.digit(c, 16) : -1;
        if (d < 0) {
          return null;
        }
        g = g * 16 + d;
      }
      out[i] = g;
    }
    if (v4 != null) {
      out[hexParts] = v4 >>> 16;
      out[hexParts + 1] = v4 & 0xFFFF;
    }
    return out;
  }
}
