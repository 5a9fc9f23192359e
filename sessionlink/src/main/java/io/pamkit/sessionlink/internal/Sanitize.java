// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.sessionlink.internal;

/** Keeps text from a peer on one line, so it cannot forge log lines or headers. */
public final class Sanitize {
  private Sanitize() {}

  /**
   * Replaces CR, LF and other control characters with a space.
   *
   * @param text the text
   * @return the text on one line
   */
  public static String oneLine(String text) {
    StringBuilder sb = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      sb.append(Character.isISOControl(c) ? ' ' : c);
    }
    return sb.toString();
  }

  /**
   * Rejects a value meant for an HTTP header or URL if it has control characters.
   *
   * @param name the field name, for the message
   * @param value the value
   * @return the value
   * @throws IllegalArgumentException naming the field if it contains CR, LF or another control
   *     character
   */
  public static String headerSafe(String name, String value) {
    for (int i = 0; i < value.length(); i++) {
      if (Character.isISOControl(value.charAt(i))) {
        throw new IllegalArgumentException(
            name + " contains a control character at index " + i + "; CR/LF are not allowed");
      }
    }
    return value;
  }

  /**
   * Checks an appliance address with the core rules ({@link io.pamkit.core.net.HostAddress}: an
   * IPv4 address, a DNS name, or an IPv6 address in square brackets) and returns the bare host.
   *
   * @param host the address as given to a client builder
   * @return the host without brackets
   * @throws IllegalArgumentException naming the address and the rule it breaks
   */
  public static String bareHost(String host) {
    io.pamkit.core.net.HostAddress a;
    try {
      a = io.pamkit.core.net.HostAddress.parse("host", host);
    } catch (io.pamkit.core.ValidationException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
    if (a.isDisabled()) {
      throw new IllegalArgumentException("host must not be empty");
    }
    return a.host();
  }

  /**
   * Returns {@code host[:port]} for an HTTPS URI: an IPv6 host in brackets, the port left out when
   * it is 443.
   *
   * @param host the bare host
   * @param port the port
   * @return the authority
   */
  public static String httpsAuthority(String host, int port) {
    String h = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
    return port == 443 ? h : h + ":" + port;
  }
}
