// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pamkit.core.event.EventCatalog;
import io.pamkit.core.subscription.Subscriber;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

final class RoutingIndexTest {

  private static Subscriber sub(int id, String... names) {
    return Subscriber.builder(Subscriber.EMAIL).id(id).subscribe(names).build();
  }

  private static Subscriber all(int id) {
    return Subscriber.builder(Subscriber.SYSLOG).id(id).subscribeToAllEvents(true).build();
  }

  @Test
  void candidates_exactName_returnsOnlySubscribersOfThatName() {
    Subscriber a = sub(1, "UserCreated");
    Subscriber b = sub(2, "UserDeleted");
    Subscriber c = sub(3, "UserCreated", "UserDeleted");
    RoutingIndex index = RoutingIndex.of(List.of(a, b, c));

    assertEquals(List.of(a, c), index.candidates("UserCreated"));
    assertEquals(List.of(b, c), index.candidates("UserDeleted"));
    assertEquals(List.of(), index.candidates("AssetCreated"));
  }

  @Test
  void candidates_allEvents_mergedInGivenOrderWithoutDuplicates() {
    Subscriber a = sub(1, "UserCreated");
    Subscriber everything = all(2);
    Subscriber c = sub(3, "UserCreated");
    Subscriber everythingListingNames =
        Subscriber.builder("Snmp")
            .id(4)
            .subscribeToAllEvents(true)
            .subscribe("UserCreated")
            .build();
    RoutingIndex index = RoutingIndex.of(List.of(a, everything, c, everythingListingNames));

    assertEquals(
        List.of(a, everything, c, everythingListingNames), index.candidates("UserCreated"));
    assertEquals(List.of(everything, everythingListingNames), index.candidates("NotInAnyList"));
  }

  @Test
  void candidates_disabledSubscriber_isLeftOut() {
    Subscriber on = sub(1, "UserCreated");
    Subscriber off = sub(2, "UserCreated").toBuilder().enabled(false).build();
    Subscriber offAll = all(3).toBuilder().enabled(false).build();
    RoutingIndex index = RoutingIndex.of(List.of(on, off, offAll));

    assertEquals(List.of(on), index.candidates("UserCreated"));
    assertEquals(List.of(), index.candidates("Other"));
    assertEquals(1, index.subscriberCount());
  }

  @Test
  void candidates_sameInstanceGivenTwice_indexedOnce() {
    Subscriber a = sub(1, "UserCreated");
    RoutingIndex index = RoutingIndex.of(List.of(a, a));
    assertEquals(List.of(a), index.candidates("UserCreated"));
  }

  @Test
  void candidates_wholeCatalog_everyNameFindsItsSubscribers() {
    List<String> names = EventCatalog.defaults().names();
    List<Subscriber> subs = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      subs.add(sub(i + 1, names.get(i)));
    }
    subs.add(all(10_000));
    RoutingIndex index = RoutingIndex.of(subs);
    for (int i = 0; i < names.size(); i++) {
      List<Subscriber> c = index.candidates(new String(names.get(i).toCharArray()));
      assertEquals(2, c.size(), names.get(i));
      assertSame(subs.get(i), c.get(0));
    }
  }

  @Test
  void candidates_returnedList_isImmutable() {
    RoutingIndex index = RoutingIndex.of(List.of(sub(1, "A")));
    assertThrows(UnsupportedOperationException.class, () -> index.candidates("A").add(sub(2, "A")));
  }

  @Test
  void of_nullSubscriber_throwsNpe() {
    List<Subscriber> subs = new ArrayList<>();
    subs.add(null);
    NullPointerException e = assertThrows(NullPointerException.class, () -> RoutingIndex.of(subs));
    assertTrue(e.getMessage().contains("subscriber"));
  }
}
