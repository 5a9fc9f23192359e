// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.notify.smtp;

import io.pamkit.core.ValidationException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * A parsed {@code ServerAddress}: an IPv4 address (the appliance writes it in brackets, {@code
 * [192.0.2.1]}; a bare one is accepted too), an IPv6 address in brackets, or a DNS name. The host
 * given to sockets is the bare literal; brackets are only part of the written form.
 */
final class ServerAddress {
  enum Kind {
    IPV4,
    IPV6,
    DNS_NAME
  }

  private static final Pattern IPV4 =
      Pattern.compile(
          "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
  private static final Pattern LABEL =
      Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");

  private final String written;
  private final String host;
  private final Kind kind;

  private ServerAddress(String written, String host, Kind kind) {
    this.written = written;
    this.host = host;
    this.kind = kind;
  }

  /**
   * Parses a non-blank server address.
   *
   * @param path the field's path for errors
   * @param value the written address
   */
  static ServerAddress parse(String path, String value) {
    String v = value.strip();
    if (v.length() > 255) {
      throw new ValidationException(
          path, v.length() + " characters is more than the maximum of 255");
    }
    if (v.startsWith("[") || v.endsWith("]")) {
      if (!(v.startsWith("[") && v.endsWith("]")) || v.length() < 3) {
        throw new ValidationException(path, "'" + v + "' has unbalanced square brackets");
      }
      String inner = v.substring(1, v.length() - 1);
      if (IPV4.matcher(inner).matches()) {
        return new ServerAddress(v, inner, Kind.IPV4);
      }
      if (inner.indexOf(':') >= 0
          && inner.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == ':' || c == '.')) {
        try {
          // a literal with ':' is parsed, never looked up
          InetAddress a = InetAddress.getByName(inner);
          return new ServerAddress(v, a.getHostAddress().replaceAll("%.*$", ""), Kind.IPV6);
        } catch (UnknownHostException e) {
          // fall through to the error below
        }
      }
      throw new ValidationException(
          path, "'" + v + "' is not an IPv4 or IPv6 address in square" + " brackets");
    }
    if (IPV4.matcher(v).matches()) {
      return new ServerAddress("[" + v + "]", v, Kind.IPV4);
    }
    if (v.indexOf(':') >= 0) {
      throw new ValidationException(
          path,
          "'"
              + v
              + "': an IPv6 address must be enclosed in"
              + " square brackets, e.g. [2001:db8::25]; a port goes in PortNumber");
    }
    String name = v.endsWith(".") ? v.substring(0, v.length() - 1) : v;
    if (name.isEmpty() || name.length() > 253) {
      throw new ValidationException(path, "'" + v + "' is not a valid DNS name");
    }
    for (String label : name.split("\\.", -1)) {
      if (!LABEL.matcher(label).matches()) {
        throw new ValidationException(
            path,
            "'"
                + v
                + "' is not an IP address in brackets or a"
                + " valid DNS name (label '"
                + label
                + "': letters, digits and inner hyphens, 1 to 63"
                + " characters)");
      }
    }
    return new ServerAddress(v, name, Kind.DNS_NAME);
  }

  /**
   * @return the address as written, IPs in brackets
   */
  String written() {
    return written;
  }

  /**
   * @return the host for sockets: the bare IP literal or the DNS name
   */
  String host() {
    return host;
  }

  Kind kind() {
    return kind;
  }

  @Override
  public String toString() {
    return written;
  }
}
