// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.notify.email.internal;

import io.pamkit.core.dispatch.DeliveryException;
import io.pamkit.core.dispatch.FailureType;
import io.pamkit.core.internal.BoundedBody;
import io.pamkit.notify.email.DeliveryOutcomeUnknownException;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.jspecify.annotations.Nullable;

/**
 * The plumbing every HTTP email transport (SendGrid, Graph, EWS) shares: the client (no redirects,
 * the configured connect timeout and trust), one request with its I/O failures classified by {@link
 * HttpFailures#classify}, response bodies read only up to a cap, the closed check and the
 * header-injection check.
 *
 * <p>Response bodies are capped because a misbehaving or hostile endpoint could otherwise make the
 * transport buffer an unbounded answer: the subscriber stops reading (and gives up the connection)
 * once the cap is reached, and the transport sees the first {@code max} bytes.
 */
public final class EmailHttp {
  /** The cap of a response body unless a transport's settings say otherwise: 64 KiB. */
  public static final int DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024;

  private EmailHttp() {}

  /**
   * Builds a client that never follows redirects.
   *
   * @param connectTimeout the connect timeout
   * @param sslContext the trust to use, or empty for the JDK's
   * @return the client builder, for transports that need more (EWS sets HTTP/1.1 for NTLM)
   */
  public static HttpClient.Builder client(
      Duration connectTimeout, Optional<SSLContext> sslContext) {
    HttpClient.Builder hb =
        HttpClient.newBuilder()
            .connectTimeout(connectTimeout)
            .followRedirects(HttpClient.Redirect.NEVER);
    sslContext.ifPresent(hb::sslContext);
    return hb;
  }

  /**
   * Refuses a send on a closed transport.
   *
   * @param closed whether the transport is closed
   * @param channel the transport's channel
   * @throws DeliveryException {@code PERMANENT_TRANSPORT} when closed
   */
  public static void checkOpen(boolean closed, String channel) {
    if (closed) {
      throw new DeliveryException(
          channel, FailureType.PERMANENT_TRANSPORT, "transport is closed", null);
    }
  }

  /**
   * Returns a header value that is safe to put into a request, or refuses it.
   *
   * @param channel the transport's channel
   * @param name the header name, for the message
   * @param value the value
   * @return the value
   * @throws DeliveryException {@code PERMANENT_MESSAGE} if it contains a control character
   */
  public static String headerValue(String channel, String name, String value) {
    if (value.chars().anyMatch(Character::isISOControl)) {
      throw new DeliveryException(
          channel,
          FailureType.PERMANENT_MESSAGE,
          "the "
              + name
              + " header value contains CR, LF or another control character (header injection)",
          null);
    }
    return value;
  }

  /** Sends one request; {@link #send(HttpClient, HttpRequest, String, String, Sender, int)}. */
  @FunctionalInterface
  public interface Sender {
    /**
     * Sends the request.
     *
     * @param handler the body handler to use
     * @return the response
     * @throws IOException if the exchange fails
     * @throws InterruptedException if interrupted
     */
    HttpResponse<byte[]> send(HttpResponse.BodyHandler<byte[]> handler)
        throws IOException, InterruptedException;
  }

  /**
   * Sends a request and reads at most {@code maxBytes} of the answer.
   *
   * @param http the client
   * @param request the request
   * @param channel the transport's channel
   * @param where the peer, for messages ({@code "SendGrid api.sendgrid.com"})
   * @param maxBytes the cap of the body
   * @return the response with at most {@code maxBytes} of body
   * @throws DeliveryException as {@link HttpFailures#classify} says, or outcome-unknown when
   *     interrupted
   */
  public static HttpResponse<byte[]> send(
      HttpClient http, HttpRequest request, String channel, String where, int maxBytes) {
    return send(channel, where, h -> http.send(request, h), maxBytes);
  }

  /**
   * Sends through {@code sender} (e.g. an NTLM handshake) and reads at most {@code maxBytes} of
   * each answer.
   *
   * @param channel the transport's channel
   * @param where the peer, for messages
   * @param sender what sends the request with the given handler
   * @param maxBytes the cap of the body
   * @return the response
   * @throws DeliveryException as {@link HttpFailures#classify} says, or outcome-unknown when
   *     interrupted
   */
  public static HttpResponse<byte[]> send(
      String channel, String where, Sender sender, int maxBytes) {
    try {
      return sender.send(cappedBody(maxBytes));
    } catch (IOException e) {
      throw HttpFailures.classify(channel, where, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DeliveryOutcomeUnknownException(
          channel, "interrupted while waiting for " + where, e);
    }
  }

  /**
   * Returns the {@code Retry-After} delay of a response.
   *
   * @param response the response
   * @param clock the clock "now" is read from
   * @return the delay, or null
   */
  public static @Nullable Duration retryAfter(HttpResponse<?> response, Clock clock) {
    return HttpFailures.retryAfter(
        response.headers().firstValue("Retry-After").orElse(null), clock);
  }

  /**
   * Returns the body as UTF-8 text.
   *
   * @param response the response
   * @return the text, possibly cut at the cap
   */
  public static String text(HttpResponse<byte[]> response) {
    return new String(response.body(), StandardCharsets.UTF_8);
  }

  /**
   * A body handler that keeps at most {@code maxBytes} bytes and then cancels the rest.
   *
   * @param maxBytes the cap, positive
   * @return the handler
   */
  public static HttpResponse.BodyHandler<byte[]> cappedBody(int maxBytes) {
    return BoundedBody.truncating(maxBytes);
  }
}
