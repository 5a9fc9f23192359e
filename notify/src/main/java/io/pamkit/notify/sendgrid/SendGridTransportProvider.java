// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.notify.sendgrid;

import io.pamkit.core.config.ConfigSection;
import io.pamkit.core.config.ConfigurationException;
import io.pamkit.core.dispatch.spi.Transport;
import io.pamkit.core.dispatch.spi.TransportContext;
import io.pamkit.core.dispatch.spi.TransportProvider;
import io.pamkit.core.subscription.Subscriber;
import io.pamkit.notify.email.internal.DocumentFields;
import io.pamkit.notify.email.internal.Providers;
import io.pamkit.notify.spi.RecipientResolver;
import io.pamkit.notify.template.EmailTemplates;
import java.net.URI;
import java.net.URISyntaxException;
import org.jspecify.annotations.Nullable;

/**
 * Creates {@link SendGridTransport}s from an {@code EmailProviders} entry of {@code Type} {@code
 * SendGrid}; provider name {@code "sendgrid"}, channel {@code Email}, no top-level section.
 *
 * <p>Fields (defaults are {@link SendGridConfig.Builder}'s): {@code ApiKey} (required, a secret),
 * {@code SenderEmail} (required), {@code Region} ({@code Global} or {@code Eu}), {@code Endpoint}
 * (an https URL replacing the region's API host, e.g. a test server), {@code SandboxMode}, {@code
 * VerifySslCertificate} and {@code TrustAllCertificatesInsecurely} (trust-all only with both; see
 * {@link io.pamkit.notify.email.EmailSettings}), {@code ConnectTimeoutSeconds} and {@code
 * RequestTimeoutSeconds} (1 to 3600). TLS trust comes from {@link TransportContext#sslContext()};
 * templates and the recipient resolver from the context's extensions {@link EmailTemplates} and
 * {@link RecipientResolver}.
 */
public final class SendGridTransportProvider implements TransportProvider<SendGridConfig> {

  /** Creates the provider; {@link java.util.ServiceLoader} calls this. */
  public SendGridTransportProvider() {}

  /**
   * @return {@code "sendgrid"}
   */
  @Override
  public String name() {
    return "sendgrid";
  }

  /**
   * @return {@code "Email"}
   */
  @Override
  public String channel() {
    return Subscriber.EMAIL;
  }

  @Override
  public @Nullable SendGridConfig settings(ConfigSection s) {
    SendGridConfig.Builder b = SendGridConfig.builder();
    s.secret("ApiKey", b::apiKey);
    s.string("SenderEmail", b::senderEmail);
    String region = s.string("Region");
    if ("Eu".equals(region)) {
      b.euDataResidency(true);
    } else if (region != null && !region.equals("Global")) {
      s.problem("Region", "'" + region + "' is not one of Global, Eu");
    }
    s.string(
        "Endpoint",
        e -> {
          try {
            b.baseUri(new URI(e.strip()));
          } catch (URISyntaxException ex) {
            throw new IllegalArgumentException("'" + e + "' is not a URI: " + ex.getReason(), ex);
          }
        });
    s.bool("SandboxMode", b::sandboxMode);
    DocumentFields.timeouts(s, b);
    DocumentFields.certificateTrust(s, b);
    return Providers.build(s, b::build, SendGridTransportProvider::fieldName);
  }

  private static String fieldName(String field) {
    return switch (field) {
      case "apiKey" -> "ApiKey";
      case "senderEmail" -> "SenderEmail";
      case "baseUri" -> "Endpoint";
      default -> field;
    };
  }

  @Override
  public Transport create(ConfigSection section, TransportContext context) {
    SendGridConfig c = settings(section);
    if (c == null) {
      throw new ConfigurationException(section.problems());
    }
    SendGridTransport.Builder t =
        SendGridTransport.builder(
            c.toBuilder().sslContext(context.sslContext().orElse(null)).build());
    return Providers.extensions(t, context).build();
  }
}
