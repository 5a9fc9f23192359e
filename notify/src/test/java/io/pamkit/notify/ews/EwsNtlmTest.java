// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.notify.ews;

import static io.pamkit.notify.TestNotifications.CLOCK;
import static io.pamkit.notify.TestNotifications.notification;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pamkit.core.ValidationException;
import io.pamkit.core.dispatch.DeliveryException;
import io.pamkit.core.dispatch.FailureType;
import io.pamkit.core.secret.AccountReference;
import io.pamkit.core.secret.CredentialResolver;
import io.pamkit.core.secret.Secret;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** EWS with NTLM against an endpoint that runs the server side of the NTLMv2 handshake. */
final class EwsNtlmTest {
  private static final AccountReference ACCOUNT =
      new AccountReference(AccountReference.Kind.DIRECTORY_ACCOUNT, "pamkit.test", "svc-pam");
  private static final EwsAuthentication VAULTED =
      EwsAuthentication.ntlm("PAMKIT\\svc-pam", ACCOUNT);
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
    return transport(server, auth, null);
  }

  private static EwsTransport transport(
      NtlmEws server, EwsAuthentication auth, @Nullable CredentialResolver vault) {
    return EwsTransport.builder(
            EwsConfig.builder()
                .endpoint(server.endpoint())
                .senderEmail("pam@pamkit.test")
                .authentication(auth)
                .credentialResolver(vault)
                .sslContext(server.clientContext())
                .build())
        .clock(CLOCK)
        .build();
  }

  /** Runs {@code body} while the JDK can find no Kerberos configuration. */
  private static void withoutKerberos(ThrowingRunnable body) throws Throwable {
    String old = System.getProperty("java.security.krb5.conf");
    System.setProperty("java.security.krb5.conf", "/nonexistent/pamkit-test/krb5.conf");
    try {
      body.run();
    } finally {
      if (old == null) {
        System.clearProperty("java.security.krb5.conf");
      } else {
        System.setProperty("java.security.krb5.conf", old);
      }
    }
  }

  private interface ThrowingRunnable {
    void run() throws Throwable;
  }

  @Test
  void send_ntlmWithVaultedAccount_resolvesThePasswordOnEachRequest() {
    AtomicReference<String> vault = new AtomicReference<>("S3cret!pässword");
    try (EwsTransport t = transport(server, VAULTED, ref -> Secret.of(vault.get()))) {
      t.send(notification("ev-1", "admin@example.com"));
      vault.set("rotated-elsewhere");
      DeliveryException e =
          assertThrows(
              DeliveryException.class, () -> t.send(notification("ev-2", "admin@example.com")));

      assertEquals(FailureType.PERMANENT_TRANSPORT, e.failureType());
      assertEquals(
          List.of(
              "negotiate", "authenticated", "negotiate", "refused: wrong NTLMv2 proof (password)"),
          server.outcomes());
      assertTrue(VAULTED.toString().contains("account"));
    }
  }

  @Test
  void send_ntlmWithVaultedAccountThatCannotBeResolved_permanentTransportNamingTheAccount() {
    try (EwsTransport t =
        transport(
            server,
            VAULTED,
            ref -> {
              throw new ValidationException("account", "no such account in the vault");
            })) {
      DeliveryException e =
          assertThrows(
              DeliveryException.class, () -> t.send(notification("ev-1", "admin@example.com")));

      assertEquals(FailureType.PERMANENT_TRANSPORT, e.failureType());
      assertTrue(e.getMessage().contains("svc-pam"), e.getMessage());
      assertEquals(List.of(), server.outcomes());
    }
  }

  @Test
  void send_negotiateWithoutKerberos_sendsNtlmInsideNegotiate() throws Throwable {
    try (NtlmEws negotiate = NtlmEws.startNegotiate("PAMKIT", "svc-pam", "S3cret!pässword")) {
      withoutKerberos(
          () -> {
            try (EwsTransport t =
                transport(
                    negotiate,
                    EwsAuthentication.negotiate("PAMKIT\\svc-pam", Secret.of("S3cret!pässword")),
                    null)) {
              t.send(notification("ev-1", "admin@example.com"));
            }
          });

      assertEquals(List.of("negotiate", "authenticated"), negotiate.outcomes());
    }
  }

  @Test
  void send_ntlmAgainstNegotiateOnlyServer_permanentTransportNamingTheOfferedScheme()
      throws Exception {
    try (NtlmEws negotiate = NtlmEws.startNegotiate("PAMKIT", "svc-pam", "pw");
        EwsTransport t =
            transport(
                negotiate, EwsAuthentication.ntlm("PAMKIT\\svc-pam", Secret.of("pw")), null)) {
      DeliveryException e =
          assertThrows(
              DeliveryException.class, () -> t.send(notification("ev-1", "admin@example.com")));

      assertEquals(FailureType.PERMANENT_TRANSPORT, e.failureType());
      assertTrue(e.getMessage().contains("Negotiate"), e.getMessage());
    }
  }

  @Test
  void build_kerberosWithoutKerberosConfiguration_validationExceptionNamingAuthentication()
      throws Throwable {
    withoutKerberos(
        () -> {
          ValidationException e =
              assertThrows(
                  ValidationException.class,
                  () ->
                      transport(
                          EwsAuthentication.kerberos("svc-pam@PAMKIT.TEST", Secret.of("pw-krb"))));

          assertEquals("authentication", e.violations().get(0).path());
          assertTrue(e.getMessage().contains("java.security.krb5.conf"), e.getMessage());
          assertFalse(e.getMessage().contains("pw-krb"), e.getMessage());
        });
    assertEquals(List.of(), server.outcomes());
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
