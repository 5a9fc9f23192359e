// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.subscription;

/** The appliance's {@code SnmpEncryptionType}: the SNMPv3 privacy protocol. */
public enum SnmpEncryptionType {
  /** No privacy (authNoPriv or noAuthNoPriv). */
  None,
  /** DES (legacy; snmp4j 3.5+ needs it enabled explicitly). */
  Des,
  /** AES-128 (RFC 3826). */
  Aes128,
  /** AES-192. */
  Aes192,
  /** AES-256. */
  Aes256,
  /** Triple DES. */
  TripleDes;
}
