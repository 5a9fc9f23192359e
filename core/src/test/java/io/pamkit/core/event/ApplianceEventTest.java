// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pamkit.core.ValidationException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

final class ApplianceEventTest {

  @Test
  void builder_knownName_takesTheCatalogsDefaultLevel() {
    // first-use review: PasswordChangeFailed built in Java arrived as sev=info, CEF 3
    ApplianceEvent e = ApplianceEvent.builder("PasswordChangeFailed").applianceId("SPP-1").build();
    assertEquals(EventLevel.ERROR, e.level());
    assertEquals(3, e.level().syslogSeverity());
    assertEquals(8, e.level().cefSeverity());
    assertEquals(EventLevel.WARN, ApplianceEvent.builder("UserLockedOut").build().level());
    assertEquals(EventLevel.INFO, ApplianceEvent.builder("UserCreated").build().level());
  }

  @Test
  void builder_levelSet_overridesTheDefault() {
    ApplianceEvent e =
        ApplianceEvent.builder("PasswordChangeFailed").level(EventLevel.WARN).build();
    assertEquals(EventLevel.WARN, e.level());
    assertEquals(EventLevel.WARN, e.toBuilder().build().level());
  }

  @Test
  void builder_misspeltName_refusedWithSuggestion() {
    UnknownEventException e =
        assertThrows(
            UnknownEventException.class, () -> ApplianceEvent.builder("PasswordChangeFialed"));
    assertEquals("PasswordChangeFialed", e.eventName());
    assertEquals(Optional.of("PasswordChangeFailed"), e.suggestion());
    assertEquals(
        "EventName: 'PasswordChangeFialed' is not an event name the catalog knows;"
            + " did you mean 'PasswordChangeFailed'?",
        e.getMessage());
    assertTrue(e instanceof ValidationException);
  }

  @Test
  void builder_otherCase_refusedWithTheRightSpelling() {
    UnknownEventException e =
        assertThrows(
            UnknownEventException.class, () -> ApplianceEvent.builder("passwordchangefailed"));
    assertEquals(Optional.of("PasswordChangeFailed"), e.suggestion());
  }

  @Test
  void builder_nothingClose_refusedWithoutSuggestion() {
    UnknownEventException e =
        assertThrows(UnknownEventException.class, () -> ApplianceEvent.builder("Not an event"));
    assertEquals(Optional.empty(), e.suggestion());
    assertEquals(
        "EventName: 'Not an event' is not an event name the catalog knows", e.getMessage());
  }

  @Test
  void builder_blankName_illegalArgument() {
    assertThrows(IllegalArgumentException.class, () -> ApplianceEvent.builder(" "));
    assertThrows(IllegalArgumentException.class, () -> ApplianceEvent.builder("A\nB"));
  }

  @Test
  void builder_extendedCatalog_buildsUserDefinedEventsAtTheirLevel() {
    EventCatalog catalog = withWarning("BadgeScanned", EventCategory.ACCESS_REQUEST);
    assertEquals(EventLevel.WARN, ApplianceEvent.builder(catalog, "BadgeScanned").build().level());
    assertEquals("BadgeScanned", catalog.event("BadgeScanned").build().name());
    assertThrows(UnknownEventException.class, () -> ApplianceEvent.builder("BadgeScanned"));
    UnknownEventException e =
        assertThrows(UnknownEventException.class, () -> catalog.event("BadgeScaned"));
    assertEquals(Optional.of("BadgeScanned"), e.suggestion());
  }

  @Test
  void builder_extensionOverridesLevel_ofAShippedName() {
    EventCatalog catalog = withWarning("UserCreated", EventCategory.OBJECT_HISTORY);
    assertEquals(EventLevel.WARN, ApplianceEvent.builder(catalog, "UserCreated").build().level());
  }

  @Test
  void uncheckedBuilder_anyName_catalogLevelWhenKnownElseInfo() {
    assertEquals(
        EventLevel.INFO, ApplianceEvent.uncheckedBuilder("FromANewerAppliance").build().level());
    assertEquals(
        EventLevel.ERROR, ApplianceEvent.uncheckedBuilder("PasswordChangeFailed").build().level());
    assertThrows(IllegalArgumentException.class, () -> ApplianceEvent.uncheckedBuilder(""));
  }

  @Test
  void catalogSuggest_knownUnknownAndFar() {
    EventCatalog c = EventCatalog.defaults();
    assertEquals(Optional.of("UserLockedOut"), c.suggest("UserLockedOut"));
    assertEquals(Optional.of("UserLockedOut"), c.suggest("userlockedout"));
    assertEquals(Optional.empty(), c.suggest("Completely different words"));
  }

  @Test
  void eventLevel_mapsToSyslogCefAndSnmp() {
    assertEquals("err", EventLevel.ERROR.syslogSeverityName());
    assertEquals("warning", EventLevel.WARN.syslogSeverityName());
    assertEquals("info", EventLevel.INFO.syslogSeverityName());
    assertEquals("debug", EventLevel.DEBUG.syslogSeverityName());
    assertEquals("notice", EventLevel.NONE.syslogSeverityName());
    assertEquals(
        List.of(1, 3, 6, 8, 3),
        java.util.Arrays.stream(EventLevel.values()).map(EventLevel::cefSeverity).toList());
    assertEquals(
        List.of(1, 1, 2, 3, 1),
        java.util.Arrays.stream(EventLevel.values()).map(EventLevel::snmpTrapKind).toList());
  }

  /** The shipped catalog extended with one event of level Warn. */
  private static EventCatalog withWarning(String name, EventCategory category) {
    return EventCatalog.defaults()
        .extend(List.of(new EventDefinition(name, category, EventLevel.WARN)));
  }
}
