// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.subscription;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pamkit.core.ValidationException;
import io.pamkit.core.Violation;
import io.pamkit.core.config.PamkitConfig;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

final class SubscriberIdentityTest {
  private static final Subscriber ONCALL =
      Subscriber.builder(Subscriber.EMAIL)
          .emailAddress("oncall@example.com")
          .subscribe("UserLockedOut")
          .build();
  private static final Subscriber AUDIT =
      Subscriber.builder(Subscriber.EMAIL)
          .emailAddress("audit@example.com")
          .subscribe("UserLockedOut")
          .build();
  private static final Subscriber SYSLOG =
      Subscriber.builder(Subscriber.SYSLOG)
          .syslogProperties(
              SyslogSubscriberProperties.builder()
                  .networkAddress("logs.example.com")
                  .port(514)
                  .build())
          .subscribe("UserLockedOut")
          .build();

  @Test
  void assign_withoutIds_givesDistinctIdsIndependentOfOrder() {
    List<Subscriber> a =
        SubscriberIdentity.assign(
            List.of(ONCALL, AUDIT, SYSLOG), List.of("$.S[0]", "$.S[1]", "$.S[2]"));
    List<Subscriber> b =
        SubscriberIdentity.assign(
            List.of(SYSLOG, ONCALL, AUDIT), List.of("$.S[0]", "$.S[1]", "$.S[2]"));
    Set<Integer> ids = new HashSet<>();
    for (Subscriber s : a) {
      assertTrue(s.id() >= 1 << 30, "derived ids stay clear of appliance ids: " + s.id());
      ids.add(s.id());
    }
    assertEquals(3, ids.size());
    assertEquals(a.get(0).id(), b.get(1).id());
    assertEquals(a.get(2).id(), b.get(0).id());
  }

  @Test
  void derive_editingDescriptionOrSubscriptions_keepsTheId() {
    Subscriber edited =
        ONCALL.toBuilder().description("Night shift").subscribe("Test").enabled(false).build();
    assertEquals(SubscriberIdentity.derive(ONCALL), SubscriberIdentity.derive(edited));
    Subscriber moved = ONCALL.toBuilder().emailAddress("night@example.com").build();
    assertNotEquals(SubscriberIdentity.derive(ONCALL), SubscriberIdentity.derive(moved));
  }

  @Test
  void assign_givenId_isKept() {
    Subscriber given = ONCALL.toBuilder().id(12).build();
    assertEquals(12, SubscriberIdentity.assign(List.of(given), List.of("$.S[0]")).get(0).id());
  }

  @Test
  void assign_sameDestinationWithoutIds_refusedNamingBothPaths() {
    Subscriber twin = ONCALL.toBuilder().description("twin").build();
    ValidationException e =
        assertThrows(
            ValidationException.class,
            () ->
                SubscriberIdentity.assign(
                    List.of(ONCALL, AUDIT, twin),
                    List.of(
                        "$.EventSubscribers[0]",
                        "$.EventSubscribers[1]",
                        "$.EventSubscribers[2]")));
    assertEquals(
        List.of(
            new Violation(
                "$.EventSubscribers[2]",
                "has no Id and delivers to the same destination as $.EventSubscribers[0]; give one of"
                    + " them an Id")),
        e.violations());
  }

  @Test
  void assign_duplicateGivenIds_refusedNamingBothPaths() {
    ValidationException e =
        assertThrows(
            ValidationException.class,
            () ->
                SubscriberIdentity.assign(
                    List.of(ONCALL.toBuilder().id(5).build(), AUDIT.toBuilder().id(5).build()),
                    List.of("$.S[0]", "$.S[1]")));
    assertEquals("$.S[1].Id", e.violations().get(0).path());
    assertTrue(e.violations().get(0).message().contains("$.S[0]"));
  }

  @Test
  void read_minimalExample_subscriberHasStableNonZeroId() {
    Path minimal = Path.of("..", "docs", "examples", "minimal.json");
    PamkitConfig first = PamkitConfig.read(minimal);
    PamkitConfig again = PamkitConfig.read(minimal);
    int id = first.eventSubscribers().get(0).id();
    assertNotEquals(0, id);
    assertEquals(id, again.eventSubscribers().get(0).id());
    assertEquals(first, PamkitConfig.parse(first.toJson()), "the id survives a round trip");
  }
}
