// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.notify.graph;

import io.pamkit.core.config.ConfigSection;
import io.pamkit.core.config.ConfigurationException;
import io.pamkit.core.dispatch.spi.Transport;
import io.pamkit.core.dispatch.spi.TransportContext;
import io.pamkit.core.dispatch.spi.TransportProvider;
import io.pamkit.core.secret.EnvironmentCredentialResolver;
import io.pamkit.core.subscription.Subscriber;
import io.pamkit.notify.email.internal.DocumentFields;
import io.pamkit.notify.email.internal.Providers;
import io.pamkit.notify.oauth.ClientCredential;
import io.pamkit.notify.oauth.NationalCloud;
import io.pamkit.notify.spi.RecipientResolver;
import io.pamkit.notify.template.EmailTemplates;
import java.net.URI;
import java.net.URISyntaxException;
import org.jspecify.annotations.Nullable;

/**
 * Creates {@link GraphTransport}s from an {@code EmailProviders} entry of {@code Type} {@code
 * Graph}; provider name {@code "graph"}, channel {@code Email}, no top-level section.
 *
 * <pre>{@code
 * { "Type": "Graph", "Name": "m365", "Priority": 0,
 *   "TenantId": "contoso.onmicrosoft.com", "ClientId": "11111111-2222-3333-4444-555555555555",
 *   "CertificateFile": "/etc/pamkit/graph-app.crt", "PrivateKeyFile": "/etc/pamkit/graph-app.key",
 *   "SenderEmail": "pam-notifications@contoso.com" }
 * }</pre>
 *
 * <p>Fields (defaults are {@link GraphSettings.Builder}'s): {@code TenantId}, {@code ClientId} and
 * {@code SenderEmail} (required); one credential: {@code CertificateFile} with {@code
 * PrivateKeyFile} (PEM; {@code PrivateKeyPassword} for an encrypted key; recommended), {@code
 * ClientSecret}, or {@code AccountReference} (the client secret is that vaulted account's password,
 * resolved through {@link TransportContext#credentialResolver()} before each token request); {@code
 * Cloud} ({@code Global}, {@code UsGovernment}, {@code UsGovernmentDod}, {@code China}), {@code
 * GraphHost} and {@code AuthorityHost} (https URIs replacing the cloud's), {@code SaveToSentItems},
 * {@code ConnectTimeoutSeconds} and {@code RequestTimeoutSeconds} (1 to 3600), {@code
 * VerifySslCertificate} and {@code TrustAllCertificatesInsecurely} (trust-all only with both). TLS
 * trust comes from {@link TransportContext#sslContext()}; templates and the recipient resolver from
 * the context's extensions {@link EmailTemplates} and {@link RecipientResolver}.
 */
public final class GraphTransportProvider implements TransportProvider<GraphSettings> {

  /** Creates the provider; {@link java.util.ServiceLoader} calls this. */
  public GraphTransportProvider() {}

  /**
   * @return {@code "graph"}
   */
  @Override
  public String name() {
    return "graph";
  }

  /**
   * @return {@code "Email"}
   */
  @Override
  public String channel() {
    return Subscriber.EMAIL;
  }

  @Override
  public @Nullable GraphSettings settings(ConfigSection s) {
    GraphSettings.Builder b = GraphSettings.builder();
    s.string("TenantId", v -> b.tenantId(v.strip()));
    s.string("ClientId", v -> b.clientId(v.strip()));
    s.string("SenderEmail", b::senderEmail);
    ClientCredential credential =
        DocumentFields.clientCredential(s, EnvironmentCredentialResolver.create());
    if (credential != null) {
      b.credential(credential);
    }
    s.string("Cloud", v -> b.cloud(NationalCloud.fromWireName(v)));
    s.string("GraphHost", v -> b.graphBaseUri(uri(v)));
    s.string("AuthorityHost", v -> b.authorityHost(uri(v)));
    s.bool("SaveToSentItems", b::saveToSentItems);
    DocumentFields.timeouts(s, b);
    DocumentFields.certificateTrust(s, b);
    return s.build(b::build);
  }

  private static URI uri(String v) {
    try {
      return new URI(v.strip());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("'" + v + "' is not a URI: " + e.getReason(), e);
    }
  }

  @Override
  public Transport create(ConfigSection section, TransportContext context) {
    GraphSettings c = settings(section);
    if (c == null) {
      throw new ConfigurationException(section.problems());
    }
    GraphSettings.Builder b = c.toBuilder().sslContext(context.sslContext().orElse(null));
    if (c.credential() instanceof ClientCredential.VaultedSecret v) {
      b.credential(ClientCredential.account(v.account(), context.credentialResolver()));
    }
    GraphSettings settings = Providers.buildOrThrow(section, b::build);
    GraphTransport.Builder t = GraphTransport.builder(settings).clock(context.clock());
    return Providers.extensions(t, context).build();
  }

  /**
   * @return the provider's name
   */
  @Override
  public String toString() {
    return "GraphTransportProvider";
  }
}
