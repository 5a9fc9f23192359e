// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class EventCatalogTest {
  private final EventCatalog catalog = EventCatalog.defaults();

  @Test
  void defaults_holdsThe630ApplianceNames() {
    assertEquals(630, catalog.size());
    assertEquals(630, catalog.names().size());
    assertEquals(630, new HashSet<>(catalog.names()).size());
    assertEquals("Unknown", catalog.names().get(0));
    assertEquals("Test", catalog.names().get(1));
    assertSame(catalog, EventCatalog.defaults());
  }

  @Test
  void defaults_namesAreExactlyTheSchemasEventNameEnum() throws Exception {
    // shared/ sits beside the checkout (CI) or beside the folder of work trees (development)
    java.nio.file.Path schema =
        java.util.stream.Stream.of("../../shared", "../../../shared")
            .map(d -> java.nio.file.Path.of(d, "reference", "spp-openapi-v4-subset.json"))
            .filter(java.nio.file.Files::isRegularFile)
            .findFirst()
            .orElse(null);
    org.junit.jupiter.api.Assumptions.assumeTrue(
        schema != null, "the appliance schema is beside the checkout");
    com.fasterxml.jackson.databind.JsonNode names =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(schema.toFile())
            .path("components")
            .path("schemas")
            .path("EventName")
            .path("enum");
    List<String> expected = new java.util.ArrayList<>();
    names.forEach(n -> expected.add(n.asText()));
    assertEquals(630, expected.size());
    assertEquals(expected, catalog.names());
  }

  @Test
  void defaults_usesEveryCategory_andUnknownOnlyForTheUnknownName() {
    Map<EventCategory, Integer> counts = new EnumMap<>(EventCategory.class);
    catalog.definitions().forEach(d -> counts.merge(d.category(), 1, Integer::sum));
    for (EventCategory c : EventCategory.values()) {
      assertTrue(counts.getOrDefault(c, 0) > 0, "no event has category " + c);
    }
    assertEquals(
        List.of("Unknown"),
        catalog.definitions(EventCategory.UNKNOWN).stream().map(EventDefinition::name).toList());
  }

  @Test
  void defaults_levelsFollowTheNames() {
    for (EventDefinition d : catalog.definitions()) {
      if (d.name().endsWith("Failed") || d.name().endsWith("ErrorDetected")) {
        assertEquals(EventLevel.ERROR, d.defaultLevel(), d.name());
      }
      if (d.name().endsWith("Deleted")) {
        assertEquals(EventLevel.WARN, d.defaultLevel(), d.name());
      }
      if (d.name().endsWith("Succeeded") && !d.name().startsWith("Suspend")) {
        assertEquals(EventLevel.INFO, d.defaultLevel(), d.name());
      }
    }
  }

  @ParameterizedTest
  @CsvSource({
    "Test, ApplianceHistory, Info",
    "PasswordChangeFailed, PasswordManagement, Error",
    "AccessRequestApproved, AccessRequest, Info",
    "AccessRequestDenied, AccessRequest, Warn",
    "UserAuthenticationFailed, UserAuthentication, Error",
    "UserLockedOut, UserAuthentication, Warn",
    "ApplianceBackupFailed, BackupRestore, Error",
    "PatchCompleted, Patching, Info",
    "MaintenanceModeFailed, Maintenance, Error",
    "LicenseExpired, License, Warn",
    "AssetDiscoveryFailed, AssetDiscovery, Error",
    "ClusterPrimaryQuorumLost, Clustering, Error",
    "ClusterPrimaryQuorumRestored, Clustering, Info",
    "ReplicatedFileChanged, FileReplication, Info",
    "DirectoryAssetSyncFailed, DirectorySync, Error",
    "ServiceDiscoverySucceeded, ServiceDiscovery, Info",
    "AccountDiscoveryStarted, AccountDiscovery, Info",
    "SshKeyDiscoveryFailed, SshKeyDiscovery, Error",
    "ArchiveTaskFailed, Archive, Error",
    "AssetCreated, ObjectHistory, Info",
    "NtpErrorDetected, ApplianceHistory, Error",
    "EmergencyAccessGranted, AccessRequest, Warn",
  })
  void find_knownName_hasCategoryAndLevel(String name, String categoryName, String levelName) {
    // the appliance's spelling, as the catalog resource and documents write it
    EventCategory category = EventCategory.fromWireName(categoryName).orElseThrow();
    EventLevel level = EventLevel.fromWireName(levelName).orElseThrow();
    assertEquals(Optional.of(new EventDefinition(name, category, level)), catalog.find(name));
    assertTrue(catalog.contains(name));
    assertEquals(category, catalog.require(name).category());
  }

  @Test
  void lookups_unknownName_emptyOrTypedError() {
    assertFalse(catalog.contains("NoSuchEvent"));
    assertFalse(catalog.contains("test"));
    assertEquals(Optional.empty(), catalog.find("NoSuchEvent"));
    UnknownEventException e =
        assertThrows(UnknownEventException.class, () -> catalog.require("NoSuchEvent"));
    assertEquals("NoSuchEvent", e.eventName());
    assertEquals("EventName: 'NoSuchEvent' is not an event name the catalog knows", e.getMessage());
  }

  @Test
  void extend_addsUserNames_andOverridesShippedOnes_leavingDefaultsUnchanged() {
    EventCatalog extended =
        catalog.extend(
            List.of(
                new EventDefinition("BadgeScanned", EventCategory.ACCESS_REQUEST, EventLevel.DEBUG),
                new EventDefinition(
                    "AssetCreated", EventCategory.OBJECT_HISTORY, EventLevel.WARN)));
    assertEquals(631, extended.size());
    assertEquals("BadgeScanned", extended.names().get(630));
    assertEquals(EventLevel.DEBUG, extended.require("BadgeScanned").defaultLevel());
    assertEquals(EventLevel.WARN, extended.require("AssetCreated").defaultLevel());
    assertEquals(EventLevel.INFO, catalog.require("AssetCreated").defaultLevel());
    assertFalse(catalog.contains("BadgeScanned"));
  }

  @Test
  void builder_buildsCustomCatalogs() {
    EventCatalog c =
        EventCatalog.builder()
            .add("A", EventCategory.APPLIANCE_HISTORY, EventLevel.INFO)
            .add("B", EventCategory.ARCHIVE, EventLevel.ERROR)
            .remove("A")
            .build();
    assertEquals(List.of("B"), c.names());
    EventCatalog more = c.toBuilder().addAll(catalog.definitions(EventCategory.LICENSE)).build();
    assertEquals(1 + catalog.definitions(EventCategory.LICENSE).size(), more.size());
  }

  @Test
  void definition_badName_rejected() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new EventDefinition("has space", EventCategory.UNKNOWN, EventLevel.INFO));
    assertThrows(
        IllegalArgumentException.class,
        () -> new EventDefinition("", EventCategory.UNKNOWN, EventLevel.INFO));
  }
}
