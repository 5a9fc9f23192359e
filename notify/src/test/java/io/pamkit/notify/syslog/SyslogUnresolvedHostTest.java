// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.notify.syslog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pamkit.core.dispatch.DeliveryException;
import io.pamkit.core.dispatch.FailureType;
import io.pamkit.core.dispatch.Notification;
import io.pamkit.core.subscription.SyslogProtocol;
import io.pamkit.core.subscription.SyslogSubscriberProperties;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A destination whose name does not resolve (yet) is a transient failure, retried, not fatal: names
 * are resolved at every connect ({@code .invalid} never resolves, RFC 2606).
 */
final class SyslogUnresolvedHostTest {

  @ParameterizedTest
  @EnumSource(
      value = SyslogProtocol.class,
      names = {"TCP", "RELP"})
  void send_unresolvableHost_transientAndCounted(SyslogProtocol protocol) {
    Notification n =
        SyslogTransportTest.notification(
            SyslogSubscriberProperties.builder()
                .networkAddress("not-yet-in-dns.invalid")
                .port(6514)
                .protocol(protocol)
                .build());
    try (SyslogTransport t =
        SyslogTransport.builder()
            .appName("pamkit-test")
            .reconnectBackoff(Duration.ofMillis(1), Duration.ofMillis(1))
            .build()) {
      DeliveryException e = assertThrows(DeliveryException.class, () -> t.send(n));
      assertEquals(FailureType.TRANSIENT, e.failureType());
      assertTrue(e.getMessage().contains("not-yet-in-dns.invalid"), e.getMessage());
      assertEquals(1, t.metrics().connectFailures());
    }
  }
}
