// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.sessionlink.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.pamkit.sessionlink.ApplianceErrorException;
import io.pamkit.sessionlink.SessionApplianceException;
import io.pamkit.sessionlink.SessionLinkException;
import io.pamkit.sessionlink.TlsHostnameMismatchException;
import io.pamkit.sessionlink.model.ApiError;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The session appliance's (SPS) REST envelope, read in one place. SPS answers a resource as {@code
 * {"key", "body", "meta"}}, a collection as {@code {"items": [{"key", "body", "meta"}], "meta"}}
 * and a failure as {@code {"error": {"type", "message", "details"}, "meta"}}; a relayed password
 * appliance error sits in {@code error.details.response} (an {@code ApiError}, e.g. code 60657).
 *
 * <p>Evidence: safeguard-ps {@code src/sessionapi.psm1} ({@code Get-SafeguardSpsInfo} returns
 * {@code (GET info).body}; transactions read {@code .body.status}, {@code .meta.remaining_seconds};
 * firmware slots {@code .items.body}) and {@code src/sessionjoin.psm1} ({@code
 * local_services/cluster .body.enabled}, NICs {@code .body}, {@code error.details.response.Code -eq
 * 60657}).
 */
public final class SpsEnvelope {
  private static final Pattern SSL_MISMATCH =
      Pattern.compile("hostname '([^']+)' doesn't match ((?:'[^']+'(?:, | or )?)+)");

  private SpsEnvelope() {}

  /**
   * Parses an SPS answer; an empty body is an empty object.
   *
   * @param raw the HTTP body
   * @param status the HTTP status, for the error
   * @param uri the request, for the error
   * @return the envelope
   * @throws ApplianceErrorException if the body is not JSON
   */
  public static JsonNode parse(byte[] raw, int status, URI uri) {
    try {
      return raw.length == 0 ? Json.mapper().createObjectNode() : Json.mapper().readTree(raw);
    } catch (IOException e) {
      throw new ApplianceErrorException(
          uri.getPath() + ": SPS answered HTTP " + status + " with a body that is not JSON",
          status,
          null,
          uri,
          null,
          e);
    }
  }

  /**
   * Returns the envelope's {@code body}.
   *
   * @param envelope the answer
   * @param uri the request, for the error
   * @return the body object
   * @throws ApplianceErrorException if there is no {@code body} object
   */
  public static JsonNode body(JsonNode envelope, URI uri) {
    JsonNode body = envelope.path("body");
    if (!body.isObject()) {
      throw new ApplianceErrorException(
          uri.getPath() + ": SPS's answer has no 'body' object (is this a session" + " appliance?)",
          200,
          null,
          uri,
          null,
          null);
    }
    return body;
  }

  /**
   * Returns the {@code body} of every entry of a collection's {@code items}.
   *
   * @param envelope the answer
   * @param uri the request, for the error
   * @return the bodies, in order
   * @throws ApplianceErrorException if there is no {@code items} array
   */
  public static List<JsonNode> items(JsonNode envelope, URI uri) {
    JsonNode items = envelope.path("items");
    if (!items.isArray()) {
      throw new ApplianceErrorException(
          uri.getPath() + ": SPS's answer has no 'items' array", 200, null, uri, null, null);
    }
    List<JsonNode> out = new ArrayList<>();
    items.forEach(i -> out.add(i.path("body")));
    return out;
  }

  /**
   * Maps a failed answer: a relayed password appliance error becomes the exception {@code
   * SppClient} would throw (60657 "already linked" as {@code SessionConnectionValueException}), an
   * SSL host-name error text a {@link TlsHostnameMismatchException}, anything else a {@link
   * SessionApplianceException} with SPS's {@code type}.
   *
   * @param method the request's method
   * @param path the request's path
   * @param status the HTTP status
   * @param envelope the parsed answer
   * @param uri the request
   * @return the exception to throw
   */
  public static SessionLinkException error(
      String method, String path, int status, JsonNode envelope, URI uri) {
    JsonNode err = envelope.path("error");
    String type = err.path("type").asText("");
    String message = Sanitize.oneLine(err.path("message").asText("HTTP " + status));
    JsonNode details = err.path("details");
    JsonNode relayed = details.path("response");
    URI sppUri = details.path("url").isTextual() ? safeUri(details.get("url").asText()) : null;
    String prefix = "SPS: " + message + " (" + type + "): ";
    ApiError api = ErrorMapper.readApiError(relayed);
    if (api != null) {
      int sppStatus = details.path("status").asInt(0);
      return ErrorMapper.toException(sppStatus, api, sppUri, prefix);
    }
    if (relayed.isTextual()) {
      Matcher m = SSL_MISMATCH.matcher(relayed.asText());
      if (m.find()) {
        List<String> names = new ArrayList<>();
        Matcher q = Pattern.compile("'([^']+)'").matcher(m.group(2));
        while (q.find()) {
          names.add(q.group(1));
        }
        return new TlsHostnameMismatchException(m.group(1), names, sppUri, null);
      }
      return new SessionApplianceException(
          type,
          prefix + Sanitize.oneLine(relayed.asText()),
          status,
          uri,
          "check the credentials and the IP address you provided; wait about five minutes before retrying a failed join",
          null);
    }
    String resolution =
        switch (type) {
          case "XTokenMissing" -> "send X-Token, or use a non-browser User-Agent";
          case "NotCentralManagement", "ClusterNotConfigured" ->
              "join from the Central Management node (SpsClient.ensureCentralManagement)";
          case "AuthenticationRequired" -> "call login() first";
          default -> null;
        };
    return new SessionApplianceException(
        type, method + " " + path + ": " + message, status, uri, resolution, null);
  }

  private static @Nullable URI safeUri(String text) {
    try {
      return URI.create(text);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
