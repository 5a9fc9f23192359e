// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.subscription;

import io.pamkit.core.WireNamed;
import io.pamkit.core.internal.WireNames;
import java.util.Map;
import java.util.Optional;

/** The appliance's {@code SnmpEncryptionType}: the SNMPv3 privacy protocol. */
public enum SnmpEncryptionType implements WireNamed {
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

  private static final Map<String, SnmpEncryptionType> BY_WIRE_NAME = WireNames.index(values());

  private final String wireName;

  /**
   * Returns the appliance's name for this constant, its {@linkplain #wireName() wire name}: e.g.
   * {@code Aes128} for {@link #AES128}.
   */
  @Override
  public String toString() {
    return wireName;
  }

  SnmpEncryptionType(String wireName) {
    this.wireName = wireName;
  }

  /**
   * Looks up a constant by its {@linkplain #wireName() wire name}, spelled exactly: {@code Aes128}
   * gives {@link #AES128}.
   *
   * @param wireName the wire name
   * @return the constant, or empty when no constant has that wire name
   */
  public static Optional<SnmpEncryptionType> fromWireName(String wireName) {
    return Optional.ofNullable(BY_WIRE_NAME.get(wireName));
  }
}
