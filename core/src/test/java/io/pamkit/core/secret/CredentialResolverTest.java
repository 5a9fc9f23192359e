// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.secret;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pamkit.core.ValidationException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

final class CredentialResolverTest {
  private static final AccountReference SMTP =
      new AccountReference(AccountReference.Kind.DIRECTORY_ACCOUNT, "corp.example.com", "svc-smtp");
  private static final AccountReference EWS =
      new AccountReference(AccountReference.Kind.ASSET_ACCOUNT, "exchange01", "mailer");

  @Test
  void inMemory_resolvesStoredSecret_asIndependentCopy() {
    InMemoryCredentialResolver r = InMemoryCredentialResolver.create().put(SMTP, Secret.of("pw1"));
    Secret first = r.resolve(SMTP);
    assertEquals("pw1", first.reveal());
    first.wipe();
    assertEquals("pw1", r.resolve(SMTP).reveal());
    assertEquals(Set.of(SMTP), r.references());
  }

  @Test
  void inMemory_putReplaces_forRotation() {
    InMemoryCredentialResolver r = InMemoryCredentialResolver.create().put(SMTP, Secret.of("old"));
    Secret given = Secret.of("new");
    r.put(SMTP, given);
    given.wipe();
    assertEquals("new", r.resolve(SMTP).reveal());
  }

  @Test
  void inMemory_unknownOrRemoved_typedErrorNamingReference() {
    InMemoryCredentialResolver r = InMemoryCredentialResolver.create().put(SMTP, Secret.of("pw"));
    assertTrue(r.remove(SMTP));
    assertFalse(r.remove(SMTP));
    ValidationException e = assertThrows(ValidationException.class, () -> r.resolve(SMTP));
    assertEquals("AccountReference", e.violations().get(0).path());
    assertTrue(e.getMessage().contains("DIRECTORY_ACCOUNT:corp.example.com\\svc-smtp"));
    assertFalse(r.toString().contains("pw"));
  }

  @Test
  void environment_variableName_followsTheScheme() {
    EnvironmentCredentialResolver r = EnvironmentCredentialResolver.create();
    assertEquals(
        "PAMKIT_SECRET_DIRECTORY_ACCOUNT__CORP_EXAMPLE_COM__SVC_SMTP", r.variableName(SMTP));
    assertEquals("PAMKIT_SECRET_ASSET_ACCOUNT__EXCHANGE01__MAILER", r.variableName(EWS));
  }

  @Test
  void environment_resolvesFromVariables_readOnEveryCall() {
    Map<String, String> env = new HashMap<>();
    EnvironmentCredentialResolver r = EnvironmentCredentialResolver.create("APP_", env);
    env.put("APP_ASSET_ACCOUNT__EXCHANGE01__MAILER", "ews-pass");
    assertEquals("ews-pass", r.resolve(EWS).reveal());
    env.put("APP_ASSET_ACCOUNT__EXCHANGE01__MAILER", "rotated");
    assertEquals("rotated", r.resolve(EWS).reveal());
  }

  @Test
  void environment_missingVariable_errorNamesVariableNotValue() {
    EnvironmentCredentialResolver r =
        EnvironmentCredentialResolver.create("APP_", Map.of("APP_OTHER", "secret-value"));
    ValidationException e = assertThrows(ValidationException.class, () -> r.resolve(SMTP));
    assertTrue(
        e.getMessage().contains("APP_DIRECTORY_ACCOUNT__CORP_EXAMPLE_COM__SVC_SMTP is not set"),
        e.getMessage());
    assertFalse(e.getMessage().contains("secret-value"));
  }

  @Test
  void environment_processEnvironment_isUsedByDefault() {
    EnvironmentCredentialResolver r = EnvironmentCredentialResolver.create();
    AccountReference absent =
        new AccountReference(AccountReference.Kind.ASSET_ACCOUNT, "no-such-host", "nobody-xyz");
    assertThrows(ValidationException.class, () -> r.resolve(absent));
  }

  @Test
  void environment_badPrefix_rejected() {
    assertThrows(
        IllegalArgumentException.class,
        () -> EnvironmentCredentialResolver.create("bad-", Map.of()));
  }
}
