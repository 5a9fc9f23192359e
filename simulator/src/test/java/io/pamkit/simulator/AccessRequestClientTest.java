// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pamkit.core.secret.Secret;
import io.pamkit.sessionlink.ApplianceErrorException;
import io.pamkit.sessionlink.AuthorizationException;
import io.pamkit.sessionlink.NotFoundException;
import io.pamkit.sessionlink.SppAuthentication;
import io.pamkit.sessionlink.SppClient;
import io.pamkit.sessionlink.model.AccessRequest;
import io.pamkit.sessionlink.model.AccessRequestState;
import io.pamkit.testing.FakeClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** AccessRequestClient against the simulator's AccessRequests over real HTTPS. */
final class AccessRequestClientTest {
  private final FakeClock clock = new FakeClock(Instant.parse("2026-12-07T09:00:00Z"));
  private SppSimulator sim;
  private String id;

  @BeforeEach
  void start() {
    sim = SppSimulator.builder().clock(clock).build();
    sim.addUser("alice", Secret.of("Al1ce!pw"));
    sim.addUser("carol", Secret.of("Car0l!pw"));
    sim.addUser("bob", Secret.of("B0b!pw"));
    sim.addUser("mallory", Secret.of("Mall0ry!pw"));
    id = sim.accessRequests().createPending("bob", "db1", "root", List.of("alice", "carol"));
  }

  @AfterEach
  void stop() {
    sim.close();
  }

  private SppClient as(String user, String password) {
    return SppClient.builder()
        .host(sim.host())
        .port(sim.port())
        .sslContext(sim.clientSslContext())
        .authentication(SppAuthentication.password(user, Secret.of(password)))
        .clock(clock)
        .retryBackoff(Duration.ZERO)
        .build();
  }

  @Test
  void approve_byAnApprover_requestAvailableWithTheComment() {
    try (SppClient alice = as("alice", "Al1ce!pw")) {
      AccessRequest before = alice.accessRequests().get(id);
      assertEquals(AccessRequestState.PENDING_APPROVAL, before.state());

      AccessRequest after = alice.accessRequests().approve(id, "Approved by email reply");

      assertEquals(AccessRequestState.REQUEST_AVAILABLE, after.state());
      assertEquals(Boolean.TRUE, after.approvedByMe());
      assertEquals(1, after.currentApprovalCount());
      assertEquals(Optional.of("RequestAvailable"), sim.accessRequests().state(id));
      assertEquals(List.of("Approved by email reply"), sim.accessRequests().comments(id));
      assertEquals(1, sim.requestCount("POST", id + "/Approve"));
    }
  }

  @Test
  void secondDecision_refusedWith400() {
    try (SppClient alice = as("alice", "Al1ce!pw");
        SppClient carol = as("carol", "Car0l!pw")) {
      alice.accessRequests().deny(id, null);
      ApplianceErrorException e =
          assertThrows(
              ApplianceErrorException.class, () -> carol.accessRequests().approve(id, "x"));
      assertEquals(400, e.httpStatus());
      assertTrue(e.getMessage().contains("Closed"), e.getMessage());
      AccessRequest r = carol.accessRequests().get(id);
      assertEquals(AccessRequestState.CLOSED, r.state());
      assertEquals(Boolean.TRUE, r.wasDenied());
    }
  }

  @Test
  void approve_byTheRequesterOrAStranger_refused() {
    try (SppClient bob = as("bob", "B0b!pw");
        SppClient mallory = as("mallory", "Mall0ry!pw")) {
      AuthorizationException own =
          assertThrows(AuthorizationException.class, () -> bob.accessRequests().approve(id, null));
      assertEquals(403, own.httpStatus());
      assertThrows(NotFoundException.class, () -> mallory.accessRequests().approve(id, null));
      assertThrows(NotFoundException.class, () -> mallory.accessRequests().get(id));
      assertEquals(Optional.of("PendingApproval"), sim.accessRequests().state(id));
    }
  }

  @Test
  void toString_namesTheApplianceOnly() {
    try (SppClient alice = as("alice", "Al1ce!pw")) {
      assertFalse(alice.accessRequests().toString().contains("Al1ce"));
    }
  }
}
