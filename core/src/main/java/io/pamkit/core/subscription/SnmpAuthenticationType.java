// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.subscription;

import java.util.Optional;

/**
 * The appliance's {@code SnmpAuthenticationType}, extended with the SHA-2 protocols of RFC 7860
 * that the appliance does not list.
 */
public enum SnmpAuthenticationType {
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

  private final String wireName;

  SnmpAuthenticationType(String wireName) {
    this.wireName = wireName;
  }

  /**
   * Returns the appliance's name for this constant, as configuration documents and pamkit's output
   * spell it.
   *
   * @return the wire name, e.g. {@code Sha256}
   */
  public String wireName() {
    return wireName;
  }

  /**
   * Returns {@link #wireName()}, so that messages and logs show the appliance's name.
   *
   * @return the wire name
   */
  @Override
  public String toString() {
    return wireName;
  }

  /**
   * Looks up a constant by its wire name, spelled exactly as the appliance spells it. Every parser
   * of documents and records goes through this method, never {@code valueOf}.
   *
   * @param wireName the wire name
   * @return the constant, or empty when no constant has that wire name
   */
  public static Optional<SnmpAuthenticationType> fromWireName(String wireName) {
    for (SnmpAuthenticationType c : values()) {
      if (c.wireName.equals(wireName)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }
}
