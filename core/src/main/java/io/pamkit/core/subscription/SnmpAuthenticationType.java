// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.subscription;

import io.pamkit.core.WireNamed;
import io.pamkit.core.internal.WireNames;
import java.util.Map;
import java.util.Optional;

/**
 * The appliance's {@code SnmpAuthenticationType}, extended with the SHA-2 protocols of RFC 7860
 * that the appliance does not list.
 */
public enum SnmpAuthenticationType implements WireNamed {
  /** No authentication (noAuthNoPriv). */
  NONE("None"),
  /** HMAC-MD5-96 (legacy; snmp4j 3.5+ needs it enabled explicitly). */
  MD5("Md5"),
  /** HMAC-SHA-96 (legacy; snmp4j 3.5+ needs it enabled explicitly). */
  SHA1("Sha1"),
  /** HMAC-SHA-224 (RFC 7860); a pamkit addition. */
  SHA224("Sha224"),
  /** HMAC-SHA-256 (RFC 7860); a pamkit addition. */
  SHA256("Sha256"),
  /** HMAC-SHA-384 (RFC 7860); a pamkit addition. */
  SHA384("Sha384"),
  /** HMAC-SHA-512 (RFC 7860); a pamkit addition. */
  SHA512("Sha512");

  private static final Map<String, SnmpAuthenticationType> BY_WIRE_NAME = WireNames.index(values());

  private final String wireName;

  /**
   * Returns the appliance's name for this constant, its {@linkplain #wireName() wire name}: e.g.
   * {@code Sha256} for {@link #SHA256}.
   */
  @Override
  public String toString() {
    return wireName;
  }

  SnmpAuthenticationType(String wireName) {
    this.wireName = wireName;
  }

  /**
   * Looks up a constant by its {@linkplain #wireName() wire name}, spelled exactly: {@code Sha256}
   * gives {@link #SHA256}.
   *
   * @param wireName the wire name
   * @return the constant, or empty when no constant has that wire name
   */
  public static Optional<SnmpAuthenticationType> fromWireName(String wireName) {
    return Optional.ofNullable(BY_WIRE_NAME.get(wireName));
  }
}
