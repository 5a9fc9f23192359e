// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.notify.sendgrid;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pamkit.core.dispatch.DeliveryException;
import io.pamkit.core.dispatch.DeliveryReceipt;
import io.pamkit.core.dispatch.FailureType;
import io.pamkit.core.dispatch.Notification;
import io.pamkit.core.dispatch.spi.Transport;
import io.pamkit.core.internal.JsonLimits;
import io.pamkit.notify.email.DeliveryOutcomeUnknownException;
import io.pamkit.notify.email.EmailTransportBuilder;
import io.pamkit.notify.email.internal.CertificateTrust;
import io.pamkit.notify.email.internal.EmailHttp;
import io.pamkit.notify.email.internal.EmailSending;
import io.pamkit.notify.email.internal.HttpFailures;
import io.pamkit.notify.email.internal.OutboundEmail;
import io.pamkit.notify.spi.RecipientResolver;
import io.pamkit.notify.template.BodyFormat;
import io.pamkit.notify.template.EmailTemplates;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers notifications through SendGrid's v3 Mail Send API ({@code POST /v3/mail/send}, JSON,
 * {@code Authorization: Bearer <API key>}), configured by a {@link SendGridConfig}.
 *
 * <p>Each email is rendered by the {@link EmailTemplates} as the SMTP transport renders it and
 * carries the same {@code Message-ID} (see {@link io.pamkit.notify.email.EmailMessageIds}) and the
 * headers {@code X-Pamkit-Event}, {@code X-Pamkit-Event-Id} and {@code Auto-Submitted:
 * auto-generated}; the notification's idempotency key travels as the custom argument {@code
 * pamkit_key}, which SendGrid's Event Webhook echoes.
 *
 * <p>Answers: 202 (or 200 in sandbox mode) is delivered, and the receipt carries SendGrid's {@code
 * X-Message-Id} (the Event Webhook's {@code sg_message_id} starts with it). 429 is {@code
 * RATE_LIMITED}, with a retry-after until {@code X-RateLimit-Reset} (epoch seconds) or {@code
 * Retry-After}; 5xx is {@code TRANSIENT}; 401 and 403 (bad key, missing scope, wrong region) and
 * 404/405 (wrong base URI) are {@code PERMANENT_TRANSPORT}; 400, 413 and other 4xx are {@code
 * PERMANENT_MESSAGE}, with SendGrid's {@code errors[].field} and {@code message} in the reason. I/O
 * failures are mapped as described in {@link HttpFailures#classify}; a timeout after sending is a
 * {@link DeliveryOutcomeUnknownException}. At most 64 KiB of a response body are read.
 *
 * <p>The API key is never logged and never in an exception message. Thread-safe.
 */
public final class SendGridTransport implements Transport {
  private static final Logger LOG = LoggerFactory.getLogger(SendGridTransport.class);
  private static final ObjectMapper JSON = JsonLimits.mapperBuilder().build();

  private final SendGridConfig config;
  private final EmailSending sending;
  private final HttpClient http;
  private final URI mailSendUri;
  private final String where;

  private SendGridTransport(
      Builder b, EmailTemplates templates, RecipientResolver recipients, Clock clock) {
    this.config = b.config;
    this.sending = new EmailSending(config.channel(), templates, recipients, clock);
    this.mailSendUri = config.mailSendUri();
    this.where = "SendGrid " + mailSendUri.getHost();
    this.http =
        EmailHttp.client(config.connectTimeout(), CertificateTrust.httpContext(config, where))
            .build();
  }

  /**
   * Starts a builder.
   *
   * @param config the SendGrid settings
   * @return a new builder
   */
  public static Builder builder(SendGridConfig config) {
    return new Builder(config);
  }

  /**
   * Returns the channel this transport serves ({@link SendGridConfig#channel()}).
   *
   * @return the channel id, {@code "Email"} by default
   */
  @Override
  public String channel() {
    return config.channel();
  }

  /**
   * Returns the configuration.
   *
   * @return the settings
   */
  public SendGridConfig config() {
    return config;
  }

  /**
   * Sends the notification's email through SendGrid.
   *
   * @param notification the notification
   * @return a receipt whose peer message id is SendGrid's {@code X-Message-Id}
   * @throws DeliveryException as described in the class comment
   */
  @Override
  public DeliveryReceipt send(Notification notification) {
    OutboundEmail email = sending.openAndPrepare(notification, config.senderEmail());
    CertificateTrust.warnEachRequest(config, where);
    byte[] body = body(email);
    HttpRequest request =
        HttpRequest.newBuilder(mailSendUri)
            .timeout(config.requestTimeout())
            .header("Authorization", "Bearer " + config.apiKey().reveal())
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    HttpResponse<byte[]> response =
        EmailHttp.send(http, request, channel(), where, EmailHttp.DEFAULT_MAX_RESPONSE_BYTES);
    return answer(email, response);
  }

  private DeliveryReceipt answer(OutboundEmail email, HttpResponse<byte[]> response) {
    int status = response.statusCode();
    Optional<String> sgId =
        response
            .headers()
            .firstValue("X-Message-Id")
            .map(s -> OutboundEmail.safe(s, 200))
            .filter(s -> !s.isEmpty());
    if (status == 202 || status == 200) {
      LOG.debug(
          "SendGrid accepted {} for {} (status {}, X-Message-Id {})",
          email.messageId(),
          email.idempotencyKey(),
          status,
          sgId.orElse("none"));
      return DeliveryReceipt.acknowledged(channel(), sgId.orElse(null), sending.clock().instant());
    }
    String reason = "SendGrid answered " + status + errors(EmailHttp.text(response));
    if (status == 429) {
      Duration wait = rateLimitReset(response);
      throw new DeliveryException(channel(), FailureType.RATE_LIMITED, reason, wait, null);
    }
    if (status >= 500) {
      throw new DeliveryException(
          channel(),
          FailureType.TRANSIENT,
          reason,
          EmailHttp.retryAfter(response, sending.clock()),
          null);
    }
    if (status == 401 || status == 403) {
      throw new DeliveryException(
          channel(),
          FailureType.PERMANENT_TRANSPORT,
          reason
              + " (check the"
              + " API key, its mail.send scope, and the region: an EU key needs euDataResidency)",
          null);
    }
    if (status == 404 || status == 405 || (status >= 300 && status < 400)) {
      throw new DeliveryException(
          channel(),
          FailureType.PERMANENT_TRANSPORT,
          reason + " (check the" + " base URI " + config.baseUri() + ")",
          null);
    }
    if (status >= 200 && status < 300) {
      LOG.debug("SendGrid answered {} for {}", status, email.messageId());
      return DeliveryReceipt.acknowledged(channel(), sgId.orElse(null), sending.clock().instant());
    }
    throw new DeliveryException(channel(), FailureType.PERMANENT_MESSAGE, reason, null);
  }

  private @Nullable Duration rateLimitReset(HttpResponse<?> response) {
    Optional<String> reset = response.headers().firstValue("X-RateLimit-Reset");
    if (reset.isPresent()) {
      try {
        Duration d =
            Duration.between(
                sending.clock().instant(),
                Instant.ofEpochSecond(Long.parseLong(reset.get().strip())));
        return d.isNegative() ? Duration.ZERO : d;
      } catch (NumberFormatException e) {
        LOG.debug(
            "ignoring unreadable X-RateLimit-Reset '{}'", OutboundEmail.safe(reset.get(), 40));
      }
    }
    return EmailHttp.retryAfter(response, sending.clock());
  }

  /** Returns {@code ": field: message; ..."} from a SendGrid error body, or "" without one. */
  static String errors(@Nullable String body) {
    if (body == null || body.isBlank()) {
      return "";
    }
    List<String> parts = new ArrayList<>();
    try {
      JsonNode errors = JSON.readTree(body).path("errors");
      for (JsonNode e : errors) {
        String field = e.path("field").isTextual() ? e.path("field").asText() + ": " : "";
        parts.add(field + e.path("message").asText(""));
      }
    } catch (JsonProcessingException e) {
      return ": " + OutboundEmail.safe(body, 200);
    }
    return parts.isEmpty() ? "" : ": " + OutboundEmail.safe(String.join("; ", parts), 500);
  }

  /** Builds the Mail Send JSON body. */
  byte[] body(OutboundEmail email) {
    ObjectNode root = JSON.createObjectNode();
    ArrayNode personalizations = root.putArray("personalizations");
    personalizations.addObject().putArray("to").addObject().put("email", email.to());
    ObjectNode from = root.putObject("from").put("email", email.from());
    config.senderName().ifPresent(n -> from.put("name", n));
    if (email.email().replyTo() != null) {
      root.putObject("reply_to").put("email", email.email().replyTo());
    }
    root.put("subject", email.email().subject());
    root.putArray("content")
        .addObject()
        .put("type", email.email().format() == BodyFormat.HTML ? "text/html" : "text/plain")
        .put("value", email.email().body());
    ObjectNode headers = root.putObject("headers");
    headers.put("Message-ID", email.messageId());
    headers.put(
        "X-Pamkit-Event", EmailHttp.headerValue(channel(), "X-Pamkit-Event", email.event().name()));
    headers.put(
        "X-Pamkit-Event-Id",
        EmailHttp.headerValue(channel(), "X-Pamkit-Event-Id", email.event().id()));
    headers.put("Auto-Submitted", "auto-generated");
    if (email.idempotencyKey().length() <= 1000) {
      root.putObject("custom_args").put("pamkit_key", email.idempotencyKey());
    }
    if (config.sandboxMode()) {
      root.putObject("mail_settings").putObject("sandbox_mode").put("enable", true);
    }
    try {
      return JSON.writeValueAsBytes(root);
    } catch (JsonProcessingException e) {
      throw new DeliveryException(
          channel(),
          FailureType.PERMANENT_MESSAGE,
          "cannot write the SendGrid request: " + e.getOriginalMessage(),
          e);
    }
  }

  /** Refuses further sends. java.net.http in Java 17 has no close; its threads end when idle. */
  @Override
  public void close() {
    sending.close();
  }

  /** Returns the endpoint and sender; never the API key. */
  @Override
  public String toString() {
    return "SendGridTransport{" + config + "}";
  }

  /** Builds {@link SendGridTransport}s. Not thread-safe; the last call to a setter wins. */
  public static final class Builder extends EmailTransportBuilder<Builder> {
    private final SendGridConfig config;

    private Builder(SendGridConfig config) {
      this.config = requireNonNull(config, "config");
    }

    @Override
    protected Builder self() {
      return this;
    }

    /**
     * Builds the transport. Nothing is sent until the first {@link SendGridTransport#send}.
     *
     * @return the transport
     */
    public SendGridTransport build() {
      return new SendGridTransport(this, templates(), recipientResolver(), clock());
    }
  }
}
