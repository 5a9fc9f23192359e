// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.sessionlink;

import static java.util.Objects.requireNonNull;

import io.pamkit.sessionlink.model.GatewayAuthentication;
import io.pamkit.sessionlink.model.SessionModuleConnectionProtocol;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The sessions-initiated (SPS-initiated) workflow checks of seed 004, as code: minimum versions,
 * the SPP switch, and per connection policy the protocol (SSH and RDP only), the gateway
 * authentication back end (SSH: Local User Database, LDAP, Active Directory; RDP: Local User
 * Database, Active Directory, with SPS as Remote Desktop Gateway), the {@code safeguard_default}
 * Credential Store, AA plugin and Usermapping policy, and an Idle timeout more than twice the
 * approval time (SPS waits for approval for half of it); per asset, one uniform target address form
 * everywhere.
 *
 * <p>Immutable and thread-safe; the builder is not.
 */
public final class SessionsInitiatedWorkflow {
  private static final String DEFAULT = "safeguard_default";

  private final @Nullable ApplianceVersion sppVersion;
  private final @Nullable ApplianceVersion spsVersion;
  private final @Nullable Boolean accessRequestBrokerEnabled;
  private final List<ConnectionPolicySetup> policies;
  private final @Nullable Duration approvalTime;
  private final Map<String, List<String>> targetAddresses;

  private SessionsInitiatedWorkflow(Builder b) {
    sppVersion = b.sppVersion;
    spsVersion = b.spsVersion;
    accessRequestBrokerEnabled = b.accessRequestBrokerEnabled;
    policies = List.copyOf(b.policies);
    approvalTime = b.approvalTime;
    targetAddresses = Map.copyOf(b.targetAddresses);
  }

  /**
   * Returns a new builder.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Runs every check.
   *
   * @return the report
   */
  public CheckReport check() {
    List<Check> out = new ArrayList<>();
    if (sppVersion == null || spsVersion == null) {
      out.add(
          Check.unknown(
              "SESSIONS_INITIATED_VERSIONS",
              "SPP 2.8 or newer; SPS 6.2 or newer, or 6.0.2 or newer on 6.0.x, never 6.1.x",
              "read both appliances' versions"));
    } else {
      out.add(LinkRules.sessionsInitiatedVersions(sppVersion, spsVersion));
    }
    String brokerRule = "SPP's Session Module Password Access (AccessRequestBroker) is enabled";
    String brokerRemedy =
        "enable it on SPP (Settings > Session Management, type Enable), or "
            + "SppClient.setAccessRequestBroker(true) with a PolicyAdmin account";
    if (accessRequestBrokerEnabled == null) {
      out.add(Check.unknown("ACCESS_REQUEST_BROKER", brokerRule, brokerRemedy));
    } else if (accessRequestBrokerEnabled) {
      out.add(Check.pass("ACCESS_REQUEST_BROKER", brokerRule, "enabled"));
    } else {
      out.add(Check.fail("ACCESS_REQUEST_BROKER", brokerRule, "disabled", brokerRemedy));
    }
    for (ConnectionPolicySetup p : policies) {
      policyChecks(p, out);
    }
    for (Map.Entry<String, List<String>> e : new java.util.TreeMap<>(targetAddresses).entrySet()) {
      Set<String> forms = new LinkedHashSet<>();
      e.getValue().forEach(a -> forms.add(a.trim().toLowerCase(Locale.ROOT)));
      String id = "UNIFORM_ADDRESS[" + e.getKey() + "]";
      String rule = "one target address form (IPv4 address or host name) for the asset everywhere";
      if (forms.size() <= 1) {
        out.add(Check.pass(id, rule, "always " + forms));
      } else {
        out.add(
            Check.fail(
                id,
                rule,
                "the asset is addressed as " + forms,
                "use either its IPv4 address or its host name everywhere: the SPP asset, the SPS "
                    + "connection and channel policies, and what users enter in their SSH/RDP client; "
                    + "otherwise authentication fails"));
      }
    }
    return new CheckReport("Sessions-initiated workflow checks", out);
  }

  private void policyChecks(ConnectionPolicySetup p, List<Check> out) {
    String n = "[" + p.name() + "]";
    SessionModuleConnectionProtocol proto = p.protocol();
    boolean ssh = proto == SessionModuleConnectionProtocol.SSH;
    boolean rdp = proto == SessionModuleConnectionProtocol.RDP;
    if (ssh || rdp) {
      out.add(
          Check.pass("PROTOCOL" + n, "only SSH and RDP sessions are supported", proto.wireName()));
    } else {
      out.add(
          Check.fail(
              "PROTOCOL" + n,
              "only SSH and RDP sessions are supported",
              proto.wireName() + " is not supported",
              "use the sessions-initiated workflow only for SSH and RDP connection policies"));
    }
    GatewayAuthentication g = p.gatewayAuthentication();
    String authRule =
        "gateway authentication uses a supported back end (SSH: local, LDAP, AD; RDP: local, AD)";
    boolean authOk =
        (ssh && g != GatewayAuthentication.OTHER)
            || (rdp
                && (g == GatewayAuthentication.LOCAL_USER_DATABASE
                    || g == GatewayAuthentication.ACTIVE_DIRECTORY));
    if (!ssh && !rdp) {
      out.add(
          Check.fail(
              "GATEWAY_AUTHENTICATION" + n,
              authRule,
              "not applicable to " + proto.wireName(),
              "use SSH or RDP"));
    } else if (authOk) {
      out.add(Check.pass("GATEWAY_AUTHENTICATION" + n, authRule, g.name()));
    } else {
      out.add(
          Check.fail(
              "GATEWAY_AUTHENTICATION" + n,
              authRule,
              g + " is not supported for " + proto.wireName(),
              rdp
                  ? "authenticate RDP users against a Local User Database or the Active Directory server SPP also uses"
                  : "authenticate SSH users against a Local User Database, an LDAP or an Active Directory server"));
    }
    if (rdp) {
      out.add(
          p.remoteDesktopGateway()
              ? Check.pass("RDP_GATEWAY" + n, "SPS acts as a Remote Desktop Gateway for RDP", "yes")
              : Check.fail(
                  "RDP_GATEWAY" + n,
                  "SPS acts as a Remote Desktop Gateway for RDP",
                  "no",
                  "configure SPS as a Remote Desktop Gateway for this connection policy"));
    }
    out.add(named("CREDENTIAL_STORE" + n, "Credential Store", p.credentialStore()));
    out.add(named("AA_PLUGIN" + n, "AA plugin", p.aaPlugin()));
    out.add(named("USERMAPPING_POLICY" + n, "Usermapping policy", p.usermappingPolicy()));
    String idleRule =
        "Idle timeout is more than twice the approval time (SPS waits for approval for half of it)";
    if (approvalTime == null) {
      out.add(Check.pass("IDLE_TIMEOUT" + n, idleRule, "no approval workflow (auto-approved)"));
    } else if (p.idleTimeout().compareTo(approvalTime.multipliedBy(2)) > 0) {
      out.add(Check.pass("IDLE_TIMEOUT" + n, idleRule, p.idleTimeout() + " > 2 x " + approvalTime));
    } else {
      out.add(
          Check.fail(
              "IDLE_TIMEOUT" + n,
              idleRule,
              "Idle timeout "
                  + p.idleTimeout().toMinutes()
                  + " min is not more than twice the approval time "
                  + approvalTime.toMinutes()
                  + " min",
              "raise the connection policy's Idle timeout above "
                  + approvalTime.multipliedBy(2).toMinutes()
                  + " minutes (e.g. 5 minutes for a 2-minute approval)"));
    }
  }

  private static Check named(String id, String what, String value) {
    String rule = what + " is " + DEFAULT;
    return DEFAULT.equals(value)
        ? Check.pass(id, rule, value)
        : Check.fail(
            id,
            rule,
            "'" + value + "'",
            "select " + what + " > " + DEFAULT + " in the connection policy");
  }

  /** Builds a {@link SessionsInitiatedWorkflow}; not thread-safe. */
  public static final class Builder {
    private @Nullable ApplianceVersion sppVersion;
    private @Nullable ApplianceVersion spsVersion;
    private @Nullable Boolean accessRequestBrokerEnabled;
    private final List<ConnectionPolicySetup> policies = new ArrayList<>();
    private @Nullable Duration approvalTime;
    private final Map<String, List<String>> targetAddresses = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Sets both versions. Default: unknown.
     *
     * @param spp the password appliance's version
     * @param sps the session appliance's version
     * @return this builder
     */
    public Builder versions(ApplianceVersion spp, ApplianceVersion sps) {
      this.sppVersion = requireNonNull(spp, "spp");
      this.spsVersion = requireNonNull(sps, "sps");
      return this;
    }

    /**
     * Sets the state of SPP's {@code AccessRequestBroker} switch. Default: unknown.
     *
     * @param enabled the state
     * @return this builder
     */
    public Builder accessRequestBrokerEnabled(boolean enabled) {
      this.accessRequestBrokerEnabled = enabled;
      return this;
    }

    /**
     * Adds a connection policy that uses SPP as credential store.
     *
     * @param policy the policy
     * @return this builder
     */
    public Builder policy(ConnectionPolicySetup policy) {
      policies.add(requireNonNull(policy, "policy"));
      return this;
    }

    /**
     * Sets the time an approver on SPP has to approve an access request. Default: none
     * (auto-approved).
     *
     * @param approvalTime a positive duration
     * @return this builder
     */
    public Builder approvalTime(Duration approvalTime) {
      if (approvalTime.isZero() || approvalTime.isNegative()) {
        throw new IllegalArgumentException("approvalTime " + approvalTime + " must be positive");
      }
      this.approvalTime = approvalTime;
      return this;
    }

    /**
     * Records every address used for one asset (SPP asset, SPS connection and channel policies,
     * what users enter).
     *
     * @param asset the asset's name
     * @param addresses the addresses seen
     * @return this builder
     */
    public Builder targetAddresses(String asset, List<String> addresses) {
      targetAddresses.put(requireNonNull(asset, "asset"), List.copyOf(addresses));
      return this;
    }

    /**
     * Builds the checks.
     *
     * @return the workflow checks
     */
    public SessionsInitiatedWorkflow build() {
      return new SessionsInitiatedWorkflow(this);
    }
  }
}
