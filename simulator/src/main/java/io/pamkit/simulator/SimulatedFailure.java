// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import io.pamkit.sessionlink.internal.Json;
import io.pamkit.simulator.internal.SimulatorServer;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * An HTTP error answer of a simulated resource, thrown while handling a request and sent by {@link
 * #respond}: the status and the appliance's error body ({@code Code}, {@code Message}, {@code
 * InnerError}), or no body.
 */
final class SimulatedFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;
  final int status;
  final transient @Nullable JsonNode body;

  SimulatedFailure(int status, @Nullable JsonNode body) {
    super("HTTP " + status, null, false, false);
    this.status = status;
    this.body = body;
  }

  /** An answer with the appliance's error body. */
  static SimulatedFailure of(int status, int code, String message) {
    ObjectNode n = Json.mapper().createObjectNode();
    n.put("Code", code).put("Message", message).putNull("InnerError");
    return new SimulatedFailure(status, n);
  }

  /** Sends this answer. */
  void respond(HttpExchange ex) throws IOException {
    if (body == null) {
      SimulatorServer.respondEmpty(ex, status);
    } else {
      SimulatorServer.respond(ex, status, body);
    }
  }
}
