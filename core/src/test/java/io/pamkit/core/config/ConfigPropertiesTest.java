// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pamkit.core.Violation;
import io.pamkit.core.event.ApplianceEvent;
import io.pamkit.core.event.TargetedEventPublisher;
import io.pamkit.core.subscription.Subscriber;
import io.pamkit.core.subscription.SubscriberIdentity;
import io.pamkit.core.subscription.SubscriberRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/** Property-based checks of the document reader, and its hand-over to the subscriber registry. */
final class ConfigPropertiesTest {

  @Property(tries = 50)
  void everyBadSubscription_isReportedWithItsIndex(
      @ForAll @Size(min = 1, max = 6) List<@StringLength(min = 3, max = 12) String> junk) {
    List<String> names =
        junk.stream()
            .map(s -> "Zz" + s.hashCode())
            .map(s -> s.replace('-', 'm'))
            .distinct()
            .collect(Collectors.toList());
    String list = names.stream().map(n -> "\"" + n + "\"").collect(Collectors.joining(", "));
    ConfigurationException e =
        assertThrows(
            ConfigurationException.class,
            () ->
                PamkitConfig.parse(
                    "{\"EventSubscribers\": [{\"Type\": \"Email\", "
                        + "\"EmailAddress\": \"a@example.com\", \"Subscriptions\": ["
                        + list
                        + "]}]}"));
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      expected.add(
          "$.EventSubscribers[0].Subscriptions["
              + i
              + "]: '"
              + names.get(i)
              + "' is not an event name the catalog knows");
    }
    assertEquals(expected, e.violations().stream().map(Violation::toString).toList());
  }

  @Test
  void subscribersOfTheExample_loadIntoARegistry_andReceiveTestEvents() {
    PamkitConfig c = PamkitConfig.read(PamkitConfigTest.EXAMPLES.resolve("pamkit.json"));
    List<ApplianceEvent> published = new ArrayList<>();
    TargetedEventPublisher publisher = recording(published);
    SubscriberRegistry registry =
        SubscriberRegistry.builder(publisher).catalog(c.eventCatalog()).build();
    List<Subscriber> added = registry.addAll(c.eventSubscribers());
    assertEquals(5, added.size());
    // Subscribers without an Id keep their derived, stable id in the registry.
    assertEquals(c.eventSubscribers().get(0).id(), added.get(0).id());
    assertEquals(SubscriberIdentity.derive(added.get(1)), added.get(1).id());
    assertEquals(4, registry.list(false).size());
    registry.sendTestEvent(added.get(3).id());
    assertEquals("Test", published.get(0).name());
    assertTrue(added.get(3).subscriptions().contains("BadgeScanned"));
  }

  @Test
  void newSubscriberRegistry_holdsTheDocumentsSubscribers() {
    PamkitConfig c = PamkitConfig.read(PamkitConfigTest.EXAMPLES.resolve("pamkit.json"));
    List<ApplianceEvent> published = new ArrayList<>();
    SubscriberRegistry registry = c.newSubscriberRegistry(recording(published));
    assertEquals(c.eventSubscribers().get(0), registry.find(3).orElseThrow());
    assertEquals(5, registry.list(true).size());
    assertTrue(registry.catalog().contains("BadgeScanned"));
  }

  /** A publisher that adds every event, targeted or not, to the list. */
  private static TargetedEventPublisher recording(List<ApplianceEvent> published) {
    return new TargetedEventPublisher() {
      @Override
      public void publish(ApplianceEvent event) {
        published.add(event);
      }

      @Override
      public void publishTo(ApplianceEvent event, int subscriberId) {
        published.add(event);
      }
    };
  }
}
