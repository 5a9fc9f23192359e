// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.notify.graph;

import static java.util.Objects.requireNonNull;

import io.pamkit.core.ValidationException;
import io.pamkit.core.Violation;
import io.pamkit.core.internal.Text;
import io.pamkit.notify.email.HttpEmailSettings;
import io.pamkit.notify.email.internal.CertificateTrust;
import io.pamkit.notify.email.internal.OutboundEmail;
import io.pamkit.notify.oauth.ClientCredential;
import io.pamkit.notify.oauth.IdentityPlatformTokenSource;
import io.pamkit.notify.oauth.NationalCloud;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The settings of a {@link GraphTransport}: the tenant and application, their credential, the
 * sending mailbox, the cloud (or explicit hosts) and limits. The document field name of each
 * setting is given in its builder method.
 *
 * <pre>{@code
 * GraphSettings settings = GraphSettings.builder()
 *     .tenantId("contoso.onmicrosoft.com")
 *     .clientId("11111111-2222-3333-4444-555555555555")
 *     .credential(ClientCredential.certificate(privateKey, List.of(certificate)))
 *     .senderEmail("pam-notifications@contoso.com")
 *     .build();
 * }</pre>
 *
 * <p>This example is compiled and run by notify's {@code JavadocExamplesTest}.
 *
 * <p>Immutable and thread-safe; the builder is not. {@link #toString()} never shows the secret or
 * the key.
 */
public final class GraphSettings extends HttpEmailSettings {
  private final String tenantId;
  private final String clientId;
  private final ClientCredential credential;
  private final String senderEmail;
  private final NationalCloud cloud;
  private final @Nullable URI graphBaseUri;
  private final @Nullable URI authorityHost;
  private final boolean saveToSentItems;
  private final int maxResponseBytes;

  private GraphSettings(Builder b) {
    super(b);
    this.tenantId = requireNonNull(b.tenantId);
    this.clientId = requireNonNull(b.clientId);
    this.credential = requireNonNull(b.credential);
    this.senderEmail = requireNonNull(b.senderEmail).strip();
    this.cloud = b.cloud;
    this.graphBaseUri = b.graphBaseUri;
    this.authorityHost = b.authorityHost;
    this.saveToSentItems = b.saveToSentItems;
    this.maxResponseBytes = b.maxResponseBytes;
  }

  /**
   * Starts a builder with the defaults.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a builder holding these settings.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    Builder b = copyTo(new Builder());
    b.tenantId = tenantId;
    b.clientId = clientId;
    b.credential = credential;
    b.senderEmail = senderEmail;
    b.cloud = cloud;
    b.graphBaseUri = graphBaseUri;
    b.authorityHost = authorityHost;
    b.saveToSentItems = saveToSentItems;
    b.maxResponseBytes = maxResponseBytes;
    return b;
  }

  /**
   * Returns the directory (tenant) id or domain.
   *
   * @return the tenant
   */
  public String tenantId() {
    return tenantId;
  }

  /**
   * Returns the application (client) id.
   *
   * @return the client id
   */
  public String clientId() {
    return clientId;
  }

  /**
   * Returns the credential the token source uses.
   *
   * @return the credential
   */
  public ClientCredential credential() {
    return credential;
  }

  /**
   * Returns the mailbox that sends: the {@code {id}} in {@code /users/{id}/sendMail} and the From
   * address.
   *
   * @return the sender's address
   */
  public String senderEmail() {
    return senderEmail;
  }

  /**
   * Returns the cloud.
   *
   * @return the cloud
   */
  public NationalCloud cloud() {
    return cloud;
  }

  /**
   * Returns where Graph requests go: the base URI set, else the cloud's.
   *
   * @return the Graph base URI
   */
  public URI graphBaseUri() {
    return graphBaseUri != null ? graphBaseUri : cloud.graphBaseUri();
  }

  /**
   * Returns the identity platform host: the one set, else the cloud's.
   *
   * @return the authority host
   */
  public URI authorityHost() {
    return authorityHost != null ? authorityHost : cloud.authorityHost();
  }

  /**
   * Returns the {@code sendMail} endpoint, {@code
   * {graphBaseUri}/v1.0/users/{senderEmail}/sendMail}.
   *
   * @return the endpoint
   */
  public URI sendMailUri() {
    String base = graphBaseUri().toString().replaceAll("/+$", "");
    return URI.create(base + "/v1.0/users/" + senderEmail + "/sendMail");
  }

  /**
   * Returns whether Exchange keeps a copy in the sender's Sent Items.
   *
   * @return true to save a copy
   */
  public boolean saveToSentItems() {
    return saveToSentItems;
  }

  /**
   * Returns the most bytes of a response body that are read; the rest is discarded.
   *
   * @return the limit
   */
  public int maxResponseBytes() {
    return maxResponseBytes;
  }

  /**
   * Makes the token source these settings describe, for scope {@link NationalCloud#graphScope()}.
   *
   * @return a new token source
   */
  public IdentityPlatformTokenSource tokenSource() {
    return IdentityPlatformTokenSource.builder(tenantId, clientId, credential)
        .authorityHost(authorityHost())
        .scope(cloud.graphScope())
        .timeout(requestTimeout())
        .sslContext(CertificateTrust.context(this).orElse(null))
        .build();
  }

  /** Returns the settings without the credential's secret or key. */
  @Override
  public String toString() {
    return "GraphSettings{tenantId="
        + tenantId
        + ", clientId="
        + clientId
        + ", credential="
        + credential
        + ", senderEmail="
        + senderEmail
        + ", graph="
        + graphBaseUri()
        + ", authority="
        + authorityHost()
        + ", saveToSentItems="
        + saveToSentItems
        + "}";
  }

  /** Builds {@link GraphSettings}. Not thread-safe; the last call to a setter wins. */
  public static final class Builder extends HttpEmailSettings.Builder<Builder> {
    private @Nullable String tenantId;
    private @Nullable String clientId;
    private @Nullable ClientCredential credential;
    private @Nullable String senderEmail;
    private NationalCloud cloud = NationalCloud.GLOBAL;
    private @Nullable URI graphBaseUri;
    private @Nullable URI authorityHost;
    private boolean saveToSentItems;
    private int maxResponseBytes = 64 * 1024;

    private Builder() {
      super(Duration.ofSeconds(10), Duration.ofSeconds(30));
    }

    @Override
    protected Builder self() {
      return this;
    }

    /**
     * Sets the tenant. Document field: {@code TenantId}. Required.
     *
     * @param tenantId the directory id (a GUID) or a verified domain
     * @return this builder
     */
    public Builder tenantId(String tenantId) {
      this.tenantId = requireNonNull(tenantId, "tenantId");
      return this;
    }

    /**
     * Sets the application (client) id. Document field: {@code ClientId}. Required.
     *
     * @param clientId the client id
     * @return this builder
     */
    public Builder clientId(String clientId) {
      this.clientId = requireNonNull(clientId, "clientId");
      return this;
    }

    /**
     * Sets the credential. Document fields: {@code CertificateFile} with {@code PrivateKeyFile}
     * (recommended), or {@code ClientSecret} (a secret reference). Required.
     *
     * @param credential the certificate or client secret
     * @return this builder
     */
    public Builder credential(ClientCredential credential) {
      this.credential = requireNonNull(credential, "credential");
      return this;
    }

    /**
     * Sets the sending mailbox. Document field: {@code SenderEmail}. Required. The application
     * needs the {@code Mail.Send} application permission, best limited to this mailbox (RBAC for
     * Applications or an application access policy).
     *
     * @param senderEmail the mailbox's SMTP address or user principal name
     * @return this builder
     */
    public Builder senderEmail(String senderEmail) {
      this.senderEmail = requireNonNull(senderEmail, "senderEmail");
      return this;
    }

    /**
     * Sets the cloud. Document field: {@code Cloud} ({@link NationalCloud#wireName()}). Default:
     * {@link NationalCloud#GLOBAL}.
     *
     * @param cloud the cloud
     * @return this builder
     */
    public Builder cloud(NationalCloud cloud) {
      this.cloud = requireNonNull(cloud, "cloud");
      return this;
    }

    /**
     * Overrides the Graph base URI. Document field: {@code GraphHost}. Default: the cloud's.
     *
     * @param uri an https URI, or null for the cloud's
     * @return this builder
     */
    public Builder graphBaseUri(@Nullable URI uri) {
      this.graphBaseUri = uri;
      return this;
    }

    /**
     * Overrides the identity platform host. Document field: {@code AuthorityHost}. Default: the
     * cloud's.
     *
     * @param uri an https URI without a path, or null for the cloud's
     * @return this builder
     */
    public Builder authorityHost(@Nullable URI uri) {
      this.authorityHost = uri;
      return this;
    }

    /**
     * Sets whether a copy goes to the sender's Sent Items. Document field: {@code SaveToSentItems}.
     * Default: false.
     *
     * @param save true to save a copy
     * @return this builder
     */
    public Builder saveToSentItems(boolean save) {
      this.saveToSentItems = save;
      return this;
    }

    /**
     * Sets the most bytes of a response body read. Default: 65,536.
     *
     * @param bytes 1024 or more
     * @return this builder
     */
    public Builder maxResponseBytes(int bytes) {
      if (bytes < 1024) {
        throw new IllegalArgumentException("maxResponseBytes must be at least 1024: " + bytes);
      }
      this.maxResponseBytes = bytes;
      return this;
    }

    /**
     * Builds the settings.
     *
     * @return the settings
     * @throws ValidationException naming every missing or malformed field
     */
    public GraphSettings build() {
      List<Violation> v = new ArrayList<>();
      if (tenantId == null || tenantId.isBlank() || !tenantId.matches("[A-Za-z0-9.-]+")) {
        v.add(
            new Violation(
                "TenantId",
                tenantId == null || tenantId.isBlank()
                    ? "is required"
                    : "'" + tenantId + "' is not a tenant id or domain"));
      }
      if (clientId == null || clientId.isBlank() || !clientId.matches("[A-Za-z0-9._-]+")) {
        v.add(
            new Violation(
                "ClientId",
                clientId == null || clientId.isBlank()
                    ? "is required"
                    : "'" + clientId + "' is not an application id"));
      }
      if (credential == null) {
        v.add(new Violation("ClientSecret", "a certificate or a client secret is required"));
      }
      try {
        OutboundEmail.checkAddress("SenderEmail", senderEmail);
      } catch (ValidationException e) {
        v.addAll(e.violations());
      }
      checkHttps(v, "GraphHost", graphBaseUri);
      checkHttps(v, "AuthorityHost", authorityHost);
      checkCertificateTrust(v);
      if (!v.isEmpty()) {
        throw new ValidationException(v);
      }
      return new GraphSettings(this);
    }

    private static void checkHttps(List<Violation> v, String path, @Nullable URI uri) {
      if (uri != null
          && (!"https".equalsIgnoreCase(uri.getScheme())
              || uri.getHost() == null
              || uri.getRawQuery() != null
              || uri.getRawUserInfo() != null)) {
        v.add(
            new Violation(
                path,
                "'"
                    + Text.redactedUrl(uri.toString())
                    + "' is not an https URI without user information or query"));
      }
    }
  }
}
