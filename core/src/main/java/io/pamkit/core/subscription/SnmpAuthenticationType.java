// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.subscription;

/**
 * The appliance's {@code SnmpAuthenticationType}, extended with the SHA-2 protocols of RFC 7860
 * that the appliance does not list.
 */
public enum SnmpAuthenticationType {
  /** No authentication (noAuthNoPriv). */
  None,
  /** HMAC-MD5-96 (legacy; snmp4j 3.5+ needs it enabled explicitly). */
  Md5,
  /** HMAC-SHA-96 (legacy; snmp4j 3.5+ needs it enabled explicitly). */
  Sha1,
  /** HMAC-SHA-224 (RFC 7860); a pamkit addition. */
  Sha224,
  /** HMAC-SHA-256 (RFC 7860); a pamkit addition. */
  Sha256,
  /** HMAC-SHA-384 (RFC 7860); a pamkit addition. */
  Sha384,
  /** HMAC-SHA-512 (RFC 7860); a pamkit addition. */
  Sha512;
}
