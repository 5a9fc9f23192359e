// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.sessionlink;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.pamkit.sessionlink.internal.ApplianceHttp;
import io.pamkit.sessionlink.internal.Json;
import io.pamkit.sessionlink.internal.Sanitize;
import io.pamkit.sessionlink.model.AccessRequest;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * The password appliance's access-request actions as an approver uses them, over an authenticated
 * {@link SppClient} (get one with {@link SppClient#accessRequests()}):
 *
 * <ul>
 *   <li>{@code GET /service/core/v4/AccessRequests/{id}}: read one request;
 *   <li>{@code POST /service/core/v4/AccessRequests/{id}/Approve} and {@code .../Deny}: decide it,
 *       with an optional comment sent as the JSON body, a JSON string; the answer is the request.
 * </ul>
 *
 * <p>Evidence: the OpenAPI v4 description ({@code OneIdentity/safeguard-mcp} {@code
 * scripts/Core.json}: {@code AccessRequests_ApproveAsync} and {@code AccessRequests_DenyAsync} take
 * {@code application/json} {@code type: string} "Brief description of why action is justified" and
 * answer 200 with an {@code AccessRequest}, 400 {@code ApiError}, 403 "Must have been granted
 * rights by an access policy"), and safeguard-ps {@code src/requests.psm1} {@code
 * Edit-SafeguardAccessRequest}, which posts the comment as the body of {@code
 * AccessRequests/$RequestId/$Action}. The calls are made as the client's user: to decide as an
 * approver, log the client in as that approver. A decision is never sent twice by the client (it
 * changes state); a refused one throws the appliance's error as a {@link SessionLinkException}:
 * {@link AuthorizationException} (403, not an approver of the request), {@link NotFoundException}
 * (404) or {@link ApplianceErrorException} (400, e.g. the request is not pending any more).
 *
 * <p>Thread-safe, like its {@link SppClient}.
 */
public final class AccessRequestClient {
  /** [I] a client-side bound; no public evidence of the appliance's own limit on the comment. */
  private static final int MAX_COMMENT = 4000;

  private final SppClient client;

  AccessRequestClient(SppClient client) {
    this.client = requireNonNull(client, "client");
  }

  /**
   * Reads one access request.
   *
   * @param id the request id, e.g. {@code 8518-1-18B1694CF1C0-0026}
   * @return the request
   * @throws NotFoundException if the request does not exist or the user may not see it
   */
  public AccessRequest get(String id) {
    return read(client.core("GET", path(id), null, true));
  }

  /**
   * Approves an access request as the client's user.
   *
   * @param id the request id
   * @param comment why, or null for none (at most 4,000 characters, a bound of pamkit [I])
   * @return the request as the appliance answers after the approval
   * @throws AuthorizationException if the user is not an approver of the request
   * @throws ApplianceErrorException if the appliance refuses (the request is not pending)
   */
  public AccessRequest approve(String id, @Nullable String comment) {
    return act(id, "Approve", comment);
  }

  /**
   * Denies an access request as the client's user.
   *
   * @param id the request id
   * @param comment why, or null for none (at most 4,000 characters, a bound of pamkit [I])
   * @return the request as the appliance answers after the denial
   * @throws AuthorizationException if the user is not an approver of the request
   * @throws ApplianceErrorException if the appliance refuses (the request is not pending)
   */
  public AccessRequest deny(String id, @Nullable String comment) {
    return act(id, "Deny", comment);
  }

  private AccessRequest act(String id, String action, @Nullable String comment) {
    if (comment != null && comment.length() > MAX_COMMENT) {
      throw new IllegalArgumentException(
          "comment has " + comment.length() + " characters, at most " + MAX_COMMENT);
    }
    JsonNode body = comment == null ? null : TextNode.valueOf(comment);
    return read(client.core("POST", path(id) + "/" + action, body, false));
  }

  private static String path(String id) {
    return "AccessRequests/" + ApplianceHttp.segment("id", id);
  }

  private static AccessRequest read(byte[] body) {
    try {
      AccessRequest r = Json.mapper().readValue(body, AccessRequest.class);
      if (r == null) {
        throw new IOException("empty body");
      }
      return r;
    } catch (IOException | RuntimeException e) {
      throw new ApplianceErrorException(
          "the appliance's response is not an AccessRequest: "
              + Sanitize.oneLine(String.valueOf(e.getMessage())),
          200,
          null,
          null,
          null,
          e);
    }
  }

  /** Returns the appliance this client talks to. */
  @Override
  public String toString() {
    return "AccessRequestClient{" + client.address() + "}";
  }
}
