// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.notify.approval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import io.pamkit.core.secret.Secret;
import io.pamkit.notify.email.ApprovalDecision;
import io.pamkit.notify.email.LoopbackHttps;
import io.pamkit.notify.oauth.AccessTokenSource;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * GraphMailbox against a local HTTPS server that follows Graph's documented contracts for List
 * messages ({@code $filter} on {@code isRead}, {@code $orderby} only on a property leading {@code
 * $filter}, newest first by default, {@code $select}, {@code $top}; {@code {"value":[...]}}), Get
 * MIME content ({@code /$value}) and Update message ({@code PATCH {"isRead":true}}), with 401 for a
 * token it does not accept.
 */
final class GraphMailboxTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String BOX = "approvals@example.com";
  private static final String KEY = "0123456789abcdef0123456789abcdef-graph";

  @TempDir Path dir;

  private record Msg(String received, String mime) {}

  private final Map<String, Msg> messages = new ConcurrentHashMap<>();
  private final Map<String, Boolean> read = new ConcurrentHashMap<>();
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private final AtomicInteger renewals = new AtomicInteger();
  private volatile String validToken = "token-1";
  private LoopbackHttps graph;

  @BeforeEach
  void start() throws Exception {
    graph = LoopbackHttps.start("/", this::handle);
  }

  @AfterEach
  void stop() {
    graph.close();
  }

  private void handle(HttpExchange ex) throws IOException {
    String method = ex.getRequestMethod();
    String path = ex.getRequestURI().getRawPath();
    String query = ex.getRequestURI().getRawQuery();
    requests.add(method + " " + URLDecoder.decode(path, StandardCharsets.UTF_8));
    String auth = ex.getRequestHeaders().getFirst("Authorization");
    if (auth == null || !auth.equals("Bearer " + validToken)) {
      error(ex, 401, "InvalidAuthenticationToken");
      return;
    }
    String prefix = "/v1.0/users/" + BOX.replace("@", "%40");
    if (method.equals("GET") && path.equals(prefix + "/mailFolders/inbox/messages")) {
      String q = URLDecoder.decode(query, StandardCharsets.UTF_8);
      if (!q.contains("isRead eq false") || !q.contains("$select=id,receivedDateTime")) {
        error(ex, 400, "BadRequest");
        return;
      }
      boolean ascending = q.contains("$orderby=receivedDateTime asc");
      if (q.contains("$orderby=") && !q.contains("$filter=receivedDateTime ")) {
        // Graph: a property in $orderby must also lead $filter
        error(ex, 400, "InefficientFilter");
        return;
      }
      int top = Integer.parseInt(q.replaceAll(".*\\$top=(\\d+).*", "$1"));
      Comparator<Map.Entry<String, Msg>> byReceived =
          Comparator.comparing(e -> e.getValue().received());
      ObjectNode page = JSON.createObjectNode();
      ArrayNode value = page.putArray("value");
      messages.entrySet().stream()
          .filter(e -> !read.getOrDefault(e.getKey(), false))
          .sorted(ascending ? byReceived : byReceived.reversed()) // Graph's default: newest first
          .limit(top)
          .forEach(
              e ->
                  value
                      .addObject()
                      .put("id", e.getKey())
                      .put("receivedDateTime", e.getValue().received()));
      LoopbackHttps.respond(
          ex, 200, Map.of("Content-Type", "application/json"), JSON.writeValueAsBytes(page));
      return;
    }
    if (path.startsWith(prefix + "/messages/")) {
      String rest = path.substring((prefix + "/messages/").length());
      if (method.equals("GET") && rest.endsWith("/%24value")) {
        Msg m =
            messages.get(
                URLDecoder.decode(rest.substring(0, rest.length() - 9), StandardCharsets.UTF_8));
        if (m == null) {
          error(ex, 404, "ErrorItemNotFound");
          return;
        }
        LoopbackHttps.respond(
            ex,
            200,
            Map.of("Content-Type", "text/plain"),
            m.mime().getBytes(StandardCharsets.UTF_8));
        return;
      }
      if (method.equals("PATCH")) {
        String id = URLDecoder.decode(rest, StandardCharsets.UTF_8);
        if (!JSON.readTree(ex.getRequestBody()).path("isRead").asBoolean(false)) {
          error(ex, 400, "BadRequest");
          return;
        }
        read.put(id, true);
        LoopbackHttps.respond(
            ex,
            200,
            Map.of("Content-Type", "application/json"),
            "{\"isRead\":true}".getBytes(StandardCharsets.UTF_8));
        return;
      }
    }
    error(ex, 404, "ResourceNotFound");
  }

  private static void error(HttpExchange ex, int status, String code) throws IOException {
    LoopbackHttps.respond(
        ex,
        status,
        Map.of("Content-Type", "application/json"),
        ("{\"error\":{\"code\":\"" + code + "\",\"message\":\"x\"}}")
            .getBytes(StandardCharsets.UTF_8));
  }

  private GraphMailbox mailbox(AccessTokenSource tokens) {
    return GraphMailbox.builder()
        .mailbox(BOX)
        .tokens(tokens)
        .graphBaseUri(graph.baseUri())
        .sslContext(graph.clientContext())
        .build();
  }

  private static String reply(String from, String inReplyTo, String text) {
    return "From: "
        + from
        + "\r\nTo: "
        + BOX
        + "\r\nSubject: Re: request\r\nMessage-ID: <r-"
        + text.hashCode()
        + "@example.com>\r\nIn-Reply-To: "
        + inReplyTo
        + "\r\nAuthentication-Results: mx.example.com; dkim=pass header.d=example.com"
        + "\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
        + text
        + "\r\n";
  }

  @Test
  void poll_throughEmailApprovals_submitsAndMarksRead() {
    Clock clock = Clock.fixed(Instant.parse("2026-12-07T09:00:00Z"), ZoneOffset.UTC);
    List<String> submitted = new ArrayList<>();
    EmailApprovals approvals =
        EmailApprovals.builder()
            .tokens(ApprovalTokens.of(Secret.of(KEY)))
            .mailbox(mailbox(() -> Secret.of("token-1")))
            .store(ApprovalStore.open(dir.resolve("s.json")))
            .decisionSink((rid, who, d, c) -> submitted.add(rid + " " + d))
            .authservId("mx.example.com")
            .clock(clock)
            .build();
    ApprovalToken t = approvals.issue("R-7", "alice@example.com");
    messages.put(
        "AAMk-2",
        new Msg(
            "2026-12-07T08:59:00Z",
            reply("alice@example.com", t.messageId("example.com"), "Rejected")));
    messages.put(
        "AAMk-1",
        new Msg(
            "2026-12-07T08:58:00Z",
            reply("alice@example.com", t.messageId("example.com"), "Approved")));

    List<ApprovalResult> results = approvals.poll();

    assertEquals(2, results.size());
    assertEquals("AAMk-1", results.get(0).mailboxId(), "oldest first");
    assertEquals(ApprovalDecision.APPROVED, results.get(0).decision());
    assertEquals(ApprovalResult.Status.ALREADY_DECIDED, results.get(1).status());
    assertEquals(List.of("R-7 APPROVED"), submitted);
    assertEquals(Map.of("AAMk-1", true, "AAMk-2", true), read);
    assertTrue(approvals.poll().isEmpty());
  }

  @Test
  void poll_moreUnreadThanMax_takesTheOldest() {
    messages.put("new", new Msg("2026-12-07T08:59:00Z", reply("a@example.com", "<x@y>", "3")));
    messages.put("old", new Msg("2026-12-07T08:57:00Z", reply("a@example.com", "<x@y>", "1")));
    messages.put("mid", new Msg("2026-12-07T08:58:00Z", reply("a@example.com", "<x@y>", "2")));
    List<String> seen = new ArrayList<>();
    GraphMailbox box = mailbox(() -> Secret.of("token-1"));

    box.poll(1, m -> seen.add(m.mailboxId()));
    box.poll(1, m -> seen.add(m.mailboxId()));

    assertEquals(List.of("old", "mid"), seen);
  }

  @Test
  void poll_rejectedToken_renewedOnce() {
    validToken = "token-2";
    AccessTokenSource tokens =
        new AccessTokenSource() {
          @Override
          public Secret accessToken() {
            return Secret.of("token-1");
          }

          @Override
          public Secret renewAccessToken(Secret rejected) {
            renewals.incrementAndGet();
            return Secret.of("token-2");
          }
        };
    messages.put("m1", new Msg("2026-12-07T08:58:00Z", reply("a@example.com", "<x@y>", "hi")));
    List<String> seen = new ArrayList<>();

    int n = mailbox(tokens).poll(10, m -> seen.add(m.mailboxId()));

    assertEquals(1, n);
    assertEquals(List.of("m1"), seen);
    assertTrue(renewals.get() >= 1);
  }

  @Test
  void poll_tokenRefusedTwice_failsNamingGraphsCode() {
    validToken = "never";
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> mailbox(() -> Secret.of("token-1")).poll(10, m -> true));
    assertTrue(e.getMessage().contains("401 InvalidAuthenticationToken"), e.getMessage());
    assertFalse(e.getMessage().contains("token-1"));
  }

  @Test
  void poll_messageOverTheLimit_handedOverAsTooLarge() {
    messages.put(
        "big", new Msg("2026-12-07T08:58:00Z", reply("a@example.com", "<x@y>", "x".repeat(4000))));
    List<InboundMessage> seen = new ArrayList<>();
    GraphMailbox small =
        GraphMailbox.builder()
            .mailbox(BOX)
            .tokens(() -> Secret.of("token-1"))
            .graphBaseUri(graph.baseUri())
            .sslContext(graph.clientContext())
            .maxMessageBytes(1024)
            .build();

    small.poll(
        10,
        m -> {
          seen.add(m);
          return false;
        });

    assertEquals(1, seen.size());
    assertEquals(null, seen.get(0).content());
    assertEquals(Map.of(), read, "a handler returning false leaves the message unread");
  }
}
