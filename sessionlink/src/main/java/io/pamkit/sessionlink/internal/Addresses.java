// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.sessionlink.internal;

import static java.util.Objects.requireNonNull;

import io.pamkit.core.net.HostAddress;
import io.pamkit.core.net.InvalidValueException;

/** IP-literal questions about appliance addresses, answered by core's {@link HostAddress} rules. */
public final class Addresses {
  private Addresses() {}

  /**
   * Returns whether a text is an IP address literal: a dotted-decimal IPv4 address, or an IPv6
   * address with or without brackets (as certificates and the appliance's fields write it).
   *
   * @param text the text
   * @return true for an IP literal, false for a DNS name or anything invalid
   */
  public static boolean isIpLiteral(String text) {
    requireNonNull(text, "text");
    String bracketed = text.indexOf(':') >= 0 && !text.startsWith("[") ? "[" + text + "]" : text;
    try {
      HostAddress a = HostAddress.parse("address", bracketed);
      return a.kind() == HostAddress.Kind.IPV4 || a.kind() == HostAddress.Kind.IPV6;
    } catch (InvalidValueException e) {
      return false;
    }
  }
}
