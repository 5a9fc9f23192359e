// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.simulator;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import io.pamkit.core.Violation;
import io.pamkit.sessionlink.internal.Json;
import io.pamkit.sessionlink.internal.SchemaValidator;
import io.pamkit.simulator.internal.SimulatorServer;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The notification settings of the {@link SppSimulator}, with state: {@code EmailClientConfig}
 * (with {@code SendTestEmail}), {@code EmailTemplates} (with render and send test), {@code
 * EventSubscribers} with their {@code Subscriptions}, {@code SyslogServers} and {@code
 * TicketSystems}, under {@code /service/core/v4/}. Request bodies are validated against the OpenAPI
 * schemas ({@code SchemaValidator.settings()}: 400 70000 with {@code ModelState}); answers have the
 * appliance's shapes: write-only secrets are never returned (a {@code Has...} flag says whether one
 * is set), read-only fields ({@code CreatedDate}, {@code UpdatedByUserId}, ...) are filled in,
 * {@code POST} answers 201 and {@code DELETE} 204. Roles follow the OpenAPI descriptions' 403 texts
 * (writes of the SMTP client, syslog servers and ticket systems need ApplianceAdmin; subscribers
 * and templates any administrator); a replica refuses writes (403 60418).
 *
 * <p>Get it with {@link SppSimulator#settings()}; the test-facing methods read and seed the state.
 * Thread-safe: every call holds the simulator's lock.
 */
public final class SimulatedSettings {
  private static final Set<AdminRole> ANY_ADMIN = EnumSet.allOf(AdminRole.class);
  private static final Set<AdminRole> SMTP_READERS =
      EnumSet.of(
          AdminRole.APPLIANCE_ADMIN,
          AdminRole.OPERATIONS_ADMIN,
          AdminRole.SYSTEM_AUDITOR,
          AdminRole.AUDITOR);
  private static final Set<AdminRole> APPLIANCE_ADMIN = EnumSet.of(AdminRole.APPLIANCE_ADMIN);

  /** The write-only secrets and the flag the appliance answers instead. */
  private static final Map<String, String> WRITE_ONLY =
      Map.of(
          "ServiceAccountPassword", "ServiceAccountHasPassword",
          "AuthenticationPassword", "HasAuthenticationPassword",
          "EncryptionPassword", "HasEncryptionPassword",
          "Password", "HasPassword",
          "ClientSecret", "HasClientSecret");

  private final Object lock;
  private final Clock clock;
  private ObjectNode emailClientConfig;
  private final Map<String, String> storedSecrets = new LinkedHashMap<>();
  private final TreeMap<Integer, ObjectNode> syslogServers = new TreeMap<>();
  private final TreeMap<Integer, ObjectNode> subscribers = new TreeMap<>();
  private final TreeMap<Integer, ObjectNode> ticketSystems = new TreeMap<>();
  private final Map<String, ObjectNode> templates = new LinkedHashMap<>();
  private final Map<String, ObjectNode> defaultTemplates = new LinkedHashMap<>();
  private final List<JsonNode> testEmails = new ArrayList<>();
  private int nextId = 1;

  SimulatedSettings(Object lock, Clock clock) {
    this.lock = lock;
    this.clock = clock;
    this.emailClientConfig = defaultEmailClientConfig();
    // [I] a few of the appliance's per-event templates; a real appliance has one per EventName
    for (String event :
        List.of(
            "UserLockedOut",
            "PasswordChangeFailed",
            "AccessRequestCreated",
            "AccessRequestApproved")) {
      ObjectNode t = Json.mapper().createObjectNode();
      t.put("EventName", event)
          .putNull("ReplyToEmail")
          .put("SubjectTemplate", "Safeguard: {{EventDisplayName}}")
          .put("BodyTemplate", "{{EventDisplayName}} at {{Time}} on {{ApplianceName}}.")
          .put("IsModified", false);
      defaultTemplates.put(event, t);
      templates.put(event, t.deepCopy());
    }
  }

  private static ObjectNode defaultEmailClientConfig() {
    // the schema's defaults; a blank ServerAddress means email is disabled
    ObjectNode c = Json.mapper().createObjectNode();
    c.put("ServerAddress", "")
        .put("PortNumber", 25)
        .putNull("SenderEmail")
        .put("RequireTlsFlag", true)
        .put("RequireSmtpsFlag", false)
        .put("VerifySslCertificate", true)
        .put("RequireUserAuthentication", false)
        .put("UseClientCertificate", false);
    c.putObject("ConnectionProperties").put("ServiceAccountHasPassword", false);
    return c;
  }

  // ------------------------------------------------------------------ test-facing API

  /**
   * Returns the stored {@code EmailClientConfig} as the appliance answers it (no password).
   *
   * @return a copy
   */
  public ObjectNode emailClientConfig() {
    synchronized (lock) {
      return emailClientConfig.deepCopy();
    }
  }

  /**
   * Replaces the {@code EmailClientConfig}, as an administrator would in the web UI; a {@code
   * ServiceAccountPassword} is stored and not returned.
   *
   * @param config an {@code EmailClientConfig}
   * @throws IllegalArgumentException if it breaks the schema
   */
  public void putEmailClientConfig(JsonNode config) {
    synchronized (lock) {
      checked("EmailClientConfig", config);
      emailClientConfig = storeEmail(config, "seed");
    }
  }

  /**
   * Returns the stored syslog servers.
   *
   * @return copies, by {@code Id}
   */
  public List<ObjectNode> syslogServers() {
    return stored(syslogServers);
  }

  /**
   * Adds a syslog server.
   *
   * @param server a {@code SyslogServer}
   * @return its {@code Id}
   * @throws IllegalArgumentException if it breaks the schema
   */
  public int addSyslogServer(JsonNode server) {
    return seed(syslogServers, "SyslogServer", server);
  }

  /**
   * Returns the stored event subscribers.
   *
   * @return copies, by {@code Id}, with their {@code Subscriptions}
   */
  public List<ObjectNode> eventSubscribers() {
    return stored(subscribers);
  }

  /**
   * Adds an event subscriber; {@code Subscriptions} may be given as {@code [{"Name": ...}]}.
   *
   * @param subscriber an {@code EventSubscriber}
   * @return its {@code Id}
   * @throws IllegalArgumentException if it breaks the schema
   */
  public int addEventSubscriber(JsonNode subscriber) {
    return seed(subscribers, "EventSubscriber", subscriber);
  }

  /**
   * Returns one event's template.
   *
   * @param eventName the event
   * @return a copy, or null when the simulator has no template for it
   */
  public @Nullable ObjectNode emailTemplate(String eventName) {
    synchronized (lock) {
      ObjectNode t = templates.get(eventName);
      return t == null ? null : t.deepCopy();
    }
  }

  /**
   * Returns the stored ticket systems.
   *
   * @return copies, by {@code Id}
   */
  public List<ObjectNode> ticketSystems() {
    synchronized (lock) {
      return copies(ticketSystems);
    }
  }

  /**
   * Returns the test emails requested so far ({@code EmailClientConfig/SendTestEmail} bodies, and
   * {@code {"EventName", "ToEmail"}} for a template's test).
   *
   * @return copies, oldest first
   */
  public List<JsonNode> testEmails() {
    synchronized (lock) {
      List<JsonNode> out = new ArrayList<>();
      testEmails.forEach(t -> out.add(t.deepCopy()));
      return out;
    }
  }

  private List<ObjectNode> stored(Map<Integer, ObjectNode> store) {
    synchronized (lock) {
      return copies(store);
    }
  }

  /** Adds a resource as a test's setup does: checked against its schema, created by "seed". */
  private int seed(TreeMap<Integer, ObjectNode> store, String schema, JsonNode body) {
    synchronized (lock) {
      checked(schema, body);
      return create(store, body, "seed").get("Id").intValue();
    }
  }

  private static List<ObjectNode> copies(Map<Integer, ObjectNode> m) {
    List<ObjectNode> out = new ArrayList<>();
    m.values().forEach(v -> out.add(v.deepCopy()));
    return out;
  }

  private static void checked(String schema, JsonNode body) {
    List<Violation> v = SchemaValidator.settings().validate(schema, body);
    if (!v.isEmpty()) {
      throw new IllegalArgumentException(schema + ": " + v);
    }
  }

  // ------------------------------------------------------------------ HTTP

  /**
   * Serves a settings request, when the path is one of the settings endpoints; called by the
   * simulator with its lock held, after authentication.
   *
   * @return false when the path is not a settings endpoint (nothing was answered)
   */
  boolean route(
      HttpExchange ex,
      String method,
      String rest,
      Set<AdminRole> roles,
      boolean replica,
      int userId)
      throws IOException {
    String[] seg = rest.split("/");
    if (!Set.of(
            "EmailClientConfig",
            "EmailTemplates",
            "EventSubscribers",
            "SyslogServers",
            "TicketSystems")
        .contains(seg[0])) {
      return false;
    }
    try {
      if (!method.equals("GET") && replica) {
        throw SimulatedFailure.of(
            403,
            60418,
            "This action can only be performed on the primary appliance (not replica).");
      }
      switch (seg[0]) {
        case "EmailClientConfig" -> email(ex, method, seg, roles, userId);
        case "EmailTemplates" -> templates(ex, method, seg, roles);
        case "EventSubscribers" -> subscribers(ex, method, seg, roles, userId);
        case "SyslogServers" ->
            crud(ex, method, seg, roles, userId, syslogServers, "SyslogServer", APPLIANCE_ADMIN);
        default ->
            crud(ex, method, seg, roles, userId, ticketSystems, "TicketSystem", APPLIANCE_ADMIN);
      }
    } catch (SimulatedFailure f) {
      f.respond(ex);
    }
    return true;
  }

  private static void require(Set<AdminRole> roles, Set<AdminRole> anyOf) {
    for (AdminRole r : anyOf) {
      if (roles.contains(r)) {
        return;
      }
    }
    throw SimulatedFailure.of(403, 60108, "Authorization is required for this request.");
  }

  private static JsonNode body(HttpExchange ex, @Nullable String schema) throws IOException {
    byte[] raw = SimulatorServer.body(ex);
    if (raw.length == 0) {
      throw SimulatedFailure.of(400, 60245, "Missing request body.");
    }
    JsonNode node;
    try {
      node = Json.mapper().readTree(raw);
    } catch (IOException e) {
      throw SimulatedFailure.of(400, 70000, "The request is invalid: the body is not JSON.");
    }
    if (schema != null) {
      reject(SchemaValidator.settings().validate(schema, node));
    }
    return node;
  }

  private static void reject(List<Violation> violations) {
    if (violations.isEmpty()) {
      return;
    }
    SimulatedFailure f =
        SimulatedFailure.of(
            400,
            70000,
            "The request is invalid. "
                + violations.get(0)
                + (violations.size() > 1 ? " (and " + (violations.size() - 1) + " more)" : ""));
    ObjectNode ms = ((ObjectNode) requireNonNull(f.body)).putObject("ModelState");
    for (Violation v : violations) {
      String key = "entity" + v.path().substring(1);
      ArrayNode list = ms.has(key) ? (ArrayNode) ms.get(key) : ms.putArray(key);
      list.add(v.message());
    }
    throw f;
  }

  private void email(HttpExchange ex, String method, String[] seg, Set<AdminRole> roles, int userId)
      throws IOException {
    if (seg.length == 1 && method.equals("GET")) {
      require(roles, SMTP_READERS);
      SimulatorServer.respond(ex, 200, emailClientConfig);
    } else if (seg.length == 1 && method.equals("PUT")) {
      require(roles, APPLIANCE_ADMIN);
      emailClientConfig = storeEmail(body(ex, "EmailClientConfig"), Integer.toString(userId));
      SimulatorServer.respond(ex, 200, emailClientConfig);
    } else if (seg.length == 2 && seg[1].equals("SendTestEmail") && method.equals("POST")) {
      require(roles, APPLIANCE_ADMIN);
      JsonNode test = body(ex, "TestEmailClientConfig");
      testEmails.add(test);
      SimulatorServer.respondEmpty(ex, 204);
    } else {
      throw new SimulatedFailure(404, null);
    }
  }

  private ObjectNode storeEmail(JsonNode body, String userId) {
    ObjectNode c = defaultEmailClientConfig();
    body.properties()
        .forEach(
            e -> {
              if (!e.getKey().startsWith("Updated") && !e.getKey().equals("ConnectionProperties")) {
                c.set(e.getKey(), e.getValue().deepCopy());
              }
            });
    ObjectNode props = (ObjectNode) c.get("ConnectionProperties");
    body.path("ConnectionProperties")
        .properties()
        .forEach(e -> props.set(e.getKey(), e.getValue().deepCopy()));
    hideSecrets(props, "EmailClientConfig.");
    props.remove(List.of("ServiceAccountDomainName", "EffectiveServiceAccountName"));
    if (props.hasNonNull("ServiceAccountName")) {
      props.put("EffectiveServiceAccountName", props.get("ServiceAccountName").asText());
    }
    c.put("UpdatedDate", clock.instant().toString());
    c.put("UpdatedByUserId", userId.equals("seed") ? 0 : Integer.parseInt(userId));
    return c;
  }

  /** Moves write-only secrets out of the answer, keeping a Has... flag. */
  private void hideSecrets(ObjectNode node, String prefix) {
    for (Map.Entry<String, String> w : WRITE_ONLY.entrySet()) {
      String key = prefix + w.getKey();
      if (node.hasNonNull(w.getKey())) {
        storedSecrets.put(key, node.get(w.getKey()).asText());
      }
      node.remove(w.getKey());
      if (node.has(w.getValue()) || storedSecrets.containsKey(key)) {
        node.put(w.getValue(), storedSecrets.containsKey(key));
      }
    }
  }

  private void templates(HttpExchange ex, String method, String[] seg, Set<AdminRole> roles)
      throws IOException {
    require(roles, ANY_ADMIN);
    if (seg.length == 1 && method.equals("GET")) {
      ArrayNode a = Json.mapper().createArrayNode();
      templates.values().forEach(a::add);
      SimulatorServer.respond(ex, 200, a);
      return;
    }
    if (seg.length < 2) {
      throw new SimulatedFailure(404, null);
    }
    String event = URLDecoder.decode(seg[1], StandardCharsets.UTF_8);
    boolean known = false;
    for (JsonNode n : SchemaValidator.settings().schema("EventName").path("enum")) {
      known |= n.asText().equals(event);
    }
    if (!known) {
      throw SimulatedFailure.of(400, 70008, "The id parameter must be a valid enum value.");
    }
    ObjectNode t = templates.get(event);
    if (t == null) {
      throw new SimulatedFailure(404, null);
    }
    String op = seg.length > 2 ? seg[2] : "";
    if (op.isEmpty() && method.equals("GET")) {
      SimulatorServer.respond(ex, 200, t);
    } else if (op.isEmpty() && method.equals("PUT")) {
      JsonNode b = body(ex, "EmailTemplate");
      ObjectNode stored = Json.mapper().createObjectNode();
      stored.put("EventName", event);
      stored.set(
          "ReplyToEmail",
          b.path("ReplyToEmail").isMissingNode()
              ? Json.mapper().nullNode()
              : b.get("ReplyToEmail"));
      stored.set("SubjectTemplate", b.get("SubjectTemplate"));
      stored.set("BodyTemplate", b.get("BodyTemplate"));
      stored.put("IsModified", true);
      templates.put(event, stored);
      SimulatorServer.respond(ex, 200, stored);
    } else if (op.isEmpty() && method.equals("DELETE")) {
      ObjectNode d = requireNonNull(defaultTemplates.get(event)).deepCopy();
      templates.put(event, d);
      SimulatorServer.respond(ex, 200, d);
    } else if (op.equals("RenderTestEmail") && method.equals("POST")) {
      ObjectNode r = t.deepCopy();
      r.put("SubjectTemplate", render(t.path("SubjectTemplate").asText(), event));
      r.put("BodyTemplate", render(t.path("BodyTemplate").asText(), event));
      SimulatorServer.respond(ex, 200, r);
    } else if (op.equals("SendTestEmail") && method.equals("POST")) {
      JsonNode to = body(ex, null);
      if (!to.isTextual() || !to.asText().contains("@")) {
        throw SimulatedFailure.of(400, 60223, "Missing or invalid send-to email address provided.");
      }
      if (emailClientConfig.path("ServerAddress").asText("").isEmpty()) {
        throw SimulatedFailure.of(
            400, 60010, "Cannot send test email because the email client is not configured.");
      }
      testEmails.add(
          Json.mapper().createObjectNode().put("EventName", event).put("ToEmail", to.asText()));
      SimulatorServer.respond(ex, 200, t);
    } else {
      throw new SimulatedFailure(404, null);
    }
  }

  /** [I] sample data for the mustache tags. */
  private static String render(String template, String event) {
    return template
        .replace("{{EventDisplayName}}", event)
        .replace("{{Time}}", "2025-01-01T00:00:00Z")
        .replace("{{ApplianceName}}", "spp-simulator");
  }

  private void subscribers(
      HttpExchange ex, String method, String[] seg, Set<AdminRole> roles, int userId)
      throws IOException {
    require(roles, ANY_ADMIN);
    if (seg.length >= 3 && seg[2].equals("Subscriptions")) {
      ObjectNode s = existing(subscribers, seg[1]);
      if (seg.length == 3 && method.equals("GET")) {
        SimulatorServer.respond(ex, 200, s.get("Subscriptions"));
        return;
      }
      JsonNode b = body(ex, null);
      reject(SchemaValidator.settings().validateArray("Event", b));
      ArrayNode subs = (ArrayNode) s.get("Subscriptions");
      if (seg.length == 3 && method.equals("PUT")) {
        subs.removeAll();
        b.forEach(e -> subs.add(subscription(e.get("Name").asText())));
      } else if (seg.length == 4
          && method.equals("POST")
          && (seg[3].equals("Add") || seg[3].equals("Remove"))) {
        for (JsonNode e : b) {
          String name = e.get("Name").asText();
          for (int i = subs.size() - 1; i >= 0; i--) {
            if (subs.get(i).path("Name").asText().equals(name)) {
              subs.remove(i);
            }
          }
          if (seg[3].equals("Add")) {
            subs.add(subscription(name));
          }
        }
      } else {
        throw new SimulatedFailure(404, null);
      }
      SimulatorServer.respond(ex, 200, subs);
      return;
    }
    crud(ex, method, seg, roles, userId, subscribers, "EventSubscriber", ANY_ADMIN);
  }

  private static ObjectNode subscription(String name) {
    // [I] the appliance answers the event's definition; the simulator its name and flags
    ObjectNode e = Json.mapper().createObjectNode();
    e.put("Name", name).put("EmailFlag", true).put("SyslogFlag", true).put("SnmpFlag", true);
    return e;
  }

  private static ObjectNode existing(Map<Integer, ObjectNode> store, String id) {
    try {
      ObjectNode n = store.get(Integer.parseInt(id));
      if (n != null) {
        return n;
      }
    } catch (NumberFormatException e) {
      throw SimulatedFailure.of(400, 70000, "The request is invalid: '" + id + "' is not an id.");
    }
    throw new SimulatedFailure(404, null);
  }

  /** The list, create, get, update and delete routes of a collection; every admin may read. */
  private void crud(
      HttpExchange ex,
      String method,
      String[] seg,
      Set<AdminRole> roles,
      int userId,
      TreeMap<Integer, ObjectNode> store,
      String schema,
      Set<AdminRole> writers)
      throws IOException {
    if (method.equals("GET")) {
      require(roles, ANY_ADMIN);
    } else {
      require(roles, writers);
    }
    if (seg.length == 1 && method.equals("GET")) {
      ArrayNode a = Json.mapper().createArrayNode();
      store.values().forEach(a::add);
      SimulatorServer.respond(ex, 200, a);
    } else if (seg.length == 1 && method.equals("POST")) {
      SimulatorServer.respond(ex, 201, create(store, body(ex, schema), Integer.toString(userId)));
    } else if (seg.length == 2 && method.equals("GET")) {
      SimulatorServer.respond(ex, 200, existing(store, seg[1]));
    } else if (seg.length == 2 && method.equals("PUT")) {
      ObjectNode old = existing(store, seg[1]);
      JsonNode b = body(ex, schema);
      ObjectNode stored = stored(schema, b, old.get("Id").intValue());
      for (String keep : List.of("CreatedDate", "CreatedByUserId", "Subscriptions")) {
        if (old.has(keep) && !(keep.equals("Subscriptions") && b.has("Subscriptions"))) {
          stored.set(keep, old.get(keep));
        }
      }
      store.put(old.get("Id").intValue(), stored);
      SimulatorServer.respond(ex, 200, stored);
    } else if (seg.length == 2 && method.equals("DELETE")) {
      ObjectNode old = existing(store, seg[1]);
      store.remove(old.get("Id").intValue());
      SimulatorServer.respondEmpty(ex, 204);
    } else if (seg.length == 3
        && seg[2].equals("TestConnection")
        && method.equals("POST")
        && schema.equals("TicketSystem")) {
      existing(store, seg[1]);
      SimulatorServer.respondEmpty(ex, 204);
    } else {
      throw new SimulatedFailure(404, null);
    }
  }

  private ObjectNode create(TreeMap<Integer, ObjectNode> store, JsonNode body, String userId) {
    int id = nextId++;
    ObjectNode n =
        stored(
            store == syslogServers
                ? "SyslogServer"
                : store == subscribers ? "EventSubscriber" : "TicketSystem",
            body,
            id);
    n.put("CreatedDate", clock.instant().toString());
    n.put("CreatedByUserId", userId.equals("seed") ? 0 : Integer.parseInt(userId));
    store.put(id, n);
    return n;
  }

  /** The stored form: the body's fields, defaults, the Id, no write-only secrets. */
  private ObjectNode stored(String schema, JsonNode body, int id) {
    ObjectNode n = Json.mapper().createObjectNode();
    n.put("Id", id);
    body.properties()
        .forEach(
            e -> {
              if (!e.getKey().equals("Id") && !e.getKey().startsWith("Created")) {
                n.set(e.getKey(), e.getValue().deepCopy());
              }
            });
    switch (schema) {
      case "SyslogServer" -> {
        // the schema's defaults
        putDefault(n, "Port", 514);
        putDefault(n, "UseSslEncryption", false);
        putDefault(n, "UseClientCertificate", false);
        putDefault(n, "VerifySslCertificate", false);
      }
      case "EventSubscriber" -> {
        ArrayNode subs = Json.mapper().createArrayNode();
        n.path("Subscriptions").forEach(e -> subs.add(subscription(e.path("Name").asText())));
        n.set("Subscriptions", subs);
        putDefault(n, "IsSystemOwned", false);
        if (n.get("SnmpProperties") instanceof ObjectNode snmp) {
          hideSecrets(snmp, schema + id + ".");
        }
      }
      default -> hideSecrets(n, schema + id + ".");
    }
    return n;
  }

  private static void putDefault(ObjectNode n, String field, Object value) {
    if (!n.hasNonNull(field)) {
      n.set(field, Json.mapper().valueToTree(value));
    }
  }
}
