// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.notify.ews;

import static io.pamkit.notify.TestNotifications.CLOCK;
import static io.pamkit.notify.TestNotifications.notification;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pamkit.core.dispatch.DeliveryException;
import io.pamkit.core.dispatch.FailureType;
import io.pamkit.core.secret.Secret;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** EWS with NTLM against an endpoint that runs the server side of the NTLMv2 handshake. */
final class EwsNtlmTest {
  private NtlmEws server;

  @BeforeEach
  void start() throws Exception {
    server = NtlmEws.start("PAMKIT", "svc-pam", "S3cret!pässword");
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private EwsTransport transport(EwsAuthentication auth) {
    return EwsTransport.builder(
            EwsConfig.builder()
                .endpoint(server.endpoint())
                .senderEmail("pam@pamkit.test")
                .authentication(auth)
                .sslContext(server.clientContext())
                .build())
        .clock(CLOCK)
        .build();
  }

  @Test
  void send_ntlm_handshakeOnOneConnectionThenDelivered() {
    try (EwsTransport t =
        transport(EwsAuthentication.ntlm("PAMKIT\\svc-pam", Secret.of("S3cret!pässword")))) {
      t.send(notification("ev-1", "admin@example.com"));
      t.send(notification("ev-2", "admin@example.com"));

      assertEquals(
          List.of("negotiate", "authenticated", "negotiate", "authenticated"), server.outcomes());
    }
  }

  @Test
  void send_ntlmWrongPassword_permanentTransport() {
    try (EwsTransport t =
        transport(EwsAuthentication.ntlm("PAMKIT\\svc-pam", Secret.of("wrong")))) {
      DeliveryException e =
          assertThrows(
              DeliveryException.class, () -> t.send(notification("ev-1", "admin@example.com")));

      assertEquals(FailureType.PERMANENT_TRANSPORT, e.failureType());
      assertFalse(e.getMessage().contains("wrong"), e.getMessage());
      assertEquals(
          List.of("negotiate", "refused: wrong NTLMv2 proof (password)"), server.outcomes());
    }
  }

  @Test
  void ntlm_toStringAndAccountChecks() {
    EwsAuthentication a = EwsAuthentication.ntlm("PAMKIT\\svc-pam", Secret.of("pw-x"));
    assertEquals(EwsAuthentication.Kind.NTLM, a.kind());
    assertFalse(a.toString().contains("pw-x"));
    assertTrue(a.toString().contains("PAMKIT\\svc-pam"));
    assertThrows(
        IllegalArgumentException.class, () -> EwsAuthentication.ntlm("a:b", Secret.of("x")));
  }
}
