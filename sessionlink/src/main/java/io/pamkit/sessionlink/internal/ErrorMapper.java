// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.sessionlink.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.pamkit.sessionlink.ApplianceErrorException;
import io.pamkit.sessionlink.AuthorizationException;
import io.pamkit.sessionlink.NotFoundException;
import io.pamkit.sessionlink.NotPrimaryException;
import io.pamkit.sessionlink.RequestValidationException;
import io.pamkit.sessionlink.SessionConnectionValueException;
import io.pamkit.sessionlink.SessionLinkException;
import io.pamkit.sessionlink.model.ApiError;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * Turns an error response of the password appliance into the typed exception for its code, with the
 * resolution the appliance documentation gives (seeds 001, 003).
 */
public final class ErrorMapper {
  /** Resolution of 60094 / HTTP 401. */
  public static final String TOKEN_RESOLUTION =
      "the user token is missing, expired or logged out: log in again (a client holding "
          + "credentials renews its token before it expires)";

  /** Resolution of 60108 (seed 003: "Check the credentials"). */
  public static final String PERMISSION_RESOLUTION =
      "check the credentials, and use an SPP account with the Appliance and Operations "
          + "permissions (ApplianceAdmin; switching AccessRequestBroker needs PolicyAdmin)";

  /** Resolution of 60418. */
  public static final String PRIMARY_RESOLUTION =
      "send this request to the primary appliance of the SPP cluster: the link is always made "
          + "between the SPP primary and the SPS Central Management node";

  /** Resolution of 60657 (seed 001: soft delete versus hard delete). */
  public static final String VALUE_RESOLUTION =
      "a session connection with this NodeId is already linked or a retained one blocks it: "
          + "relink from SPS (Basic Settings > Cluster management > Relink SPP cluster), or "
          + "remove the connection - a first DELETE soft deletes it, and a second DELETE of the "
          + "row listed with includeDisconnected=true hard deletes it (SppClient.hardDelete "
          + "does both) - then link again";

  private ErrorMapper() {}

  /**
   * Reads an {@code ApiError} body, if the bytes are one.
   *
   * @param body the response body
   * @return the error, or null when the body is empty or not an ApiError
   */
  public static @Nullable ApiError readApiError(byte[] body) {
    if (body.length == 0) {
      return null;
    }
    try {
      JsonNode node = Json.mapper().readTree(body);
      return readApiError(node);
    } catch (IOException e) {
      return null;
    }
  }

  /**
   * Reads an {@code ApiError} from a parsed node, if it is one.
   *
   * @param node the node
   * @return the error, or null when the node has no numeric {@code Code}
   */
  public static @Nullable ApiError readApiError(@Nullable JsonNode node) {
    if (node == null || !node.isObject() || !node.path("Code").isNumber()) {
      return null;
    }
    try {
      return Json.mapper().treeToValue(node, ApiError.class);
    } catch (IOException e) {
      return null;
    }
  }

  /**
   * Maps an error response to its exception.
   *
   * @param status the HTTP status
   * @param body the response body, possibly empty
   * @param uri the request URI
   * @param prefix text that opens the message, e.g. the operation; may be empty
   * @return the exception to throw
   */
  public static SessionLinkException toException(int status, byte[] body, URI uri, String prefix) {
    ApiError error = readApiError(body);
    if (error == null && body.length > 0 && status != 404) {
      String text = new String(body, StandardCharsets.UTF_8);
      text = text.length() > 200 ? text.substring(0, 200) + "..." : text;
      return new ApplianceErrorException(
          prefix + "unexpected response: " + Sanitize.oneLine(text), status, null, uri, null, null);
    }
    return toException(status, error, uri, prefix);
  }

  /**
   * Maps an error to its exception.
   *
   * @param status the HTTP status, or 0 when relayed without one
   * @param error the error body, if any
   * @param uri the request URI, if known
   * @param prefix text that opens the message; may be empty
   * @return the exception to throw
   */
  public static SessionLinkException toException(
      int status, @Nullable ApiError error, @Nullable URI uri, String prefix) {
    int code = error == null ? 0 : error.code();
    String message =
        prefix
            + (error == null || error.message() == null
                ? "HTTP " + status
                : Sanitize.oneLine(error.message()));
    if (code == 60094 || (code == 0 && status == 401)) {
      return new AuthorizationException(message, status, error, uri, TOKEN_RESOLUTION, null);
    }
    if (code == 60108 || (code == 0 && status == 403)) {
      return new AuthorizationException(message, status, error, uri, PERMISSION_RESOLUTION, null);
    }
    if (code == 60418) {
      return new NotPrimaryException(message, status, error, uri, PRIMARY_RESOLUTION, null);
    }
    if (code == 60657) {
      return new SessionConnectionValueException(
          message, status, error, uri, VALUE_RESOLUTION, null);
    }
    if ((code >= 70000 && code <= 70009)
        || code == 60245
        || code == 60103
        || code == 60102
        || code == 60097
        || code == 60090) {
      String detail = error == null || error.modelState().isEmpty() ? "" : " " + error.modelState();
      return new RequestValidationException(
          message + detail, status, error, uri, validationResolution(code), null);
    }
    if (status == 404) {
      return new NotFoundException(prefix + "not found", status, error, uri, null, null);
    }
    return new ApplianceErrorException(message, status, error, uri, null, null);
  }

  private static @Nullable String validationResolution(int code) {
    return switch (code) {
      case 60245, 60103 -> "send the entity in the request body";
      case 60102 -> "the Id in the body must equal the Id in the URI";
      case 70001 -> "orderby may name only fields of the entity ('-' prefix for descending)";
      case 70002 -> "fields may name only fields of the entity ('-' prefix to exclude)";
      case 70009 -> "the filter may use only fields of the entity";
      default -> null;
    };
  }
}
