// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.examples.recipes;

import io.pamkit.core.dispatch.DeliveryReceipt;
import io.pamkit.core.dispatch.Notification;
import io.pamkit.core.event.ApplianceEvent;
import io.pamkit.core.event.EventLevel;
import io.pamkit.core.secret.Secret;
import io.pamkit.core.subscription.Subscriber;
import io.pamkit.notify.email.EmailProviderChain;
import io.pamkit.notify.sendgrid.SendGridConfig;
import io.pamkit.notify.sendgrid.SendGridTransport;
import io.pamkit.notify.smtp.SmtpTransport;
import io.pamkit.notify.smtp.SmtpTransportConfig;
import java.net.URI;
import javax.net.ssl.SSLContext;
import org.jspecify.annotations.Nullable;

/**
 * Recipe: email through the organisation's SMTP relay first and SendGrid's v3 Mail Send API as the
 * fallback: when the relay is down or refuses the connection, the same email (same {@code
 * Message-ID}) goes out through SendGrid, and the receipt names the provider that delivered.
 *
 * <p>Run: {@code SENDGRID_API_KEY=... java -cp examples/target/pamkit.jar
 * io.pamkit.examples.recipes.EmailWithFallbackRecipe SMTP_HOST FROM TO}.
 */
public final class EmailWithFallbackRecipe {
  private EmailWithFallbackRecipe() {}

  /**
   * Builds the chain: SMTP (STARTTLS required) at priority 0, SendGrid at priority 10.
   *
   * @param smtp the SMTP relay's settings
   * @param sendGridApiKey the SendGrid API key
   * @param from the sender address (verified with SendGrid)
   * @param sendGridBaseUri SendGrid's base URI, or null for {@code https://api.sendgrid.com}
   * @param sendGridTrust trust anchors for SendGrid, or null for the JDK's
   * @return the chain, a transport of the {@code Email} channel; close it when done
   */
  public static EmailProviderChain chain(
      SmtpTransportConfig smtp,
      Secret sendGridApiKey,
      String from,
      @Nullable URI sendGridBaseUri,
      @Nullable SSLContext sendGridTrust) {
    SendGridTransport sendGrid =
        SendGridTransport.builder(
                SendGridConfig.builder()
                    .apiKey(sendGridApiKey)
                    .senderEmail(from)
                    .baseUri(sendGridBaseUri)
                    .sslContext(sendGridTrust)
                    .build())
            .build();
    return EmailProviderChain.builder()
        .provider("smtp", 0, SmtpTransport.builder(smtp).build())
        .provider("sendgrid", 10, sendGrid)
        .build();
  }

  /**
   * Sends one alert to one address through the chain.
   *
   * @param chain the chain
   * @param to the recipient
   * @param event the event
   * @return the receipt; its transport id is {@code smtp} or {@code sendgrid}
   * @throws io.pamkit.core.dispatch.DeliveryException if every provider failed
   */
  public static DeliveryReceipt send(EmailProviderChain chain, String to, ApplianceEvent event) {
    Subscriber recipient =
        Subscriber.builder(Subscriber.EMAIL)
            .id(1)
            .description("On-call")
            .emailAddress(to)
            .subscribe(event.name())
            .build();
    return chain.send(Notification.of(event, recipient));
  }

  /**
   * Runs the recipe.
   *
   * @param args the SMTP relay, the From address and the recipient; the SendGrid key comes from
   *     {@code SENDGRID_API_KEY}
   * @throws Exception if every provider failed
   */
  public static void main(String[] args) throws Exception {
    String key = System.getenv("SENDGRID_API_KEY");
    if (args.length != 3 || key == null) {
      System.err.println("usage: SENDGRID_API_KEY=... EmailWithFallbackRecipe SMTP_HOST FROM TO");
      System.exit(2);
    }
    SmtpTransportConfig smtp =
        SmtpTransportConfig.builder().serverAddress(args[0]).port(587).senderEmail(args[1]).build();
    try (EmailProviderChain chain = chain(smtp, Secret.of(key), args[1], null, null)) {
      DeliveryReceipt r =
          send(
              chain,
              args[2],
              ApplianceEvent.builder("PasswordChangeFailed")
                  .applianceId("SPP-1")
                  .level(EventLevel.ERROR)
                  .property("AssetName", "db-prod-01")
                  .build());
      System.out.println("delivered by " + r.transportId() + " (" + r.peerMessageId() + ")");
    }
  }
}
