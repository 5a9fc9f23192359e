// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.notify.graph;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pamkit.core.ValidationException;
import io.pamkit.core.dispatch.DeliveryException;
import io.pamkit.core.dispatch.DeliveryReceipt;
import io.pamkit.core.dispatch.FailureType;
import io.pamkit.core.dispatch.Notification;
import io.pamkit.core.dispatch.spi.Transport;
import io.pamkit.core.secret.Secret;
import io.pamkit.notify.email.DeliveryOutcomeUnknownException;
import io.pamkit.notify.email.EmailTransportBuilder;
import io.pamkit.notify.email.internal.CertificateTrust;
import io.pamkit.notify.email.internal.EmailHttp;
import io.pamkit.notify.email.internal.EmailSending;
import io.pamkit.notify.email.internal.HttpFailures;
import io.pamkit.notify.email.internal.OutboundEmail;
import io.pamkit.notify.oauth.AccessTokenSource;
import io.pamkit.notify.spi.RecipientResolver;
import io.pamkit.notify.template.BodyFormat;
import io.pamkit.notify.template.EmailTemplates;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers notifications through Microsoft Graph's {@code sendMail} ({@code POST
 * {graph}/v1.0/users/{sender}/sendMail} with a JSON message and {@code Authorization: Bearer}), the
 * way to reach Exchange Online after EWS. Configured by {@link GraphSettings}; tokens come from an
 * {@link AccessTokenSource}, by default {@link GraphSettings#tokenSource()}.
 *
 * <p>Each email is rendered by the {@link EmailTemplates} as the other email transports render it.
 * Graph only takes custom headers whose names start with {@code x-}, so the message carries {@code
 * X-Pamkit-Event}, {@code X-Pamkit-Event-Id} and {@code X-Pamkit-Idempotency-Key} (the
 * notification's key) as {@code internetMessageHeaders}, and pamkit's stable Message-ID as {@code
 * internetMessageId}.
 *
 * <p>Answers: 202 is delivered (the receipt carries Graph's {@code request-id}). 429 is {@code
 * RATE_LIMITED} and 503/504 {@code TRANSIENT}, each with Graph's {@code Retry-After}; other 5xx are
 * {@code TRANSIENT}. 401 renews the token once and sends again; a second 401 is {@code
 * PERMANENT_TRANSPORT}. 403 (no {@code Mail.Send} permission, or an access policy excludes the
 * mailbox) and 404 (no such mailbox, or not enabled for REST) are {@code PERMANENT_TRANSPORT};
 * other 4xx are {@code PERMANENT_MESSAGE}. The reason names Graph's {@code error.code} and message.
 * A token refused by the identity platform is {@code PERMANENT_TRANSPORT}, an unreachable one
 * {@code TRANSIENT}. I/O failures are mapped by {@link HttpFailures#classify}: a timeout after
 * sending is a {@link DeliveryOutcomeUnknownException}. At most {@link
 * GraphSettings#maxResponseBytes()} of a response body are read.
 *
 * <p>Tokens never appear in logs or exception messages. Thread-safe.
 */
public final class GraphTransport implements Transport {
  private static final Logger LOG = LoggerFactory.getLogger(GraphTransport.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final GraphSettings settings;
  private final AccessTokenSource tokens;
  private final EmailSending sending;
  private final HttpClient http;
  private final URI sendMailUri;
  private final String where;

  private GraphTransport(
      Builder b, EmailTemplates templates, RecipientResolver recipients, Clock clock) {
    this.settings = b.settings;
    this.tokens = b.tokens != null ? b.tokens : settings.tokenSource();
    this.sending = new EmailSending(settings.channel(), templates, recipients, clock);
    this.sendMailUri = settings.sendMailUri();
    this.where = "Graph " + sendMailUri.getHost();
    this.http =
        EmailHttp.client(settings.connectTimeout(), CertificateTrust.httpContext(settings, where))
            .build();
  }

  /**
   * Starts a builder.
   *
   * @param settings the settings
   * @return a new builder
   */
  public static Builder builder(GraphSettings settings) {
    return new Builder(settings);
  }

  /**
   * Returns the channel ({@link GraphSettings#channel()}).
   *
   * @return the channel, {@code "Email"} by default
   */
  @Override
  public String channel() {
    return settings.channel();
  }

  /**
   * Returns the settings.
   *
   * @return the settings
   */
  public GraphSettings settings() {
    return settings;
  }

  /**
   * Sends the notification's email through Graph.
   *
   * @param notification the notification
   * @return a receipt whose peer message id is Graph's {@code request-id}
   * @throws DeliveryException as described in the class comment
   */
  @Override
  public DeliveryReceipt send(Notification notification) {
    OutboundEmail email = sending.openAndPrepare(notification, settings.senderEmail());
    CertificateTrust.warnEachRequest(settings, where);
    byte[] body = body(email);
    Secret token = token(null);
    Answer answer = post(body, token);
    if (answer.status() == 401) {
      LOG.debug(
          "Graph refused the access token for {} ({}); renewing it once",
          email.messageId(),
          answer.errorCode());
      token = token(token);
      answer = post(body, token);
    }
    return result(email, answer);
  }

  private Secret token(@Nullable Secret rejected) {
    try {
      return rejected == null ? tokens.accessToken() : tokens.renewAccessToken(rejected);
    } catch (ValidationException e) {
      throw new DeliveryException(
          channel(),
          FailureType.PERMANENT_TRANSPORT,
          "no access token for Graph: " + e.getMessage(),
          e);
    } catch (UncheckedIOException e) {
      throw new DeliveryException(
          channel(), FailureType.TRANSIENT, "no access token for Graph: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      throw new DeliveryException(
          channel(),
          FailureType.TRANSIENT,
          "no access token for Graph: "
              + e.getClass().getSimpleName()
              + ": "
              + OutboundEmail.safe(e.getMessage(), 300),
          e);
    }
  }

  /** One answer from Graph: status, the headers we use and the body's error. */
  private record Answer(
      int status,
      @Nullable String requestId,
      @Nullable String retryAfter,
      String errorCode,
      String errorMessage) {}

  private Answer post(byte[] body, Secret token) {
    HttpRequest request =
        HttpRequest.newBuilder(sendMailUri)
            .timeout(settings.requestTimeout())
            .header("Authorization", "Bearer " + token.reveal())
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    HttpResponse<byte[]> response =
        EmailHttp.send(http, request, channel(), where, settings.maxResponseBytes());
    byte[] bytes = response.body();
    String code = "";
    String message = "";
    if (bytes.length > 0) {
      try {
        JsonNode error = JSON.readTree(bytes).path("error");
        code = OutboundEmail.safe(error.path("code").asText(""), 100);
        message = OutboundEmail.safe(error.path("message").asText(""), 300);
      } catch (IOException e) {
        message = OutboundEmail.safe(EmailHttp.text(response), 200);
      }
    }
    return new Answer(
        response.statusCode(),
        response
            .headers()
            .firstValue("request-id")
            .map(s -> OutboundEmail.safe(s, 100))
            .filter(s -> !s.isEmpty())
            .orElse(null),
        response.headers().firstValue("Retry-After").orElse(null),
        code,
        message);
  }

  private DeliveryReceipt result(OutboundEmail email, Answer a) {
    int status = a.status();
    if (status == 202) {
      LOG.debug(
          "Graph accepted {} for {} (request-id {})",
          email.messageId(),
          email.idempotencyKey(),
          Optional.ofNullable(a.requestId()).orElse("none"));
      return DeliveryReceipt.acknowledged(channel(), a.requestId(), sending.clock().instant());
    }
    String reason =
        "Graph answered "
            + status
            + (a.errorCode().isEmpty() ? "" : " " + a.errorCode())
            + (a.errorMessage().isEmpty() ? "" : ": " + a.errorMessage());
    if (status == 429) {
      throw new DeliveryException(
          channel(),
          FailureType.RATE_LIMITED,
          reason,
          HttpFailures.retryAfter(a.retryAfter(), sending.clock()),
          null);
    }
    if (status >= 500) {
      throw new DeliveryException(
          channel(),
          FailureType.TRANSIENT,
          reason,
          HttpFailures.retryAfter(a.retryAfter(), sending.clock()),
          null);
    }
    if (status == 401) {
      throw new DeliveryException(
          channel(),
          FailureType.PERMANENT_TRANSPORT,
          reason
              + " (the token was refused twice: check the tenant, the cloud and the Mail.Send"
              + " application permission)",
          null);
    }
    if (status == 403) {
      throw new DeliveryException(
          channel(),
          FailureType.PERMANENT_TRANSPORT,
          reason
              + " (grant Mail.Send as an application permission with admin consent, and allow "
              + settings.senderEmail()
              + " in the application access policy)",
          null);
    }
    if (status == 404 || status == 405 || (status >= 300 && status < 400)) {
      throw new DeliveryException(
          channel(),
          FailureType.PERMANENT_TRANSPORT,
          reason
              + " (check SenderEmail "
              + settings.senderEmail()
              + " and GraphHost "
              + settings.graphBaseUri()
              + ")",
          null);
    }
    if (status >= 200 && status < 300) {
      return DeliveryReceipt.acknowledged(channel(), a.requestId(), sending.clock().instant());
    }
    throw new DeliveryException(channel(), FailureType.PERMANENT_MESSAGE, reason, null);
  }

  /** Builds the sendMail JSON body. */
  byte[] body(OutboundEmail email) {
    ObjectNode root = JSON.createObjectNode();
    ObjectNode message = root.putObject("message");
    message.put("subject", email.email().subject());
    message
        .putObject("body")
        .put("contentType", email.email().format() == BodyFormat.HTML ? "HTML" : "Text")
        .put("content", email.email().body());
    message
        .putArray("toRecipients")
        .addObject()
        .putObject("emailAddress")
        .put("address", email.to());
    if (email.email().replyTo() != null) {
      message
          .putArray("replyTo")
          .addObject()
          .putObject("emailAddress")
          .put("address", email.email().replyTo());
    }
    message.put("internetMessageId", email.messageId());
    ArrayNode headers = message.putArray("internetMessageHeaders");
    header(headers, "X-Pamkit-Event", email.event().name());
    header(headers, "X-Pamkit-Event-Id", email.event().id());
    header(headers, "X-Pamkit-Idempotency-Key", email.idempotencyKey());
    root.put("saveToSentItems", settings.saveToSentItems());
    try {
      return JSON.writeValueAsBytes(root);
    } catch (JsonProcessingException e) {
      throw new DeliveryException(
          channel(),
          FailureType.PERMANENT_MESSAGE,
          "cannot write the Graph request: " + e.getOriginalMessage(),
          e);
    }
  }

  private void header(ArrayNode headers, String name, String value) {
    headers
        .addObject()
        .put("name", name)
        .put("value", EmailHttp.headerValue(channel(), name, value));
  }

  /** Refuses further sends. java.net.http in Java 17 has no close; its threads end when idle. */
  @Override
  public void close() {
    sending.close();
  }

  /** Returns the settings; never a secret or a token. */
  @Override
  public String toString() {
    return "GraphTransport{" + settings + "}";
  }

  /** Builds {@link GraphTransport}s. Not thread-safe; the last call to a setter wins. */
  public static final class Builder extends EmailTransportBuilder<Builder> {
    private final GraphSettings settings;
    private @Nullable AccessTokenSource tokens;

    private Builder(GraphSettings settings) {
      this.settings = requireNonNull(settings, "settings");
    }

    /**
     * Sets the token source. Default: {@link GraphSettings#tokenSource()}, made at build time.
     *
     * @param tokens the source
     * @return this builder
     */
    public Builder tokenSource(AccessTokenSource tokens) {
      this.tokens = requireNonNull(tokens, "tokens");
      return this;
    }

    @Override
    protected Builder self() {
      return this;
    }

    /**
     * Builds the transport. Nothing is sent, and no token fetched, until the first send.
     *
     * @return the transport
     */
    public GraphTransport build() {
      return new GraphTransport(this, templates(), recipientResolver(), clock());
    }
  }
}
