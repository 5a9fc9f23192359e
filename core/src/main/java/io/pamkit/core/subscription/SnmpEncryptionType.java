// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.subscription;

import java.util.Optional;

/** The appliance's {@code SnmpEncryptionType}: the SNMPv3 privacy protocol. */
public enum SnmpEncryptionType {
  /** No privacy (authNoPriv or noAuthNoPriv). */
  NONE("None"),
  /** DES (legacy; snmp4j 3.5+ needs it enabled explicitly). */
  DES("Des"),
  /** AES-128 (RFC 3826). */
  AES128("Aes128"),
  /** AES-192. */
  AES192("Aes192"),
  /** AES-256. */
  AES256("Aes256"),
  /** Triple DES. */
  TRIPLE_DES("TripleDes");

  private final String wireName;

  SnmpEncryptionType(String wireName) {
    this.wireName = wireName;
  }

  /**
   * Returns the appliance's name for this constant, as configuration documents and pamkit's output
   * spell it.
   *
   * @return the wire name, e.g. {@code Aes128}
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
  public static Optional<SnmpEncryptionType> fromWireName(String wireName) {
    for (SnmpEncryptionType c : values()) {
      if (c.wireName.equals(wireName)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }
}
