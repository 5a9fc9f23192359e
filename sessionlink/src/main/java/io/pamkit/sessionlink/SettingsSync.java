// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.sessionlink;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pamkit.core.policy.Service;
import io.pamkit.core.policy.ServiceState;
import io.pamkit.core.secret.AccountReference;
import io.pamkit.core.secret.EnvironmentCredentialResolver;
import io.pamkit.sessionlink.SettingsChange.Field;
import io.pamkit.sessionlink.SettingsChange.Operation;
import io.pamkit.sessionlink.internal.Json;
import io.pamkit.sessionlink.internal.ServicesConfigJson;
import io.pamkit.sessionlink.internal.SettingsJson;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Moves the notification settings between a live appliance and a pamkit configuration document
 * (docs/configuration.md; its parts use the API's schemas and field names): {@link #pull()} writes
 * a document from the appliance, {@link #plan} compares a document with the appliance field by
 * field, {@link #apply} makes exactly the planned changes.
 *
 * <p>What is synchronised: {@code EmailClientConfig}, {@code SyslogServers}, {@code
 * EventSubscribers} (with their subscriptions), the modified {@code EmailTemplates}, and {@code
 * ServicesConfig} with {@code AuditLogStreamService}. pamkit's own additions ({@code
 * EmailProviders}, {@code SnmpDestinations} other than as a subscriber's destination, {@code
 * TrustedServers}, {@code EventCatalogExtensions}, a subscriber's {@code Filter}, {@code Template}
 * and {@code Enabled}, templates with a {@code Name}, {@code ApplicationToApplicationEnabled}) have
 * no counterpart in the API subset and are left alone, with a note.
 *
 * <p>Secrets: the appliance never returns its write-only passwords, so a pulled document has none;
 * where one is needed it gets an {@code AccountReference} (SMTP) or a note. A plan shows a secret's
 * value as {@code (secret)}.
 */
public final class SettingsSync {
  private static final String SECRET = "(secret)";

  /** pamkit's additions, never sent to the appliance. */
  private static final Set<String> PAMKIT_ONLY =
      Set.of("AccountReference", "Filter", "Template", "Enabled", "SnmpDestinationName");

  private final ApplianceSettings settings;

  private SettingsSync(ApplianceSettings settings) {
    this.settings = settings;
  }

  /**
   * Returns the sync over a settings client.
   *
   * @param settings the client
   * @return the sync
   */
  public static SettingsSync of(ApplianceSettings settings) {
    return new SettingsSync(requireNonNull(settings, "settings"));
  }

  /**
   * A document pulled from the appliance.
   *
   * @param document the configuration document (indented JSON, no secrets)
   * @param notes where secrets go and what was left out, one line each
   */
  public record Pulled(String document, List<String> notes) {
    /** Copies the notes. */
    public Pulled {
      requireNonNull(document, "document");
      notes = List.copyOf(notes);
    }
  }

  // ------------------------------------------------------------------ pull

  /**
   * Reads the appliance's notification settings as a configuration document.
   *
   * @return the document and the notes
   */
  public Pulled pull() {
    List<String> notes = new ArrayList<>();
    ObjectNode doc = Json.mapper().createObjectNode();
    doc.set("EmailClientConfig", pullEmail(notes));
    ArrayNode servers = doc.putArray("SyslogServers");
    settings.syslogServers().forEach(s -> servers.add(s.writable()));
    ArrayNode subscribers = doc.putArray("EventSubscribers");
    for (SettingsResource s : settings.eventSubscribers()) {
      ObjectNode sub = pullSubscriber(s, notes);
      if (sub != null) {
        subscribers.add(sub);
      }
    }
    ArrayNode templates = doc.putArray("EmailTemplates");
    for (SettingsResource t : settings.emailTemplates()) {
      // [I] only the templates an administrator changed; the defaults are the appliance's own
      if (t.json().path("IsModified").asBoolean(false)) {
        templates.add(t.writable());
      }
    }
    ObjectNode services = ServicesConfigJson.write(settings.client().servicesConfig());
    services
        .putObject("AuditLogStreamService")
        .put("Enabled", settings.client().auditLogStreamService());
    doc.set("ServicesConfig", services);
    for (String empty : List.of("SyslogServers", "EventSubscribers", "EmailTemplates")) {
      if (doc.get(empty).isEmpty()) {
        doc.remove(empty);
      }
    }
    try {
      return new Pulled(
          Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(doc) + "\n", notes);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the document", e);
    }
  }

  private ObjectNode pullEmail(List<String> notes) {
    SettingsResource raw = settings.emailClientConfig();
    ObjectNode c = raw.writable();
    ObjectNode props = c.path("ConnectionProperties") instanceof ObjectNode o ? o : null;
    if (props != null) {
      props.remove("ServiceAccountPassword");
      if (props.isEmpty()) {
        c.remove("ConnectionProperties");
      }
    }
    if (c.path("RequireUserAuthentication").asBoolean(false)
        && props != null
        && props.hasNonNull("ServiceAccountName")) {
      JsonNode rawProps = raw.json().path("ConnectionProperties");
      String domain = rawProps.path("ServiceAccountDomainName").asText("");
      AccountReference ref =
          domain.isEmpty()
              ? new AccountReference(
                  AccountReference.Kind.ASSET_ACCOUNT,
                  c.path("ServerAddress").asText("smtp"),
                  props.get("ServiceAccountName").asText())
              : new AccountReference(
                  AccountReference.Kind.DIRECTORY_ACCOUNT,
                  domain,
                  props.get("ServiceAccountName").asText());
      props
          .putObject("AccountReference")
          .put(
              "Kind",
              ref.kind() == AccountReference.Kind.ASSET_ACCOUNT
                  ? "AssetAccount"
                  : "DirectoryAccount")
          .put("Owner", ref.owner())
          .put("Name", ref.name());
      notes.add(
          "EmailClientConfig.ConnectionProperties: the appliance never returns"
              + " ServiceAccountPassword; pamkit resolves the AccountReference written there with a"
              + " CredentialResolver (EnvironmentCredentialResolver reads "
              + EnvironmentCredentialResolver.create().variableName(ref)
              + ")");
    }
    return c;
  }

  private static @Nullable ObjectNode pullSubscriber(SettingsResource s, List<String> notes) {
    ObjectNode raw = s.json();
    String type = raw.path("Type").asText("");
    String which = "EventSubscriber " + s.id().map(String::valueOf).orElse("?");
    if (raw.path("IsSystemOwned").asBoolean(false)) {
      notes.add(which + " is built into the appliance (IsSystemOwned); not pulled");
      return null;
    }
    if (!type.equalsIgnoreCase("Email")
        && !type.equalsIgnoreCase("Syslog")
        && !type.equalsIgnoreCase("Snmp")) {
      notes.add(which + " of Type " + type + " notifies the appliance's own users; not pulled");
      return null;
    }
    ObjectNode sub = s.writable();
    if (type.equalsIgnoreCase("Email")
        && !sub.hasNonNull("EmailAddress")
        && !sub.hasNonNull("UserId")) {
      notes.add(which + " notifies administrator roles, not an address; not pulled");
      return null;
    }
    ArrayNode names = Json.mapper().createArrayNode();
    raw.path("Subscriptions")
        .forEach(e -> names.add(e.isTextual() ? e.asText() : e.path("Name").asText()));
    sub.set("Subscriptions", names);
    if (sub.path("SnmpProperties") instanceof ObjectNode snmp) {
      for (String secret : List.of("AuthenticationPassword", "EncryptionPassword", "Community")) {
        if (snmp.has(secret)) {
          snmp.remove(secret);
          if (secret.equals("Community")) {
            notes.add(
                which
                    + ": SnmpProperties.Community left out (a secret); add it to the"
                    + " document if it is not 'public'");
          }
        }
      }
      if (!snmp.path("AuthenticationType").asText("None").equals("None")) {
        notes.add(
            which
                + ": the appliance never returns the SNMPv3 AuthenticationPassword"
                + (snmp.path("EncryptionType").asText("None").equals("None")
                    ? ""
                    : " and EncryptionPassword")
                + "; add them to the document (or move the destination to SnmpDestinations)");
      }
    }
    return sub;
  }

  // ------------------------------------------------------------------ plan

  /**
   * Compares a configuration document with the appliance. Only the fields the document lists are
   * compared; the appliance's other fields stay as they are. Resources are matched by {@code Id},
   * else by {@code Name} (syslog servers), by destination (subscribers: {@code Type} and the
   * address) or by {@code EventName} (templates).
   *
   * @param document the document, already checked with {@code PamkitConfig.parse}
   * @param prune also delete syslog servers and subscribers the document does not have, and reset
   *     modified templates it does not have
   * @return the plan
   */
  public SettingsPlan plan(JsonNode document, boolean prune) {
    requireNonNull(document, "document");
    List<SettingsChange> changes = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    for (String part : List.of("EmailProviders", "TrustedServers", "EventCatalogExtensions")) {
      if (document.has(part)) {
        notes.add(part + " is pamkit's own; the appliance's API has no such setting, not pushed");
      }
    }
    if (document.get("EmailClientConfig") instanceof ObjectNode email) {
      planEmail(email, changes);
    }
    planServers(document.path("SyslogServers"), prune, changes, notes);
    planSubscribers(document, prune, changes, notes);
    planTemplates(document.path("EmailTemplates"), prune, changes, notes);
    if (document.get("ServicesConfig") instanceof ObjectNode services) {
      planServices(services, changes, notes);
    }
    return new SettingsPlan(changes, notes);
  }

  /**
   * Makes the planned changes, in order; stops at the first failure (the changes before it stay
   * made).
   *
   * @param plan a plan from {@link #plan}
   */
  public void apply(SettingsPlan plan) {
    requireNonNull(plan, "plan").changes().forEach(c -> c.apply(settings));
  }

  private void planEmail(ObjectNode wanted, List<SettingsChange> changes) {
    ObjectNode current = settings.emailClientConfig().writable();
    ObjectNode want = pushable(wanted);
    planUpdate(
        "EmailClientConfig",
        "",
        current,
        want,
        changes,
        (s, body) -> s.updateEmailClientConfig(body));
  }

  private void planServers(
      JsonNode wanted, boolean prune, List<SettingsChange> changes, List<String> notes) {
    List<SettingsResource> current = new ArrayList<>(settings.syslogServers());
    for (JsonNode w : wanted) {
      ObjectNode want = pushable(w);
      SettingsResource match =
          find(current, r -> sameId(r, want) || r.text("Name").equals(text(want, "Name")));
      planOne(
          "SyslogServers",
          "Name=" + want.path("Name").asText(),
          match,
          want,
          current,
          changes,
          s -> s.createSyslogServer(want),
          (s, body) -> s.updateSyslogServer(requireNonNull(match).id().orElseThrow(), body));
    }
    for (SettingsResource left : current) {
      int id = left.id().orElse(0);
      String key = "Id=" + id + " Name=" + left.text("Name").orElse("");
      if (prune) {
        changes.add(
            new SettingsChange(
                "SyslogServers",
                key,
                Operation.DELETE,
                List.of(),
                s -> s.deleteSyslogServer(id, false)));
      } else {
        notes.add("SyslogServers[" + key + "] is on the appliance only; kept (--prune deletes)");
      }
    }
  }

  private void planSubscribers(
      JsonNode document, boolean prune, List<SettingsChange> changes, List<String> notes) {
    List<SettingsResource> current = new ArrayList<>();
    for (SettingsResource r : settings.eventSubscribers()) {
      String type = r.text("Type").orElse("");
      boolean ours =
          type.equalsIgnoreCase("Email")
              || type.equalsIgnoreCase("Syslog")
              || type.equalsIgnoreCase("Snmp");
      if (ours && !r.json().path("IsSystemOwned").asBoolean(false)) {
        current.add(r);
      }
    }
    boolean pamkitFields = false;
    for (JsonNode w : document.path("EventSubscribers")) {
      for (String f : List.of("Filter", "Template", "Enabled")) {
        pamkitFields |= w.has(f);
      }
      ObjectNode want = pushable(w);
      if (w.path("SnmpProperties").hasNonNull("SnmpDestinationName")) {
        want.set(
            "SnmpProperties",
            destination(document, w.path("SnmpProperties").path("SnmpDestinationName").asText()));
      }
      List<String> names = new ArrayList<>();
      want.path("Subscriptions")
          .forEach(e -> names.add(e.isTextual() ? e.asText() : e.path("Name").asText()));
      want.remove("Subscriptions");
      String dest = destination(want);
      SettingsResource match = find(current, r -> sameId(r, want));
      if (match == null) {
        match = find(current, r -> destination(r.json()).equals(dest));
      }
      want.remove("Id");
      SettingsResource m = match;
      List<Field> fields = new ArrayList<>();
      if (m == null) {
        diff("", Json.mapper().createObjectNode(), want, fields);
        fields.add(new Field("Subscriptions", null, String.join(",", names)));
        ObjectNode body = want.deepCopy();
        ArrayNode subs = body.putArray("Subscriptions");
        names.forEach(n -> subs.addObject().put("Name", n));
        changes.add(
            new SettingsChange(
                "EventSubscribers",
                dest,
                Operation.CREATE,
                fields,
                s -> s.createEventSubscriber(body)));
        continue;
      }
      current.remove(m);
      int id = m.id().orElseThrow();
      ObjectNode have = m.writable();
      have.remove("Subscriptions");
      diff("", have, want, fields);
      boolean propsChanged = !fields.isEmpty();
      Set<String> before = new TreeSet<>();
      m.json()
          .path("Subscriptions")
          .forEach(e -> before.add(e.isTextual() ? e.asText() : e.path("Name").asText()));
      boolean subsChanged = !before.equals(new TreeSet<>(names));
      if (subsChanged) {
        fields.add(
            new Field(
                "Subscriptions", String.join(",", before), String.join(",", new TreeSet<>(names))));
      }
      if (!fields.isEmpty()) {
        ObjectNode body = overlay(have, want);
        changes.add(
            new SettingsChange(
                "EventSubscribers",
                "Id=" + id + " " + dest,
                Operation.UPDATE,
                fields,
                s -> {
                  if (propsChanged) {
                    s.updateEventSubscriber(id, body);
                  }
                  if (subsChanged) {
                    s.setSubscriptions(id, names);
                  }
                }));
      }
    }
    if (pamkitFields) {
      notes.add("EventSubscribers: Filter, Template and Enabled are pamkit's own; not pushed");
    }
    for (SettingsResource left : current) {
      int id = left.id().orElse(0);
      String key = "Id=" + id + " " + destination(left.json());
      if (prune) {
        changes.add(
            new SettingsChange(
                "EventSubscribers",
                key,
                Operation.DELETE,
                List.of(),
                s -> s.deleteEventSubscriber(id)));
      } else {
        notes.add(
            "EventSubscribers[" + key + "] is on the appliance only; kept (--prune" + " deletes)");
      }
    }
  }

  private void planTemplates(
      JsonNode wanted, boolean prune, List<SettingsChange> changes, List<String> notes) {
    if (wanted.isMissingNode() && !prune) {
      return;
    }
    List<SettingsResource> current = new ArrayList<>(settings.emailTemplates());
    Set<String> listed = new HashSet<>();
    for (JsonNode w : wanted) {
      if (w.hasNonNull("Name")) {
        notes.add(
            "EmailTemplates[Name="
                + w.get("Name").asText()
                + "] is pamkit's own (it has a"
                + " Name); not pushed");
        continue;
      }
      String event = w.path("EventName").asText();
      listed.add(event);
      ObjectNode want = pushable(w);
      SettingsResource match = find(current, r -> r.text("EventName").equals(Optional.of(event)));
      if (match == null) {
        notes.add(
            "EmailTemplates[EventName="
                + event
                + "]: the appliance has no template for"
                + " this event; not pushed");
        continue;
      }
      ObjectNode have = match.writable();
      planUpdate(
          "EmailTemplates",
          "EventName=" + event,
          have,
          want,
          changes,
          (s, body) -> s.updateEmailTemplate(event, body));
    }
    if (prune) {
      for (SettingsResource r : current) {
        String event = r.text("EventName").orElse("");
        if (!listed.contains(event) && r.json().path("IsModified").asBoolean(false)) {
          changes.add(
              new SettingsChange(
                  "EmailTemplates",
                  "EventName=" + event,
                  Operation.DELETE,
                  List.of(),
                  s -> s.resetEmailTemplate(event)));
        }
      }
    }
  }

  private void planServices(ObjectNode wanted, List<SettingsChange> changes, List<String> notes) {
    SppClient spp = settings.client();
    ServiceState state = spp.servicesConfig();
    ObjectNode have = ServicesConfigJson.write(state);
    List<Field> fields = new ArrayList<>();
    ServiceState.Builder next = state.toBuilder();
    for (Map.Entry<String, JsonNode> e : wanted.properties()) {
      if (!e.getValue().isBoolean() || !have.has(e.getKey())) {
        continue;
      }
      boolean on = e.getValue().booleanValue();
      if (have.get(e.getKey()).booleanValue() != on) {
        fields.add(new Field(e.getKey(), have.get(e.getKey()).toString(), Boolean.toString(on)));
        next.enabled(Service.fromWireName(e.getKey()).orElseThrow(), on);
      }
    }
    if (!fields.isEmpty()) {
      ServiceState target = next.build();
      changes.add(
          new SettingsChange(
              "ServicesConfig",
              "",
              Operation.UPDATE,
              fields,
              s -> s.client().updateServicesConfig(target)));
    }
    JsonNode audit = wanted.path("AuditLogStreamService").path("Enabled");
    if (audit.isBoolean()) {
      boolean now = spp.auditLogStreamService();
      if (now != audit.booleanValue()) {
        boolean on = audit.booleanValue();
        changes.add(
            new SettingsChange(
                "ServicesConfig",
                "AuditLogStreamService",
                Operation.UPDATE,
                List.of(new Field("Enabled", Boolean.toString(now), Boolean.toString(on))),
                s -> s.client().setAuditLogStreamService(on)));
      }
    }
    if (wanted.has("ApplicationToApplicationEnabled")) {
      notes.add("ServicesConfig.ApplicationToApplicationEnabled is pamkit's own; not pushed");
    }
  }

  // ------------------------------------------------------------------ helpers

  private interface Update {
    void run(ApplianceSettings s, ObjectNode body);
  }

  private static void planOne(
      String resource,
      String key,
      @Nullable SettingsResource match,
      ObjectNode want,
      List<SettingsResource> current,
      List<SettingsChange> changes,
      Consumer<ApplianceSettings> create,
      Update update) {
    List<Field> fields = new ArrayList<>();
    if (match == null) {
      want.remove("Id");
      diff("", Json.mapper().createObjectNode(), want, fields);
      changes.add(new SettingsChange(resource, key, Operation.CREATE, fields, create));
      return;
    }
    current.remove(match);
    ObjectNode have = match.writable();
    want.remove("Id");
    planUpdate(resource, "Id=" + match.id().orElse(0) + " " + key, have, want, changes, update);
  }

  /** Plans an update of what differs between {@code have} and {@code want}; nothing if equal. */
  private static void planUpdate(
      String resource,
      String key,
      ObjectNode have,
      ObjectNode want,
      List<SettingsChange> changes,
      Update update) {
    List<Field> fields = new ArrayList<>();
    diff("", have, want, fields);
    if (!fields.isEmpty()) {
      ObjectNode body = overlay(have, want);
      changes.add(
          new SettingsChange(resource, key, Operation.UPDATE, fields, s -> update.run(s, body)));
    }
  }

  private static @Nullable SettingsResource find(
      List<SettingsResource> in, java.util.function.Predicate<SettingsResource> test) {
    for (SettingsResource r : in) {
      if (test.test(r)) {
        return r;
      }
    }
    return null;
  }

  private static boolean sameId(SettingsResource r, JsonNode want) {
    return want.path("Id").canConvertToInt()
        && r.id().isPresent()
        && r.id().get() == want.path("Id").intValue();
  }

  private static Optional<String> text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v != null && v.isTextual() ? Optional.of(v.asText()) : Optional.empty();
  }

  /** A subscriber's destination, the key that matches it without an Id [I]. */
  private static String destination(JsonNode s) {
    StringBuilder b =
        new StringBuilder(s.path("Type").asText("").toLowerCase(java.util.Locale.ROOT));
    if (s.hasNonNull("EmailAddress")) {
      b.append(' ').append(s.get("EmailAddress").asText());
    }
    if (s.hasNonNull("UserId")) {
      b.append(" user ").append(s.get("UserId").asText());
    }
    JsonNode p = s.path("SyslogProperties");
    for (String f : List.of("SyslogServerId", "SyslogServerName", "NetworkAddress")) {
      if (p.hasNonNull(f)) {
        b.append(' ').append(p.get(f).asText());
        break;
      }
    }
    JsonNode snmp = s.path("SnmpProperties");
    if (snmp.hasNonNull("NetworkAddress")) {
      b.append(' ')
          .append(snmp.get("NetworkAddress").asText())
          .append(':')
          .append(snmp.path("Port").asInt(162));
    }
    return b.toString();
  }

  private static ObjectNode destination(JsonNode document, String name) {
    for (JsonNode d : document.path("SnmpDestinations")) {
      if (d.path("Name").asText().equals(name)) {
        ObjectNode p = pushable(d);
        p.remove("Name");
        return p;
      }
    }
    throw new IllegalArgumentException("no SnmpDestinations entry named '" + name + "'");
  }

  /** The document's fields that go to the appliance: no pamkit additions, no read-only fields. */
  private static ObjectNode pushable(JsonNode node) {
    ObjectNode copy = SettingsJson.writable(node);
    removeDeep(copy);
    return copy;
  }

  private static void removeDeep(ObjectNode n) {
    n.remove(PAMKIT_ONLY);
    n.properties()
        .forEach(
            e -> {
              if (e.getValue() instanceof ObjectNode o) {
                removeDeep(o);
              }
            });
  }

  /** Adds to {@code out} each field of {@code want} that differs from {@code have}. */
  private static void diff(String prefix, JsonNode have, ObjectNode want, List<Field> out) {
    for (Map.Entry<String, JsonNode> e : want.properties()) {
      String name = prefix + e.getKey();
      JsonNode h = have.get(e.getKey());
      JsonNode w = e.getValue();
      if (w.isObject()) {
        diff(name + ".", h == null ? Json.mapper().createObjectNode() : h, (ObjectNode) w, out);
      } else if (SettingsJson.isSecret(e.getKey())) {
        // write-only secrets are never returned, so they cannot be compared: always set [I]
        if (h == null || !h.equals(w)) {
          out.add(new Field(name, h == null ? null : SECRET, SECRET));
        }
      } else if (h == null || !same(h, w)) {
        out.add(new Field(name, h == null ? null : h.toString(), w.toString()));
      }
    }
  }

  private static boolean same(JsonNode a, JsonNode b) {
    if (a.isNumber() && b.isNumber()) {
      return a.decimalValue().compareTo(b.decimalValue()) == 0;
    }
    if (a.isArray() && b.isArray()) {
      Set<String> x = new LinkedHashSet<>();
      Set<String> y = new LinkedHashSet<>();
      a.forEach(n -> x.add(n.toString()));
      b.forEach(n -> y.add(n.toString()));
      return x.equals(y);
    }
    return a.equals(b);
  }

  /** {@code have} with {@code want}'s fields written over it, objects merged. */
  private static ObjectNode overlay(ObjectNode have, ObjectNode want) {
    ObjectNode out = have.deepCopy();
    want.properties()
        .forEach(
            e -> {
              if (e.getValue() instanceof ObjectNode w
                  && out.get(e.getKey()) instanceof ObjectNode h) {
                out.set(e.getKey(), overlay(h, w));
              } else {
                out.set(e.getKey(), e.getValue().deepCopy());
              }
            });
    return out;
  }
}
