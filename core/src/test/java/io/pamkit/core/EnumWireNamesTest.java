// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pamkit.core.event.EventCategory;
import io.pamkit.core.event.EventLevel;
import io.pamkit.core.policy.Service;
import io.pamkit.core.policy.ServiceGroup;
import io.pamkit.core.subscription.SnmpAuthenticationType;
import io.pamkit.core.subscription.SnmpEncryptionType;
import io.pamkit.core.subscription.SyslogFacility;
import io.pamkit.core.subscription.SyslogProtocol;
import io.pamkit.core.subscription.SyslogTcpFraming;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The enums whose constants are UPPER_SNAKE_CASE keep the appliance's spelling as their wire name:
 * the spelling documents, journals and pamkit's output used before the rename, in declaration
 * order.
 */
final class EnumWireNamesTest {
  private static final Pattern UPPER_SNAKE = Pattern.compile("[A-Z][A-Z0-9]*(_[A-Z0-9]+)*");

  private static <E extends Enum<E>> void assertWireNames(
      Class<E> type,
      Function<E, String> wireName,
      Function<String, Optional<E>> lookup,
      String... expected) {
    E[] constants = type.getEnumConstants();
    assertEquals(
        List.of(expected), Arrays.stream(constants).map(wireName).toList(), type.getSimpleName());
    for (E c : constants) {
      assertTrue(UPPER_SNAKE.matcher(c.name()).matches(), c.name());
      assertEquals(Optional.of(c), lookup.apply(wireName.apply(c)), c.name());
      assertEquals(wireName.apply(c), c.toString(), c.name());
      if (!c.name().equals(wireName.apply(c))) {
        assertEquals(Optional.empty(), lookup.apply(c.name()), c.name());
      }
      assertEquals(
          Optional.empty(), lookup.apply(wireName.apply(c).toLowerCase(java.util.Locale.ROOT)));
    }
  }

  @Test
  void eventLevel_wireNames_areTheAppliancesSpelling() {
    assertWireNames(
        EventLevel.class,
        EventLevel::wireName,
        EventLevel::fromWireName,
        "Debug",
        "Info",
        "Warn",
        "Error",
        "None");
  }

  @Test
  void eventCategory_wireNames_areTheAppliancesSpelling() {
    assertWireNames(
        EventCategory.class,
        EventCategory::wireName,
        EventCategory::fromWireName,
        "Unknown",
        "ApplianceHistory",
        "AccessRequest",
        "UserAuthentication",
        "ObjectHistory",
        "PasswordManagement",
        "BackupRestore",
        "Patching",
        "Maintenance",
        "License",
        "AssetDiscovery",
        "Clustering",
        "FileReplication",
        "DirectorySync",
        "ServiceDiscovery",
        "AccountDiscovery",
        "SshKeyDiscovery",
        "Archive");
  }

  @Test
  void syslogEnums_wireNames_areTheAppliancesSpelling() {
    assertWireNames(
        SyslogProtocol.class,
        SyslogProtocol::wireName,
        SyslogProtocol::fromWireName,
        "LegacyUdp",
        "Udp",
        "Tcp",
        "Relp");
    assertWireNames(
        SyslogTcpFraming.class,
        SyslogTcpFraming::wireName,
        SyslogTcpFraming::fromWireName,
        "OctetCounting",
        "LF",
        "CR",
        "CRLF",
        "NUL");
    assertWireNames(
        SyslogFacility.class,
        SyslogFacility::wireName,
        SyslogFacility::fromWireName,
        "Kernel",
        "User",
        "Mail",
        "Daemons",
        "Authorization",
        "Syslog",
        "Printer",
        "News",
        "Uucp",
        "Clock",
        "Authorization2",
        "Ftp",
        "Ntp",
        "Audit",
        "Alert",
        "Clock2",
        "Local0",
        "Local1",
        "Local2",
        "Local3",
        "Local4",
        "Local5",
        "Local6",
        "Local7");
    assertEquals(19, SyslogFacility.LOCAL3.code());
  }

  @Test
  void snmpEnums_wireNames_areTheAppliancesSpelling() {
    assertWireNames(
        SnmpAuthenticationType.class,
        SnmpAuthenticationType::wireName,
        SnmpAuthenticationType::fromWireName,
        "None",
        "Md5",
        "Sha1",
        "Sha224",
        "Sha256",
        "Sha384",
        "Sha512");
    assertWireNames(
        SnmpEncryptionType.class,
        SnmpEncryptionType::wireName,
        SnmpEncryptionType::fromWireName,
        "None",
        "Des",
        "Aes128",
        "Aes192",
        "Aes256",
        "TripleDes");
  }

  @Test
  void serviceEnums_wireNames_areTheAppliancesSpelling() {
    assertWireNames(
        ServiceGroup.class,
        ServiceGroup::wireName,
        ServiceGroup::fromWireName,
        "Requests",
        "PasswordManagement",
        "SshKeyManagement",
        "ApiKeyManagement",
        "FileManagement",
        "Discovery",
        "Directory",
        "Provisioning",
        "Audit",
        "ApplicationToApplication");
    assertWireNames(
        Service.class,
        Service::wireName,
        Service::fromWireName,
        "SessionRequestsEnabled",
        "PasswordRequestsEnabled",
        "SshKeyRequestsEnabled",
        "ApiKeyRequestsEnabled",
        "FileRequestsEnabled",
        "PasswordCheckEnabled",
        "PasswordChangeEnabled",
        "SshKeyCheckEnabled",
        "SshKeyChangeEnabled",
        "ApiKeyCheckEnabled",
        "ApiKeyChangeEnabled",
        "FileCheckEnabled",
        "FileChangeEnabled",
        "AssetDiscoveryEnabled",
        "DiscoverAccountsEnabled",
        "DiscoverServicesEnabled",
        "SshKeyDiscoveryEnabled",
        "DirectorySyncEnabled",
        "ScimProvisioningEnabled",
        "AuditLogStreamService",
        "ApplicationToApplicationEnabled");
  }
}
