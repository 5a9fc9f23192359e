// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.examples.recipes;

import io.pamkit.core.secret.Secret;
import io.pamkit.sessionlink.Check;
import io.pamkit.sessionlink.CheckReport;
import io.pamkit.sessionlink.CheckStatus;
import io.pamkit.sessionlink.JoinFacts;
import io.pamkit.sessionlink.JoinPreflight;
import io.pamkit.sessionlink.SessionConnectionQuery;
import io.pamkit.sessionlink.SppAuthentication;
import io.pamkit.sessionlink.SppClient;
import io.pamkit.sessionlink.SpsClient;
import io.pamkit.sessionlink.model.SessionModuleConnection;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Recipe: link a session appliance (SPS) cluster to a password appliance (SPP) with pre-flight
 * checks. It gathers what both appliances tell over their APIs, adds what the operator knows (ports
 * open, account permissions), runs the join pre-flight and joins only when no check fails; then it
 * confirms the link from the password appliance's side.
 *
 * <p>Run: {@code PAMKIT_PASSWORD=... PAMKIT_SPS_PASSWORD=... java -cp examples/target/pamkit.jar
 * io.pamkit.examples.recipes.LinkClusterRecipe SPP_HOST SPP_USER SPS_HOST SPS_USER} (both
 * appliances' certificates must be trusted by the JDK).
 */
public final class LinkClusterRecipe {
  private LinkClusterRecipe() {}

  /**
   * The outcome of the recipe.
   *
   * @param preflight every prerequisite with its status and remedy
   * @param linked the connection as the password appliance stores it, if the join ran
   */
  public record Outcome(CheckReport preflight, Optional<SessionModuleConnection> linked) {}

  /**
   * Runs the pre-flight and, when nothing fails, the join.
   *
   * @param spp a client of the password appliance's primary, as SPS will reach it
   * @param sps a client of the session appliance's Central Management node
   * @param sppAddress the password appliance's address as SPS reaches it (IPv4 or host name)
   * @param operatorFacts what the operator verified by hand, added to the gathered facts
   * @return the report and, if joined, the new connection
   */
  public static Outcome link(
      SppClient spp,
      SpsClient sps,
      String sppAddress,
      java.util.function.UnaryOperator<JoinFacts.Builder> operatorFacts) {
    sps.login();
    JoinFacts facts = operatorFacts.apply(JoinPreflight.gather(spp, sps)).build();
    CheckReport report = JoinPreflight.evaluate(facts, Clock.systemUTC());
    if (report.anyFailed()) {
      return new Outcome(report, Optional.empty());
    }
    sps.joinSpp(spp, sppAddress);
    List<SessionModuleConnection> connections =
        spp.sessionConnections(SessionConnectionQuery.defaults());
    return new Outcome(report, connections.stream().reduce((a, b) -> b));
  }

  /**
   * Runs the recipe against live appliances.
   *
   * @param args SPP host, SPP user, SPS host, SPS user
   */
  public static void main(String[] args) {
    if (args.length != 4) {
      System.err.println("usage: LinkClusterRecipe SPP_HOST SPP_USER SPS_HOST SPS_USER");
      System.exit(2);
    }
    try (SppClient spp =
            SppClient.builder()
                .host(args[0])
                .authentication(
                    SppAuthentication.password(
                        args[1], Secret.of(System.getenv("PAMKIT_PASSWORD"))))
                .build();
        SpsClient sps =
            SpsClient.builder()
                .host(args[2])
                .credentials(args[3], Secret.of(System.getenv("PAMKIT_SPS_PASSWORD")))
                .build()) {
      Outcome o = link(spp, sps, args[0], b -> b.port443Reachable(true));
      for (Check c : o.preflight().checks()) {
        System.out.println(
            c.status()
                + " "
                + c.id()
                + ": "
                + c.detail()
                + (c.status() == CheckStatus.PASS ? "" : " -- " + c.remedy()));
      }
      System.out.println(
          o.linked()
              .map(c -> "linked as connection " + c.id())
              .orElse("not linked: fix the failed checks first"));
      System.exit(o.linked().isPresent() ? 0 : 1);
    }
  }
}
