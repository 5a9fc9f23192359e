// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.notify.email.internal;

import io.pamkit.core.cert.CertificateLoadException;
import io.pamkit.core.cert.KeyMaterial;
import io.pamkit.core.config.ConfigSection;
import io.pamkit.core.secret.AccountReference;
import io.pamkit.core.secret.CredentialResolver;
import io.pamkit.core.secret.Secret;
import io.pamkit.notify.email.EmailSettings;
import io.pamkit.notify.email.HttpEmailSettings;
import io.pamkit.notify.oauth.ClientCredential;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Readers of document fields that several email providers share: an {@code AccountReference}
 * object, an OAuth client credential and a PEM private key.
 */
public final class DocumentFields {
  private static final Pattern PKCS8 =
      Pattern.compile("-----BEGIN PRIVATE KEY-----([A-Za-z0-9+/=\\s]+)-----END PRIVATE KEY-----");

  private DocumentFields() {}

  /**
   * Reads an {@code AccountReference} object: {@code Kind} ({@code DirectoryAccount} or {@code
   * AssetAccount}), {@code Owner} and {@code Name}.
   *
   * @param o the object
   * @return the reference, or null when the object has a problem (reported to it)
   */
  public static @Nullable AccountReference accountReference(ConfigSection o) {
    String kind = o.string("Kind");
    AccountReference.Kind k = null;
    if ("DirectoryAccount".equals(kind)) {
      k = AccountReference.Kind.DIRECTORY_ACCOUNT;
    } else if ("AssetAccount".equals(kind)) {
      k = AccountReference.Kind.ASSET_ACCOUNT;
    } else {
      o.problem(
          "Kind",
          kind == null
              ? "is required (DirectoryAccount or AssetAccount)"
              : "'" + kind + "' is not one of DirectoryAccount, AssetAccount");
    }
    String owner = o.string("Owner");
    String name = o.string("Name");
    if (owner == null) {
      o.problem("Owner", "is required: the directory or asset the account belongs to");
    }
    if (name == null) {
      o.problem("Name", "is required: the account name");
    }
    AccountReference.Kind fk = k;
    // build runs the supplier only when no problem was recorded, so all three were present
    return o.build(
        () ->
            new AccountReference(
                java.util.Objects.requireNonNull(fk),
                java.util.Objects.requireNonNull(owner),
                java.util.Objects.requireNonNull(name)));
  }

  /**
   * Reads the credential of an OAuth client: {@code CertificateFile} with {@code PrivateKeyFile}
   * (PEM; {@code PrivateKeyPassword} for an encrypted key), {@code ClientSecret}, or {@code
   * AccountReference} (the client secret is that account's password, resolved by {@code resolver});
   * exactly one of them.
   *
   * @param s the object holding the fields
   * @param resolver the resolver of a vaulted client secret
   * @return the credential, or null when a problem was reported
   */
  public static @Nullable ClientCredential clientCredential(
      ConfigSection s, CredentialResolver resolver) {
    String certificateFile = s.string("CertificateFile");
    String keyFile = s.string("PrivateKeyFile");
    Secret keyPassword = s.secret("PrivateKeyPassword");
    Secret clientSecret = s.secret("ClientSecret");
    AccountReference ref =
        s.object("AccountReference", "AccountReference")
            .map(DocumentFields::accountReference)
            .orElse(null);
    int given =
        (certificateFile != null || keyFile != null ? 1 : 0)
            + (clientSecret != null ? 1 : 0)
            + (s.has("AccountReference") ? 1 : 0);
    if (given > 1) {
      s.problem(
          clientSecret != null ? "ClientSecret" : "AccountReference",
          "give one credential:"
              + " CertificateFile with PrivateKeyFile, ClientSecret, or AccountReference");
      return null;
    }
    if (certificateFile != null || keyFile != null) {
      if (certificateFile == null || keyFile == null) {
        s.problem(
            certificateFile == null ? "CertificateFile" : "PrivateKeyFile",
            "CertificateFile and PrivateKeyFile go together; give both");
        return null;
      }
      ClientCredential[] out = new ClientCredential[1];
      s.set(
          "PrivateKeyFile",
          () -> {
            try {
              KeyMaterial k =
                  KeyMaterial.fromPem(Path.of(certificateFile), Path.of(keyFile), keyPassword);
              out[0] = ClientCredential.certificate(k.privateKey(), k.chain());
            } catch (CertificateLoadException e) {
              throw new IllegalArgumentException(e.getMessage(), e);
            }
          });
      return out[0];
    }
    if (clientSecret != null) {
      ClientCredential[] out = new ClientCredential[1];
      s.set("ClientSecret", () -> out[0] = ClientCredential.secret(clientSecret));
      return out[0];
    }
    if (ref != null) {
      return ClientCredential.account(ref, resolver);
    }
    if (!s.has("AccountReference")) {
      s.problem(
          "CertificateFile",
          "an OAuth client needs a credential: CertificateFile with"
              + " PrivateKeyFile (recommended), ClientSecret, or AccountReference");
    }
    return null;
  }

  /**
   * Reads {@code VerifySslCertificate} and {@code TrustAllCertificatesInsecurely}, the same in
   * every email provider's entry (see {@link CertificateTrust}).
   *
   * @param s the provider's entry
   * @param b the settings builder
   */
  public static void certificateTrust(ConfigSection s, EmailSettings.Builder<?> b) {
    s.bool("VerifySslCertificate", b::verifySslCertificate);
    s.bool(CertificateTrust.TRUST_ALL_FIELD, b::trustAllCertificatesInsecurely);
  }

  /**
   * Reads the timeouts of an HTTP email provider: {@code ConnectTimeoutSeconds} and {@code
   * RequestTimeoutSeconds}, each 1 to 3600.
   *
   * @param s the provider's entry
   * @param b the settings builder
   */
  public static void timeouts(ConfigSection s, HttpEmailSettings.Builder<?> b) {
    s.integer("ConnectTimeoutSeconds", v -> b.connectTimeout(seconds(v)));
    s.integer("RequestTimeoutSeconds", v -> b.requestTimeout(seconds(v)));
  }

  private static Duration seconds(int v) {
    if (v < 1 || v > 3600) {
      throw new IllegalArgumentException(v + " is not between 1 and 3600 seconds");
    }
    return Duration.ofSeconds(v);
  }

  /**
   * Reads an unencrypted PKCS#8 private key ({@code -----BEGIN PRIVATE KEY-----}, what {@code
   * openssl genpkey} writes) of one of the given algorithms.
   *
   * @param pem the PEM text; other blocks (certificates) around the key are ignored
   * @param algorithms the JCA key algorithms to try, e.g. {@code RSA}, {@code Ed25519}
   * @return the key
   * @throws IllegalArgumentException if the text holds no such key; the message never quotes the
   *     key
   */
  public static PrivateKey privateKey(String pem, String... algorithms) {
    Matcher m = PKCS8.matcher(pem);
    if (!m.find()) {
      throw new IllegalArgumentException(
          pem.contains("-----BEGIN RSA PRIVATE KEY-----")
              ? "holds a PKCS#1 key (BEGIN RSA PRIVATE KEY); convert it to PKCS#8 with"
                  + " 'openssl pkcs8 -topk8 -nocrypt'"
              : pem.contains("ENCRYPTED PRIVATE KEY")
                  ? "holds an encrypted key; an unencrypted PKCS#8 key is needed"
                  : "holds no PEM private key (-----BEGIN PRIVATE KEY-----)");
    }
    byte[] der;
    try {
      der = Base64.getMimeDecoder().decode(m.group(1).getBytes(StandardCharsets.US_ASCII));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("holds a PEM private key that is not valid base64");
    }
    for (String a : algorithms) {
      try {
        return KeyFactory.getInstance(a).generatePrivate(new PKCS8EncodedKeySpec(der));
      } catch (InvalidKeySpecException | java.security.NoSuchAlgorithmException e) {
        // try the next algorithm
      }
    }
    throw new IllegalArgumentException(
        "holds a private key that is not " + String.join(" or ", algorithms));
  }
}
