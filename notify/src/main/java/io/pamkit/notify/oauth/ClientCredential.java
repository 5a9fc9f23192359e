// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.notify.oauth;

import static java.util.Objects.requireNonNull;

import io.pamkit.core.secret.AccountReference;
import io.pamkit.core.secret.CredentialResolver;
import io.pamkit.core.secret.Secret;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * How an application proves itself to the Microsoft identity platform: a {@link Certificate}
 * (recommended: the token request carries a JWT client assertion signed with the private key, the
 * key never leaves the process), a {@link ClientSecret}, or a {@link VaultedSecret} (the client
 * secret is the current password of a vaulted account, resolved before each token request, so a
 * rotated secret is picked up). {@code toString()} never shows the secret or the key.
 */
public sealed interface ClientCredential {

  /**
   * A client secret.
   *
   * @param secret the secret
   * @return the credential
   * @throws IllegalArgumentException if the secret is empty
   */
  static ClientCredential secret(Secret secret) {
    return new ClientSecret(secret);
  }

  /**
   * A client secret kept as the password of a vaulted account, resolved through a {@link
   * CredentialResolver} before each token request.
   *
   * @param account the account whose password is the client secret
   * @param resolver the resolver
   * @return the credential
   */
  static ClientCredential account(AccountReference account, CredentialResolver resolver) {
    return new VaultedSecret(account, resolver);
  }

  /**
   * A certificate credential: the private key and the certificate uploaded to the app registration
   * (followed by its chain, if any).
   *
   * @param key the private key (RSA)
   * @param chain the certificate first, then its issuers
   * @return the credential
   * @throws IllegalArgumentException if the chain is empty or the key is not RSA
   */
  static ClientCredential certificate(PrivateKey key, List<X509Certificate> chain) {
    return new Certificate(key, chain);
  }

  /**
   * A client secret credential.
   *
   * @param secret the secret
   */
  record ClientSecret(Secret secret) implements ClientCredential {
    /** Validates the secret. */
    public ClientSecret {
      requireNonNull(secret, "secret");
      if (secret.isEmpty()) {
        throw new IllegalArgumentException("the client secret is empty");
      }
    }

    /** Returns a masked form; never the secret. */
    @Override
    public String toString() {
      return "ClientSecret[****]";
    }
  }

  /**
   * A certificate credential.
   *
   * @param key the private key
   * @param chain the certificate, then its issuers
   */
  record Certificate(PrivateKey key, List<X509Certificate> chain) implements ClientCredential {
    /** Validates and copies the chain. */
    public Certificate {
      requireNonNull(key, "key");
      chain = List.copyOf(requireNonNull(chain, "chain"));
      if (chain.isEmpty()) {
        throw new IllegalArgumentException("the certificate chain is empty");
      }
      if (!"RSA".equals(key.getAlgorithm())) {
        throw new IllegalArgumentException(
            "the identity platform takes RSA keys for client"
                + " assertions, not "
                + key.getAlgorithm());
      }
    }

    /**
     * Returns the certificate registered with the application.
     *
     * @return the first certificate of the chain
     */
    public X509Certificate certificate() {
      return chain.get(0);
    }

    /** Returns the certificate's subject; never the key. */
    @Override
    public String toString() {
      return "Certificate[subject="
          + certificate().getSubjectX500Principal().getName()
          + ", key=****]";
    }
  }

  /**
   * A client secret resolved from a vaulted account before each token request.
   *
   * @param account the account whose password is the client secret
   * @param resolver the resolver
   */
  record VaultedSecret(AccountReference account, CredentialResolver resolver)
      implements ClientCredential {
    /** Checks the arguments. */
    public VaultedSecret {
      requireNonNull(account, "account");
      requireNonNull(resolver, "resolver");
    }

    /** Returns the account; never the secret. */
    @Override
    public String toString() {
      return "VaultedSecret[" + account + "]";
    }
  }
}
