// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.sessionlink;

import static java.util.Objects.requireNonNull;

import io.pamkit.sessionlink.model.GatewayAuthentication;
import io.pamkit.sessionlink.model.SessionModuleConnectionProtocol;
import java.time.Duration;

/**
 * How one SPS connection policy is set up, for the sessions-initiated workflow checks.
 *
 * @param name the connection policy's name
 * @param protocol its protocol
 * @param gatewayAuthentication the back end of its gateway authentication
 * @param credentialStore the selected Credential Store
 * @param aaPlugin the selected AA plugin
 * @param usermappingPolicy the selected Usermapping policy
 * @param idleTimeout the policy's Idle timeout
 * @param remoteDesktopGateway for RDP: whether SPS acts as a Remote Desktop Gateway
 */
public record ConnectionPolicySetup(
    String name,
    SessionModuleConnectionProtocol protocol,
    GatewayAuthentication gatewayAuthentication,
    String credentialStore,
    String aaPlugin,
    String usermappingPolicy,
    Duration idleTimeout,
    boolean remoteDesktopGateway) {
  /**
   * Validates the components.
   *
   * @throws NullPointerException if one is null
   * @throws IllegalArgumentException if the idle timeout is negative
   */
  public ConnectionPolicySetup {
    requireNonNull(name, "name");
    requireNonNull(protocol, "protocol");
    requireNonNull(gatewayAuthentication, "gatewayAuthentication");
    requireNonNull(credentialStore, "credentialStore");
    requireNonNull(aaPlugin, "aaPlugin");
    requireNonNull(usermappingPolicy, "usermappingPolicy");
    requireNonNull(idleTimeout, "idleTimeout");
    if (idleTimeout.isNegative()) {
      throw new IllegalArgumentException(
          "idleTimeout " + idleTimeout + " of " + name + " is negative");
    }
  }
}
