// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.simulator;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import io.pamkit.sessionlink.internal.Json;
import io.pamkit.simulator.internal.SimulatorServer;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The access requests of the {@link SppSimulator}, as an approver meets them under {@code
 * /service/core/v4/}: {@code GET AccessRequests} (those the user may see), {@code GET
 * AccessRequests/{id}}, and {@code POST AccessRequests/{id}/Approve} and {@code .../Deny} with an
 * optional comment as a JSON string body. Shapes follow the OpenAPI v4 description ({@code
 * OneIdentity/safeguard-mcp} {@code scripts/Core.json}: the answer to a decision is the {@code
 * AccessRequest}; 400 {@code ApiError}; 403 "Must have been granted rights by an access policy to
 * approve the request"; 404 for a request the user is neither requester, approver nor PolicyAdmin
 * or Auditor of). Requests are created pending by the test-facing {@link #createPending}.
 *
 * <p>State machine: {@code PendingApproval}; each approval by a listed approver counts once; the
 * last required one moves the request to {@code RequestAvailable} (available now, as the request
 * asks for no later time); a denial moves it to {@code Closed} with {@code WasDenied}. Inferred
 * [I], without public evidence of the exact codes: a decision on a request that is not pending is
 * refused with 400 and {@code Code} 60691 [I] ("not in a state that allows this action"); the
 * requester deciding their own request, or a user who is not an approver, gets 403 60108 (the
 * generic authorization code the simulator uses elsewhere) [I]; a body that is not a JSON string is
 * 400 70000.
 *
 * <p>Get it with {@link SppSimulator#accessRequests()}. Thread-safe: every call holds the
 * simulator's lock.
 */
public final class SimulatedAccessRequests {
  /** [I] the code of a decision on a request that is not pending; no public evidence. */
  private static final int NOT_PENDING = 60691;

  private static final Set<AdminRole> READERS =
      EnumSet.of(AdminRole.POLICY_ADMIN, AdminRole.AUDITOR, AdminRole.APPLICATION_AUDITOR);

  private final Object lock;
  private final Clock clock;
  private final Map<String, Request> requests = new LinkedHashMap<>();
  private int next = 26;

  private static final class Request {
    final ObjectNode json;
    final String requester;
    final Set<String> approvers;
    final Set<String> approvedBy = new LinkedHashSet<>();
    final List<String> comments = new ArrayList<>();

    Request(ObjectNode json, String requester, Set<String> approvers) {
      this.json = json;
      this.requester = requester;
      this.approvers = approvers;
    }
  }

  SimulatedAccessRequests(Object lock, Clock clock) {
    this.lock = lock;
    this.clock = clock;
  }

  // ------------------------------------------------------------------ test-facing API

  /**
   * Creates a pending password access request, as the requester would with {@code POST
   * AccessRequests}, needing one approval from any of the approvers.
   *
   * @param requester the requesting user's name
   * @param assetName the asset
   * @param accountName the account on the asset
   * @param approvers the names of the users who may approve or deny it (users of the simulator)
   * @return the request's id, e.g. {@code 0026-1-5A1B2C3D4E5F-0026}
   * @throws IllegalArgumentException if there is no approver
   */
  public String createPending(
      String requester, String assetName, String accountName, List<String> approvers) {
    requireNonNull(requester, "requester");
    requireNonNull(assetName, "assetName");
    requireNonNull(accountName, "accountName");
    if (approvers.isEmpty()) {
      throw new IllegalArgumentException("an access request needs at least one approver");
    }
    synchronized (lock) {
      int n = next++;
      String id = String.format("%04d-1-5A1B2C3D4E5F-%04d", n, n);
      Instant now = clock.instant();
      ObjectNode r = Json.mapper().createObjectNode();
      r.put("Id", id)
          .put("AccessRequestType", "Password")
          .put("State", "PendingApproval")
          .put("AccountId", 1000 + n)
          .put("AccountName", accountName)
          .put("AssetId", 2000 + n)
          .put("AssetName", assetName)
          .put("RequesterId", 300 + n)
          .put("RequesterDisplayName", requester)
          .put("RequesterUsername", requester)
          .put("ReasonComment", "maintenance")
          .put("CreatedOn", now.toString())
          .put("ExpiresOn", now.plus(Duration.ofHours(2)).toString())
          .put("StateChangedOn", now.toString())
          .put("CurrentApprovalCount", 0)
          .put("RequiredApprovalCount", 1)
          .put("WasDenied", false)
          .put("DurationInMinutes", 120);
      requests.put(id, new Request(r, requester, new LinkedHashSet<>(approvers)));
      return id;
    }
  }

  /**
   * Returns a request's state as the appliance stores it.
   *
   * @param id the request id
   * @return the {@code State} wire value, or empty when there is no such request
   */
  public Optional<String> state(String id) {
    synchronized (lock) {
      Request r = requests.get(id);
      return r == null ? Optional.empty() : Optional.of(r.json.path("State").asText());
    }
  }

  /**
   * Returns the comments sent with the decisions on a request, oldest first.
   *
   * @param id the request id
   * @return the comments; empty when none or no such request
   */
  public List<String> comments(String id) {
    synchronized (lock) {
      Request r = requests.get(id);
      return r == null ? List.of() : List.copyOf(r.comments);
    }
  }

  // ------------------------------------------------------------------ HTTP

  /** Handles {@code AccessRequests...}; false when the path is not one of them. */
  boolean route(
      HttpExchange ex,
      String method,
      String rest,
      String userName,
      Set<AdminRole> roles,
      boolean replica)
      throws IOException {
    String[] seg = rest.split("/");
    if (!seg[0].equals("AccessRequests")) {
      return false;
    }
    try {
      if (seg.length == 1 && method.equals("GET")) {
        ArrayNode list = Json.mapper().createArrayNode();
        for (Request r : requests.values()) {
          if (visible(r, userName, roles)) {
            list.add(view(r, userName));
          }
        }
        SimulatorServer.respond(ex, 200, list);
        return true;
      }
      if (seg.length < 2 || seg.length > 3) {
        throw new SimulatedFailure(404, null);
      }
      String id = URLDecoder.decode(seg[1], StandardCharsets.UTF_8);
      Request r = requests.get(id);
      if (r == null || !visible(r, userName, roles)) {
        throw new SimulatedFailure(404, null);
      }
      if (seg.length == 2 && method.equals("GET")) {
        SimulatorServer.respond(ex, 200, view(r, userName));
        return true;
      }
      if (seg.length == 3
          && method.equals("POST")
          && (seg[2].equals("Approve") || seg[2].equals("Deny"))) {
        if (replica) {
          throw SimulatedFailure.of(
              403,
              60418,
              "This action can only be performed on the primary appliance (not replica).");
        }
        String comment = comment(ex);
        decide(r, userName, seg[2].equals("Approve"), comment);
        SimulatorServer.respond(ex, 200, view(r, userName));
        return true;
      }
      throw new SimulatedFailure(404, null);
    } catch (SimulatedFailure f) {
      f.respond(ex);
      return true;
    }
  }

  private static boolean visible(Request r, String user, Set<AdminRole> roles) {
    if (r.requester.equals(user) || r.approvers.contains(user)) {
      return true;
    }
    for (AdminRole role : roles) {
      if (READERS.contains(role)) {
        return true;
      }
    }
    return false;
  }

  private static @Nullable String comment(HttpExchange ex) throws IOException {
    byte[] raw = SimulatorServer.body(ex);
    if (raw.length == 0) {
      return null;
    }
    JsonNode n;
    try {
      n = Json.mapper().readTree(raw);
    } catch (IOException e) {
      throw SimulatedFailure.of(400, 70000, "The request is invalid: the body is not JSON.");
    }
    if (n == null || n.isNull()) {
      return null;
    }
    if (!n.isTextual()) {
      throw SimulatedFailure.of(
          400, 70000, "The request is invalid: the body must be a JSON string (a comment).");
    }
    return n.asText();
  }

  private void decide(Request r, String user, boolean approve, @Nullable String comment) {
    if (!r.approvers.contains(user) || r.requester.equals(user)) {
      throw SimulatedFailure.of(403, 60108, "Authorization is required for this request.");
    }
    if (!r.json.path("State").asText().equals("PendingApproval")) {
      throw SimulatedFailure.of(
          400,
          NOT_PENDING,
          "The access request is in state "
              + r.json.path("State").asText()
              + ", which does not allow this action.");
    }
    Instant now = clock.instant();
    if (comment != null) {
      r.comments.add(comment);
    }
    if (approve) {
      r.approvedBy.add(user);
      int count = r.approvedBy.size();
      r.json.put("CurrentApprovalCount", count);
      if (count >= r.json.path("RequiredApprovalCount").asInt(1)) {
        r.json.put("State", "RequestAvailable").put("StateChangedOn", now.toString());
      }
    } else {
      r.json.put("State", "Closed").put("WasDenied", true).put("StateChangedOn", now.toString());
    }
  }

  private static ObjectNode view(Request r, String user) {
    ObjectNode v = r.json.deepCopy();
    v.put("ApprovedByMe", r.approvedBy.contains(user));
    return v;
  }
}
