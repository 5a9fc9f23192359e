// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.sessionlink.model;

/** The back end an SPS connection policy's gateway authentication uses. */
public enum GatewayAuthentication {
  /** A Local User Database (SSH and RDP). */
  LOCAL_USER_DATABASE,
  /** An LDAP server (SSH only). */
  LDAP,
  /** An Active Directory server (SSH and RDP). */
  ACTIVE_DIRECTORY,
  /** Anything else (e.g. RADIUS, client certificates only, none). */
  OTHER
}
