// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.dispatch;

/**
 * What a {@link DeliveryReceipt} knows about the peer's side of a delivery.
 *
 * <ul>
 *   <li>{@link #ACKNOWLEDGED}: the peer said it took the message (SMTP {@code 250} after {@code
 *       DATA}, HTTP {@code 2xx}, an SNMP inform's response, a RELP {@code rsp 200}).
 *   <li>{@link #SENT_UNVERIFIED}: the message left this process, and nothing can tell whether the
 *       peer got it (UDP syslog, SNMP traps, plain TCP or TLS syslog written to the socket: a peer
 *       that dies after the write loses what its socket buffer held).
 *   <li>{@link #UNKNOWN}: the transport does not say (a transport written before receipts carried
 *       an assurance).
 * </ul>
 */
public enum DeliveryAssurance {
  /** The peer acknowledged the message. */
  ACKNOWLEDGED,
  /** Handed to the network; the protocol has no acknowledgement. */
  SENT_UNVERIFIED,
  /** The transport does not say. */
  UNKNOWN
}
