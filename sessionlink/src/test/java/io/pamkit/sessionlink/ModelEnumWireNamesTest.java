// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.sessionlink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.pamkit.core.WireNamed;
import io.pamkit.sessionlink.internal.Json;
import io.pamkit.sessionlink.model.AccessRequestState;
import io.pamkit.sessionlink.model.ApplianceState;
import io.pamkit.sessionlink.model.LoginResponseStatus;
import io.pamkit.sessionlink.model.MaintenanceTaskType;
import io.pamkit.sessionlink.model.NetworkAddressFamily;
import io.pamkit.sessionlink.model.SessionMemberStatus;
import io.pamkit.sessionlink.model.SessionModuleConnectionProtocol;
import io.pamkit.sessionlink.model.SessionPolicyCapabilities;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The API model's enums speak core's dialect: {@link WireNamed#wireName()} is the JSON spelling,
 * {@code toString()} returns it, and {@code fromWireName} finds a constant by that exact spelling
 * and is empty for anything else.
 */
class ModelEnumWireNamesTest {

  static Stream<Arguments> enums() {
    return Stream.of(
        of(AccessRequestState.class, AccessRequestState::fromWireName),
        of(ApplianceState.class, ApplianceState::fromWireName),
        of(LoginResponseStatus.class, LoginResponseStatus::fromWireName),
        of(MaintenanceTaskType.class, MaintenanceTaskType::fromWireName),
        of(NetworkAddressFamily.class, NetworkAddressFamily::fromWireName),
        of(SessionMemberStatus.class, SessionMemberStatus::fromWireName),
        of(SessionModuleConnectionProtocol.class, SessionModuleConnectionProtocol::fromWireName),
        of(SessionPolicyCapabilities.class, SessionPolicyCapabilities::fromWireName));
  }

  private static <E extends Enum<E> & WireNamed> Arguments of(
      Class<E> type, Function<String, Optional<E>> fromWireName) {
    return Arguments.of(type.getSimpleName(), type, fromWireName);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("enums")
  <E extends Enum<E> & WireNamed> void wireName_isTheJsonSpelling_andFromWireNameIsExact(
      String name, Class<E> type, Function<String, Optional<E>> fromWireName) throws Exception {
    for (E c : type.getEnumConstants()) {
      JsonProperty json = type.getField(c.name()).getAnnotation(JsonProperty.class);
      assertNotNull(json, c.name());
      assertEquals(json.value(), c.wireName(), c.name());
      assertEquals(c.wireName(), c.toString(), c.name());
      assertEquals(Optional.of(c), fromWireName.apply(c.wireName()), c.name());
      assertEquals('"' + c.wireName() + '"', Json.mapper().writeValueAsString(c), c.name());
      assertEquals(c, Json.mapper().readValue('"' + c.wireName() + '"', type), c.name());
      String other = c.wireName().toUpperCase(Locale.ROOT);
      if (!other.equals(c.wireName())) {
        assertEquals(Optional.empty(), fromWireName.apply(other), other);
      }
    }
    assertEquals(Optional.empty(), fromWireName.apply("NoSuchValue"));
    assertTrue(fromWireName.apply("").isEmpty());
  }
}
