// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pamkit.core.ValidationException;
import io.pamkit.core.Violation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class ServiceStateTest {
  private final ObjectMapper json = new ObjectMapper();

  @Test
  void defaults_servicesConfigHas19TrueFields() {
    Map<String, Boolean> config = ServiceState.defaults().servicesConfig();
    assertEquals(19, config.size());
    assertTrue(config.values().stream().allMatch(v -> v));
    assertFalse(ServiceState.defaults().isEnabled(Service.AUDIT_LOG_STREAM_SERVICE));
  }

  @Test
  void toMap_jsonRoundTrip() throws Exception {
    ServiceState s =
        ServiceState.builder()
            .enabled(Service.SCIM_PROVISIONING_ENABLED, false)
            .enabled(Service.AUDIT_LOG_STREAM_SERVICE, true)
            .applicationToApplication("SPP-2", false)
            .build();
    String text = json.writeValueAsString(s.toMap());
    assertTrue(text.contains("\"ScimProvisioningEnabled\":false"), text);
    assertTrue(text.contains("\"AuditLogStreamService\":{\"Enabled\":true}"), text);
    assertTrue(text.contains("\"ApplicationToApplication\":{\"SPP-2\":false}"), text);
    Map<String, Object> read = json.readValue(text, new TypeReference<Map<String, Object>>() {});
    assertEquals(s, ServiceState.fromMap(read));
  }

  @Test
  void fromMap_missingFieldsTakeDefaults() throws Exception {
    ServiceState s =
        ServiceState.fromMap(
            json.readValue(
                "{\"ServicesConfig\":{\"PasswordCheckEnabled\":false}}",
                new TypeReference<Map<String, Object>>() {}));
    assertFalse(s.isEnabled(Service.PASSWORD_CHECK_ENABLED));
    assertTrue(s.isEnabled(Service.PASSWORD_CHANGE_ENABLED));
    assertFalse(s.isEnabled(Service.AUDIT_LOG_STREAM_SERVICE));
  }

  @Test
  void fromMap_badValues_everyViolationNamedByPath() throws Exception {
    Map<String, Object> doc =
        json.readValue(
            "{\"ServicesConfig\":{\"PasswordCheckEnabled\":\"no\",\"Bogus\":true},"
                + "\"AuditLogStreamService\":{\"Enabled\":1},"
                + "\"ApplicationToApplication\":[],\"Extra\":{}}",
            new TypeReference<Map<String, Object>>() {});
    ValidationException e =
        assertThrows(ValidationException.class, () -> ServiceState.fromMap(doc));
    List<String> paths = e.violations().stream().map(Violation::path).toList();
    assertEquals(
        List.of(
            "$.ServicesConfig.PasswordCheckEnabled",
            "$.ServicesConfig.Bogus",
            "$.AuditLogStreamService.Enabled",
            "$.ApplicationToApplication",
            "$.Extra"),
        paths);
    assertTrue(e.violations().get(0).message().contains("true or false"));
  }

  @Test
  void isEnabled_a2aNeedsAppliance() {
    assertThrows(
        IllegalArgumentException.class,
        () -> ServiceState.defaults().isEnabled(Service.APPLICATION_TO_APPLICATION_ENABLED));
    assertThrows(
        IllegalArgumentException.class,
        () -> ServiceState.builder().enabled(Service.APPLICATION_TO_APPLICATION_ENABLED, false));
  }
}
