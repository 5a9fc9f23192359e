// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.notify.email.internal;

import io.pamkit.core.dispatch.DeliveryException;
import io.pamkit.core.dispatch.FailureType;
import io.pamkit.notify.email.DeliveryOutcomeUnknownException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import javax.net.ssl.SSLHandshakeException;
import org.jspecify.annotations.Nullable;

/** Maps java.net.http failures onto {@link FailureType}s, the same way for every HTTP transport. */
public final class HttpFailures {
  private HttpFailures() {}

  /**
   * Classifies an I/O failure of one request.
   *
   * <ul>
   *   <li>no connection (refused, unreachable, unknown host, connect timeout): {@code TRANSIENT},
   *       nothing was sent, so another provider may be tried at once;
   *   <li>failed TLS handshake (untrusted certificate, wrong host name): {@code
   *       PERMANENT_TRANSPORT}, nothing will get through until the trust settings are fixed;
   *   <li>anything after the connection was made (a response timeout, a lost connection): {@link
   *       DeliveryOutcomeUnknownException}, as the peer may have accepted the message.
   * </ul>
   *
   * @param transportId the transport's id
   * @param where the endpoint, for the message
   * @param e the failure
   * @return the delivery exception to throw
   */
  public static DeliveryException classify(String transportId, String where, IOException e) {
    String what =
        e.getClass().getSimpleName()
            + (e.getMessage() == null ? "" : ": " + OutboundEmail.safe(e.getMessage(), 200));
    if (e instanceof HttpConnectTimeoutException
        || e instanceof ConnectException
        || e instanceof NoRouteToHostException
        || e instanceof UnknownHostException) {
      return new DeliveryException(
          transportId, FailureType.TRANSIENT, "cannot connect to " + where + ": " + what, e);
    }
    if (e instanceof SSLHandshakeException || causedBy(e, SSLHandshakeException.class)) {
      return new DeliveryException(
          transportId,
          FailureType.PERMANENT_TRANSPORT,
          "TLS handshake with "
              + where
              + " failed (is its certificate trusted and issued for"
              + " this host name?): "
              + what,
          e);
    }
    if (causedBy(e, ConnectException.class)) {
      return new DeliveryException(
          transportId, FailureType.TRANSIENT, "cannot connect to " + where + ": " + what, e);
    }
    String phase = e instanceof HttpTimeoutException ? "no response in time" : "connection lost";
    return new DeliveryOutcomeUnknownException(
        transportId,
        phase
            + " after sending the request"
            + " to "
            + where
            + "; the email may have been accepted: "
            + what,
        e);
  }

  private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
    Throwable c = e.getCause();
    for (int i = 0; c != null && i < 10; i++, c = c.getCause()) {
      if (type.isInstance(c)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Parses an HTTP {@code Retry-After} header: delay seconds or an HTTP date.
   *
   * @param value the header value, or null
   * @param clock the clock "now" is read from
   * @return the delay (never negative), or null when absent or unreadable
   */
  public static @Nullable Duration retryAfter(@Nullable String value, Clock clock) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String v = value.strip();
    try {
      long seconds = Long.parseLong(v);
      return seconds < 0 ? null : Duration.ofSeconds(seconds);
    } catch (NumberFormatException e) {
      try {
        Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        Duration d = Duration.between(clock.instant(), at);
        return d.isNegative() ? Duration.ZERO : d;
      } catch (DateTimeParseException ignored) {
        return null;
      }
    }
  }
}
