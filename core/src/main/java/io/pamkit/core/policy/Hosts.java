// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.policy;

import java.net.IDN;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Strict parsing of host names, and formatting of IP addresses, shared by trusted-server entries
 * and the URLs checked against them (IP literals are parsed by {@link
 * io.pamkit.core.internal.IpLiterals}). Every method returns null (or throws {@link
 * IllegalArgumentException} with the rule) instead of guessing: anything a browser could read
 * differently is refused.
 */
final class Hosts {
  private Hosts() {}

  /**
   * Returns whether a (lower-case ASCII) host would be read as an IPv4 address by a WHATWG URL
   * parser: its last label (ignoring one trailing dot) is a decimal, octal or hex number. Such
   * hosts must be canonical dotted-quad, otherwise they are refused.
   */
  static boolean looksNumeric(String host) {
    String h = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
    int dot = h.lastIndexOf('.');
    String last = h.substring(dot + 1);
    if (last.isEmpty()) {
      return false;
    }
    if (last.startsWith("0x")) {
      for (int i = 2; i < last.length(); i++) {
        if (Character.digit(last.charAt(i), 16) < 0) {
          return false;
        }
      }
      return true;
    }
    for (int i = 0; i < last.length(); i++) {
      char c = last.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  /**
   * Returns the IPv4 address of an IPv4-mapped IPv6 address ({@code ::ffff:a.b.c.d}).
   *
   * @return the address, or null when the bytes are not IPv4-mapped
   */
  static @Nullable Integer mappedIpv4(byte[] v6) {
    for (int i = 0; i < 10; i++) {
      if (v6[i] != 0) {
        return null;
      }
    }
    if (v6[10] != (byte) 0xFF || v6[11] != (byte) 0xFF) {
      return null;
    }
    return ((v6[12] & 0xFF) << 24)
        | ((v6[13] & 0xFF) << 16)
        | ((v6[14] & 0xFF) << 8)
        | (v6[15] & 0xFF);
  }

  /**
   * Normalises a DNS host name to lower-case ASCII (A-labels): removes one trailing dot, lower-
   * cases, converts Unicode labels with IDNA. A Unicode host is accepted only if it is already in
   * the form IDNA maps it to (so no full-width letters, {@code ß}, joiners or other characters that
   * different IDNA versions map differently).
   *
   * @throws IllegalArgumentException with the rule when the text is not a valid host name
   */
  static String normaliseHostName(String host) {
    String h = host;
    if (h.endsWith(".")) {
      h = h.substring(0, h.length() - 1);
    }
    if (h.isEmpty()) {
      throw new IllegalArgumentException("a host name must not be empty");
    }
    h = h.toLowerCase(Locale.ROOT);
    boolean ascii = true;
    for (int i = 0; i < h.length(); i++) {
      if (h.charAt(i) > 0x7F) {
        ascii = false;
        break;
      }
    }
    if (!ascii) {
      String a;
      try {
        a = IDN.toASCII(h, IDN.USE_STD3_ASCII_RULES);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "not a valid internationalised host name (" + e.getMessage() + ")", e);
      }
      String back = IDN.toUnicode(a, IDN.USE_STD3_ASCII_RULES);
      if (!back.equals(h)) {
        throw new IllegalArgumentException(
            "Unicode host name is not in normalised form (IDNA maps it to "
                + a
                + "); use the A-label form");
      }
      h = a.toLowerCase(Locale.ROOT);
    }
    if (h.length() > 253) {
      throw new IllegalArgumentException("a host name has at most 253 characters");
    }
    int labelStart = 0;
    for (int i = 0; i <= h.length(); i++) {
      if (i == h.length() || h.charAt(i) == '.') {
        int len = i - labelStart;
        if (len == 0) {
          throw new IllegalArgumentException("a host name has no empty labels (\"..\")");
        }
        if (len > 63) {
          throw new IllegalArgumentException("a host name label has at most 63 characters");
        }
        if (h.charAt(labelStart) == '-' || h.charAt(i - 1) == '-') {
          throw new IllegalArgumentException("a host name label must not start or end with '-'");
        }
        labelStart = i + 1;
      } else {
        char c = h.charAt(i);
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) {
          throw new IllegalArgumentException(
              "a host name has only letters, digits, '-' and '.' (found '" + printable(c) + "')");
        }
      }
    }
    return h;
  }

  static String printable(char c) {
    return c < 0x20 || c == 0x7F || c > 0x7E ? String.format("U+%04X", (int) c) : String.valueOf(c);
  }

  static String formatIpv4(int v) {
    return (v >>> 24) + "." + ((v >>> 16) & 0xFF) + "." + ((v >>> 8) & 0xFF) + "." + (v & 0xFF);
  }

  static String formatIpv6(byte[] b) {
    // RFC 5952: lower case, longest run of two or more zero groups as "::".
    int[] g = new int[8];
    for (int i = 0; i < 8; i++) {
      g[i] = ((b[2 * i] & 0xFF) << 8) | (b[2 * i + 1] & 0xFF);
    }
    int bestStart = -1;
    int bestLen = 1;
    for (int i = 0; i < 8; ) {
      if (g[i] == 0) {
        int j = i;
        while (j < 8 && g[j] == 0) {
          j++;
        }
        if (j - i > bestLen) {
          bestStart = i;
          bestLen = j - i;
        }
        i = j;
      } else {
        i++;
      }
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      if (i == bestStart) {
        sb.append("::");
        i += bestLen - 1;
        continue;
      }
      if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
        sb.append(':');
      }
      sb.append(Integer.toHexString(g[i]));
    }
    return sb.toString();
  }
}
