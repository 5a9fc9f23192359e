// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.notify.sendgrid;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import io.pamkit.notify.email.LoopbackHttps;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;

/**
 * A local SendGrid v3 Mail Send endpoint over HTTPS that follows the documented contract: {@code
 * POST /v3/mail/send} with {@code Authorization: Bearer <key>} (else 401 with an errors array),
 * {@code Content-Type: application/json}, a body with {@code personalizations[].to[].email}, {@code
 * from.email}, a subject and {@code content[] {type, value}} (else 400 with one error per broken
 * field); answers 202 with an empty body and {@code X-Message-Id}, or 200 in sandbox mode. Scripted
 * answers ({@link #next}) replace the next responses.
 */
public final class FakeSendGrid implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A request the server received. */
  public record Received(String authorization, String contentType, JsonNode body) {}

  private record Scripted(int status, Map<String, String> headers, String body) {}

  private final String apiKey;
  private final LoopbackHttps https;
  private final List<Received> received = Collections.synchronizedList(new ArrayList<>());
  private final ConcurrentLinkedQueue<Scripted> script = new ConcurrentLinkedQueue<>();
  private final AtomicInteger ids = new AtomicInteger();

  private FakeSendGrid(String apiKey) throws Exception {
    this.apiKey = apiKey;
    this.https = LoopbackHttps.start("/v3/mail/send", this::handle);
  }

  /**
   * Starts the server.
   *
   * @param apiKey the only key it accepts
   * @return the server
   * @throws Exception if it cannot start
   */
  public static FakeSendGrid start(String apiKey) throws Exception {
    return new FakeSendGrid(apiKey);
  }

  /**
   * @return the base URI ({@code https://127.0.0.1:PORT})
   */
  public URI baseUri() {
    return https.baseUri();
  }

  /**
   * @return a client context trusting this server
   */
  public SSLContext clientContext() {
    return https.clientContext();
  }

  /**
   * @return the requests that passed authentication, in order
   */
  public List<Received> received() {
    synchronized (received) {
      return List.copyOf(received);
    }
  }

  /**
   * @return the number of requests accepted with 202/200
   */
  public int delivered() {
    return ids.get();
  }

  /**
   * Makes the next request (after authentication) get this answer.
   *
   * @param status the status
   * @param headers the headers
   * @param body the body
   */
  public void next(int status, Map<String, String> headers, String body) {
    script.add(new Scripted(status, headers, body));
  }

  private void handle(HttpExchange ex) throws IOException {
    byte[] raw;
    try (InputStream in = ex.getRequestBody()) {
      raw = in.readAllBytes();
    }
    if (!ex.getRequestMethod().equals("POST")) {
      error(ex, 405, null, "method not allowed");
      return;
    }
    String auth = ex.getRequestHeaders().getFirst("Authorization");
    if (auth == null || !auth.equals("Bearer " + apiKey)) {
      error(ex, 401, null, "The provided authorization grant is invalid, expired, or revoked");
      return;
    }
    String type = String.valueOf(ex.getRequestHeaders().getFirst("Content-Type"));
    JsonNode body;
    try {
      body = JSON.readTree(new String(raw, StandardCharsets.UTF_8));
    } catch (IOException e) {
      error(ex, 400, null, "Bad Request");
      return;
    }
    received.add(new Received(auth, type, body));
    Scripted s = script.poll();
    if (s != null) {
      LoopbackHttps.respond(ex, s.status(), s.headers(), s.body().getBytes(StandardCharsets.UTF_8));
      return;
    }
    List<String[]> problems = new ArrayList<>();
    if (!type.startsWith("application/json")) {
      problems.add(new String[] {null, "Content-Type should be application/json."});
    }
    JsonNode ps = body.path("personalizations");
    if (!ps.isArray() || ps.size() < 1 || ps.size() > 1000) {
      problems.add(
          new String[] {
            "personalizations",
            "The personalizations field is required"
                + " and must have at least one personalization."
          });
    } else {
      for (int i = 0; i < ps.size(); i++) {
        JsonNode to = ps.get(i).path("to");
        if (!to.isArray() || to.size() == 0) {
          problems.add(
              new String[] {
                "personalizations." + i + ".to",
                "The to array is"
                    + " required for all personalization objects, and must have at least one email"
                    + " object with a valid email address."
              });
        } else {
          for (JsonNode t : to) {
            if (!t.path("email").asText("").matches("[^@\\s]+@[^@\\s]+")) {
              problems.add(
                  new String[] {
                    "personalizations." + i + ".to", "Does not contain a" + " valid address."
                  });
            }
          }
        }
      }
    }
    if (!body.path("from").path("email").asText("").matches("[^@\\s]+@[^@\\s]+")) {
      problems.add(
          new String[] {"from.email", "The from email does not contain a valid" + " address."});
    }
    boolean subject = body.path("subject").isTextual() && !body.path("subject").asText().isEmpty();
    if (!subject && (!ps.isArray() || ps.size() == 0 || !ps.get(0).path("subject").isTextual())) {
      problems.add(
          new String[] {
            "subject",
            "The subject is required. You can get around this"
                + " requirement if you use a template with a subject defined or if every single"
                + " personalization has a subject defined."
          });
    }
    JsonNode content = body.path("content");
    if (!content.isArray() || content.size() == 0) {
      problems.add(
          new String[] {
            "content",
            "Unless a valid template_id is provided, the content"
                + " parameter is required. There must be at least one defined content block."
          });
    } else {
      for (JsonNode c : content) {
        if (!c.path("type").isTextual()
            || !c.path("value").isTextual()
            || c.path("value").asText().isEmpty()) {
          problems.add(
              new String[] {
                "content",
                "The content value must be a string at least" + " one character in length."
              });
        }
      }
    }
    JsonNode sandbox = body.path("mail_settings").path("sandbox_mode").path("enable");
    if (!sandbox.isMissingNode() && !sandbox.isBoolean()) {
      problems.add(new String[] {"mail_settings.sandbox_mode.enable", "must be a boolean"});
    }
    if (!problems.isEmpty()) {
      errors(ex, 400, problems);
      return;
    }
    String id = "sg" + ids.incrementAndGet() + "AbCdEfGhIjKlMnOp";
    LoopbackHttps.respond(
        ex, sandbox.asBoolean(false) ? 200 : 202, Map.of("X-Message-Id", id), new byte[0]);
  }

  private static void error(HttpExchange ex, int status, String field, String message)
      throws IOException {
    List<String[]> l = new ArrayList<>();
    l.add(new String[] {field, message});
    errors(ex, status, l);
  }

  private static void errors(HttpExchange ex, int status, List<String[]> problems)
      throws IOException {
    ObjectNode root = JSON.createObjectNode();
    ArrayNode errors = root.putArray("errors");
    for (String[] p : problems) {
      ObjectNode e = errors.addObject();
      e.put("message", p[1]);
      if (p[0] == null) {
        e.putNull("field");
      } else {
        e.put("field", p[0]);
      }
      e.putNull("help");
    }
    LoopbackHttps.respond(
        ex, status, Map.of("Content-Type", "application/json"), JSON.writeValueAsBytes(root));
  }

  @Override
  public void close() {
    https.close();
  }
}
