// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.net;

import static java.util.Objects.requireNonNull;

import io.pamkit.core.internal.IpLiterals;
import io.pamkit.core.internal.Text;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The address of a server as the appliance accepts it: an IPv4 address ({@code 192.0.2.10},
 * optionally in square brackets), an IPv6 address <em>only</em> in square brackets ({@code
 * [b86f:b86f:b86f:1:b86f:b86f:b86f:b86f]}), or a DNS name ({@code mail.example.com}). The empty
 * string means "not set": the feature it configures is disabled ("When unspecified, the email
 * client is disabled").
 *
 * <p>Parsing never touches the network. DNS names follow RFC 1123 (labels of letters, digits and
 * hyphens, 1 to 63 characters, not starting or ending with a hyphen, at most 253 characters, a
 * top-level label that is not all digits); an optional trailing dot is kept. IPv4 parts are decimal
 * 0 to 255 without leading zeros (a leading zero would mean octal to some parsers). IPv6 follows
 * RFC 4291 text form, with an embedded IPv4 tail allowed and zone ids refused.
 *
 * <p>Immutable and thread-safe.
 */
public final class HostAddress {
  private static final HostAddress DISABLED = new HostAddress(Kind.DISABLED, "", "");

  /** What kind of address a {@link HostAddress} holds. */
  public enum Kind {
    /** The empty address: the feature is disabled. */
    DISABLED,
    /** A dotted-decimal IPv4 address. */
    IPV4,
    /** An IPv6 address, written in square brackets. */
    IPV6,
    /** A DNS host name. */
    DNS_NAME
  }

  private final Kind kind;
  private final String text;
  private final String host;

  private HostAddress(Kind kind, String text, String host) {
    this.kind = kind;
    this.text = text;
    this.host = host;
  }

  /**
   * Returns the empty address, meaning "disabled".
   *
   * @return the disabled address
   */
  public static HostAddress disabled() {
    return DISABLED;
  }

  /**
   * Parses an address held in a field called {@code NetworkAddress}.
   *
   * @param text the address; the empty string means disabled
   * @return the address
   * @throws InvalidValueException if the text is not a valid address
   */
  public static HostAddress parse(String text) {
    return parse("NetworkAddress", text);
  }

  /**
   * Parses an address held in the named field.
   *
   * @param field the field name for the error, e.g. {@code "ServerAddress"}
   * @param text the address; the empty string means disabled
   * @return the address
   * @throws InvalidValueException naming {@code field} if the text is not a valid address
   */
  public static HostAddress parse(String field, String text) {
    requireNonNull(field, "field");
    requireNonNull(text, field);
    if (text.isEmpty()) {
      return DISABLED;
    }
    if (text.isBlank()) {
      throw new InvalidValueException(
          field,
          "is blank; leave it empty to disable, or give an IPv4 address, a [bracketed]"
              + " IPv6 address or a DNS name");
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c <= 0x20 || c >= 0x7f) {
        throw new InvalidValueException(
            field,
            "'"
                + Text.escaped(text, 300)
                + "' contains a space, control or non-ASCII character at"
                + " index "
                + i
                + "; host addresses are ASCII without spaces");
      }
    }
    if (text.startsWith("[")) {
      if (!text.endsWith("]") || text.length() < 3) {
        throw new InvalidValueException(field, "'" + text + "' opens '[' but does not close it");
      }
      String inner = text.substring(1, text.length() - 1);
      if (IpLiterals.isIpv4(inner)) {
        return new HostAddress(Kind.IPV4, text, inner);
      }
      if (IpLiterals.isIpv6(inner)) {
        return new HostAddress(Kind.IPV6, text, inner.toLowerCase(Locale.ROOT));
      }
      throw new InvalidValueException(
          field, "'" + text + "' is not an IPv4 or IPv6 address inside the brackets");
    }
    if (text.indexOf(':') >= 0) {
      if (IpLiterals.isIpv6(text)) {
        throw new InvalidValueException(
            field,
            "'"
                + text
                + "' is an IPv6 address; IPv6 addresses must be enclosed in square"
                + " brackets, e.g. ["
                + text
                + "]");
      }
      throw new InvalidValueException(
          field,
          "'"
              + text
              + "' is not a valid address; a colon is only allowed in a [bracketed]"
              + " IPv6 address (give the port in its own field)");
    }
    if (text.chars().allMatch(c -> (c >= '0' && c <= '9') || c == '.')) {
      String problem = ipv4Problem(text);
      if (problem != null) {
        throw new InvalidValueException(
            field, "'" + text + "' is not a valid IPv4 address: " + problem);
      }
      return new HostAddress(Kind.IPV4, text, text);
    }
    String problem = dnsProblem(text);
    if (problem != null) {
      throw new InvalidValueException(field, "'" + text + "' is not a valid DNS name: " + problem);
    }
    return new HostAddress(Kind.DNS_NAME, text, text);
  }

  /**
   * Returns what kind of address this is.
   *
   * @return the kind
   */
  public Kind kind() {
    return kind;
  }

  /**
   * Returns whether this is the empty address, meaning the feature is disabled.
   *
   * @return true when disabled
   */
  public boolean isDisabled() {
    return kind == Kind.DISABLED;
  }

  /**
   * Returns the address as written, IPv6 in brackets.
   *
   * @return the text; empty when disabled
   */
  public String text() {
    return text;
  }

  /**
   * Returns the host for a socket: the text without brackets (what {@code InetSocketAddress} and
   * TLS host-name checks expect). IPv6 is in lower case.
   *
   * @return the bare host; empty when disabled
   */
  public String host() {
    return host;
  }

  /**
   * Returns {@code host:port}, with an IPv6 address in brackets.
   *
   * @param port the port
   * @return the authority, e.g. {@code [2001:db8::1]:25}
   * @throws IllegalStateException if the address is disabled
   */
  public String authority(Port port) {
    requireNonNull(port, "port");
    if (isDisabled()) {
      throw new IllegalStateException("the address is empty (disabled)");
    }
    return (kind == Kind.IPV6 ? "[" + host + "]" : host) + ":" + port.value();
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof HostAddress
        && ((HostAddress) o).kind == kind
        && ((HostAddress) o).host.equalsIgnoreCase(host);
  }

  @Override
  public int hashCode() {
    return kind.hashCode() * 31 + host.toLowerCase(Locale.ROOT).hashCode();
  }

  /** Returns the address as written ({@link #text()}). */
  @Override
  public String toString() {
    return text;
  }

  private static @Nullable String ipv4Problem(String s) {
    String[] parts = s.split("\\.", -1);
    if (parts.length != 4) {
      return "it has " + parts.length + " dot-separated parts; 4 are required";
    }
    for (String p : parts) {
      if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(c -> c >= '0' && c <= '9')) {
        return "part '" + p + "' is not a number 0..255";
      }
      if (p.length() > 1 && p.charAt(0) == '0') {
        return "part '" + p + "' has a leading zero";
      }
      if (Integer.parseInt(p) > 255) {
        return "part " + p + " is outside 0..255";
      }
    }
    return null;
  }

  static @Nullable String dnsProblem(String name) {
    String s = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    if (s.isEmpty()) {
      return "it has no label";
    }
    if (s.length() > 253) {
      return "it is " + s.length() + " characters long; at most 253 are allowed";
    }
    String[] labels = s.split("\\.", -1);
    for (String l : labels) {
      if (l.isEmpty()) {
        return "it has an empty label (two dots in a row, or a leading dot)";
      }
      if (l.length() > 63) {
        return "label '" + l + "' is " + l.length() + " characters long; at most 63 are allowed";
      }
      for (int i = 0; i < l.length(); i++) {
        char c = l.charAt(i);
        boolean ok =
            (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
        if (!ok) {
          return "label '"
              + l
              + "' contains '"
              + c
              + "'; only letters, digits and hyphens are"
              + " allowed";
        }
      }
      if (l.startsWith("-") || l.endsWith("-")) {
        return "label '" + l + "' starts or ends with a hyphen";
      }
    }
    String top = labels[labels.length - 1];
    if (labels.length > 1 && top.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return "the top-level label '" + top + "' is all digits";
    }
    return null;
  }
}
