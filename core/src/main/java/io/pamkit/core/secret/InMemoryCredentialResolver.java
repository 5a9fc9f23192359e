// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.secret;

import static java.util.Objects.requireNonNull;

import io.pamkit.core.ValidationException;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link CredentialResolver} backed by a map held in memory, for tests, for embedding
 * applications that fetch secrets from their own vault, and for rotating a password at run time
 * with {@link #put}.
 *
 * <p>Thread-safe. Each {@link #resolve} returns a fresh copy of the stored secret, so a caller may
 * {@linkplain Secret#wipe() wipe} what it got without affecting later calls.
 *
 * <pre>{@code
 * InMemoryCredentialResolver resolver = InMemoryCredentialResolver.create()
 *     .put(new AccountReference(AccountReference.Kind.DIRECTORY_ACCOUNT, "corp.example.com",
 *         "svc-smtp"), Secret.of("s3cret"));
 * }</pre>
 *
 * <p>This example is compiled and run by core's {@code JavadocExamplesTest}.
 */
public final class InMemoryCredentialResolver implements CredentialResolver {
  private final Map<AccountReference, Secret> secrets = new ConcurrentHashMap<>();

  private InMemoryCredentialResolver() {}

  /**
   * Creates an empty resolver.
   *
   * @return a new resolver that knows no account
   */
  public static InMemoryCredentialResolver create() {
    return new InMemoryCredentialResolver();
  }

  /**
   * Stores or replaces the secret of an account. The resolver keeps its own copy.
   *
   * @param reference the account
   * @param secret its secret
   * @return this resolver
   * @throws IllegalStateException if the secret was wiped
   */
  public InMemoryCredentialResolver put(AccountReference reference, Secret secret) {
    requireNonNull(reference, "reference");
    requireNonNull(secret, "secret");
    secrets.put(reference, copy(secret));
    return this;
  }

  /**
   * Forgets an account and wipes its stored secret.
   *
   * @param reference the account
   * @return true when the account was known
   */
  public boolean remove(AccountReference reference) {
    Secret old = secrets.remove(requireNonNull(reference, "reference"));
    if (old != null) {
      old.wipe();
      return true;
    }
    return false;
  }

  /**
   * Returns the accounts this resolver knows.
   *
   * @return an immutable snapshot
   */
  public Set<AccountReference> references() {
    return Set.copyOf(secrets.keySet());
  }

  /**
   * {@inheritDoc}
   *
   * @throws ValidationException (field {@code AccountReference}) if the account is not known
   */
  @Override
  public Secret resolve(AccountReference reference) {
    requireNonNull(reference, "reference");
    Secret s = secrets.get(reference);
    if (s == null) {
      throw new ValidationException(
          "AccountReference", reference + " is not known to the in-memory credential resolver");
    }
    return copy(s);
  }

  private static Secret copy(Secret s) {
    char[] chars = s.chars();
    try {
      return Secret.of(chars);
    } finally {
      Arrays.fill(chars, '\0');
    }
  }

  /** Returns the number of accounts held; never a secret. */
  @Override
  public String toString() {
    return "InMemoryCredentialResolver{" + secrets.size() + " accounts}";
  }
}
