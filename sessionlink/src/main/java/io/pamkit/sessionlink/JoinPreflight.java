// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.sessionlink;

import static java.util.Objects.requireNonNull;

import io.pamkit.sessionlink.internal.Addresses;
import io.pamkit.sessionlink.model.ApplianceStatus;
import io.pamkit.sessionlink.model.SpsClusterStatus;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The join pre-flight: every prerequisite the appliance documentation lists for joining (linking) a
 * session appliance cluster to a password appliance cluster (seeds 001, 003, 004), checked against
 * {@link JoinFacts}, each reported pass, fail or unknown with its remedy. No network.
 *
 * <p>The checks, by id: {@code CENTRAL_MANAGEMENT}, {@code CONFIGURATION_SYNC}, {@code
 * IPV4_ADDRESS}, {@code SPP_PRIMARY}, {@code ACCOUNT_PERMISSIONS}, {@code
 * SAFEGUARD_DEFAULT_POLICIES}, {@code PORT_8649}, {@code PORT_443}, {@code VERSIONS}, {@code
 * RECORDING_NODE}, {@code SEARCH_ROLE_CHANGE}, {@code CERTIFICATE_NAMES}, {@code RETRY_WAIT}.
 */
public final class JoinPreflight {
  /** How long to wait after a failed, incomplete join before retrying (seed 003). */
  private static final Duration RETRY_WAIT = Duration.ofMinutes(5);

  private JoinPreflight() {}

  /**
   * Reads what the two appliances can tell over their APIs: both versions, whether the SPP address
   * is the primary, the names of SPP's certificate, whether the SPS node is Central Management and
   * synchronises configuration. The rest (permissions, policies, ports, nodes) stays unknown until
   * the caller adds it to the returned builder.
   *
   * @param spp a client of the SPP primary, as SPS will reach it
   * @param sps a logged-in client of the SPS node that will join
   * @return a builder with the gathered facts
   */
  public static JoinFacts.Builder gather(SppClient spp, SpsClient sps) {
    requireNonNull(spp, "spp");
    requireNonNull(sps, "sps");
    JoinFacts.Builder b = JoinFacts.builder();
    String address = spp.address();
    int colon = address.lastIndexOf(':');
    String host = colon > 0 && !address.endsWith("]") ? address.substring(0, colon) : address;
    b.sppAddress(host);
    b.versions(ApplianceVersion.of(spp.version()), sps.version());
    ApplianceStatus status = spp.status();
    if (status.isPrimary() != null) {
      b.sppIsPrimary(status.isPrimary());
    }
    List<java.security.cert.X509Certificate> chain = spp.serverCertificateChain();
    b.sppCertificateNames(io.pamkit.sessionlink.internal.TlsProbe.names(chain.get(0)));
    SpsClusterStatus cluster = sps.clusterStatus();
    b.centralManagementNode(cluster.centralManagement());
    // Configuration synchronisation is not in any published SPS answer; the check stays UNKNOWN.
    return b;
  }

  /**
   * Evaluates every prerequisite.
   *
   * @param facts what is known
   * @param clock the clock for the wait after a failed join
   * @return the report, one check per prerequisite
   */
  public static CheckReport evaluate(JoinFacts facts, Clock clock) {
    requireNonNull(facts, "facts");
    requireNonNull(clock, "clock");
    List<Check> out = new ArrayList<>();
    out.add(
        bool(
            "CENTRAL_MANAGEMENT",
            "the SPS node is the Central Management node of an SPS cluster (even a single node)",
            facts.centralManagementNode,
            "the node is the cluster's Central Management node",
            "the node is not a Central Management node",
            "promote the node to Central Management (Basic Settings > Cluster management), even for a "
                + "single standalone node, and log in to that node to join; it must be a Central "
                + "Management cluster, not a high-availability cluster"));
    out.add(
        bool(
            "CONFIGURATION_SYNC",
            "configuration synchronisation is enabled between the SPS cluster's nodes",
            facts.configurationSyncEnabled,
            "configuration synchronisation is on",
            "configuration synchronisation is off",
            "enable configuration synchronisation in the SPS cluster, so SPP entitlements work on every node"));
    out.add(address(facts));
    out.add(
        bool(
            "SPP_PRIMARY",
            "the join targets the SPP cluster's primary",
            facts.sppIsPrimary,
            "the address is the SPP primary",
            "the address is an SPP replica",
            "join with the primary appliance's address; the link is between the SPP primary and the SPS "
                + "Central Management node (a replica answers 60418)"));
    out.add(permissions(facts));
    out.add(policies(facts));
    out.add(
        bool(
            "PORT_8649",
            "SPP and SPS nodes communicate on TCP 8649",
            facts.port8649Reachable,
            "TCP 8649 is open between the nodes",
            "TCP 8649 is blocked",
            "open TCP 8649 between every SPP and SPS node in the firewalls"));
    out.add(
        bool(
            "PORT_443",
            "SPS reaches SPP over HTTPS on TCP 443 during the join",
            facts.port443Reachable,
            "SPS reaches SPP on TCP 443",
            "SPS cannot reach SPP on TCP 443",
            "allow HTTPS (TCP 443) from SPS to SPP, at least for the join"));
    if (facts.sppVersion == null || facts.spsVersion == null) {
      out.add(
          Check.unknown(
              "VERSIONS",
              "SPS and SPP versions match exactly, never LTS with feature",
              "read both versions (SPP: GET /service/appliance/v4/Version; SPS: GET /api/info)"));
    } else {
      out.add(LinkRules.linkCompatibility(facts.sppVersion, facts.spsVersion));
    }
    out.add(recording(facts));
    out.add(searchRoles(facts));
    out.add(certificate(facts));
    out.add(retry(facts, clock));
    return new CheckReport("SPS to SPP join pre-flight", out);
  }

  private static Check bool(
      String id, String rule, @Nullable Boolean value, String ok, String bad, String remedy) {
    if (value == null) {
      return Check.unknown(id, rule, "verify: " + remedy);
    }
    return value ? Check.pass(id, rule, ok) : Check.fail(id, rule, bad, remedy);
  }

  private static Check address(JoinFacts f) {
    String rule = "the SPP address is an IPv4 address or a host name (IPv6 is not supported)";
    if (f.sppAddress == null) {
      return Check.unknown("IPV4_ADDRESS", rule, "enter SPP's primary IPv4 address or host name");
    }
    String a = f.sppAddress.trim();
    if (a.isEmpty()) {
      return Check.fail(
          "IPV4_ADDRESS",
          rule,
          "the address is empty",
          "enter SPP's primary IPv4 address or host name");
    }
    if (a.contains(":")) {
      return Check.fail(
          "IPV4_ADDRESS",
          rule,
          "'" + a + "' is an IPv6 address (or has a port)",
          "use SPP's primary IPv4 address or its host name; only IPv4 addresses are supported");
    }
    return Check.pass(
        "IPV4_ADDRESS",
        rule,
        "'" + a + "' is " + (Addresses.isIpLiteral(a) ? "an IPv4 address" : "a host name"));
  }

  private static Check permissions(JoinFacts f) {
    String rule = "the SPP account has the Appliance and Operations permissions";
    String remedy =
        "log in with an SPP account that has the Appliance (ApplianceAdmin) and Operations "
            + "(OperationsAdmin) permissions";
    if (f.sppAccountPermissions == null) {
      return Check.unknown("ACCOUNT_PERMISSIONS", rule, remedy);
    }
    List<String> missing = new ArrayList<>();
    for (String needed : List.of("ApplianceAdmin", "OperationsAdmin")) {
      if (!f.sppAccountPermissions.contains(needed)) {
        missing.add(needed);
      }
    }
    return missing.isEmpty()
        ? Check.pass(
            "ACCOUNT_PERMISSIONS", rule, "the account has ApplianceAdmin and OperationsAdmin")
        : Check.fail("ACCOUNT_PERMISSIONS", rule, "the account lacks " + missing, remedy);
  }

  private static Check policies(JoinFacts f) {
    String rule = "no SPS policy name contains safeguard_default (the join overwrites them)";
    if (f.spsPolicyNames == null) {
      return Check.unknown(
          "SAFEGUARD_DEFAULT_POLICIES",
          rule,
          "check that no SPS policy name contains 'safeguard_default'");
    }
    List<String> clashing =
        f.spsPolicyNames.stream()
            .filter(n -> n.toLowerCase(Locale.ROOT).contains("safeguard_default"))
            .collect(Collectors.toList());
    return clashing.isEmpty()
        ? Check.pass(
            "SAFEGUARD_DEFAULT_POLICIES",
            rule,
            "none of " + f.spsPolicyNames.size() + " policies clashes")
        : Check.fail(
            "SAFEGUARD_DEFAULT_POLICIES",
            rule,
            "existing policies " + clashing + " would be overwritten",
            "rename (or back up) these SPS policies before joining; the join creates and configures "
                + "policies and plugins named safeguard_default");
  }

  private static Check recording(JoinFacts f) {
    String rule = "at least one SPS node can record sessions";
    if (f.spsNodes == null) {
      return Check.unknown("RECORDING_NODE", rule, "list the SPS cluster's nodes and roles");
    }
    if (f.spsNodes.stream().anyMatch(SpsNode::canRecord)) {
      return Check.pass(
          "RECORDING_NODE",
          rule,
          "recording nodes: "
              + f.spsNodes.stream()
                  .filter(SpsNode::canRecord)
                  .map(SpsNode::name)
                  .collect(Collectors.toList()));
    }
    boolean singleCmMaster =
        f.spsNodes.size() == 1
            && f.spsNodes.get(0).roles().contains(SpsNodeRole.CENTRAL_MANAGEMENT)
            && f.spsNodes.get(0).roles().contains(SpsNodeRole.SEARCH_MASTER);
    return Check.fail(
        "RECORDING_NODE",
        rule,
        singleCmMaster
            ? "the only node is both Central Management and Search Master, so SPP cannot launch sessions"
            : "no node can record (every node is a Search Master)",
        "add (or reassign) at least one SPS node that records sessions, e.g. a Search Minion or Search Local node");
  }

  private static Check searchRoles(JoinFacts f) {
    String rule = "no SPS node moves from Search Local to Search Minion";
    if (f.spsNodes == null) {
      return Check.unknown(
          "SEARCH_ROLE_CHANGE", rule, "do not switch a node from Search Local to Search Minion");
    }
    List<String> moving =
        f.spsNodes.stream()
            .filter(
                n ->
                    n.roles().contains(SpsNodeRole.SEARCH_LOCAL)
                        && n.plannedSearchRole() == SpsNodeRole.SEARCH_MINION)
            .map(SpsNode::name)
            .collect(Collectors.toList());
    return moving.isEmpty()
        ? Check.pass("SEARCH_ROLE_CHANGE", rule, "no such change planned")
        : Check.fail(
            "SEARCH_ROLE_CHANGE",
            rule,
            "nodes " + moving + " would move from Search Local to Search Minion",
            "keep them Search Local: sessions recorded in the Search Local role could then be played back "
                + "only in the SPS web interface, not from SPP");
  }

  private static Check certificate(JoinFacts f) {
    String rule =
        "SPP's SSL certificate names the address used to join (Common Name or subjectAltName)";
    if (f.sppCertificateNames == null || f.sppAddress == null) {
      return Check.unknown(
          "CERTIFICATE_NAMES",
          rule,
          "check that SPP's SSL server certificate names the address you join with");
    }
    String a = f.sppAddress.trim().toLowerCase(Locale.ROOT);
    for (String n : f.sppCertificateNames) {
      String name = n.toLowerCase(Locale.ROOT);
      if (name.equals(a)
          || (name.startsWith("*.")
              && a.endsWith(name.substring(1))
              && a.indexOf('.') == a.length() - name.length() + 1)) {
        return Check.pass(
            "CERTIFICATE_NAMES", rule, "the certificate names '" + f.sppAddress + "'");
      }
    }
    String suggestion =
        f.sppCertificateNames.stream()
            .filter(Addresses::isIpLiteral)
            .findFirst()
            .orElse(f.sppCertificateNames.isEmpty() ? null : f.sppCertificateNames.get(0));
    return Check.fail(
        "CERTIFICATE_NAMES",
        rule,
        "the certificate names "
            + f.sppCertificateNames
            + ", not '"
            + f.sppAddress
            + "' (the join fails with an SSLError)",
        (suggestion == null
                ? ""
                : "join with '" + suggestion + "', which the certificate names, or ")
            + "set up an SSL server certificate for SPP that names its IPv4 address and retry");
  }

  private static Check retry(JoinFacts f, Clock clock) {
    String rule =
        "about five minutes have passed since a failed join, so its request has timed out";
    if (f.lastFailedJoin == null) {
      return Check.pass("RETRY_WAIT", rule, "no failed join recorded");
    }
    Duration since = Duration.between(f.lastFailedJoin, clock.instant());
    if (since.compareTo(RETRY_WAIT) >= 0) {
      return Check.pass(
          "RETRY_WAIT", rule, "the last failed join was " + since.toMinutes() + " minutes ago");
    }
    return Check.fail(
        "RETRY_WAIT",
        rule,
        "the last join failed " + since.toSeconds() + " seconds ago",
        "wait about five minutes to let the timeout of the failed join request expire before starting "
            + "a new join (or reverse the SPP to SPS join)");
  }
}
