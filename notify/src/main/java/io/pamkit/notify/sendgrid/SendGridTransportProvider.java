package io.pamkit.notify.sendgrid;

import io.pamkit.core.ValidationException;
import io.pamkit.core.Violation;
import io.pamkit.core.dispatch.spi.Transport;
import io.pamkit.notify.spi.RecipientResolver;
import io.pamkit.notify.spi.TransportProvider;
import io.pamkit.notify.spi.TransportSettings;
import io.pamkit.notify.template.EmailTemplates;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import javax.net.ssl.SSLContext;

/**
 * Creates {@link SendGridTransport}s from settings; provider id {@code "sendgrid"}.
 *
 * <table>
 *   <caption>Settings</caption>
 *   <tr><th>name</th><th>meaning (default)</th></tr>
 *   <tr><td>{@code ApiKey}</td><td>the API key, as a secret (required)</td></tr>
 *   <tr><td>{@code SenderEmail}</td><td>the verified From address (required)</td></tr>
 *   <tr><td>{@code SenderName}</td><td>the From display name (none)</td></tr>
 *   <tr><td>{@code DataResidency}</td><td>{@code global} or {@code eu} ({@code global})</td></tr>
 *   <tr><td>{@code BaseUri}</td><td>an https URI replacing the region's host (none)</td></tr>
 *   <tr><td>{@code SandboxMode}</td><td>validate only, deliver nothing (false)</td></tr>
 *   <tr><td>{@code ConnectTimeoutSeconds}, {@code RequestTimeoutSeconds}</td><td>1..3600 (10,
 *       30)</td></tr>
 *   <tr><td>{@code Channel}</td><td>subscribers' {@code Type} served ({@code Email})</td></tr>
 * </table>
 *
 * <p>Attachments: {@link SSLContext} (trust), {@link RecipientResolver}, {@link EmailTemplates}.
 */
public final class SendGridTransportProvider implements TransportProvider {
  private static final Set<String> KNOWN = Set.of("ApiKey", "SenderEmail", "SenderName",
      "DataResidency", "BaseUri", "SandboxMode", "ConnectTimeoutSeconds", "RequestTimeoutSeconds",
      "Channel");

  /** Creates the provider; {@link java.util.ServiceLoader} calls this. */
  public SendGridTransportProvider() {}

  /**
   * Returns {@code "sendgrid"}.
   *
   * @return the provider id
   */
  @Override
  public String id() {
    return "sendgrid";
  }

  /**
   * Creates a SendGrid transport.
   *
   * @param settings the settings of the class comment
   * @return a new transport
   * @throws ValidationException naming each unknown, missing or invalid setting
   */
  @Override
  public Transport create(TransportSettings settings) {
    TransportSettings s = settings.path().isEmpty()
        ? settings.toBuilder().path("SendGrid").build() : settings;
    s.requireKnown(KNOWN);
    SendGridTransport.Builder b = SendGridTransport.builder(config(s));
    s.attachment(EmailTemplates.class).ifPresent(b::templates);
    s.attachment(RecipientResolver.class).ifPresent(b::recipientResolver);
    return b.build();
  }

  /**
   * Reads a {@link SendGridConfig} from settings.
   *
   * @param s the settings
   * @return the configuration
   * @throws ValidationException naming the setting of each broken rule
   */
  public static SendGridConfig config(TransportSettings s) {
    SendGridConfig.Builder b = SendGridConfig.builder()
        .senderEmail(s.string("SenderEmail", ""))
        .sandboxMode(s.flag("SandboxMode", false))
        .connectTimeout(Duration.ofSeconds(s.intValue("ConnectTimeoutSeconds", 10, 1, 3600)))
        .requestTimeout(Duration.ofSeconds(s.intValue("RequestTimeoutSeconds", 30, 1, 3600)));
    s.secret("ApiKey").ifPresent(b::apiKey);
    s.value("SenderName").ifPresent(b::senderName);
    s.value("Channel").ifPresent(b::channel);
    s.attachment(SSLContext.class).ifPresent(b::sslContext);
    String region = s.string("DataResidency", "global").strip().toLowerCase(Locale.ROOT);
    if (!region.equals("global") && !region.equals("eu")) {
      throw new ValidationException(s.pathOf("DataResidency"), "'" + region
          + "' is not global or eu");
    }
    b.euDataResidency(region.equals("eu"));
    if (s.value("BaseUri").isPresent()) {
      String raw = s.value("BaseUri").get().strip();
      try {
        b.baseUri(new URI(raw));
      } catch (URISyntaxException e) {
        throw new ValidationException(s.pathOf("BaseUri"), "'" + raw + "' is not a URI: "
            + e.getReason());
      } catch (ValidationException e) {
        throw prefixed(s, e);
      }
    }
    try {
      return b.build();
    } catch (ValidationException e) {
      throw prefixed(s, e);
    }
  }

  private static ValidationException prefixed(TransportSettings s, ValidationException e) {
    return new ValidationException(e.violations().stream()
        .map(v -> new Violation(s.pathOf(settingName(v.path())), v.message())).toList());
  }

  private static String settingName(String field) {
    switch (field) {
      case "apiKey": return "ApiKey";
      case "senderEmail": return "SenderEmail";
      case "senderName": return "SenderName";
      case "baseUri": return "BaseUri";
      default: return field;
    }
  }
}
