// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.journal;

import io.pamkit.core.dispatch.Notification;
import io.pamkit.core.event.ApplianceEvent;
import io.pamkit.core.event.EventLevel;
import io.pamkit.core.subscription.Subscriber;
import java.time.Instant;

/** Events and subscribers shared by the journal tests. */
final class JournalTestData {
  static final Subscriber ALICE =
      Subscriber.builder("Email")
          .id(7)
          .emailAddress("alice@example.com")
          .subscribe("UserCreated")
          .build();
  static final Subscriber BOB =
      Subscriber.builder("Email")
          .id(8)
          .emailAddress("bob@example.com")
          .subscribe("UserCreated")
          .build();

  private JournalTestData() {}

  /** An event whose properties hold multi-byte UTF-8 (so torn writes can split a character). */
  static ApplianceEvent event(String id) {
    return ApplianceEvent.builder("UserCreated")
        .id(id)
        .time(Instant.parse("2026-01-02T03:04:05Z"))
        .applianceId("SPP-1")
        .level(EventLevel.WARN)
        .object("User", "42")
        .property("UserName", "zoë-€-𝄞")
        .property("Note", "line1\nline2 \"quoted\"")
        .build();
  }

  static Notification notification(String eventId, Subscriber s) {
    return Notification.of(event(eventId), s);
  }
}
