// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.sessionlink;

import static java.util.Objects.requireNonNull;

/**
 * The version rules of the link, as code (no network). From the appliance documentation (seeds 001
 * and 004): the two appliances' versions must match exactly and be upgraded together (SPS 6.6 with
 * SPP 6.6), never mixing Long Term Supported and feature releases (SPS 6.0.1 with SPP 6.1 is not
 * allowed). The comparison is on {@code major.minor}: maintenance releases and builds of the same
 * release line may differ. The sessions-initiated workflow needs at least SPP 2.8, and SPS 6.2 or
 * newer, or 6.0.2 and newer on the 6.0.x branch, never 6.1.x.
 */
public final class LinkRules {
  private LinkRules() {}

  /**
   * Checks whether the two appliances may be linked.
   *
   * @param spp the password appliance's version
   * @param sps the session appliance's version
   * @return a {@code VERSIONS} check
   */
  public static Check linkCompatibility(ApplianceVersion spp, ApplianceVersion sps) {
    requireNonNull(spp, "spp");
    requireNonNull(sps, "sps");
    String rule = "SPS and SPP versions match exactly (major.minor), never LTS with feature";
    if (spp.major() == sps.major() && spp.minor() == sps.minor()) {
      return Check.pass(
          "VERSIONS",
          rule,
          "SPP " + spp + " and SPS " + sps + " are both release " + spp.release());
    }
    if (spp.lts() != sps.lts()) {
      return Check.fail(
          "VERSIONS",
          rule,
          "SPP " + spp + " and SPS " + sps + " mix a Long Term Supported and a feature release",
          "do not mix LTS and feature releases: upgrade both appliances to the same release (e.g. SPS "
              + sps.release()
              + " with SPP "
              + sps.release()
              + ") and keep them in step during upgrades");
    }
    return Check.fail(
        "VERSIONS",
        rule,
        "SPP " + spp + " and SPS " + sps + " are different releases",
        "the versions must match exactly: link SPS "
            + sps.release()
            + " only to SPP "
            + sps.release()
            + ", and upgrade both appliances together");
  }

  /**
   * Returns whether the password appliance's version supports the sessions-initiated workflow.
   *
   * @param spp the version
   * @return true from 2.8 on
   */
  public static boolean sppSupportsSessionsInitiated(ApplianceVersion spp) {
    return spp.major() > 2 || (spp.major() == 2 && spp.minor() >= 8);
  }

  /**
   * Returns whether the session appliance's version supports the sessions-initiated workflow.
   *
   * @param sps the version
   * @return true for 6.2 and newer and for 6.0.2 and newer on 6.0.x; false for 6.1.x
   */
  public static boolean spsSupportsSessionsInitiated(ApplianceVersion sps) {
    if (sps.major() != 6) {
      return sps.major() > 6;
    }
    if (sps.minor() == 0) {
      return sps.maintenance() >= 2;
    }
    return sps.minor() >= 2;
  }

  /**
   * Checks the sessions-initiated minimum versions.
   *
   * @param spp the password appliance's version
   * @param sps the session appliance's version
   * @return a {@code SESSIONS_INITIATED_VERSIONS} check
   */
  public static Check sessionsInitiatedVersions(ApplianceVersion spp, ApplianceVersion sps) {
    String rule = "SPP 2.8 or newer; SPS 6.2 or newer, or 6.0.2 or newer on 6.0.x, never 6.1.x";
    boolean sppOk = sppSupportsSessionsInitiated(spp);
    boolean spsOk = spsSupportsSessionsInitiated(sps);
    if (sppOk && spsOk) {
      return Check.pass(
          "SESSIONS_INITIATED_VERSIONS", rule, "SPP " + spp + " and SPS " + sps + " support it");
    }
    StringBuilder detail = new StringBuilder();
    if (!sppOk) {
      detail.append("SPP ").append(spp).append(" is older than 2.8");
    }
    if (!spsOk) {
      detail
          .append(detail.length() > 0 ? "; " : "")
          .append("SPS ")
          .append(sps)
          .append(
              sps.major() == 6 && sps.minor() == 1
                  ? " is a 6.1.x release, which lacks it"
                  : " is older than 6.2 (or 6.0.2 on 6.0.x)");
    }
    return Check.fail(
        "SESSIONS_INITIATED_VERSIONS",
        rule,
        detail.toString(),
        "upgrade to SPP 2.8 or newer and SPS 6.2 or newer (or 6.0.2+ on the 6.0 LTS branch)");
  }
}
